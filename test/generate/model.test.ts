import { describe, expect, it } from "vitest";
import { buildApiModel } from "../../scripts/lib/model/build";
import { camelCase, methodName, namespaceName } from "../../scripts/lib/model/names";
import type { ApiModel, OperationModel } from "../../scripts/lib/model/types";
import { SpecError } from "../../scripts/lib/spec/errors";
import { loadOpenApiFile } from "../../scripts/lib/spec/load";
import { spec } from "./support";

async function model(name: string): Promise<ApiModel> {
  return buildApiModel(await loadOpenApiFile(spec(name)), spec(name));
}

function op(api: ApiModel, qualifiedName: string): OperationModel {
  const found = api.operations.find((candidate) => candidate.qualifiedName === qualifiedName);
  if (!found) throw new Error(`no ${qualifiedName} in ${api.operations.map((o) => o.qualifiedName).join(", ")}`);
  return found;
}

async function specError(name: string): Promise<SpecError> {
  try {
    await model(name);
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error(`${name} built without an error`);
}

describe("names", () => {
  it("derives namespaces from tags and methods from operationIds", () => {
    expect(namespaceName("Bank Accounts", "/x")).toBe("bankAccounts");
    expect(namespaceName(undefined, "/clients/{id}")).toBe("clients");
    expect(methodName("bankAccounts.upsertByExternalId", "bankAccounts", "put", "/x")).toBe("upsertByExternalId");
    expect(methodName("actions/add-custom-label", "actions", "post", "/x")).toBe("addCustomLabel");
    expect(methodName("repos/get", "issues", "get", "/x")).toBe("reposGet");
    expect(methodName(undefined, "clients", "post", "/clients/{id}/promote")).toBe("postClientsByIdPromote");
    expect(camelCase("URL list")).toBe("urlList");
  });
});

describe("sync shape (structural, any operation name)", () => {
  it("plans a single-array sync with path context, a scalar body field and replace mode", async () => {
    const reconcile = op(await model("sync-parts.json"), "parts.reconcile");
    expect(reconcile.shapes.syncPlanner).toEqual({
      arrays: [
        { name: "items", maxItems: 40, idField: "id", deleteField: "_delete", writableFields: ["name", "size"], creatable: true },
      ],
      objects: [],
      replaceModeField: "replaceMode",
      context: [
        { name: "gadgetId", in: "path" },
        { name: "dryRun", in: "body" },
      ],
    });
    expect(reconcile.shapes.batchChunker).toBeUndefined();
    expect(reconcile.idempotent).toBe(false);
  });

  it("unites union item variants, reads required ids as not creatable and finds plain objects", async () => {
    const sync = op(await model("sync-parts.json"), "workshops.reconcileAll").shapes.syncPlanner;
    expect(sync?.arrays.map(({ name, writableFields, creatable, maxItems }) => ({ name, writableFields, creatable, maxItems }))).toEqual([
      { name: "tools", writableFields: ["kind", "teeth", "weight"], creatable: true, maxItems: 10 },
      { name: "staff", writableFields: ["role"], creatable: false, maxItems: Number.MAX_SAFE_INTEGER },
    ]);
    expect(sync?.objects).toEqual([{ name: "workshop", writableFields: ["city", "name", "open"] }]);
    expect(sync?.context).toEqual([{ name: "workshopId", in: "body" }]);
  });

  it("keeps items without _delete a batch", async () => {
    const createMany = op(await model("sync-parts.json"), "parts.createMany");
    expect(createMany.shapes).toEqual({ batchChunker: { itemsField: "items", maxItems: 100 } });
  });
});

describe("result narrowing", () => {
  it("finds a discriminant other than status through $ref and allOf", async () => {
    const api = await model("union-kind.json");
    expect(op(api, "shapes.get").shapes.resultNarrowing).toEqual({ discriminant: "kind", variants: ["circle", "square"] });
  });

  it("prefers the declared discriminator when several properties qualify", async () => {
    const api = await model("union-kind.json");
    expect(op(api, "shapes.measure").shapes.resultNarrowing).toEqual({ discriminant: "state", variants: ["in-progress", "done"] });
  });

  it("leaves unions without a shared constant alone", async () => {
    expect(op(await model("union-kind.json"), "shapes.describe").shapes).toEqual({});
  });
});

describe("paginated and batch operations", () => {
  it("finds query and body cursors", async () => {
    const api = await model("paginated-batch.json");
    expect(op(api, "books.list").shapes).toEqual({ paginator: { cursorIn: "query", cursorName: "cursor" } });
    expect(op(api, "books.search").shapes).toEqual({ paginator: { cursorIn: "body", cursorName: "pageCursor" } });
  });

  it("reads the batch bound and the atomic default through a requestBody $ref", async () => {
    const api = await model("paginated-batch.json");
    expect(op(api, "books.createMany").shapes.batchChunker).toEqual({
      itemsField: "items",
      maxItems: 500,
      atomicField: "atomic",
      atomicDefault: false,
    });
  });

  it("names operations without an operationId by method and path, untagged ones by the first path segment", async () => {
    const api = await model("paginated-batch.json");
    const shelve = op(api, "books.postShelvesByShelfIdBooksBatch");
    expect(shelve).toMatchObject({ operationId: "postShelvesByShelfIdBooksBatch", hasOperationId: false, pascalName: "BooksPostShelvesByShelfIdBooksBatch" });
    expect(shelve.shapes.batchChunker).toEqual({ itemsField: "items", maxItems: 20 });
    expect(op(api, "shelves.postShelvesByShelfIdCount").tag).toBeUndefined();
  });

  it("keeps path, query and header parameters, not cookies", async () => {
    const list = op(await model("paginated-batch.json"), "books.list");
    expect(list.parameters.map(({ name, in: location }) => `${location}:${name}`)).toEqual(["query:cursor", "query:limit", "header:X-Tenant"]);
  });

  it("classifies idempotency from the method, the verb and pagination", async () => {
    const api = await model("paginated-batch.json");
    const idempotent = Object.fromEntries(api.operations.map((o) => [o.qualifiedName, o.idempotent]));
    expect(idempotent).toEqual({
      "books.createMany": false,
      "books.list": true,
      "books.postShelvesByShelfIdBooksBatch": false,
      "books.search": true,
      "shelves.postShelvesByShelfIdCount": true,
      "shelves.remove": true,
    });
  });
});

describe("bad input", () => {
  it("reports a name collision naming both operations", async () => {
    const error = await specError("name-collision.json");
    expect(error.message).toContain("name-collision.json#/paths/~1things~1all/get");
    expect(error.message).toContain("things.list (GET /things)");
    expect(error.message).toContain("things/list (GET /things/all)");
  });

  it("keys a parameter name shared across locations by location for all but the first of path, query, header", async () => {
    const api = await model("param-collision.json");
    expect(op(api, "things.get").parameters.map(({ name, flatName, in: location }) => [location, name, flatName])).toEqual([
      ["path", "id", "id"],
      ["query", "id", "queryId"],
      ["header", "id", "headerId"],
      ["query", "limit", "limit"],
    ]);
    expect(op(api, "proxy.plain").parameters.map(({ name, flatName }) => [name, flatName])).toEqual([
      ["id", "id"],
      ["q", "q"],
    ]);
  });

  it("reports a dangling $ref with the file, the pointer and the operation", async () => {
    const error = await specError("dangling-ref.json");
    expect(error.location).toEqual({
      source: spec("dangling-ref.json"),
      pointer: "/paths/~1things/post/requestBody/content/application~1json/schema",
      operation: "things.create",
    });
    expect(error.problem).toContain("#/components/schemas/ThingInput");
  });
});
