import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { modelledOperations } from "../../src/emulator/index";

describe("emulator README", () => {
  it("lists exactly the operations with an ARTU layer", () => {
    const readme = readFileSync("src/emulator/README.md", "utf8");
    const section = /<!-- modelled:start -->([\s\S]*?)<!-- modelled:end -->/.exec(readme)?.[1] ?? "";
    const listed = section.split(/[,\s]+/).filter(Boolean);
    expect(listed).toEqual([...modelledOperations]);
    expect(readme).toContain(`## ARTU layers (${modelledOperations.length})`);
  });
});
