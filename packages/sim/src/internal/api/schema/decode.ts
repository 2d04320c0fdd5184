// Strict decoding as kube-apiserver does it (sigs.k8s.io/json, fieldValidation=Strict), producing its error text.
import { goType, type Node, structName } from "./dsl.ts";
import { goJSONNumber, parseQuantity, quantityInput } from "./quantity.ts";

/**
 * Decoding walks the object in the order the JSON kubectl sends is written: Go's json.Marshal of a map sorts its
 * keys. Type mismatches are remembered (the first one wins) and decoding goes on; errors from a type's own
 * UnmarshalJSON (Quantity, IntOrString, Time) stop it at once and win over everything; unknown fields are only
 * reported when nothing else went wrong.
 */
class Walk {
  saved: string | undefined;
  fatal: string | undefined;
  readonly unknown: string[] = [];
}

class Fatal extends Error {}

interface Ctx {
  /** Path for strict errors: "spec.template.spec.containers[0]". */
  path: string;
  /** Field names only, as Go's errorContext.FieldStack: "spec.template.spec.containers". */
  stack: string;
  /** Name of the struct type holding the current field ("" at the top). */
  struct: string;
}

const jsonKind = (v: unknown): string =>
  Array.isArray(v) ? "array" : typeof v === "object" ? "object" : typeof v === "boolean" ? "bool" : typeof v;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function typeError(value: string, type: string, ctx: Ctx): string {
  if (ctx.struct === "" && ctx.stack === "")
    return `json: cannot unmarshal ${value} into Go value of type ${type}`;
  return `json: cannot unmarshal ${value} into Go struct field ${ctx.struct}.${ctx.stack} of type ${type}`;
}

function save(w: Walk, msg: string): void {
  if (w.saved === undefined) w.saved = msg;
}

function fail(w: Walk, msg: string): never {
  w.fatal = msg;
  throw new Fatal(msg);
}

/** The JSON literal Go reports for a number it cannot store in an integer ("number 3.5"). */
const numberText = (n: number): string => `number ${goJSONNumber(n)}`;

function walk(w: Walk, v: unknown, n: Node, ctx: Ctx): void {
  if (v === null || v === undefined || n.t === "open") return;
  switch (n.t) {
    case "str":
      if (typeof v !== "string") save(w, typeError(jsonKind(v), n.go, ctx));
      return;
    case "bool":
      if (typeof v !== "boolean") save(w, typeError(jsonKind(v), "bool", ctx));
      return;
    case "float":
      if (typeof v !== "number") save(w, typeError(jsonKind(v), "float64", ctx));
      return;
    case "int":
      if (typeof v !== "number") save(w, typeError(jsonKind(v), n.go, ctx));
      else if (!Number.isInteger(v) || v < n.min || v > n.max) save(w, typeError(numberText(v), n.go, ctx));
      return;
    case "qty": {
      const parsed = parseQuantity(quantityInput(v));
      if (!parsed.ok) fail(w, parsed.error);
      return;
    }
    case "ios":
      if (typeof v === "string") return;
      if (typeof v !== "number") fail(w, typeError(jsonKind(v), "int32", ctx));
      if (!Number.isInteger(v) || v < -2147483648 || v > 2147483647)
        fail(w, typeError(numberText(v), "int32", ctx));
      return;
    case "time":
      if (typeof v !== "string") fail(w, typeError(jsonKind(v), "string", ctx));
      else {
        const err = rfc3339Error(v);
        if (err) fail(w, err);
      }
      return;
    case "bytes":
      if (typeof v === "string") {
        const err = base64Error(v);
        if (err) save(w, err);
      } else if (Array.isArray(v)) {
        for (const b of v) walk(w, b, { t: "int", go: "uint8", min: 0, max: 255 }, ctx);
      } else save(w, typeError(jsonKind(v), "[]uint8", ctx));
      return;
    case "arr":
      if (!Array.isArray(v)) {
        save(w, typeError(jsonKind(v), goType(n), ctx));
        return;
      }
      v.forEach((el, i) => {
        walk(w, el, n.of, { ...ctx, path: `${ctx.path}[${i}]` });
      });
      return;
    case "map":
      if (!isPlainObject(v)) {
        save(w, typeError(jsonKind(v), n.go, ctx));
        return;
      }
      for (const k of Object.keys(v).sort()) walk(w, v[k], n.of, { ...ctx, path: `${ctx.path}[${k}]` });
      return;
    case "obj":
      if (!isPlainObject(v)) {
        save(w, typeError(jsonKind(v), n.go, ctx));
        return;
      }
      for (const k of Object.keys(v).sort()) {
        const fieldPath = ctx.path === "" ? k : `${ctx.path}.${k}`;
        const child = Object.hasOwn(n.f, k) ? n.f[k] : undefined;
        if (child === undefined) {
          w.unknown.push(`unknown field ${JSON.stringify(fieldPath)}`);
          continue;
        }
        const stack = ctx.stack === "" ? k : `${ctx.stack}.${k}`;
        walk(w, v[k], child, { path: fieldPath, stack, struct: structName(n) });
      }
      return;
  }
}

