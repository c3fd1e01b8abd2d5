import { describe, expect, test } from "vitest";
import { applySync, planSync, SyncApplyError } from "../../src/sync";
import { ArtuError } from "../../src/client/errors";
import {
  addressesSyncPlanner,
  withMaxItems,
  type AddressesSyncBody,
  type AddressesSyncParams,
} from "./descriptions";
import { currentOf, ModelInvoker, type ModelState } from "./model";

const CLIENT_ID = "0b8f5a0e-2c7a-4f1e-9c55-000000000001";
const description = withMaxItems(addressesSyncPlanner, 2);

function initialState(): ModelState {
  const items = ["e1", "e2", "e3", "e4"].map((externalId, index) => ({
    id: `a${index + 1}`,
    externalId,
    city: "Old",
  }));
  return { root: {}, arrays: { items } };
}

const desired = [
  { externalId: "e1", city: "New" },
  { externalId: "e2", city: "New" },
  { externalId: "n1", city: "New" },
  { externalId: "n2", city: "New" },
  { externalId: "n3", city: "New" },
];

function plan(state: ModelState) {
  return planSync<typeof description, AddressesSyncParams, AddressesSyncBody>(
    description,
    {
      clientId: CLIENT_ID,
      match: "externalId",
      current: currentOf(description, state) as never,
      desired,
    },
  );
}

describe("applySync", () => {
  test("sends every request in order with the operation, params and body, reporting progress; re-planning afterwards is empty", async () => {
    const invoker = new ModelInvoker(description, initialState());
    const thePlan = plan(invoker.state);
    expect(thePlan.requests).toHaveLength(4);
    const progress: [number, number][] = [];
    const result = await applySync(invoker, thePlan, {
      onProgress: ({ index, total }) => progress.push([index, total]),
    });
    expect(result.responses).toEqual([
      { call: 0 },
      { call: 1 },
      { call: 2 },
      { call: 3 },
    ]);
    expect(progress).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
    ]);
    expect(
      invoker.calls.map((call) => [
        call.operation.operationId,
        call.params,
        call.body,
      ]),
    ).toEqual(
      thePlan.requests.map((request) => [
        "addresses.sync",
        { clientId: CLIENT_ID },
        request.body,
      ]),
    );
    expect(plan(invoker.state).requests).toEqual([]);
  });

  test("a failure part-way throws SyncApplyError with exactly the applied and pending requests; resuming with pending completes the sync", async () => {
    const invoker = new ModelInvoker(description, initialState(), 3);
    const thePlan = plan(invoker.state);
    const error = await applySync(invoker, thePlan).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SyncApplyError);
    expect(error).toBeInstanceOf(ArtuError);
    const failure = error as SyncApplyError;
    expect(failure.applied).toEqual(thePlan.requests.slice(0, 3));
    expect(failure.pending).toEqual(thePlan.requests.slice(3));
    expect(failure.responses).toEqual([{ call: 0 }, { call: 1 }, { call: 2 }]);
    expect((failure.cause as Error).message).toBe(
      "simulated failure of call 3",
    );
    expect(failure.message).toBe(
      "addresses.sync: request 4 of 4 failed (simulated failure of call 3); 3 applied, 1 pending",
    );
    // creates and updates went first: the failed request was the delete, every desired item exists
    expect(
      invoker.state.arrays.items!.map((item) => item.externalId).sort(),
    ).toEqual(["e1", "e2", "e3", "e4", "n1", "n2", "n3"]);

    const resumed = new ModelInvoker(description, invoker.state);
    await applySync(resumed, { ...thePlan, requests: failure.pending });
    expect(plan(resumed.state).requests).toEqual([]);
    expect(
      resumed.state.arrays.items!.map((item) => item.externalId).sort(),
    ).toEqual(["e1", "e2", "n1", "n2", "n3"]);
  });

  test("an aborted signal stops before the next request and reports it as pending", async () => {
    const invoker = new ModelInvoker(description, initialState());
    const thePlan = plan(invoker.state);
    const controller = new AbortController();
    const error = (await applySync(invoker, thePlan, {
      signal: controller.signal,
      onProgress: ({ index }) =>
        index === 0 && controller.abort(new Error("stop")),
    }).catch((caught: unknown) => caught)) as SyncApplyError;
    expect(error).toBeInstanceOf(SyncApplyError);
    expect(invoker.calls).toHaveLength(1);
    expect(error.applied).toHaveLength(1);
    expect(error.pending).toEqual(thePlan.requests.slice(1));
    expect((error.cause as Error).message).toBe("stop");
  });

  test("an empty plan sends nothing", async () => {
    const invoker = new ModelInvoker(description, initialState());
    const result = await applySync(invoker, {
      description,
      summary: {},
      requests: [],
      issues: [],
    });
    expect(result.responses).toEqual([]);
    expect(invoker.calls).toEqual([]);
  });
});
