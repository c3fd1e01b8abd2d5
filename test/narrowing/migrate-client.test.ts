/**
 * migrateClient (src/workflows/) over real HTTP: the runtime client
 * (assembleClient + generated resources) against the emulator on 127.0.0.1.
 */
import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  test,
} from "vitest";
import { assembleClient } from "../../src/client/assemble";
import { createResources } from "../../generated/operations";
import {
  DEFAULT_API_KEY,
  startEmulator,
  type Emulator,
} from "../../src/emulator/index";
import { ArtuVariantError } from "../../src/narrowing";
import { migrateClient } from "../../src/workflows";
import type { OperationDescriptor, OperationInvoker } from "../../src/internal";

let emulator: Emulator;
const clientFor = (environment: "test" | "live") =>
  assembleClient(
    {
      apiKey: DEFAULT_API_KEY,
      environment,
      baseUrl: emulator.url,
      maxRetries: 0,
      drift: "strict",
    },
    createResources,
  );

beforeAll(async () => {
  emulator = await startEmulator({ seed: 11, validateResponses: true });
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

/** A test-environment client without externalId and a transaction without externalId. */
async function seed() {
  const artu = clientFor("test");
  const client = await artu.clients.create({
    type: "individual",
    name: "Acme SA",
  });
  const transaction = await artu.transactions.create({
    amount: 100,
    currency: "MXN",
    relatedClientIds: [client.id],
    timestamp: "2025-01-01T00:00:00Z",
    description: "first payment",
  });
  return { artu, client, transaction };
}

describe("migrateClient", () => {
  test("previews first and returns the blockers with a fix each, without migrating", async () => {
    const { artu, client, transaction } = await seed();
    const result = await migrateClient(artu, client.id, { to: "live" });
    expect(result).toMatchObject({
      status: "blocked",
      blockers: [
        {
          resource: "client",
          id: client.id,
          label: "Acme SA",
          reason: "missing-external-id",
          fix: `client "Acme SA" (${client.id}) has no externalId: set one with clients.update (artu.clients.update({ id: "${client.id}" }, { externalId }))`,
        },
        {
          resource: "transaction",
          id: transaction.id,
          label: "first payment",
          reason: "missing-external-id",
          fix: expect.stringMatching(
            /^transaction "first payment" \(.+\) has no externalId.*include: \{ transactions: false \}$/,
          ),
        },
      ],
      preview: { target: { exists: false, id: null } },
    });
    expect(emulator.state.live.clients.size).toBe(0);
  });

  test("migrates when nothing blocks, returning the completed result with the preview", async () => {
    const { artu, client } = await seed();
    await artu.clients.update(
      { id: client.id },
      {
        externalId: "acme",
      },
    );
    const result = await migrateClient(artu, client.id, {
      to: "live",
      include: { transactions: false },
    });
    expect(result).toMatchObject({
      status: "completed",
      action: "created",
      preview: { blockers: [] },
    });
    if (result.status !== "completed") throw new Error("expected completed");
    const live = await clientFor("live").clients.retrieve({
      id: result.targetId,
    });
    expect(live).toMatchObject({ name: "Acme SA", externalId: "acme" });
  });

  test("preview: false goes straight to clients.migrate; its blocked result gets the same fixes", async () => {
    const { artu, client } = await seed();
    const sent: string[] = [];
    const recording: OperationInvoker = {
      request: (operation, params, body, options) => {
        sent.push(operation.operationId);
        return artu.request(operation, params, body, options);
      },
    };
    const result = await migrateClient(recording, client.id, {
      to: "live",
      preview: false,
    });
    expect(sent).toEqual(["clients.migrate"]);
    expect(result.status).toBe("blocked");
    expect(result).not.toHaveProperty("preview");
    if (result.status === "blocked")
      expect(result.blockers.map((b) => b.fix.split(" ")[0])).toEqual([
        "client",
        "transaction",
      ]);
  });

  test("a migrate status this snapshot does not know is an ArtuVariantError, not a wrong branch", async () => {
    const fake: OperationInvoker = {
      request: async <R>(operation: OperationDescriptor) =>
        (operation.operationId === "clients.migrate"
          ? { status: "queued", jobId: "j1" }
          : {
              target: { exists: false, id: null },
              blockers: [],
              items: [],
            }) as R,
    };
    const error = await migrateClient(
      fake,
      "3c90c3cc-0d44-4b50-8888-8dd25736052a",
      { to: "live" },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArtuVariantError);
    expect(error).toMatchObject({
      operationId: "clients.migrate",
      actual: "queued",
    });
  });
});
