/**
 * The emulator sends only what the snapshot describes: the package's own
 * client with `drift: "strict"` (which rejects any field, type or enum value
 * the snapshot does not know) accepts every answer, including ones built
 * from stored input the resource does not list (a document's `category`) and
 * the non-atomic batch's `errors`. Free-form members (`metadata`) stay whole.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createArtuClient } from "../../src/client/create-client";
import { DEFAULT_API_KEY, type Emulator } from "../../src/emulator/index";
import { startTestEmulator } from "./helpers";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

const strictClient = () => createArtuClient({ apiKey: DEFAULT_API_KEY, environment: "test", baseUrl: emulator.url, maxRetries: 0, drift: "strict" });

describe("answers a strict client accepts", () => {
  it("leaves out an input field the resource does not describe, and keeps free-form metadata whole", async () => {
    const artu = strictClient();
    const ana = await artu.clients.create({ type: "individual", name: "Ana" });
    const metadata = { nested: { deeper: ["x", { y: 1 }] }, note: "kept" };
    const created = await artu.documents.create({ clientId: ana.id, category: "identity", type: "passport", metadata });
    expect(created.document).not.toHaveProperty("category");
    expect(created.document).toMatchObject({ clientId: ana.id, type: "passport", metadata });
    const [listed] = (await artu.documents.listForClient({ clientId: ana.id })).data;
    expect(listed).not.toHaveProperty("category");
    expect(listed!.metadata).toEqual(metadata);
  });

  it("describes the per-item errors of a non-atomic batch", async () => {
    const artu = strictClient();
    await artu.clients.create({ type: "individual", name: "Ana", externalId: "ana" });
    const result = await artu.clients.createMany({
      atomic: false,
      items: [
        { type: "individual", name: "Bea", externalId: "bea" },
        { type: "individual", name: "Ana again", externalId: "ana" },
      ],
    });
    expect(result.data.map((client) => client.name)).toEqual(["Bea"]);
    expect(result.errors).toEqual([{ index: 1, code: "CONFLICT", message: expect.stringContaining("ana") }]);
  });
});
