// sameJson must agree with comparing JSON.stringify texts, including key order and skipped values.
import { describe, expect, it } from "vitest";
import { sameJson } from "./canonical.ts";
import { Rng } from "./rng.ts";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const SAMPLES: unknown[] = [
  null,
  0,
  -0,
  1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "",
  "0",
  true,
  false,
  undefined,
  [],
  [null],
  [undefined],
  [1, 2],
  [2, 1],
  {},
  { a: 1, b: 2 },
  { b: 2, a: 1 },
  { a: undefined },
  { a: 1, c: undefined },
  { c: undefined, a: 1 },
  { a: () => 1 },
  { 1: "x", a: 2 },
  { a: [1, { x: null }] },
  { a: [1, { x: undefined }] },
  new Date(0),
  "1970-01-01T00:00:00.000Z",
  { f: Number.NaN },
  { f: null },
];

function random(rng: Rng, depth: number): unknown {
  const r = rng.next();
  const leaves = [null, 1, 2, "a", "b", true, undefined, 0];
  if (depth > 3 || r < 0.3) return leaves[Math.floor(rng.next() * leaves.length)];
  if (r < 0.6) return Array.from({ length: Math.floor(rng.next() * 3) }, () => random(rng, depth + 1));
  const o: Record<string, unknown> = {};
  for (const k of ["a", "b", "c"]) if (rng.next() < 0.5) o[k] = random(rng, depth + 1);
  if (rng.next() < 0.3) return Object.fromEntries(Object.entries(o).reverse());
  return o;
}

describe("sameJson", () => {
  it("agrees with JSON.stringify on edge cases", () => {
    for (const a of SAMPLES)
      for (const b of SAMPLES) expect([a, b, sameJson(a, b)]).toEqual([a, b, same(a, b)]);
  });

  it("agrees with JSON.stringify on random nested values", () => {
    const rng = new Rng(7);
    let equal = 0;
    for (let i = 0; i < 20_000; i++) {
      const a = random(rng, 0);
      const b = rng.next() < 0.5 ? structuredClone(a) : random(rng, 0);
      if (same(a, b)) equal++;
      expect(sameJson(a, b)).toBe(same(a, b));
    }
    expect(equal).toBeGreaterThan(1000);
  });
});
