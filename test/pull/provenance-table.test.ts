import { describe, expect, it } from "vitest";
import { SpecError } from "../../scripts/lib/spec/errors";
import type { OpenApiDocument } from "../../scripts/lib/spec/load";
import {
  PROVENANCE_END,
  PROVENANCE_START,
  defaultReadme,
  renderProvenanceTable,
  replaceProvenanceSection,
} from "../../scripts/lib/spec/provenance-table";

const ok = { responses: { "200": { description: "OK" } } };
const sources = [
  {
    name: "clients.json",
    source: "clients.json",
    document: {
      openapi: "3.1.1",
      info: {},
      paths: {
        "/clients/{id}/migrate": {
          post: { operationId: "clients.migrate", "x-artu-provenance": "seed", "x-artu-source": "seeds/000.txt", ...ok },
        },
        "/clients": {
          post: {
            operationId: "clients.create",
            "x-artu-provenance": "docs-page",
            "x-artu-source": ["a.md", "a.source.md"],
            "x-artu-inferred": ["required: name | type", "response:\nthe Client component"],
            ...ok,
          },
          get: ok,
        },
      },
    } as unknown as OpenApiDocument,
  },
];

describe("provenance table", () => {
  it("renders one row per operation, ordered by document, path and method, with escaped cells", () => {
    expect(renderProvenanceTable(sources).split("\n")).toEqual([
      "3 operation(s) from 1 document(s): 1 docs-page, 1 seed, 1 —.",
      "",
      "| Operation | Method + path | Provenance | Document | Reference source | Inferred |",
      "| --- | --- | --- | --- | --- | --- |",
      "| `GET /clients` | `GET /clients` | — | `sources/clients.json` | — | — |",
      "| `clients.create` | `POST /clients` | docs-page | `sources/clients.json` | a.md<br>a.source.md | required: name \\| type<br>response: the Client component |",
      "| `clients.migrate` | `POST /clients/{id}/migrate` | seed | `sources/clients.json` | seeds/000.txt | — |",
    ]);
  });

  it("replaces only the text between the markers, the same way every time", () => {
    const readme = `# Title\n\nprose\n\n${PROVENANCE_START}\nold table\n${PROVENANCE_END}\n\nafter\n`;
    const table = renderProvenanceTable(sources);
    const once = replaceProvenanceSection(readme, table, "README.md");
    expect(once.startsWith("# Title\n\nprose\n\n<!-- pull:provenance:start -->\n")).toBe(true);
    expect(once.endsWith(`${table}\n\n${PROVENANCE_END}\n\nafter\n`)).toBe(true);
    expect(once).not.toContain("old table");
    expect(replaceProvenanceSection(once, table, "README.md")).toBe(once);
    expect(replaceProvenanceSection(defaultReadme(), table, "README.md")).toContain(table);
  });

  it("rejects a README without the markers, naming the file", () => {
    expect(() => replaceProvenanceSection("# no markers\n", "t", "openapi/README.md")).toThrow(SpecError);
    expect(() => replaceProvenanceSection("# no markers\n", "t", "openapi/README.md")).toThrow(/^openapi\/README\.md: missing the provenance markers/);
  });
});
