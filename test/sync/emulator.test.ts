/**
 * The planner's properties against the emulator over HTTP (127.0.0.1): the
 * generated clients.sync description, the runtime client sending the plan
 * with applySync, and the state read back with clients.retrieve.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { clientsSyncPlanner } from "../../generated/helpers";
import {
  createResources,
  type ClientsSyncBody,
  type ClientsSyncParams,
} from "../../generated/operations";
import { assembleClient } from "../../src/client/assemble";
import {
  DEFAULT_API_KEY,
  startEmulator,
  type Emulator,
} from "../../src/emulator/index";
import { applySync, planSync } from "../../src/sync";
import { metadataArb, arrayCaseArb } from "./arbitraries";
import { withMaxItems } from "./descriptions";
import { expectFieldsMatch, expectMatchesDesired } from "./expect-state";

type Item = Record<string, unknown>;

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: 5, validateResponses: true });
});
afterAll(() => emulator.stop());

const artu = () =>
  assembleClient(
    {
      apiKey: DEFAULT_API_KEY,
      environment: "test",
      baseUrl: emulator.url,
      maxRetries: 0,
      drift: "strict",
    },
    createResources,
  );

/** After a reset: a new client holding `items` (created through clients.sync). */
async function freshClientWith(items: Record<string, Item[]>) {
  emulator.reset();
  const api = artu();
  const { id: clientId } = await api.clients.create({
    type: "individual",
    name: "Acme SA",
  });
  await api.clients.sync({ clientId, ...items } as ClientsSyncBody);
  return { api, clientId };
}

/** Every field the emulator needs to create an item; isPrimary left out (the server keeps one primary per client). */
const addressArb: fc.Arbitrary<Item> = fc.record(
  {
    street: fc.constantFrom("Reforma 1", "Juárez 5"),
    city: fc.constantFrom("CDMX", "Guadalajara"),
    state: fc.constantFrom("CDMX", "Jalisco"),
    postalCode: fc.constantFrom("06600", "44100"),
    type: fc.constantFrom("home", "business"),
    metadata: metadataArb,
  },
  { requiredKeys: ["street", "city", "state", "postalCode"] },
);
const contactArb: fc.Arbitrary<Item> = fc.record(
  {
    type: fc.constantFrom("email", "phone"),
    value: fc.constantFrom("a@b.mx", "+52 55 1234 5678"),
    label: fc.constantFrom("work", "home"),
    metadata: metadataArb,
  },
  { requiredKeys: ["type", "value"] },
);
const clientObjectArb = fc.record(
  { name: fc.constantFrom("Acme SA", "Acme SA de CV"), metadata: metadataArb },
  { requiredKeys: [] },
);

/** A generated current item as a create entry: the server assigns id and timestamps. */
const asCreate = ({
  id: _id,
  createdAt: _createdAt,
  updatedAt: _updatedAt,
  ...fields
}: Item): Item => fields;

