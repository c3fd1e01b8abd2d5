import { inspect } from "node:util";
/**
 * Runtime drift alerts end to end: a real client over HTTP against the
 * emulator (started here, response validation on), which serves drifting
 * bodies through its `mutateResponse` fault.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ArtuApiError,
  ArtuDriftError,
  ArtuError,
  createArtuClient,
  type ArtuClient,
  type ArtuClientOptions,
  type ArtuDrift,
} from "../../src/index";
import { validatorsModule } from "../../src/drift/load-validators";
import { DEFAULT_API_KEY, startEmulator, type Emulator, type FaultRule } from "../../src/emulator/index";

let emulator: Emulator;
let clientId: string;

function client(options: Partial<ArtuClientOptions> = {}): ArtuClient {
  return createArtuClient({ apiKey: DEFAULT_API_KEY, environment: "test", baseUrl: emulator.url, maxRetries: 0, ...options });
}

/** A client with drift on and the divergences it reports. */
function reporting(mode: "report" | "strict" = "report"): { artu: ArtuClient; reports: ArtuDrift[] } {
  const reports: ArtuDrift[] = [];
  return { artu: client({ drift: mode, onDrift: (drift) => reports.push(drift) }), reports };
}

const mutate = (operationId: string, mutateResponse: (body: any) => unknown): FaultRule => ({ operationId, mutateResponse });

beforeAll(async () => {
  emulator = await startEmulator({ seed: 11, validateResponses: true });
  const created = await client().clients.create({ type: "individual", name: "Ana", lastName: "López", externalId: "ana", scopes: ["MX"] } as never);
  clientId = (created as { id: string }).id;
  await client().addresses.createMany({
    items: [1, 2, 3].map((n) => ({ clientId, type: "home", street: `Calle ${n}`, city: "CDMX", state: "CDMX", postalCode: "01000", country: "MX" })),
  } as never);
});
afterAll(() => emulator.stop());
afterEach(() => {
  emulator.setFaults([]);
  vi.restoreAllMocks();
});

