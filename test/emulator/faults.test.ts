import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index";
import { api, ok, person, startTestEmulator } from "./helpers";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.stop());
beforeEach(() => {
  emulator.reset();
  emulator.setFaults([]);
});

describe("fault injection", () => {
  it("answers an injected status with Retry-After a limited number of times, by operationId", async () => {
    emulator.setFaults([{ operationId: "clients.create", status: 429, retryAfter: 2, times: 2 }]);
    const client = api(emulator);
    for (let attempt = 0; attempt < 2; attempt++) {
      const limited = await client.post("/clients", person("X"));
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("2");
      expect(limited.body).toMatchObject({ code: "RATE_LIMITED", message: expect.stringContaining("clients.create") });
    }
    expect((await client.post("/clients", person("X"))).status).toBe(200);
    expect((await client.post("/clients/list", {})).status).toBe(200);
  });

  it("matches rules by path template or concrete path and method", async () => {
    const client = api(emulator);
    const created = ok(await client.post("/clients", person("X")));
    emulator.setFaults([
      { path: "/clients/{id}", method: "PATCH", status: 503 },
      { path: `/clients/${created.id}/promote`, status: 500, code: "BOOM" },
    ]);
    expect((await client.get(`/clients/${created.id}`)).status).toBe(200);
    expect((await client.patch(`/clients/${created.id}`, { name: "Y" })).body.code).toBe("SERVICE_UNAVAILABLE");
    expect((await client.post(`/clients/${created.id}/promote`)).body.code).toBe("BOOM");
  });

  it("adds latency per rule and globally", async () => {
    emulator.setFaults([{ operationId: "clients.list", latencyMs: 150 }]);
    const started = performance.now();
    expect((await api(emulator).post("/clients/list", {})).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);

    const slow = await startEmulator({ latencyMs: 120, validateResponses: true });
    try {
      const t0 = performance.now();
      await api(slow).post("/clients/list", {});
      expect(performance.now() - t0).toBeGreaterThanOrEqual(110);
    } finally {
      await slow.stop();
    }
  });

  it("destroys the socket for reset rules", async () => {
    emulator.setFaults([{ operationId: "clients.create", reset: true, times: 1 }]);
    await expect(api(emulator).post("/clients", person("X"))).rejects.toThrow();
    expect(emulator.state.test.clients.size).toBe(0);
    expect((await api(emulator).post("/clients", person("X"))).status).toBe(200);
  });

  it("fires rate-limited rules from a seeded stream: same seed, same pattern", async () => {
    const pattern = async (seed: number) => {
      const e = await startEmulator({ seed, validateResponses: true, faults: [{ operationId: "clients.list", status: 503, rate: 0.5 }] });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 24; i++) statuses.push((await api(e).post("/clients/list", {})).status);
        return statuses;
      } finally {
        await e.stop();
      }
    };
    const first = await pattern(5);
    expect(new Set(first)).toEqual(new Set([200, 503]));
    expect(await pattern(5)).toEqual(first);
    expect(await pattern(6)).not.toEqual(first);
  });

  it("rejects invalid rules", async () => {
    expect(() => emulator.setFaults([{ rate: 2 }])).toThrow(/rate/);
    await expect(startEmulator({ faults: [{ status: 42 }] })).rejects.toThrow(/status/);
  });
});
