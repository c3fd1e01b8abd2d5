/**
 * Paginators found by convention (issue 13 §2): each convention of the
 * pagination-conventions fixture is detected (and each look-alike that
 * cannot ask for the next page is not), the generated code types the items,
 * and `.iterate()`/`.pages()` of the generated client follow the cursor over
 * real HTTP on 127.0.0.1.
 */
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildApiModel } from "../../scripts/lib/model/build";
import type { ApiModel } from "../../scripts/lib/model/types";
import { loadOpenApiFile } from "../../scripts/lib/spec/load";
import { json, startServer, type TestServer } from "../client/support/server";
import { generatedClient, GITHUB_SPEC, removeTempDirs, spec, tempDir, typecheck } from "./support";

const FIXTURE = spec("pagination-conventions.json");

function paginatorOf(model: ApiModel, operationId: string) {
  const op = model.operations.find((candidate) => candidate.operationId === operationId);
  if (!op) throw new Error(`no ${operationId}`);
  return op.shapes.paginator;
}

describe("paginator detection by convention", () => {
  let model: ApiModel;
  beforeAll(async () => {
    model = buildApiModel(await loadOpenApiFile(FIXTURE), FIXTURE);
  });

  it("last item's id (Stripe): starting_after from data[-1].id, ending_before backwards, has_more", () => {
    expect(paginatorOf(model, "listCustomers")).toEqual({
      cursorIn: "query",
      cursorName: "starting_after",
      itemsPath: ["data"],
      next: { from: "lastItem", field: "id", reverseName: "ending_before" },
      hasMorePath: ["has_more"],
    });
  });

  it("next token in the body: nextPageToken → pageToken, NextToken → NextToken (body), response_metadata.next_cursor → cursor", () => {
    expect(paginatorOf(model, "books.list")).toEqual({
      cursorIn: "query",
      cursorName: "pageToken",
      itemsPath: ["books"],
      next: { from: "body", path: ["nextPageToken"] },
    });
    expect(paginatorOf(model, "ListThings")).toEqual({
      cursorIn: "body",
      cursorName: "NextToken",
      itemsPath: ["Things"],
      next: { from: "body", path: ["NextToken"] },
    });
    expect(paginatorOf(model, "conversations_list")).toEqual({
      cursorIn: "query",
      cursorName: "cursor",
      itemsPath: ["channels"],
      next: { from: "body", path: ["response_metadata", "next_cursor"] },
    });
  });

  it("next page token beside has_more (Stripe search: next_page → page)", () => {
    expect(paginatorOf(model, "searchCustomers")).toEqual({
      cursorIn: "query",
      cursorName: "page",
      itemsPath: ["data"],
      next: { from: "body", path: ["next_page"] },
      hasMorePath: ["has_more"],
    });
  });

  it("Link header with rel=next where the spec declares it and a page parameter takes it", () => {
    expect(paginatorOf(model, "issues/list-for-repo")).toEqual({
      cursorIn: "query",
      cursorName: "page",
      itemsPath: [],
      next: { from: "linkHeader" },
    });
  });

  it("gives no paginator to a list that cannot ask for the next page", () => {
    for (const operationId of ["listRecentCustomers", "books.recommended", "issues/get", "issues/list-labels"]) {
      expect({ operationId, paginator: paginatorOf(model, operationId) }).toEqual({ operationId, paginator: undefined });
    }
  });
});

describe("paginator detection on the GitHub REST description", () => {
  it("gives Link-header lists a paginator and single resources that declare Link none", async () => {
    const github = buildApiModel(await loadOpenApiFile(GITHUB_SPEC), GITHUB_SPEC);
    const byId = (operationId: string) => paginatorOf(github, operationId);
    expect(byId("issues/list-for-repo")).toEqual({ cursorIn: "query", cursorName: "page", itemsPath: [], next: { from: "linkHeader" } });
    expect(byId("actions/list-repo-secrets")?.itemsPath).toEqual(["secrets"]);
    // Declares a Link header but takes no paging parameter.
    expect(byId("projects/get-for-org")).toBeUndefined();
    expect(byId("repos/get")).toBeUndefined();
    const paginated = github.operations.filter((op) => op.shapes.paginator);
    expect(paginated.length).toBeGreaterThan(150);
    for (const op of paginated) {
      expect({ op: op.operationId, from: op.shapes.paginator!.next?.from }).toEqual({ op: op.operationId, from: "linkHeader" });
      expect(op.method).toBe("get");
    }
  }, 60_000);
});

