// Tests for az's output formats: tabulate tables, tsv and sorted json.

import { describe, expect, it } from "vitest";
import { formatJson, formatTable, formatTsv, tabulate } from "./output.ts";

describe("az output", () => {
  it("pads each column to its header plus two, as tabulate's simple format does", () => {
    expect(
      tabulate([
        [
          ["Name", "bosun-rg"],
          ["Location", "eastus"],
        ],
      ]),
    ).toBe("Name      Location\n--------  ----------\nbosun-rg  eastus\n");
  });

  it("drops null columns and nested values in the automatic table", () => {
    const table = formatTable(
      [{ name: "p", osDiskSizeGB: null, tags: { a: 1 }, count: 3 }],
      undefined,
      false,
    );
    expect(table).toBe("Count    Name\n-------  ------\n3        p\n");
  });

  it("prints sorted json and tsv rows", () => {
    expect(formatJson({ b: 1, a: [] })).toBe('{\n  "a": [],\n  "b": 1\n}\n');
    expect(formatTsv(["x", "y"])).toBe("x\ny\n");
    expect(formatTsv([{ a: "1", b: [1, 2], c: null }])).toBe("1\t2\tNone\n");
  });
});
