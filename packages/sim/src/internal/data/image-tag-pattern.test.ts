// Tag pattern tests: ranges, optional parts, alternatives and wildcards, matched against whole tags.
import { describe, expect, it } from "vitest";
import { compileTagPattern, isTagPattern } from "./image-tag-pattern.ts";

const matches = (pattern: string, tags: string[]) => {
  const p = compileTagPattern(pattern);
  return tags.filter((t) => p.test(t));
};

describe("compileTagPattern", () => {
  it("matches the documented nginx example", () => {
    const tags = ["1.25", "1.25.3-alpine", "1.14.2", "1.8", "1.25.13", "1.025", "1.25-slim", "1.25.", "1"];
    expect(matches("1.{9..29}[.{0..12}](|-alpine|-perl)", tags)).toEqual(["1.25", "1.25.3-alpine", "1.14.2"]);
  });

  it("checks number ranges at both ends and refuses leading zeros", () => {
    expect(matches("v{0..3}", ["v0", "v3", "v4", "v00", "v03", "v"])).toEqual(["v0", "v3"]);
  });

  it("backtracks between adjacent numbers", () => {
    expect(matches("{1..2}{0..5}", ["15", "25", "26", "1"])).toEqual(["15", "25"]);
  });

  it("nests optional parts and alternatives", () => {
    expect(matches("2[.4[.{1..63}]](|-alpine)", ["2", "2.4", "2.4.62-alpine", "2.5", "2.4.64"])).toEqual([
      "2",
      "2.4",
      "2.4.62-alpine",
    ]);
    expect(
      matches("(lts|current)(|-(alpine|slim))", ["lts", "current-slim", "lts-", "lts-bookworm"]),
    ).toEqual(["lts", "current-slim"]);
  });

  it("lets * stand for any run of characters", () => {
    expect(matches("*alpine*", ["alpine", "1.25-alpine", "alpine3.20-slim", "bookworm"])).toEqual([
      "alpine",
      "1.25-alpine",
      "alpine3.20-slim",
    ]);
  });

  it("reports syntax mistakes with their offset", () => {
    expect(() => compileTagPattern("1.{9..}")).toThrow('tag pattern "1.{9..}": bad number range at offset 2');
    expect(() => compileTagPattern("{5..1}")).toThrow("bad number range at offset 0");
    expect(() => compileTagPattern("[1.2")).toThrow("unclosed [ at offset 0");
    expect(() => compileTagPattern("(a|b")).toThrow("unclosed ( at offset 0");
    expect(() => compileTagPattern("a)")).toThrow('unexpected ")" at offset 1');
    expect(isTagPattern("")).toBe(false);
    expect(isTagPattern("latest")).toBe(true);
  });
});