describe("planSync + applySync against the emulator", () => {
  test("clients.sync: the state read back matches desired and planning again is empty", async () => {
    await fc.assert(
      fc.asyncProperty(
        arrayCaseArb("a", addressArb, 6),
        arrayCaseArb("c", contactArb, 6),
        fc.option(clientObjectArb, { nil: undefined }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        async (addresses, contacts, client, maxItems, replace) => {
          const { api, clientId } = await freshClientWith({
            addresses: addresses.current.map(asCreate),
            contactMethods: contacts.current.map(asCreate),
          });

          const description = withMaxItems(clientsSyncPlanner, maxItems);
          const desired = {
            addresses: addresses.desired,
            contactMethods: contacts.desired,
            ...(client === undefined ? {} : { client }),
          } as never;
          const plan = (current: Record<string, unknown>) =>
            planSync<typeof description, ClientsSyncParams, ClientsSyncBody>(
              description,
              {
                clientId,
                match: "externalId",
                replace,
                current,
                desired,
              },
            );

          const firstPlan = plan(await api.clients.retrieve({ id: clientId }));
          expect(firstPlan.issues).toEqual([]);
          const { responses } = await applySync(api, firstPlan);
          expect(responses).toHaveLength(firstPlan.requests.length);

          const after = (await api.clients.retrieve({
            id: clientId,
          })) as unknown as Item & {
            addresses: Item[];
            contactMethods: Item[];
          };
          expectMatchesDesired(after.addresses, addresses.desired);
          expectMatchesDesired(after.contactMethods, contacts.desired);
          if (client !== undefined) expectFieldsMatch(after, client);
          expect(plan(after).requests).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("externalId collisions against the emulator (ARTU's externalIds are unique: 409 CONFLICT)", () => {
  type Address = Item & { id: string; externalId?: string; city: string };
  type Retrieved = Item & { addresses: Address[] };

  /** A client with addresses e1, e2, e3; returns its id and their ids by externalId. */
  async function clientWithThreeAddresses() {
    const { api, clientId } = await freshClientWith({
      addresses: ["e1", "e2", "e3"].map((externalId, index) => ({
        externalId,
        street: `Reforma ${index + 1}`,
        city: "CDMX",
        state: "CDMX",
        postalCode: "06600",
      })),
    });
    const retrieve = async () =>
      (await api.clients.retrieve({ id: clientId })) as unknown as Retrieved;
    const ids = Object.fromEntries(
      (await retrieve()).addresses.map((item) => [item.externalId, item.id]),
    ) as Record<"e1" | "e2" | "e3", string>;
    return { api, clientId, ids, retrieve };
  }

  /** One address per request, so a collision in a later request would fail part-way. */
  const onePerRequest = withMaxItems(clientsSyncPlanner, 1);
  function plan(
    clientId: string,
    current: Retrieved,
    addresses: Item[],
    match?: "id",
  ) {
    return planSync<typeof onePerRequest, ClientsSyncParams, ClientsSyncBody>(
      onePerRequest,
      {
        clientId,
        current: current as never,
        desired: { addresses } as never,
        ...(match === undefined ? {} : { match }),
      },
    );
  }

  test("swapped externalIds are reported before anything is sent, and the rest of the plan applies", async () => {
    const { api, clientId, ids, retrieve } = await clientWithThreeAddresses();
    const desired = [
      { id: ids.e3, city: "Mérida" },
      { id: ids.e1, externalId: "e2" },
      { id: ids.e2, externalId: "e1" },
    ];
    const first = plan(clientId, await retrieve(), desired, "id");
    expect(first.issues.map((issue) => issue.key)).toEqual(["e2", "e1"]);
    expect(first.requests).toHaveLength(1);
    await applySync(api, first); // before: request 2 of 3 failed with 409 after request 1 was applied

    const after = await retrieve();
    const byId = new Map(after.addresses.map((item) => [item.id, item]));
    expect(byId.get(ids.e3)!.city).toBe("Mérida");
    expect(byId.get(ids.e1)!.externalId).toBe("e1");
    expect(byId.get(ids.e2)!.externalId).toBe("e2");
    const again = plan(clientId, after, desired, "id");
    expect(again.requests).toEqual([]);
    expect(again.issues).toEqual(first.issues);
  });

  test("an externalId taken from an item the plan deletes converges over two plans without a 409", async () => {
    const { api, clientId, ids, retrieve } = await clientWithThreeAddresses();
    const desired = [
      { id: ids.e1, externalId: "e2", city: "Toluca" },
      { externalId: "e3" },
    ];
    const first = plan(clientId, await retrieve(), desired);
    expect(first.issues.map((issue) => issue.key)).toEqual(["e2"]);
    await applySync(api, first); // before: the update was sent before the delete and failed with 409

    const second = plan(clientId, await retrieve(), desired);
    expect(second.issues).toEqual([]);
    expect(second.summary.addresses).toMatchObject({ update: 1, delete: 0 });
    await applySync(api, second);

    const after = await retrieve();
    expect(
      after.addresses
        .map(({ id, externalId, city }) => ({ id, externalId, city }))
        .sort((a, b) => a.externalId!.localeCompare(b.externalId!)),
    ).toEqual([
      { id: ids.e1, externalId: "e2", city: "Toluca" },
      { id: ids.e3, externalId: "e3", city: "CDMX" },
    ]);
    const third = plan(clientId, after, desired);
    expect([third.requests, third.issues]).toEqual([[], []]);
  });
});
