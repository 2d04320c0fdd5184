// Tests for the JMESPath subset behind --query.

import { describe, expect, it } from "vitest";
import { compileQuery, QueryError, runQuery } from "./jmespath.ts";

const clusters = [
  {
    name: "a",
    resourceGroup: "rg1",
    agentPoolProfiles: [{ name: "p1", count: 3 }],
    powerState: { code: "Running" },
  },
  {
    name: "b",
    resourceGroup: "rg2",
    agentPoolProfiles: [{ name: "p2", count: 1 }],
    powerState: { code: "Stopped" },
  },
];

describe("--query", () => {
  it("follows field paths and yields null for missing ones", () => {
    expect(runQuery("powerState.code", clusters[0])).toBe("Running");
    expect(runQuery("nope.deeper", clusters[0])).toBeNull();
  });

  it("projects lists and drops nulls", () => {
    expect(runQuery("[].name", clusters)).toEqual(["a", "b"]);
    expect(runQuery("[*].missing", clusters)).toEqual([]);
    expect(runQuery("[].agentPoolProfiles[].count", clusters)).toEqual([3, 1]);
  });

  it("indexes, also from the end", () => {
    expect(runQuery("[0].name", clusters)).toBe("a");
    expect(runQuery("[-1].agentPoolProfiles[0].name", clusters)).toBe("p2");
  });

  it("filters with == and != on strings and literals", () => {
    expect(runQuery("[?powerState.code=='Stopped'].name", clusters)).toEqual(["b"]);
    expect(runQuery('[?resourceGroup != `"rg1"`].name', clusters)).toEqual(["b"]);
  });

  it("builds selections in the order written", () => {
    expect(runQuery("[].{n: name, rg: resourceGroup}", clusters)).toEqual([
      { n: "a", rg: "rg1" },
      { n: "b", rg: "rg2" },
    ]);
    expect(runQuery("[name, powerState.code]", clusters[1])).toEqual(["b", "Stopped"]);
  });

  it("refuses what the subset does not cover", () => {
    expect(() => compileQuery("length(@)")).toThrow(QueryError);
    expect(() => compileQuery("[].name | [0]")).toThrow(QueryError);
  });
});