describe('drift: "report"', () => {
  it("reports nothing for responses that match the snapshot, across operations", async () => {
    const { artu, reports } = reporting();
    await artu.clients.retrieve({ id: clientId });
    await artu.clients.list();
    await artu.addresses.listForClient({ clientId });
    await artu.clients.create({ type: "company", name: "Acme SA", externalId: "acme", scopes: ["MX"] } as never);
    await artu.clients.update({ id: clientId }, { middleName: "María" } as never);
    expect(reports).toEqual([]);
  });

  it("reports an extra field and a new enum value once per operation and pointer, and still returns the data", async () => {
    emulator.setFaults([mutate("clients.retrieve", (body) => ({ ...body, riskLevel: "high", scopes: ["MX", "MX:NEW"] }))]);
    const { artu, reports } = reporting();
    const data = (await artu.clients.retrieve({ id: clientId })) as Record<string, unknown>;
    expect(data).toMatchObject({ id: clientId, name: "Ana", riskLevel: "high", scopes: ["MX", "MX:NEW"] });
    expect(reports).toHaveLength(2);
    expect(reports).toContainEqual({ operationId: "clients.retrieve", pointer: "/riskLevel", kind: "unknown-property", expected: "absent", actual: '"high"' });
    const enumDrift = reports.find((drift) => drift.kind === "unknown-enum-value")!;
    expect(enumDrift).toMatchObject({ operationId: "clients.retrieve", pointer: "/scopes/1", actual: '"MX:NEW"' });
    // expected: every value the snapshot's Scope enum lists.
    expect(enumDrift.expected.split(" | ")).toEqual(expect.arrayContaining(['"MX"', '"base"', '"MX:CNBV"']));
    expect(enumDrift.expected).not.toContain("MX:NEW");

    await artu.clients.retrieve({ id: clientId });
    await artu.clients.retrieve({ id: clientId });
    expect(reports).toHaveLength(2);
  });

  it("reports the same drift again for another operation, and once for all items of a list", async () => {
    const addField = (item: Record<string, unknown>) => ({ ...item, geo: { lat: 19.4, lng: -99.1 } });
    emulator.setFaults([
      mutate("clients.retrieve", addField),
      mutate("addresses.listForClient", (page) => ({ ...page, data: page.data.map(addField) })),
    ]);
    const { artu, reports } = reporting();
    await artu.clients.retrieve({ id: clientId });
    const page = (await artu.addresses.listForClient({ clientId })) as { data: unknown[] };
    expect(page.data).toHaveLength(3);
    await artu.addresses.listForClient({ clientId });
    expect(reports.map(({ operationId, pointer, kind }) => `${operationId} ${pointer} ${kind}`)).toEqual([
      "clients.retrieve /geo unknown-property",
      "addresses.listForClient /data/0/geo unknown-property",
    ]);
  });

  it("reports a missing required property and a value of another type", async () => {
    emulator.setFaults([
      mutate("clients.retrieve", ({ name: _name, ...body }) => ({ ...body, isPrimary: "yes", lastName: 42, createdAt: "yesterday" })),
    ]);
    const { artu, reports } = reporting();
    await artu.clients.retrieve({ id: clientId });
    expect(reports.map(({ pointer, kind, expected, actual }) => ({ pointer, kind, expected, actual }))).toEqual(
      expect.arrayContaining([
        { pointer: "/name", kind: "missing-required", expected: "present", actual: "absent" },
        { pointer: "/isPrimary", kind: "type-mismatch", expected: "boolean", actual: '"yes"' },
        { pointer: "/lastName", kind: "type-mismatch", expected: "string | null", actual: "42" },
        { pointer: "/createdAt", kind: "type-mismatch", expected: "string (date-time)", actual: '"yesterday"' },
      ]),
    );
    expect(reports).toHaveLength(4);
  });

  it("a new variant of a discriminated union is one unknown enum value; a known variant reports only its own problems", async () => {
    const { artu, reports } = reporting();
    emulator.setFaults([mutate("clients.migrate", (body) => ({ ...body, status: "partial" }))]);
    const migrated = (await artu.clients.migrate({ id: clientId }, { to: "live" } as never)) as Record<string, unknown>;
    expect(migrated).toMatchObject({ status: "partial", action: "created" });
    emulator.setFaults([mutate("clients.migrate", (body) => ({ ...body, action: "merged" }))]);
    await artu.clients.migrate({ id: clientId }, { to: "live" } as never);
    expect(reports).toEqual([
      { operationId: "clients.migrate", pointer: "/status", kind: "unknown-enum-value", expected: '"completed" | "blocked"', actual: '"partial"' },
      { operationId: "clients.migrate", pointer: "/action", kind: "unknown-enum-value", expected: '"created" | "updated"', actual: '"merged"' },
    ]);
  });

  it("truncates long values", async () => {
    emulator.setFaults([mutate("clients.retrieve", (body) => ({ ...body, notes: "x".repeat(500) }))]);
    const { artu, reports } = reporting();
    await artu.clients.retrieve({ id: clientId });
    expect(reports[0]!.actual).toHaveLength(120);
    expect(reports[0]!.actual.endsWith("…")).toBe(true);
  });

  it("without onDrift, logs one readable line through logger.warn; an onDrift that throws does not fail the call", async () => {
    emulator.setFaults([mutate("clients.retrieve", (body) => ({ ...body, riskLevel: "high" }))]);
    const warn = vi.fn();
    const logged = client({ drift: "report", logger: { warn } });
    await logged.clients.retrieve({ id: clientId });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe('artu drift: clients.retrieve response /riskLevel: unknown property (got "high")');

    const error = vi.fn();
    const throwing = client({ drift: "report", onDrift: () => { throw new Error("handler bug"); }, logger: { error } });
    await expect(throwing.clients.retrieve({ id: clientId })).resolves.toMatchObject({ riskLevel: "high" });
    expect(error.mock.calls[0]![0]).toContain("onDrift threw for clients.retrieve /riskLevel: handler bug");
  });
});