const USAGE = `
import type { ArtuResources } from "./generated/index";

export async function use(api: ArtuResources): Promise<string[]> {
  const seen: string[] = [];
  for await (const customer of api.stripe.listCustomers.iterate({ limit: 2 })) seen.push(customer.id);
  for await (const book of api.google.booksList.iterate()) seen.push(book.name);
  for await (const thing of api.aws.listThings.iterate({ MaxResults: 1 })) seen.push(thing.ThingName ?? "");
  for await (const channel of api.slack.conversationsList.iterate()) seen.push(channel.id ?? "");
  for await (const issue of api.gitHub.issuesListForRepo.iterate({ owner: "o" })) seen.push(String(issue.number));
  // @ts-expect-error a book has no id
  for await (const book of api.google.booksList.iterate()) seen.push(book.id);
  return seen;
}
`;

describe("iteration over 127.0.0.1 through the generated client", () => {
  let server: TestServer;
  let client: Record<string, Record<string, { iterate: (...args: unknown[]) => AsyncIterable<any>; pages: (...args: unknown[]) => AsyncIterable<any> }>>;
  let root: string;

  beforeAll(async () => {
    root = await tempDir();
    server = await startServer();
    client = await generatedClient<typeof client>(FIXTURE, root, USAGE, server.url);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await removeTempDirs();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  const urls = () => server.requests.map((request) => request.url);
  async function collect(iterable: AsyncIterable<any>): Promise<any[]> {
    const all = [];
    for await (const value of iterable) all.push(value);
    return all;
  }

  it("type-checks item types per convention", async () => {
    expect(await typecheck(root, [join(root, "generated", "index.ts"), join(root, "use.ts")])).toEqual([]);
  }, 120_000);

  const customers = ["cus_1", "cus_2", "cus_3", "cus_4", "cus_5"].map((id) => ({ id, email: null }));

  it("Stripe: follows starting_after = last id until has_more is false; ending_before pages backwards", async () => {
    server.handle((request, response) => {
      const url = new URL(request.url, "http://x");
      const limit = Number(url.searchParams.get("limit"));
      const after = url.searchParams.get("starting_after");
      const before = url.searchParams.get("ending_before");
      let slice;
      let hasMore;
      if (before !== null) {
        const end = customers.findIndex((c) => c.id === before);
        slice = customers.slice(Math.max(0, end - limit), end);
        hasMore = end - limit > 0;
      } else {
        const start = after === null ? 0 : customers.findIndex((c) => c.id === after) + 1;
        slice = customers.slice(start, start + limit);
        hasMore = start + limit < customers.length;
      }
      json(response, 200, { object: "list", data: slice, has_more: hasMore, url: "/v1/customers" });
    });
    const ids = (await collect(client.stripe!.listCustomers!.iterate({ limit: 2 }))).map((c) => c.id);
    expect(ids).toEqual(["cus_1", "cus_2", "cus_3", "cus_4", "cus_5"]);
    expect(urls()).toEqual(["/v1/customers?limit=2", "/v1/customers?limit=2&starting_after=cus_2", "/v1/customers?limit=2&starting_after=cus_4"]);

    server.requests.length = 0;
    const pages = await collect(client.stripe!.listCustomers!.pages({ limit: 2, ending_before: "cus_5" }));
    expect(pages.map((page) => page.data.map((c: { id: string }) => c.id))).toEqual([["cus_3", "cus_4"], ["cus_1", "cus_2"]]);
    expect(urls()).toEqual(["/v1/customers?limit=2&ending_before=cus_5", "/v1/customers?limit=2&ending_before=cus_3"]);
  });

  it("Google: pageToken from nextPageToken until a page has none", async () => {
    server.handle((request, response) => {
      const token = new URL(request.url, "http://x").searchParams.get("pageToken");
      const index = token === null ? 0 : Number(token.slice(1));
      json(response, 200, { books: [{ name: `b${index}` }], ...(index < 2 ? { nextPageToken: `t${index + 1}` } : {}) });
    });
    const names = (await collect(client.google!.booksList!.iterate())).map((book) => book.name);
    expect(names).toEqual(["b0", "b1", "b2"]);
    expect(urls()).toEqual(["/v1/books", "/v1/books?pageToken=t1", "/v1/books?pageToken=t2"]);
  });

  it("AWS: NextToken goes back in the JSON body, keeping the rest; null ends", async () => {
    server.handle((request, response) => {
      const body = JSON.parse(request.body);
      const index = body.NextToken === undefined ? 0 : Number(body.NextToken);
      json(response, 200, { Things: [{ ThingName: `thing${index}` }], NextToken: index < 1 ? String(index + 1) : null });
    });
    const pages = await collect(client.aws!.listThings!.pages({ MaxResults: 1 }));
    expect(pages.map((page) => page.Things[0].ThingName)).toEqual(["thing0", "thing1"]);
    expect(server.requests.map((request) => JSON.parse(request.body))).toEqual([{ MaxResults: 1 }, { MaxResults: 1, NextToken: "1" }]);
  });

  it("Slack: cursor from response_metadata.next_cursor; an empty cursor ends", async () => {
    server.handle((request, response) => {
      const cursor = new URL(request.url, "http://x").searchParams.get("cursor");
      const index = cursor === null ? 0 : Number(cursor.replace("dXNl", ""));
      json(response, 200, { ok: true, channels: [{ id: `C${index}` }], response_metadata: { next_cursor: index < 2 ? `dXNl${index + 1}` : "" } });
    });
    const ids = (await collect(client.slack!.conversationsList!.iterate({ limit: 1 }))).map((channel) => channel.id);
    expect(ids).toEqual(["C0", "C1", "C2"]);
    expect(urls()).toEqual(["/conversations.list?limit=1", "/conversations.list?limit=1&cursor=dXNl1", "/conversations.list?limit=1&cursor=dXNl2"]);
  });

  it("Link: sends the rel=next link's query to the same operation (another host or path in the link is not followed)", async () => {
    server.handle((request, response) => {
      const page = Number(new URL(request.url, "http://x").searchParams.get("page") ?? "1");
      const links = [
        ...(page < 3 ? [`<https://elsewhere.example/repositories/42/issues?per_page=1&page=${page + 1}>; rel="next"`] : []),
        `<https://elsewhere.example/repositories/42/issues?per_page=1&page=3>; rel="last"`,
      ];
      response.setHeader("link", links.join(", "));
      json(response, 200, [{ number: page }]);
    });
    const numbers = (await collect(client.gitHub!.issuesListForRepo!.iterate({ owner: "o", per_page: 1 }))).map((issue) => issue.number);
    expect(numbers).toEqual([1, 2, 3]);
    expect(urls()).toEqual(["/repos/o/issues?per_page=1", "/repos/o/issues?per_page=1&page=2", "/repos/o/issues?per_page=1&page=3"]);
  });

  it("Link: a next link with a parameter the operation does not take is refused before it is sent", async () => {
    server.handle((_, response) => {
      response.setHeader("link", '</repos/o/issues?page=2&admin=true>; rel="next"');
      json(response, 200, [{ number: 1 }]);
    });
    await expect(collect(client.gitHub!.issuesListForRepo!.iterate({ owner: "o" }))).rejects.toThrow('unknown parameter "admin"');
    expect(server.requests.length).toBe(1);
  });
});
