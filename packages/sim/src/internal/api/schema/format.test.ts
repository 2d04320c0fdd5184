// Error formatting (field.Error, NewInvalid as kubectl prints it), quantities, name checks and served versions.
import { describe, expect, it } from "vitest";
import { GoRepr } from "./errors.ts";
import {
  apiVersionFor,
  errorString,
  type FieldError,
  formatInvalid,
  goQuote,
  invalidStatusMessage,
  isServedApiVersion,
  parseQuantity,
  quantityString,
  SUPPORTED_KINDS,
} from "./index.ts";
import { isDNS1123Subdomain, isQualifiedName } from "./names.ts";

const e = (field: string, type: FieldError["type"], detail: string, value?: unknown): FieldError =>
  value === undefined ? { field, type, detail } : { field, type, value, detail };

describe("field error bodies", () => {
  it("words each error type as apimachinery does", () => {
    expect(errorString(e("spec.replicas", "Invalid", "must be greater than or equal to 0", -1))).toBe(
      "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
    );
    expect(errorString(e("metadata.name", "Required", "name or generateName is required"))).toBe(
      "metadata.name: Required value: name or generateName is required",
    );
    expect(errorString(e("spec.selector", "Required", ""))).toBe("spec.selector: Required value");
    expect(errorString(e("spec.x", "NotSupported", 'supported values: "A"', "B"))).toBe(
      'spec.x: Unsupported value: "B": supported values: "A"',
    );
    expect(errorString(e("spec.x", "Unsupported", 'supported values: "A"', "B"))).toBe(
      'spec.x: Unsupported value: "B": supported values: "A"',
    );
    expect(errorString(e("spec.containers[1].name", "Duplicate", "", "web"))).toBe(
      'spec.containers[1].name: Duplicate value: "web"',
    );
    expect(errorString(e("spec.x", "Forbidden", "may not be set", "ignored"))).toBe(
      "spec.x: Forbidden: may not be set",
    );
    expect(errorString(e("data", "TooLong", "must have at most 1048576 bytes", "x"))).toBe(
      "data: Too long: must have at most 1048576 bytes",
    );
    expect(errorString(e("a", "NotFound", "", "data"))).toBe('a: Not found: "data"');
  });

  it("prints values like Go's %v, %q and %#v", () => {
    expect(errorString(e("f", "Invalid", "d", { b: "2", a: "1" }))).toBe(
      'f: Invalid value: map[string]string{"a":"1", "b":"2"}: d',
    );
    expect(errorString(e("f", "Invalid", "d", {}))).toBe("f: Invalid value: map[string]string{}: d");
    expect(errorString(e("f", "Invalid", "d", ["a", "b"]))).toBe('f: Invalid value: []string{"a", "b"}: d');
    expect(errorString(e("f", "Invalid", "d", true))).toBe("f: Invalid value: true: d");
    expect(errorString(e("f", "Invalid", "d", null))).toBe("f: Invalid value: null: d");
    expect(errorString(e("f", "Invalid", "d", new GoRepr("map[string]string(nil)")))).toBe(
      "f: Invalid value: map[string]string(nil): d",
    );
  });

  it("quotes strings like strconv.Quote", () => {
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote("tab\there\n")).toBe('"tab\\there\\n"');
    expect(goQuote("\u0001")).toBe('"\\x01"');
    expect(goQuote("héllo")).toBe('"héllo"');
  });
});

