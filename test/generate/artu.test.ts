/**
 * The ARTU snapshot (openapi/artu.json) through the real CLI: the manifest
 * lists the helper shapes the API has, two runs are byte-identical, and the
 * output type-checks against the runtime contract.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, generateInto, readTree, removeTempDirs, runGenerate, RUNTIME_ENTRY, tempDir, typecheck } from "./support";

const ARTU = join(ROOT, "openapi/artu.json");

interface ManifestOperation {
  name: string;
  operationId: string;
  method: string;
  path: string;
  idempotent: boolean;
  helpers: string[];
  paginator?: { cursorIn: string; cursorName: string };
  batchChunker?: { itemsField: string; maxItems: number };
  resultNarrowing?: { discriminant: string; variants: string[] };
  syncPlanner?: { arrays: { name: string; maxItems: number; creatable: boolean }[] };
}

afterAll(removeTempDirs);

describe("generate on the ARTU snapshot", () => {
  let out: string;
  let tree: Record<string, string>;
  let operations: Map<string, ManifestOperation>;

  beforeAll(async () => {
    out = join(await tempDir(), "generated");
    const result = await runGenerate(["--spec", ARTU, "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    tree = (await readTree(out))!;
    const manifest = JSON.parse(tree["manifest.json"]!) as { operations: ManifestOperation[] };
    operations = new Map(manifest.operations.map((op) => [op.name, op]));
  }, 120_000);

  it("lists a sync planner for clients.sync and the per-resource sync operations", () => {
    const clientsSync = operations.get("clients.sync");
    expect(clientsSync?.helpers).toEqual(["syncPlanner"]);
    expect(clientsSync?.syncPlanner?.arrays.map(({ name, creatable }) => [name, creatable])).toEqual([
      ["addresses", true],
      ["bankAccounts", true],
      ["contactMethods", true],
      ["documents", false],
    ]);
    for (const name of ["addresses.sync", "bankAccounts.sync", "contactMethods.sync"]) {
      expect(operations.get(name)?.helpers, name).toEqual(["syncPlanner"]);
      expect(operations.get(name)?.syncPlanner?.arrays, name).toEqual([{ name: "items", maxItems: 250, creatable: true }]);
    }
  });

  it("narrows clients.migrate and transactions.migrate on status", () => {
    for (const name of ["clients.migrate", "transactions.migrate"]) {
      expect(operations.get(name)?.resultNarrowing, name).toEqual({ discriminant: "status", variants: ["completed", "blocked"] });
      expect(operations.get(name)?.idempotent, name).toBe(false);
    }
  });

  it("paginates the list operations with a cursor", () => {
    for (const [name, cursorIn] of [
      ["clients.list", "body"],
      ["addresses.list", "body"],
      ["addresses.listForClient", "query"],
      ["alerts.listItems", "body"],
      ["auditLogs.list", "query"],
      ["transactions.listEvidence", "body"],
    ]) {
      expect(operations.get(name!)?.paginator, name).toEqual({ cursorIn, cursorName: "cursor" });
      expect(operations.get(name!)?.idempotent, name).toBe(true);
    }
  });

  it("chunks the batch operations, and not the sync ones", () => {
    for (const name of ["clients.createMany", "addresses.createMany", "addresses.updateMany", "transactions.upsertManyByExternalId"]) {
      expect(operations.get(name)?.batchChunker, name).toEqual({ itemsField: "items", maxItems: 250 });
    }
    expect(operations.get("addresses.sync")?.batchChunker).toBeUndefined();
  });

  it("classifies read-only POSTs as idempotent and writes as not", () => {
    const idempotent = (name: string) => operations.get(name)?.idempotent;
    expect(["clients.previewMigration", "transactions.count", "identity.resolveEligibleChecks", "workflows.listVariableHistory"].map(idempotent)).toEqual([true, true, true, true]);
    expect(["clients.create", "workflows.trigger", "clients.promote", "clients.update"].map(idempotent)).toEqual([false, false, false, false]);
  });

  it("is byte-identical on regeneration", async () => {
    const again = join(await tempDir(), "generated");
    expect((await runGenerate(["--spec", ARTU, "--out", again])).code).toBe(0);
    expect(await readTree(again)).toEqual(tree);
  }, 120_000);

  it("type-checks, helpers included, against src/internal (or the contract's stand-in until the runtime exports its helpers)", async () => {
    const root = await tempDir();
    await generateInto(ARTU, join(root, "generated"), RUNTIME_ENTRY);
    expect(await typecheck(root, [join(root, "generated", "index.ts")])).toEqual([]);
  }, 120_000);

  it("runs its helpers on the runtime: guards, match, assert errors, sync planning", async () => {
    const helpers = await import(join(out, "helpers.ts"));
    const blocked = { status: "blocked", blockers: [{ resource: "client", id: "3c90", label: "Acme SA", reason: "missing-external-id" }] };
    expect(helpers.isClientsMigrateBlocked(blocked)).toBe(true);
    expect(helpers.isClientsMigrateCompleted(blocked)).toBe(false);
    expect(helpers.matchClientsMigrateResult(blocked, { completed: () => -1, blocked: (value: typeof blocked) => value.blockers.length })).toBe(1);
    expect(() => helpers.assertClientsMigrateCompleted(blocked)).toThrow(helpers.ClientsMigrateBlockedError);
    expect(helpers.assertClientsMigrateBlocked(blocked)).toBe(blocked);

    const address = { externalId: "a-1", street: "Reforma 1", city: "CDMX", state: "CDMX", postalCode: "06600", country: "MX", type: "home" };
    const plan = helpers.planAddressesSync({ clientId: "c-1", current: [], desired: [address] });
    expect(plan.description).toBe(helpers.addressesSyncPlanner);
    expect(plan.requests).toHaveLength(1);
    expect(plan.requests[0].params).toEqual({ clientId: "c-1" });
    expect(plan.requests[0].body.items).toEqual([address]);
  });
});
