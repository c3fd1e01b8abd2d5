import { describe, expect, it } from "vitest";
import { SpecError } from "../../scripts/lib/spec/errors";
import type { OpenApiDocument } from "../../scripts/lib/spec/load";
import { mergeDocuments, type SourceDocument } from "../../scripts/lib/spec/merge";

const header = {
  openapi: "3.1.1",
  info: { title: "ARTU Compliance API", version: "1.0.0" },
  servers: [{ url: "https://api.artu.ai" }],
  security: [{ bearerAuth: [] }],
};
const bearer = { type: "http", scheme: "bearer" };
const ok = { responses: { "200": { description: "OK" } } };

function source(name: string, rest: Partial<OpenApiDocument>): SourceDocument {
  return { name, source: `https://docs.test/${name}`, document: { ...header, ...rest } as OpenApiDocument };
}

const clients = source("clients.json", {
  tags: [{ name: "Clients" }],
  paths: { "/clients": { post: { operationId: "clients.create", ...ok } }, "/clients/{id}": { get: { operationId: "clients.retrieve", ...ok } } },
  components: { securitySchemes: { bearerAuth: bearer }, schemas: { Client: { type: "object" }, Scope: { enum: ["MX"] } } },
});
const addresses = source("addresses.json", {
  tags: [{ name: "Addresses" }, { name: "Clients" }],
  paths: { "/clients/{id}": { patch: { operationId: "clients.update", ...ok } }, "/addresses": { post: { operationId: "addresses.create", ...ok } } },
  components: { securitySchemes: { bearerAuth: { scheme: "bearer", type: "http" } }, schemas: { Address: { type: "object" }, Scope: { enum: ["MX"] } } },
});

function mergeError(sources: SourceDocument[]): SpecError {
  try {
    mergeDocuments(sources);
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error("expected the merge to fail");
}

describe("mergeDocuments", () => {
  it("keeps the shared header once, unions paths (methods of one path from two documents) and tags", () => {
    const merged = mergeDocuments([clients, addresses]);
    expect(merged.info).toEqual(header.info);
    expect(merged.servers).toEqual(header.servers);
    expect(merged.security).toEqual(header.security);
    expect(Object.keys(merged.paths!).sort()).toEqual(["/addresses", "/clients", "/clients/{id}"]);
    expect(Object.keys(merged.paths!["/clients/{id}"]!).sort()).toEqual(["get", "patch"]);
    expect(merged.tags).toEqual([{ name: "Clients" }, { name: "Addresses" }]);
  });

  it("keeps identical components once (key order aside) and unions the rest", () => {
    const merged = mergeDocuments([clients, addresses]);
    expect(Object.keys(merged.components!.schemas!).sort()).toEqual(["Address", "Client", "Scope"]);
    expect(merged.components!.securitySchemes).toEqual({ bearerAuth: bearer });
  });

  it("rejects two different definitions of one component, naming both sources and the pointer", () => {
    const other = source("other.json", { components: { schemas: { Scope: { enum: ["MX", "US"] } } } });
    const error = mergeError([clients, other]);
    expect(error.location).toEqual({ source: "https://docs.test/other.json", pointer: "/components/schemas/Scope" });
    expect(error.message).toContain("https://docs.test/clients.json");
  });

  it("rejects differing security schemes", () => {
    const other = source("other.json", { components: { securitySchemes: { bearerAuth: { type: "http", scheme: "basic" } } } });
    expect(mergeError([clients, other]).location.pointer).toBe("/components/securitySchemes/bearerAuth");
  });

  it("rejects a differing, missing or extra shared header member", () => {
    const differing = source("x.json", { info: { title: "Other", version: "1.0.0" } });
    expect(mergeError([clients, differing]).message).toMatch(/^https:\/\/docs\.test\/x\.json#\/info: .*differs from the one in https:\/\/docs\.test\/clients\.json/);
    const { servers: _servers, ...withoutServers } = header;
    const missing: SourceDocument = { name: "y.json", source: "y.json", document: withoutServers as OpenApiDocument };
    expect(mergeError([clients, missing]).message).toContain('y.json#/servers: top-level "servers" is missing');
    const extra = source("z.json", { externalDocs: { url: "https://docs.artu.ai" } });
    expect(mergeError([clients, extra]).location.pointer).toBe("/externalDocs");
  });

  it("rejects the same path and method in two documents", () => {
    const other = source("other.json", { paths: { "/clients": { post: { operationId: "clients.createAgain", ...ok } } } });
    const error = mergeError([clients, other]);
    expect(error.location).toEqual({ source: "https://docs.test/other.json", pointer: "/paths/~1clients/post", operation: "clients.createAgain" });
    expect(error.message).toContain("POST /clients is also defined by https://docs.test/clients.json");
  });

  it("rejects a duplicate operationId, naming both places", () => {
    const other = source("other.json", { paths: { "/people": { post: { operationId: "clients.create", ...ok } } } });
    const error = mergeError([clients, other]);
    expect(error.location.operation).toBe("clients.create");
    expect(error.message).toBe(
      'https://docs.test/other.json#/paths/~1people/post (operation clients.create): duplicate operationId "clients.create": also used by https://docs.test/clients.json#/paths/~1clients/post',
    );
  });

  it("rejects a tag defined differently", () => {
    const other = source("other.json", { tags: [{ name: "Clients", description: "People" }] });
    expect(mergeError([clients, other]).location).toEqual({ source: "https://docs.test/other.json", pointer: "/tags/0" });
  });

  it("rejects an empty input", () => {
    expect(mergeError([]).message).toContain("no documents to merge");
  });
});