/** Runs the decoder over a manifest; undefined when it decodes cleanly. */
export function decodeError(manifest: Record<string, unknown>, root: Node): string | undefined {
  const w = new Walk();
  try {
    walk(w, manifest, root, { path: "", stack: "", struct: "" });
  } catch (e) {
    if (!(e instanceof Fatal)) throw e;
  }
  if (w.fatal !== undefined) return w.fatal;
  if (w.saved !== undefined) return w.saved;
  if (w.unknown.length > 0) return `strict decoding error: ${w.unknown.join(", ")}`;
  return undefined;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Go's base64.StdEncoding.Decode error for a string, or undefined when it decodes. */
export function base64Error(s: string): string | undefined {
  const src = new TextEncoder().encode(s);
  const bad = (at: number) => `illegal base64 data at input byte ${at}`;
  const isNL = (b: number | undefined) => b === 0x0a || b === 0x0d;
  let si = 0;
  while (si < src.length) {
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return undefined;
        return bad(si - j);
      }
      const c = src[si] as number;
      si++;
      if (c < 0x80 && B64.includes(String.fromCharCode(c))) continue;
      if (isNL(c)) {
        j--;
        continue;
      }
      if (c !== 0x3d) return bad(si - 1);
      // Padding.
      if (j < 2) return bad(si - 1);
      if (j === 2) {
        while (si < src.length && isNL(src[si])) si++;
        if (si === src.length) return bad(src.length);
        if (src[si] !== 0x3d) return bad(si - 1);
        si++;
      }
      while (si < src.length && isNL(src[si])) si++;
      if (si < src.length) return bad(si);
      return undefined;
    }
    while (si < src.length && isNL(src[si])) si++;
  }
  return undefined;
}

const RFC3339 = "2006-01-02T15:04:05Z07:00";
const RFC3339_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** metav1.Time's parse error (time.Parse with RFC 3339), reduced to the element that first fails. */
function rfc3339Error(v: string): string | undefined {
  if (RFC3339_RE.test(v)) return undefined;
  const elems: [string, RegExp][] = [
    ["2006", /^\d{4}/],
    ["-", /^-/],
    ["01", /^\d{2}/],
    ["-", /^-/],
    ["02", /^\d{2}/],
    ["T", /^T/],
    ["15", /^\d{2}/],
    [":", /^:/],
    ["04", /^\d{2}/],
    [":", /^:/],
    ["05", /^\d{2}(\.\d+)?/],
    ["Z07:00", /^(Z|[+-]\d{2}:\d{2})/],
  ];
  let rest = v;
  for (const [elem, re] of elems) {
    const m = re.exec(rest);
    if (!m)
      return `parsing time ${JSON.stringify(v)} as ${JSON.stringify(RFC3339)}: cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(elem)}`;
    rest = rest.slice(m[0].length);
  }
  return `parsing time ${JSON.stringify(v)}: extra text: ${JSON.stringify(rest)}`;
}