describe('drift: "strict"', () => {
  it("throws ArtuDriftError carrying the divergences instead of returning the data, every time", async () => {
    emulator.setFaults([mutate("clients.retrieve", (body) => ({ ...body, riskLevel: "high", type: 7 }))]);
    const { artu, reports } = reporting("strict");
    for (let i = 0; i < 2; i++) {
      const error = await artu.clients.retrieve({ id: clientId }).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(ArtuDriftError);
      expect(error).toBeInstanceOf(ArtuApiError);
      const drift = error as ArtuDriftError;
      expect(drift.status).toBe(200);
      expect(drift.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(drift.body).toMatchObject({ id: clientId, riskLevel: "high" });
      expect(drift.divergences.map(({ pointer, kind }) => `${pointer} ${kind}`).sort()).toEqual(["/riskLevel unknown-property", "/type type-mismatch"]);
      expect(drift.issues.map((issue) => issue.path).sort()).toEqual(["/riskLevel", "/type"]);
      expect(drift.message).toMatch(/^clients\.retrieve \(GET \/clients\/\{id\}\) returned 200 with a body that does not match the snapshot: /);
      expect(JSON.stringify(drift.toJSON())).not.toContain(DEFAULT_API_KEY);
    }
    expect(reports).toEqual([]);
  });

  it("keeps an API key the server echoes back out of the error", async () => {
    emulator.setFaults([mutate("clients.retrieve", (body) => ({ ...body, echoedKey: `Bearer ${DEFAULT_API_KEY}` }))]);
    const error = (await reporting("strict").artu.clients.retrieve({ id: clientId }).catch((thrown: unknown) => thrown)) as ArtuDriftError;
    expect(error).toBeInstanceOf(ArtuDriftError);
    expect(error.body).toMatchObject({ id: clientId, echoedKey: "Bearer [REDACTED]" });
    for (const text of [error.message, JSON.stringify(error.toJSON()), JSON.stringify(error.body), JSON.stringify(error.divergences)]) {
      expect(text).not.toContain(DEFAULT_API_KEY);
    }
  });

  it("keeps the key out of the error in the encodings servers echo it in", async () => {
    const encodings = {
      percent: encodeURIComponent(DEFAULT_API_KEY).replace(/_/g, "%5F"),
      base64: Buffer.from(`Bearer ${DEFAULT_API_KEY}`).toString("base64"),
      unicode: [...DEFAULT_API_KEY].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""),
    };
    emulator.setFaults([mutate("clients.retrieve", (body) => ({ ...body, ...encodings }))]);
    const error = (await reporting("strict").artu.clients.retrieve({ id: clientId }).catch((thrown: unknown) => thrown)) as ArtuDriftError;
    expect(error).toBeInstanceOf(ArtuDriftError);
    const texts = [error.message, JSON.stringify(error.toJSON()), JSON.stringify(error.body), inspect(error)];
    for (const text of texts) {
      for (const encoded of [DEFAULT_API_KEY, ...Object.values(encodings)]) expect(text).not.toContain(encoded);
    }
  });

  it("returns data that matches", async () => {
    const { artu } = reporting("strict");
    await expect(artu.clients.retrieve({ id: clientId })).resolves.toMatchObject({ id: clientId });
  });
});

describe('drift: "off" and options', () => {
  it("never loads the validators when off (the default); loads them once per client when on", async () => {
    const load = vi.spyOn(validatorsModule, "load");
    emulator.setFaults([mutate("clients.retrieve", (body) => ({ ...body, riskLevel: "high" }))]);
    for (const artu of [client(), client({ drift: "off" })]) {
      await expect(artu.clients.retrieve({ id: clientId })).resolves.toMatchObject({ riskLevel: "high" });
      await artu.clients.list();
    }
    expect(load).not.toHaveBeenCalled();

    const { artu } = reporting();
    expect(load).toHaveBeenCalledTimes(1);
    await artu.clients.retrieve({ id: clientId });
    await artu.clients.retrieve({ id: clientId });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("a validators module that cannot be loaded: strict throws, report warns once and returns the data", async () => {
    vi.spyOn(validatorsModule, "load").mockRejectedValue(new Error("Cannot find module validators.js"));
    await expect(client({ drift: "strict" }).clients.retrieve({ id: clientId })).rejects.toThrow(
      /drift: strict: cannot load the drift validators \(generated\/validators\.js\): Cannot find module validators\.js/,
    );
    const warn = vi.fn();
    const artu = client({ drift: "report", logger: { warn } });
    await artu.clients.retrieve({ id: clientId });
    await artu.clients.retrieve({ id: clientId });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/responses are not checked$/);
  });

  it("rejects a bad drift mode or onDrift at construction", () => {
    expect(() => client({ drift: "loud" as never })).toThrow(new ArtuError('createArtuClient: drift must be "off", "report" or "strict", got "loud"'));
    expect(() => client({ drift: "report", onDrift: "console" as never })).toThrow(/onDrift must be a function, got "console"/);
  });
});