describe("formatInvalid", () => {
  const one = e("spec.replicas", "Invalid", "must be greater than or equal to 0", -1);
  const two = e("spec.selector", "Required", "");

  it("prints a single cause inline", () => {
    expect(formatInvalid("Deployment", "web", [one])).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it("prints several causes as kubectl's bulleted list, without duplicates", () => {
    expect(formatInvalid("Pod", "x", [one, two, one])).toBe(
      'The Pod "x" is invalid: \n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n* spec.selector: Required value',
    );
  });

  it("also gives the raw Status message, with ToAggregate's bracketed list", () => {
    expect(invalidStatusMessage("Deployment.apps", "web", [one, two])).toBe(
      'Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.selector: Required value]',
    );
    expect(invalidStatusMessage("Pod", "x", [two])).toBe('Pod "x" is invalid: spec.selector: Required value');
  });

  it("has no colon without causes", () => {
    expect(formatInvalid("Pod", "x", [])).toBe('The Pod "x" is invalid');
  });
});

describe("quantities", () => {
  const canon = (s: string) => {
    const p = parseQuantity(s);
    return p.ok ? quantityString(p.q) : p.error;
  };

  it("keeps canonical input and canonicalizes the rest", () => {
    expect(canon("500m")).toBe("500m");
    expect(canon("1000m")).toBe("1");
    expect(canon("0.5")).toBe("500m");
    expect(canon("1.5")).toBe("1500m");
    expect(canon("1000")).toBe("1k");
    expect(canon("1.5Gi")).toBe("1536Mi");
    expect(canon("1024Mi")).toBe("1Gi");
    expect(canon("128Mi")).toBe("128Mi");
    expect(canon("500Mi")).toBe("500Mi");
    expect(canon("0.5Gi")).toBe("512Mi");
    expect(canon("1e3")).toBe("1e3");
    expect(canon("12e1")).toBe("120");
    expect(canon("0")).toBe("0");
    expect(canon("-1")).toBe("-1");
    expect(canon("0.1m")).toBe("100u");
    expect(canon("1n")).toBe("1n");
    expect(canon("0.1n")).toBe("1n");
  });

  it("reports apimachinery's parse errors", () => {
    expect(canon("")).toBe(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    expect(canon("1Gb")).toBe(canon(""));
    expect(canon("1mi")).toBe("unable to parse quantity's suffix");
  });
});

describe("names", () => {
  it("checks subdomains and qualified names", () => {
    expect(isDNS1123Subdomain("a.b-c")).toEqual([]);
    expect(isDNS1123Subdomain("x".repeat(254))).toContain("must be no more than 253 characters");
    expect(isQualifiedName("example.com/name")).toEqual([]);
    expect(isQualifiedName("/name")).toEqual(["prefix part must be non-empty"]);
    expect(isQualifiedName("a/b/c")[0]).toMatch(/^a qualified name must consist of/);
  });
});

describe("served kinds and versions", () => {
  it("lists the kinds and their preferred versions", () => {
    expect(SUPPORTED_KINDS).toContain("Deployment");
    expect(SUPPORTED_KINDS).toHaveLength(23);
    expect(apiVersionFor("Deployment")).toBe("apps/v1");
    expect(apiVersionFor("HorizontalPodAutoscaler")).toBe("autoscaling/v2");
    expect(apiVersionFor("Ingress")).toBe("networking.k8s.io/v1");
    expect(apiVersionFor("Pod")).toBe("v1");
    expect(apiVersionFor("Widget")).toBeUndefined();
  });

  it("knows which apiVersions 1.32 serves", () => {
    expect(isServedApiVersion("apps/v1", "Deployment")).toBe(true);
    expect(isServedApiVersion("extensions/v1beta1", "Deployment")).toBe(false);
    expect(isServedApiVersion("apps/v1beta1", "Deployment")).toBe(false);
    expect(isServedApiVersion("autoscaling/v1", "HorizontalPodAutoscaler")).toBe(true);
    expect(isServedApiVersion("autoscaling/v2", "HorizontalPodAutoscaler")).toBe(true);
    expect(isServedApiVersion("autoscaling/v2beta2", "HorizontalPodAutoscaler")).toBe(false);
    expect(isServedApiVersion("batch/v1", "CronJob")).toBe(true);
    expect(isServedApiVersion("batch/v1beta1", "CronJob")).toBe(false);
    expect(isServedApiVersion("extensions/v1beta1", "Ingress")).toBe(false);
    expect(isServedApiVersion("v1", "Deployment")).toBe(false);
  });
});
