// Selector tests. Label-selector errors were recorded from kubectl 1.32.4's own labels.Parse (via
// `kubectl create pdb x --selector=… --dry-run=client`, which prints `couldn't parse the selector
// string "…": <message>`); the server returns the same <message> for `kubectl get -l`.

import { describe, expect, it } from "vitest";
import {
  formatSelector,
  labelSelectorFromSpec,
  listSelectorError,
  matches,
  matchesFields,
  parseFieldSelector,
  parseSelector,
  SelectorError,
  selectorFromMatchLabels,
} from "./selector.ts";

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof SelectorError) return e.message;
    throw e;
  }
  throw new Error("no error");
}

const NAME_RULE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_RULE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const x64 = "x".repeat(64);
const p254 = "p".repeat(254);

const RECORDED: [string, string][] = [
  ["a in (b", "unable to parse requirement: found '', expected: ',' or ')'"],
  ["a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
  ["app:monolith", `unable to parse requirement: <nil>: Invalid value: "app:monolith": ${NAME_RULE}`],
  ["app=-x", `unable to parse requirement: values[0][app]: Invalid value: "-x": ${VALUE_RULE}`],
  [
    "a>-x",
    `unable to parse requirement: [values[0]: Invalid value: "-x": for 'Gt', 'Lt' operators, the value must be an integer, values[0][a]: Invalid value: "-x": ${VALUE_RULE}]`,
  ],
  [
    "a>x",
    `unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`,
  ],
  [
    "a<",
    `unable to parse requirement: values[0]: Invalid value: "": for 'Gt', 'Lt' operators, the value must be an integer`,
  ],
  ["!a=b", "found '=', expected: ',' or 'end of string'"],
  ["a,", "found '', expected: identifier after ','"],
  [",a", "found ',', expected: !, identifier, or 'end of string'"],
  ["a in b", "unable to parse requirement: found 'b' expected: '('"],
  ["a in (b c)", "unable to parse requirement: found 'c', expected: ',' or ')'"],
  ["a in (b,=)", "unable to parse requirement: found '=', expected: ',', or identifier"],
  ["a notin", "unable to parse requirement: found '' expected: '('"],
  ["a=(b)", "unable to parse requirement: found '(', expected: identifier"],
  ["!", "unable to parse requirement: found '', expected: identifier"],
  ["!=a", "found '!=', expected: !, identifier, or 'end of string'"],
  ["=a", "found '=', expected: !, identifier, or 'end of string'"],
  ["a,,b", "found ',', expected: identifier after ','"],
  ["a in ()x", "found 'x', expected: ',' or 'end of string'"],
  [
    "a/b/c",
    `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
  ],
  ["/a", `unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty`],
  [
    "Foo.Com/a",
    `unable to parse requirement: <nil>: Invalid value: "Foo.Com/a": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
  ],
  [
    "a/",
    `unable to parse requirement: <nil>: Invalid value: "a/": name part must be non-empty; ${NAME_RULE}`,
  ],
  [
    x64,
    `unable to parse requirement: <nil>: Invalid value: "${x64}": name part must be no more than 63 characters`,
  ],
  [
    `a=${"y".repeat(64)}`,
    `unable to parse requirement: values[0][a]: Invalid value: "${"y".repeat(64)}": must be no more than 63 characters`,
  ],
  [
    `${p254}/a`,
    `unable to parse requirement: <nil>: Invalid value: "${p254}/a": prefix part must be no more than 253 characters`,
  ],
  ["a==b==c", "found '==', expected: ',' or 'end of string'"],
  ["a!==b", "unable to parse requirement: found '=', expected: identifier"],
  ["a in (b,,c", "unable to parse requirement: found '', expected: ',' or ')'"],
  ["a in (,", "unable to parse requirement: found '', expected: ',', or identifier"],
  ["a)", "unable to parse requirement: found ')', expected: in, notin, =, ==, !=, gt, lt"],
  ["a in (b))", "found ')', expected: ',' or 'end of string'"],
  ["a>5,b<-3", `unable to parse requirement: values[0][b]: Invalid value: "-3": ${VALUE_RULE}`],
  ["x=é", `unable to parse requirement: values[0][x]: Invalid value: "é": ${VALUE_RULE}`],
  ["é", `unable to parse requirement: <nil>: Invalid value: "é": ${NAME_RULE}`],
];

describe("parseSelector errors (recorded from kubectl 1.32.4)", () => {
  it.each(RECORDED)("%s", (text, expected) => {
    expect(errorOf(() => parseSelector(text))).toBe(expected);
  });
});

describe("parseSelector accepted syntax", () => {
  it("parses every operator, whitespace and keywords as values, sorting by key", () => {
    const sel = parseSelector("tier in (z,b,,b),x notin (),!y,k==v,m!=n,a =  b , c,in=x,e>5");
    expect(formatSelector(sel)).toBe("a=b,c,e>5,in=x,k==v,m!=n,tier in (,b,z),x notin (),!y");
    expect(formatSelector(parseSelector("a in (in,notin)"))).toBe("a in (in,notin)");
    expect(formatSelector(parseSelector("a=in"))).toBe("a=in");
    expect(parseSelector("")).toEqual({ requirements: [], nothing: false });
  });
  it("matches like labels.Requirement.Matches", () => {
    const web = { app: "web", tier: "front", n: "7" };
    expect(matches(parseSelector("app=web"), web)).toBe(true);
    expect(matches(parseSelector("app!=web"), web)).toBe(false);
    expect(matches(parseSelector("app!=api,missing!=x"), web)).toBe(true);
    expect(matches(parseSelector("tier in (front,back)"), web)).toBe(true);
    expect(matches(parseSelector("tier notin (front)"), web)).toBe(false);
    expect(matches(parseSelector("gone notin (front)"), web)).toBe(true);
    expect(matches(parseSelector("app,!gone"), web)).toBe(true);
    expect(matches(parseSelector("!app"), web)).toBe(false);
    expect(matches(parseSelector("n>5,n<8"), web)).toBe(true);
    expect(matches(parseSelector("app>5"), web)).toBe(false);
    expect(matches(parseSelector("app="), { app: "" })).toBe(true);
    expect(matches(parseSelector(""), undefined)).toBe(true);
    expect(matches(parseSelector("app"), undefined)).toBe(false);
  });
});

describe("selectors from objects", () => {
  it("selectorFromMatchLabels sorts by key and treats {} as everything", () => {
    const sel = selectorFromMatchLabels({ tier: "front", app: "web" });
    expect(formatSelector(sel)).toBe("app=web,tier=front");
    expect(matches(selectorFromMatchLabels({}), { any: "x" })).toBe(true);
  });
  it("labelSelectorFromSpec mirrors LabelSelectorAsSelector (absent = nothing, empty = everything)", () => {
    expect(matches(labelSelectorFromSpec(undefined), {})).toBe(false);
    expect(matches(labelSelectorFromSpec({}), {})).toBe(true);
    const sel = labelSelectorFromSpec({
      matchLabels: { tier: "front", app: "web" },
      matchExpressions: [
        { key: "env", operator: "In", values: ["prod", "dev"] },
        { key: "canary", operator: "DoesNotExist" },
        { key: "app", operator: "Exists" },
      ],
    });
    expect(formatSelector(sel)).toBe("app=web,app,!canary,env in (dev,prod),tier=front");
    expect(matches(sel, { app: "web", tier: "front", env: "dev" })).toBe(true);
    expect(matches(sel, { app: "web", tier: "front", env: "dev", canary: "1" })).toBe(false);
  });
  it("labelSelectorFromSpec reports apimachinery's errors", () => {
    expect(errorOf(() => labelSelectorFromSpec({ matchExpressions: [{ key: "a", operator: "Gt" }] }))).toBe(
      '"Gt" is not a valid label selector operator',
    );
    expect(
      errorOf(() => labelSelectorFromSpec({ matchExpressions: [{ key: "a", operator: "In", values: [] }] })),
    ).toBe("values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty");
    expect(
      errorOf(() =>
        labelSelectorFromSpec({ matchExpressions: [{ key: "a", operator: "Exists", values: ["x"] }] }),
      ),
    ).toBe('values: Invalid value: ["x"]: values set must be empty for exists and does not exist');
    expect(errorOf(() => labelSelectorFromSpec({ matchLabels: { "-a": "b" } }))).toBe(
      `key: Invalid value: "-a": ${NAME_RULE}`,
    );
  });
});

describe("field selectors", () => {
  const pod = {
    kind: "Pod",
    metadata: { name: "web-1", namespace: "dev" },
    spec: { nodeName: "node-1" },
    status: { phase: "Running", podIPs: [{ ip: "10.0.0.5" }] },
  };
  it("parses =, == and != with escapes, and matches", () => {
    const sel = parseFieldSelector("status.phase!=Pending,metadata.name==web-1,spec.nodeName=node-1", "Pod");
    expect(sel.requirements.map((r) => `${r.field}${r.operator}${r.value}`)).toEqual([
      "metadata.name==web-1",
      "spec.nodeName=node-1",
      "status.phase!=Pending",
    ]);
    expect(matchesFields(sel, pod)).toBe(true);
    expect(matchesFields(parseFieldSelector("metadata.namespace=prod"), pod)).toBe(false);
    expect(matchesFields(parseFieldSelector("status.podIP=10.0.0.5,spec.hostNetwork=false"), pod)).toBe(true);
    expect(matchesFields(parseFieldSelector("spec.host=node-1", "Pod"), pod)).toBe(true);
    expect(parseFieldSelector("metadata.name=a\\,b\\=c\\\\").requirements[0]?.value).toBe("a,b=c\\");
    expect(parseFieldSelector(",,").requirements).toEqual([]);
  });
  it("reports fields.ParseSelector and field-label conversion errors", () => {
    expect(errorOf(() => parseFieldSelector("foo"))).toBe("invalid selector: 'foo'; can't understand 'foo'");
    expect(errorOf(() => parseFieldSelector("b=1,a"))).toBe(
      "invalid selector: 'b=1,a'; can't understand 'a'",
    );
    expect(errorOf(() => parseFieldSelector("a=b=c"))).toBe(
      "invalid field selector: unescaped character in value: 61",
    );
    expect(errorOf(() => parseFieldSelector("a=\\x"))).toBe(
      "invalid field selector: invalid escape sequence: \\x",
    );
    expect(errorOf(() => parseFieldSelector("foo=bar", "Pod"))).toBe("field label not supported: foo");
    expect(errorOf(() => parseFieldSelector("status.phase=Running", "Deployment"))).toBe(
      '"status.phase" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
    expect(errorOf(() => parseFieldSelector("status.failed=1", "Job"))).toBe(
      'field label "status.failed" not supported for batchv1.Job',
    );
  });
  it("formats the BadRequest line kubectl prints for a rejected list", () => {
    const pods = { group: "", version: "v1", resource: "pods" };
    expect(
      listSelectorError(
        pods,
        "app:monolith",
        "",
        errorOf(() => parseSelector("app:monolith")),
      ),
    ).toBe(
      `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app:monolith", field selector "": unable to parse requirement: <nil>: Invalid value: "app:monolith": ${NAME_RULE}`,
    );
  });
});
