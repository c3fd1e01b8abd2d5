import { describe, expect, it } from "vitest";
import { parseSourcesConfig } from "../../scripts/lib/spec/sources-config";

const parse = (value: unknown) => parseSourcesConfig(JSON.stringify(value), "openapi/sources.config.json");

describe("sources.config.json", () => {
  it("accepts a base URL and a sorted list of document names", () => {
    expect(parse({ baseUrl: "https://docs.artu.ai/openapi/", documents: ["addresses.json", "clients.json"] })).toEqual({
      baseUrl: "https://docs.artu.ai/openapi/",
      documents: ["addresses.json", "clients.json"],
    });
  });

  it.each([
    [{ baseUrl: "https://docs.artu.ai/openapi", documents: ["a.json"] }, /#\/baseUrl: expected an http\(s\) URL ending in "\/"/],
    [{ baseUrl: "https://x/", documents: [] }, /#\/documents: expected a non-empty array/],
    [{ baseUrl: "https://x/", documents: ["b.json", "a.json"] }, /#\/documents\/1: "a\.json" must come before "b\.json": keep the list sorted/],
    [{ baseUrl: "https://x/", documents: ["a.json", "a.json"] }, /#\/documents\/1: "a\.json" is listed twice/],
    [{ baseUrl: "https://x/", documents: ["../etc.json"] }, /#\/documents\/0: expected a file name like "clients\.json"/],
    [[], /#: expected an object/],
  ])("rejects %j", (value, message) => {
    expect(() => parse(value)).toThrow(message);
  });

  it("rejects invalid JSON naming the file", () => {
    expect(() => parseSourcesConfig("{", "openapi/sources.config.json")).toThrow(/^openapi\/sources\.config\.json#: invalid JSON/);
  });
});
