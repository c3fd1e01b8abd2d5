import { describe, expect, it } from "vitest";
import artu from "../../openapi/artu.json";
import { createRouter } from "../../src/emulator/router";
import { readOperations } from "../../src/emulator/spec-operations";

const router = createRouter(readOperations(artu));
const find = (method: string, path: string) => {
  const found = router.find(method, path);
  return found.kind === "matched" ? [found.match.route.operationId, found.match.pathParams] : found.kind;
};

describe("router over the snapshot", () => {
  it("prefers literal segments over parameters", () => {
    expect(find("post", "/clients/list")).toEqual(["clients.list", {}]);
    expect(find("post", "/clients/sync")).toEqual(["clients.sync", {}]);
    expect(find("put", "/transactions/batch/external")).toEqual(["transactions.upsertManyByExternalId", {}]);
    expect(find("put", "/transactions/external/a%2Fb")).toEqual(["transactions.upsertByExternalId", { externalId: "a/b" }]);
    expect(find("get", "/clients/metadata/k/v")).toEqual(["clients.retrieveByMetadata", { key: "k", value: "v" }]);
  });

  it("tells a wrong method from an unknown path", () => {
    expect(router.find("get", "/clients/3c90c3cc-0d44-4b50-8888-8dd25736052a/promote")).toEqual({ kind: "method-not-allowed", allowed: ["POST"] });
    // "/clients/list" also fits "/clients/{id}": every method of both templates is allowed
    expect(router.find("put", "/clients/list")).toEqual({ kind: "method-not-allowed", allowed: ["DELETE", "GET", "PATCH", "POST"] });
    expect(router.find("get", "/clients/1/2/3/4")).toEqual({ kind: "not-found" });
    expect(router.find("get", "/clients/%E0%A4%A")).toEqual({ kind: "not-found" });
  });
});
