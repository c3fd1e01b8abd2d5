import { describe, expect, it } from "vitest";
import { EmulatorError } from "../../src/emulator/errors";
import { matchesFilter } from "../../src/emulator/filters";
import { paginate } from "../../src/emulator/pagination";

describe("paginate", () => {
  const items = Array.from({ length: 45 }, (_, i) => i);
  it("walks a list with opaque cursors and the default limit of 20", () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = paginate(items, { cursor }, "numbers", "/body");
      seen.push(...page.data);
      cursor = page.pagination.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen).toEqual(items);
    expect(pages).toBe(3);
  });

  it("rejects cursors of another list or that do not decode, naming where", () => {
    const { nextCursor } = paginate(items, { limit: 5 }, "numbers", "/query").pagination;
    for (const cursor of [nextCursor!, "garbage", Buffer.from('{"o":-1}').toString("base64url")]) {
      try {
        paginate(items, { cursor }, "other list", "/query");
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(EmulatorError);
        expect((error as EmulatorError).issues).toEqual([{ path: "/query/cursor", message: expect.any(String) }]);
      }
    }
  });

  it("honours offset and includeTotalCount", () => {
    expect(paginate(items, { offset: 40, limit: 10, includeTotalCount: true }, "n", "/body")).toEqual({
      data: [40, 41, 42, 43, 44],
      pagination: { hasMore: false, nextCursor: null, totalCount: 45 },
    });
  });
});

describe("matchesFilter", () => {
  const record = { id: "a", amount: "150.5", createdAt: "2025-01-02T00:00:00.000Z", tags: ["x", "y"], metadata: { crm: 7 }, name: "Ana López" };
  it.each([
    [{ id: "a" }, true],
    [{ id: { in: ["b", "a"] } }, true],
    [{ id: { nin: ["a"] } }, false],
    [{ amount: { gt: 150, lte: 151 } }, true],
    [{ amount: { gt: 151 } }, false],
    [{ createdAt: { gte: "2025-01-01T00:00:00Z", lt: "2025-01-03T00:00:00Z" } }, true],
    [{ tags: "y" }, true],
    [{ metadataFilters: [{ key: "crm", value: "7" }] }, true],
    [{ metadataFilters: [{ key: "crm", value: "8" }] }, false],
    [{ search: "lópez" }, true],
    [{ search: "bob" }, false],
    [{ scopeData: { MX: { rfc: "no" } } }, true],
  ])("%j → %s", (filter, expected) => {
    expect(matchesFilter(record, filter, ["name"])).toBe(expected);
  });
});
