// Parsed manifests are cached by text; every caller still gets its own objects.
import { describe, expect, it } from "vitest";
import { parseManifests } from "./manifests.ts";

const TEXT = `apiVersion: v1
kind: ConfigMap
metadata:
  name: shared
data: &d
  a: "1"
other: *d
`;

describe("parseManifests cache", () => {
  it("returns equal but unshared objects for the same text", () => {
    const first = parseManifests(TEXT);
    const pristine = structuredClone(first);
    (first[0] as { metadata: { name: string } }).metadata.name = "changed";
    const second = parseManifests(TEXT);
    expect(second).toEqual(pristine);
    expect(second[0]).not.toBe(first[0]);
    // An alias still points at the same object within one result, as the parser makes it.
    const doc = second[0] as { data: unknown; other: unknown };
    expect(doc.other).toBe(doc.data);
  });

  it("throws afresh, naming the source, for a bad text seen before", () => {
    expect(() => parseManifests("a: [", "x.yaml")).toThrow(/error parsing x.yaml/);
    expect(() => parseManifests("a: [", "y.yaml")).toThrow(/error parsing y.yaml/);
  });
});
