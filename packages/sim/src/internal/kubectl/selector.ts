// Label and field selectors: apimachinery's labels.Parse / fields.ParseSelector, matching and formatting.

import { goQuote, parseGoInt, utf8Bytes } from "./flags.ts";

/** apimachinery selection.Operator values ("!" is DoesNotExist, "gt"/"lt" are > and <). */
export type Operator = "=" | "==" | "!=" | "in" | "notin" | "exists" | "!" | "gt" | "lt";
/** One label requirement; `values` are kept as given (sorted only when formatted). */
export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}
/** A label selector: requirements sorted by key and ANDed; `nothing` matches no object at all. */
export interface Selector {
  readonly requirements: readonly Requirement[];
  readonly nothing: boolean;
}
/** A label or field selector error; `message` is apimachinery's text (what the server returns). */
export class SelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SelectorError";
  }
}

const fail = (msg: string): never => {
  throw new SelectorError(msg);
};
const EVERYTHING: Selector = { requirements: [], nothing: false };
const NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS_FMT = `${DNS_LABEL}(\\.${DNS_LABEL})*`;
const DNS_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const full = (fmt: string) => new RegExp(`^${fmt}$`);
const regexError = (msg: string, fmt: string, ...ex: string[]) =>
  `${msg} (e.g. ${ex.map((e) => `'${e}', `).join(" or ")}regex used for validation is '${fmt}')`;
const maxLen = (n: number) => `must be no more than ${n} characters`;
/** UTF-8 length; plain ASCII (every label a controller writes) is counted without encoding. */
const bytes = (s: string) => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return utf8Bytes(s).length;
  return s.length;
};
// Compiled once: selectors are parsed on every controller pass.
const DNS_RE = full(DNS_FMT);
const NAME_RE = full(NAME_FMT);
const VALUE_FMT = `(${NAME_FMT})?`;
const VALUE_RE = full(VALUE_FMT);

