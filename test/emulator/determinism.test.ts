import { describe, expect, it } from "vitest";
import { EMULATOR_EPOCH, startEmulator } from "../../src/emulator/index";
import { api, ok, person } from "./helpers";

/** A short write-heavy session whose every response is kept. */
async function session(seed: number) {
  const emulator = await startEmulator({ seed, validateResponses: true });
  try {
    const run = async () => {
      const client = api(emulator);
      const replies: unknown[] = [];
      const parent = ok(await client.post("/clients", person("P", { externalId: "p" })));
      replies.push(parent);
      replies.push(ok(await client.post(`/clients/${parent.id}/related`, { child: person("C") })));
      replies.push(ok(await client.post("/clients/sync", { clientId: parent.id, addresses: [{ street: "s", city: "c", state: "st", postalCode: "1" }] })));
      replies.push(ok(await client.post("/transactions", { amount: 1, currency: "MXN", relatedClientIds: parent.id, timestamp: "2025-01-01T00:00:00Z" })));
      return replies;
    };
    const first = await run();
    emulator.reset();
    const afterReset = await run();
    return { first, afterReset, clientsAfterReset: emulator.state.test.clients.size };
  } finally {
    await emulator.stop();
  }
}

describe("determinism", () => {
  it("gives identical ids and timestamps for the same seed, and reset() restores the initial state", async () => {
    const a = await session(42);
    const b = await session(42);
    expect(b.first).toEqual(a.first);
    expect(a.afterReset).toEqual(a.first);
    expect(a.clientsAfterReset).toBe(2);
    const parent = a.first[0] as { id: string; createdAt: string };
    expect(parent.createdAt).toBe(new Date(EMULATOR_EPOCH + 1000).toISOString());
    const c = await session(43);
    expect((c.first[0] as { id: string }).id).not.toBe(parent.id);
  });

  it("advances the clock once per write, not per read", async () => {
    const emulator = await startEmulator({ seed: 1, validateResponses: true });
    try {
      const client = api(emulator);
      const first = ok(await client.post("/clients", person("A")));
      await client.get(`/clients/${first.id}`);
      const second = ok(await client.post("/clients/batch", { items: [person("B"), person("C")] }));
      expect(Date.parse(first.createdAt) - EMULATOR_EPOCH).toBe(1000);
      expect(second.data.map((c: { createdAt: string }) => Date.parse(c.createdAt) - EMULATOR_EPOCH)).toEqual([2000, 2000]);
    } finally {
      await emulator.stop();
    }
  });
});
