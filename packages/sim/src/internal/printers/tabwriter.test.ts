// Go text/tabwriter semantics as kubectl uses them.
import { describe, expect, it } from "vitest";
import { DESCRIBE_TABWRITER, formatTable, tabwrite } from "./tabwriter.ts";

describe("formatTable (kubectl get)", () => {
  it("pads every column but the last to its widest cell plus three", () => {
    const rows = [
      ["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
      ["nginx-7854ff8877-abcde", "1/1", "Running", "0", "5m"],
    ];
    expect(formatTable(rows)).toBe(
      "NAME                     READY   STATUS    RESTARTS   AGE\n" +
        "nginx-7854ff8877-abcde   1/1     Running   0          5m",
    );
  });

  it("never makes a column narrower than six", () => {
    expect(
      formatTable([
        ["A", "B"],
        ["x", "y"],
      ]),
    ).toBe("A     B\nx     y");
  });

  it("pads an empty cell when a column follows it", () => {
    expect(
      formatTable([
        ["NAME", "ADDRESS", "AGE"],
        ["web", "", "2m"],
      ]),
    ).toBe("NAME   ADDRESS   AGE\nweb              2m");
  });

  it("returns nothing for no rows", () => {
    expect(formatTable([])).toBe("");
  });
});

describe("tabwrite", () => {
  it("ends a column block at a line without a cell in that column (Go's Example_elastic, left-aligned)", () => {
    const text = "a\tb\tc\naa\tbb\tcc\naaa\t\naaaa\tdddd\teeee\n";
    expect(tabwrite(text, { minwidth: 0, padding: 1 })).toBe(
      "a    b  c\naa   bb cc\naaa  \naaaa dddd eeee\n",
    );
  });

  it("aligns describe fields block by block", () => {
    const text = "Name:\tweb\nNamespace:\tdefault\nIPs:\n  IP:\t10.0.0.1\n";
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe(
      "Name:       web\nNamespace:  default\nIPs:\n  IP:  10.0.0.1\n",
    );
  });

  it("counts runes, not bytes", () => {
    expect(tabwrite("é\tx\nab\ty\n", { minwidth: 0, padding: 1 })).toBe("é  x\nab y\n");
  });
});
