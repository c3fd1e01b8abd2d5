/**
 * Any spec: a non-ARTU OpenAPI 3.0 document (test/emulator/fixtures/pets-spec.json)
 * served by `startEmulator({ spec })`, called through a client the project's
 * generator makes from the same document (into a temp dir), over HTTP with
 * response validation on. Create → retrieve → list with `.iterate()` →
 * update → delete, plus the other family forms the engine finds.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import spec from "./fixtures/pets-spec.json";
import { assembleClient } from "../../src/client/assemble";
import { DEFAULT_API_KEY, startEmulator, type Emulator } from "../../src/emulator/index";
import { generateInto, removeTempDirs, RUNTIME_ENTRY, tempDir } from "../generate/support";

const SPEC_FILE = join(import.meta.dirname, "fixtures/pets-spec.json");

let emulator: Emulator;
let pets: any;
let owners: any;
let stats: any;

beforeAll(async () => {
  const out = await tempDir("emulator-any-spec-");
  await generateInto(SPEC_FILE, out, RUNTIME_ENTRY);
  const { createResources } = await import(join(out, "operations.ts"));
  emulator = await startEmulator({ spec, seed: 21, validateResponses: true });
  const client: any = assembleClient({ apiKey: DEFAULT_API_KEY, environment: "test", baseUrl: emulator.url, maxRetries: 0 }, createResources);
  ({ pets, owners, stats } = client);
}, 120_000);
afterAll(async () => {
  await emulator?.stop();
  await removeTempDirs();
});

describe("a non-ARTU spec through a generated client", () => {
  it("finds the families and lists what it answers statelessly", () => {
    expect(emulator.families.map((family) => family.collection)).toEqual(["owners", "pets"]);
    expect(emulator.unmodelledOperations).toEqual([{ operationId: "stats.get", reason: "stateless: no resource pattern fits GET /stats" }]);
  });

  it("create → retrieve → list with .iterate() → update → delete", async () => {
    const rex = await pets.create({ name: "Rex", tag: "dog", metadata: { chip: "981" } });
    expect(rex).toMatchObject({ name: "Rex", tag: "dog", status: "available", createdAt: "2025-01-01T00:00:01.000Z" });
    expect(rex.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    expect(rex.externalId).toBeUndefined(); // optional fields the caller did not send stay absent
    expect(await pets.retrieve({ petId: rex.id })).toEqual(rex);

    for (const name of ["Ada", "Bo", "Cy", "Di"]) await pets.create({ name });
    const names: string[] = [];
    for await (const pet of pets.list.iterate({ limit: 2 })) names.push(pet.name);
    expect(names).toEqual(["Rex", "Ada", "Bo", "Cy", "Di"]);
    const firstPage = await pets.list({ limit: 2 });
    expect(firstPage.pagination.hasMore).toBe(true);

    const renamed = await pets.update({ petId: rex.id }, { name: "Rexy" });
    expect(renamed).toMatchObject({ id: rex.id, name: "Rexy", tag: "dog", createdAt: rex.createdAt });
    expect(renamed.updatedAt > rex.updatedAt).toBe(true);

    await pets.delete({ petId: rex.id });
    await expect(pets.retrieve({ petId: rex.id })).rejects.toMatchObject({ status: 404 });
    expect(emulator.state.test.pets!.has(rex.id)).toBe(false);
    expect(emulator.state.live.pets?.size ?? 0).toBe(0);
  });

  it("serves the other family forms: filter body, count, batch, external key, metadata, replace, action, sub-collection, sync", async () => {
    emulator.reset();
    const batch = await pets.createMany({ items: [{ name: "Ada", status: "adopted" }, { name: "Bo" }] });
    expect(batch.data.map((pet: any) => pet.name)).toEqual(["Ada", "Bo"]);
    expect((await pets.search({ filter: { status: "adopted" } })).data.map((pet: any) => pet.name)).toEqual(["Ada"]);
    expect(await pets.count({ status: "available" })).toEqual({ count: 1 });

    const created = await pets.upsertByExternalId({ externalId: "shelter-7" }, { name: "Cy", metadata: { shelter: "north" } });
    expect(created).toMatchObject({ action: "created", data: { externalId: "shelter-7", name: "Cy" } });
    expect((await pets.upsertByExternalId({ externalId: "shelter-7" }, { name: "Cy", metadata: { shelter: "north" } })).action).toBe("skipped");
    expect(await pets.retrieveByMetadata({ key: "shelter", value: "north" })).toEqual(created.data);

    const replaced = await pets.replace({ petId: created.data.id }, { name: "Cyrus" });
    expect(replaced).toMatchObject({ id: created.data.id, name: "Cyrus", createdAt: created.data.createdAt });
    expect(replaced.metadata).toBeUndefined();

    const owner = await owners.create({ name: "Lu" });
    const adopted = await pets.adopt({ petId: batch.data[1].id }, { ownerId: owner.id, status: "adopted" });
    expect(adopted).toMatchObject({ id: batch.data[1].id, ownerId: owner.id, status: "adopted" });
    expect((await pets.listForOwner({ ownerId: owner.id })).data).toEqual([adopted]);
    await expect(pets.listForOwner({ ownerId: "nobody" })).rejects.toMatchObject({ status: 404 });

    // sync (the planner's shape): update by id, create without, then replaceMode deletes what is not listed
    const first = await pets.syncForOwner({ ownerId: owner.id }, { items: [{ id: adopted.id, tag: "cat" }, { name: "Fig" }] });
    expect(first.updated.map((pet: any) => [pet.id, pet.tag])).toEqual([[adopted.id, "cat"]]);
    expect(first.created).toEqual([expect.objectContaining({ name: "Fig", ownerId: owner.id })]);
    const fig = first.created[0];
    const replaced2 = await pets.syncForOwner({ ownerId: owner.id }, { items: [{ id: fig.id }], replaceMode: true });
    expect(replaced2).toEqual({ created: [], updated: [], deleted: [adopted.id] });
    expect((await pets.listForOwner({ ownerId: owner.id })).data.map((pet: any) => pet.id)).toEqual([fig.id]);
    await expect(pets.syncForOwner({ ownerId: owner.id }, { items: [{ id: batch.data[0].id, _delete: true }] })).rejects.toMatchObject({ status: 404 });

    const figures = await stats.get();
    expect(figures).toEqual({ open: true, since: expect.any(String) });
  });
});