/** validation.IsQualifiedName (the label-key rules) as of Kubernetes 1.32. */
function keyErrors(key: string): string[] {
  const parts = key.split("/");
  const errs: string[] = [];
  if (parts.length > 2) {
    const re = regexError(NAME_MSG, NAME_FMT, "MyName", "my.name", "123-abc");
    return [
      `a qualified name ${re} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  const name = parts[parts.length - 1] ?? "";
  const prefix = parts.length === 2 ? (parts[0] ?? "") : undefined;
  if (prefix === "") errs.push("prefix part must be non-empty");
  else if (prefix !== undefined) {
    if (bytes(prefix) > 253) errs.push(`prefix part ${maxLen(253)}`);
    if (!DNS_RE.test(prefix)) errs.push(`prefix part ${regexError(DNS_MSG, DNS_FMT, "example.com")}`);
  }
  if (name === "") errs.push("name part must be non-empty");
  else if (bytes(name) > 63) errs.push(`name part ${maxLen(63)}`);
  if (!NAME_RE.test(name))
    errs.push(`name part ${regexError(NAME_MSG, NAME_FMT, "MyName", "my.name", "123-abc")}`);
  return errs;
}

function valueErrors(value: string): string[] {
  const errs = bytes(value) > 63 ? [maxLen(63)] : [];
  if (!VALUE_RE.test(value)) errs.push(regexError(VALUE_MSG, VALUE_FMT, "MyValue", "my_value", "12345"));
  return errs;
}

const invalid = (path: string, bad: string, detail: string) => `${path}: Invalid value: ${bad}: ${detail}`;
const json = (v: readonly string[] | undefined) =>
  v === undefined ? "null" : `[${v.map((x) => JSON.stringify(x)).join(",")}]`;

/** labels.NewRequirement: validates and returns the requirement, or throws the aggregated field errors. */
function newRequirement(key: string, operator: Operator, values: readonly string[] | undefined): Requirement {
  const errs: string[] = [];
  const vals = values ?? [];
  const ke = keyErrors(key);
  if (ke.length > 0) errs.push(invalid("key", goQuote(key), ke.join("; ")));
  const n = vals.length;
  if ((operator === "in" || operator === "notin") && n === 0)
    errs.push(invalid("values", json(values), "for 'in', 'notin' operators, values set can't be empty"));
  if ((operator === "=" || operator === "==" || operator === "!=") && n !== 1)
    errs.push(invalid("values", json(values), "exact-match compatibility requires one single value"));
  if ((operator === "exists" || operator === "!") && n !== 0)
    errs.push(invalid("values", json(values), "values set must be empty for exists and does not exist"));
  if (operator === "gt" || operator === "lt") {
    if (n !== 1)
      errs.push(invalid("values", json(values), "for 'Gt', 'Lt' operators, exactly one value is required"));
    vals.forEach((v, i) => {
      if (!parseGoInt(v, 10).ok)
        errs.push(
          invalid(`values[${i}]`, goQuote(v), "for 'Gt', 'Lt' operators, the value must be an integer"),
        );
    });
  }
  vals.forEach((v, i) => {
    const ve = valueErrors(v);
    if (ve.length > 0) errs.push(invalid(`values[${i}][${key}]`, goQuote(v), ve.join("; ")));
  });
  const unique = [...new Set(errs)];
  if (unique.length > 0) fail(unique.length === 1 ? (unique[0] ?? "") : `[${unique.join(", ")}]`);
  return { key, operator, values: vals };
}

const byKey = (reqs: Requirement[]): Requirement[] =>
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

// ---- labels.Parse --------------------------------------------------------------------------------

type Tok = "id" | "eos" | ")" | "," | "!" | "==" | "=" | ">" | "in" | "<" | "!=" | "notin" | "(" | "err";
interface Item {
  tok: Tok;
  lit: string;
}
const SYMBOLS = new Set(["=", "!", "(", ")", ",", ">", "<"]);
const TOKENS = new Set(["(", ")", ",", "!", "==", "=", ">", "<", "!=", "in", "notin"]);
const WS = new Set([" ", "\t", "\r", "\n"]);
const EOS: Item = { tok: "eos", lit: "" };

function lex(s: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  for (;;) {
    while (WS.has(s[i] ?? "")) i++;
    if (i >= s.length) return [...items, EOS];
    let buf = "";
    if (SYMBOLS.has(s[i] ?? "")) {
      let last: Item | undefined;
      while (i < s.length && SYMBOLS.has(s[i] ?? "")) {
        buf += s[i++];
        if (TOKENS.has(buf)) last = { tok: buf as Tok, lit: buf };
        else if (last) {
          i--;
          break;
        }
      }
      items.push(last ?? { tok: "err", lit: `error expected: keyword found '${buf}'` });
    } else {
      while (i < s.length && !SYMBOLS.has(s[i] ?? "") && !WS.has(s[i] ?? "")) buf += s[i++];
      items.push({ tok: buf === "in" || buf === "notin" ? buf : "id", lit: buf });
    }
  }
}

/**
 * Parses a `-l/--selector` string exactly as apimachinery's labels.Parse does (the server side of
 * `kubectl get -l`). Throws {@link SelectorError} with the same message, e.g.
 * `unable to parse requirement: found '', expected: ',' or ')'`.
 */
export function parseSelector(text: string): Selector {
  let sel = parsedSelectors.get(text);
  if (sel === undefined) {
    sel = parseSelectorText(text);
    // Learners repeat the same few selectors; selectors are read-only, so one parse serves all.
    if (parsedSelectors.size >= 1024) parsedSelectors.clear();
    parsedSelectors.set(text, sel);
  }
  return sel;
}

const parsedSelectors = new Map<string, Selector>();

function parseSelectorText(text: string): Selector {
  const items = lex(text);
  let pos = 0;
  const values = (t: Item): Item => (t.tok === "in" || t.tok === "notin" ? { tok: "id", lit: t.lit } : t);
  const peek = (ctx: "values" | "op" = "values") =>
    ctx === "values" ? values(items[pos] ?? EOS) : (items[pos] ?? EOS);
  const next = (ctx: "values" | "op" = "values") => {
    const t = peek(ctx);
    pos++;
    return t;
  };
  const identifiers = (): string[] => {
    const s = new Set<string>();
    for (;;) {
      const t = next();
      if (t.tok === "id") {
        s.add(t.lit);
        const t2 = peek();
        if (t2.tok === ",") continue;
        if (t2.tok === ")") return [...s];
        return fail(`found '${t2.lit}', expected: ',' or ')'`);
      }
      if (t.tok !== ",") return fail(`found '${t.lit}', expected: ',', or identifier`);
      if (s.size === 0) s.add("");
      const t2 = peek();
      if (t2.tok === ")") return [...s.add("")];
      if (t2.tok === ",") {
        pos++;
        s.add("");
      }
    }
  };
  const requirement = (): Requirement => {
    let t = next();
    let op: Operator | undefined;
    if (t.tok === "!") [op, t] = ["!", next()];
    if (t.tok !== "id") return fail(`found '${t.lit}', expected: identifier`);
    const ke = keyErrors(t.lit);
    if (ke.length > 0) fail(invalid("<nil>", goQuote(t.lit), ke.join("; ")));
    if (peek().tok === "eos" || peek().tok === ",") op = op ?? "exists";
    if (op === "exists" || op === "!") return newRequirement(t.lit, op, []);
    const o = next("op");
    const OPS: Partial<Record<Tok, Operator>> = {
      in: "in",
      notin: "notin",
      "=": "=",
      "==": "==",
      "!=": "!=",
      ">": "gt",
      "<": "lt",
    };
    const operator = OPS[o.tok] ?? fail(`found '${o.lit}', expected: in, notin, =, ==, !=, gt, lt`);
    let vals: string[];
    if (operator === "in" || operator === "notin") {
      const open = next();
      if (open.tok !== "(") return fail(`found '${open.lit}' expected: '('`);
      const first = peek();
      if (first.tok !== ")" && first.tok !== "id" && first.tok !== ",") {
        return fail(`found '${first.lit}', expected: ',', ')' or identifier`);
      }
      vals = first.tok === ")" ? [""] : identifiers();
      next(); // the ')' (identifiers() stops in front of it)
    } else if (peek().tok === "eos" || peek().tok === ",") vals = [""];
    else {
      const v = next();
      vals = v.tok === "id" ? [v.lit] : fail(`found '${v.lit}', expected: identifier`);
    }
    return newRequirement(t.lit, operator, vals.sort());
  };
  const reqs: Requirement[] = [];
  for (;;) {
    const t = peek();
    if (t.tok === "eos") return { requirements: byKey(reqs), nothing: false };
    if (t.tok !== "id" && t.tok !== "!")
      fail(`found '${t.lit}', expected: !, identifier, or 'end of string'`);
    try {
      reqs.push(requirement());
    } catch (e) {
      throw e instanceof SelectorError ? new SelectorError(`unable to parse requirement: ${e.message}`) : e;
    }
    const after = next();
    if (after.tok === "eos") return { requirements: byKey(reqs), nothing: false };
    if (after.tok !== ",") fail(`found '${after.lit}', expected: ',' or 'end of string'`);
    const t2 = peek();
    if (t2.tok !== "id" && t2.tok !== "!") fail(`found '${t2.lit}', expected: identifier after ','`);
  }
}

function requirementMatches(r: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.hasOwn(labels, r.key);
  const v = labels[r.key] ?? "";
  switch (r.operator) {
    case "=":
    case "==":
    case "in":
      return has && r.values.includes(v);
    case "!=":
    case "notin":
      return !has || !r.values.includes(v);
    case "exists":
      return has;
    case "!":
      return !has;
    default: {
      const lv = parseGoInt(v, 10);
      const rv = r.values.length === 1 ? parseGoInt(r.values[0] ?? "", 10) : undefined;
      if (!has || !lv.ok || !rv?.ok) return false;
      return r.operator === "gt" ? lv.value > rv.value : lv.value < rv.value;
    }
  }
}

/** Whether `labels` satisfy every requirement (a `nothing` selector matches nothing). */
export function matches(sel: Selector, labels: Readonly<Record<string, string>> | undefined): boolean {
  return !sel.nothing && sel.requirements.every((r) => requirementMatches(r, labels ?? {}));
}

/** labels.SelectorFromSet: key=value for each entry, unvalidated; empty matches everything. */
export function selectorFromMatchLabels(ml: Readonly<Record<string, string>>): Selector {
  const reqs = Object.entries(ml).map(([key, v]): Requirement => ({ key, operator: "=", values: [v] }));
  return { requirements: byKey(reqs), nothing: false };
}

/** A metav1.LabelSelector as written in manifests (extra fields are ignored). */
export interface LabelSelectorSpec {
  matchLabels?: Readonly<Record<string, string>> | undefined;
  matchExpressions?:
    | readonly { key: string; operator: string; values?: readonly string[] | undefined }[]
    | undefined;
}
const SPEC_OPS: Record<string, Operator> = { In: "in", NotIn: "notin", Exists: "exists", DoesNotExist: "!" };

/**
 * metav1.LabelSelectorAsSelector: absent (undefined/null) matches nothing, empty matches everything.
 * Throws {@link SelectorError} with apimachinery's text for invalid keys, values or operators.
 */
export function labelSelectorFromSpec(spec: LabelSelectorSpec | null | undefined): Selector {
  if (spec === undefined || spec === null) return { requirements: [], nothing: true };
  if (typeof spec !== "object") return selectorOfSpec(spec);
  const hit = specSelectors.get(spec);
  if (hit) return hit;
  const sel = selectorOfSpec(spec);
  specSelectors.set(spec, sel);
  return sel;
}

/**
 * Parsed selectors by spec object. Controllers parse the same stored selectors on every pass;
 * stored objects are replaced on update, never edited in place, and selectors of Deployments,
 * ReplicaSets and the like are immutable anyway. Invalid selectors throw and are not cached.
 */
const specSelectors = new WeakMap<object, Selector>();

function selectorOfSpec(spec: LabelSelectorSpec): Selector {
  const ml = Object.entries(spec.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const reqs = ml.map(([k, v]) => newRequirement(k, "=", [v]));
  for (const e of spec.matchExpressions ?? []) {
    const op = Object.hasOwn(SPEC_OPS, e.operator) ? SPEC_OPS[e.operator] : undefined;
    if (op === undefined) fail(`${goQuote(e.operator)} is not a valid label selector operator`);
    else reqs.push(newRequirement(e.key, op, e.values && e.values.length > 0 ? [...e.values] : undefined));
  }
  return reqs.length === 0 ? EVERYTHING : { requirements: byKey(reqs), nothing: false };
}

/** Selector.String(): `app=web,tier in (a,b),!canary` (set values sorted); "" for nothing/everything. */
export function formatSelector(sel: Selector): string {
  const shown = (r: Requirement) => {
    if (r.operator === "exists" || r.operator === "!") return `${r.operator === "!" ? "!" : ""}${r.key}`;
    const vals = [...r.values].sort().join(",");
    if (r.operator === "in" || r.operator === "notin") return `${r.key} ${r.operator} (${vals})`;
    return `${r.key}${r.operator === "gt" ? ">" : r.operator === "lt" ? "<" : r.operator}${vals}`;
  };
  return sel.requirements.map(shown).join(",");
}

// ---- field selectors -----------------------------------------------------------------------------

/** One `--field-selector` term (value unescaped). */
export interface FieldRequirement {
  readonly field: string;
  readonly operator: "=" | "==" | "!=";
  readonly value: string;
}
/** A field selector: terms ANDed, sorted as fields.ParseSelector sorts them. */
export interface FieldSelector {
  readonly requirements: readonly FieldRequirement[];
}

/** Field labels each kind's API accepts (pkg/apis/…/conversion.go); other kinds accept metadata only. */
const FIELD_LABELS: Record<string, string> = {
  Pod:
    "metadata.name metadata.namespace spec.nodeName spec.restartPolicy spec.schedulerName spec.hostNetwork " +
    "spec.serviceAccountName spec.host status.phase status.podIP status.podIPs status.nominatedNodeName",
  Node: "metadata.name spec.unschedulable",
  ReplicationController: "metadata.name metadata.namespace status.replicas",
  Namespace: "status.phase metadata.name",
  Secret: "type metadata.namespace metadata.name",
  Service: "metadata.namespace metadata.name spec.clusterIP spec.type",
  Event:
    "involvedObject.kind involvedObject.namespace involvedObject.name involvedObject.uid reason source type " +
    "involvedObject.apiVersion involvedObject.resourceVersion involvedObject.fieldPath reportingComponent " +
    "metadata.namespace metadata.name",
  Job: "metadata.name metadata.namespace status.successful",
};

/** The error the API server's field-label conversion gives for an unsupported `label` of `kind`. */
function unsupportedField(kind: string, label: string): string {
  if (kind === "Job") return `field label ${goQuote(label)} not supported for batchv1.Job`;
  if (FIELD_LABELS[kind] !== undefined) return `field label not supported: ${label}`;
  return `${goQuote(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`;
}

function unescapeValue(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? "";
    if (c === "\\") {
      const n = s[++i];
      if (n === "\\" || n === "," || n === "=") out += n;
      else fail(`invalid field selector: invalid escape sequence: \\${n ?? ""}`);
    } else if (c === "," || c === "=")
      fail(`invalid field selector: unescaped character in value: ${c.charCodeAt(0)}`);
    else out += c;
  }
  return out;
}

/**
 * Parses `--field-selector` as fields.ParseSelector does; when `kind` is given, also applies that
 * kind's field-label check the API server runs (so `spec.host` becomes `spec.nodeName` for pods).
 * Throws {@link SelectorError} with the server's text.
 */
export function parseFieldSelector(text: string, kind?: string): FieldSelector {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === ",") {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (text !== "") parts.push(text.slice(start));
  const reqs: FieldRequirement[] = [];
  for (const part of parts.sort()) {
    if (part === "") continue;
    const m =
      /^(.*?)(!=|==|=)(.*)$/s.exec(part) ?? fail(`invalid selector: '${text}'; can't understand '${part}'`);
    const [, field = "", operator = "=", raw = ""] = m;
    reqs.push({ field, operator: operator as FieldRequirement["operator"], value: unescapeValue(raw) });
  }
  if (kind === undefined) return { requirements: reqs };
  const allowed = (FIELD_LABELS[kind] ?? "metadata.name metadata.namespace").split(" ");
  return {
    requirements: reqs.map((r) => {
      if (!allowed.includes(r.field)) fail(unsupportedField(kind, r.field));
      return kind === "Pod" && r.field === "spec.host" ? { ...r, field: "spec.nodeName" } : r;
    }),
  };
}

/** Where a selectable field lives in the v1 JSON when not at its own dotted path, and its default. */
const FIELD_SOURCES: Record<string, [string, string]> = {
  "spec.hostNetwork": ["spec.hostNetwork", "false"],
  "spec.unschedulable": ["spec.unschedulable", "false"],
  "status.replicas": ["status.replicas", "0"],
  "status.successful": ["status.succeeded", "0"],
  source: ["source.component", ""],
};

/** The string a field selector compares for `field` of `obj` (missing fields are ""). */
export function fieldValue(obj: Readonly<Record<string, unknown>>, field: string): string {
  if (field === "status.podIP") {
    const ips = (obj.status as { podIPs?: { ip?: string }[]; podIP?: string } | undefined) ?? {};
    return ips.podIPs?.[0]?.ip ?? ips.podIP ?? "";
  }
  const [path, dflt] = FIELD_SOURCES[field] ?? [field, ""];
  let cur: unknown = obj;
  for (const seg of path.split("."))
    cur = typeof cur === "object" && cur !== null ? (cur as Record<string, unknown>)[seg] : undefined;
  return typeof cur === "string"
    ? cur
    : typeof cur === "number" || typeof cur === "boolean"
      ? String(cur)
      : dflt;
}

/** Whether `obj` satisfies every term of a field selector. */
export function matchesFields(sel: FieldSelector, obj: Readonly<Record<string, unknown>>): boolean {
  return sel.requirements.every((r) => (fieldValue(obj, r.field) === r.value) !== (r.operator === "!="));
}

/**
 * The line kubectl prints when the server rejects a list's selectors (cli-runtime wraps the 400),
 * e.g. `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector
 * "a in (b", field selector "": unable to parse requirement: found '', expected: ',' or ')'`.
 */
export function listSelectorError(
  gvr: { group: string; version: string; resource: string },
  labelSelector: string,
  fieldSelector: string,
  detail: string,
): string {
  const res = goQuote(`${gvr.group}/${gvr.version}, Resource=${gvr.resource}`);
  const sels = `label selector ${goQuote(labelSelector)}, field selector ${goQuote(fieldSelector)}`;
  return `Error from server (BadRequest): Unable to find ${res} that match ${sels}: ${detail}`;
}
