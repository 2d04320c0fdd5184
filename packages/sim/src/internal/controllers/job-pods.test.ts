// Completed-index lists as the Job API writes and reads them.

import { describe, expect, it } from "vitest";
import { formatIndexes, parseIndexes } from "./job-pods.ts";

describe("completed indexes", () => {
  it("compresses runs of three or more", () => {
    expect(formatIndexes(new Set([1, 3, 4, 5, 7]))).toBe("1,3-5,7");
    expect(formatIndexes(new Set([0, 1]))).toBe("0,1");
    expect(formatIndexes(new Set())).toBe("");
  });

  it("parses what it writes", () => {
    expect([...parseIndexes("1,3-5,7")].sort((a, b) => a - b)).toEqual([1, 3, 4, 5, 7]);
  });
});
