/**
 * The generated client against the emulator: typed calls, pagination,
 * the error wire format turned into the client's error classes, and retries
 * driven by injected faults.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createArtuClient } from "../../src/client/create-client";
import { ArtuConflictError, ArtuNotFoundError, ArtuValidationError } from "../../src/client/errors";
import { DEFAULT_API_KEY, type Emulator } from "../../src/emulator/index";
import { startTestEmulator } from "./helpers";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.stop());
beforeEach(() => {
  emulator.reset();
  emulator.setFaults([]);
});

const client = (environment: "test" | "live" = "test", maxRetries = 0) =>
  createArtuClient({ apiKey: DEFAULT_API_KEY, environment, baseUrl: emulator.url, maxRetries, drift: "strict" });

describe("createArtuClient against the emulator", () => {
  it("creates, reads and paginates with typed methods", async () => {
    const artu = client();
    const ana = await artu.clients.create({ type: "individual", name: "Ana", externalId: "ana" });
    await artu.addresses.createMany({
      items: Array.from({ length: 5 }, (_, i) => ({ clientId: ana.id, street: `Street ${i}`, city: "CDMX", state: "CDMX", postalCode: "01000" })),
    });
    const streets: string[] = [];
    for await (const address of artu.addresses.listForClient.iterate({ clientId: ana.id, limit: 2 })) streets.push(address.street);
    expect(streets).toEqual(["Street 0", "Street 1", "Street 2", "Street 3", "Street 4"]);
    expect((await artu.clients.retrieve({ id: ana.id })).addresses).toHaveLength(5);
    const migration = await artu.clients.migrate({ id: ana.id }, { to: "live" });
    expect(migration.status).toBe("completed");
    expect((await client("live").clients.retrieveByMetadata({ key: "none", value: "x" }).catch((e: unknown) => e))).toBeInstanceOf(ArtuNotFoundError);
  });

  it("surfaces the wire errors as the client's error classes", async () => {
    const artu = client();
    const missing = await artu.clients.retrieve({ id: "00000000-0000-4000-8000-000000000000" }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ArtuNotFoundError);
    expect(missing).toMatchObject({ status: 404, code: "NOT_FOUND", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    const invalid = await artu.clients.createMany({ items: [] }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ArtuValidationError);
    expect((invalid as ArtuValidationError).issues[0]).toMatchObject({ path: "/body/items" });

    const primary = await artu.clients.create({ type: "company", name: "Co" });
    const conflict = await artu.clients.promote({ id: primary.id }).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(ArtuConflictError);
  });

  it("retries an idempotent read through injected 503s", async () => {
    const artu = client("test", 2);
    const ana = await artu.clients.create({ type: "individual", name: "Ana" });
    emulator.setFaults([{ operationId: "clients.retrieve", status: 503, retryAfter: 0, times: 2 }]);
    expect((await artu.clients.retrieve({ id: ana.id })).name).toBe("Ana");
    emulator.setFaults([{ operationId: "clients.retrieve", status: 503, retryAfter: 0, times: 3 }]);
    await expect(artu.clients.retrieve({ id: ana.id })).rejects.toMatchObject({ status: 503 });
  });
});
