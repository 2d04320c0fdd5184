// Field errors worded as apimachinery's field.Error, and the Invalid status message kubectl prints for them.

export type FieldErrorType =
  | "Required"
  | "Invalid"
  | "Unsupported"
  | "NotSupported"
  | "Duplicate"
  | "Forbidden"
  | "TooLong"
  | "NotFound";

export interface FieldError {
  field: string;
  type: FieldErrorType;
  value?: unknown;
  detail: string;
}

/** A bad value printed verbatim, for Go values JSON has no spelling for (`map[string]string(nil)`, structs). */
export class GoRepr {
  constructor(readonly text: string) {}
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  Required: "Required value",
  Invalid: "Invalid value",
  Unsupported: "Unsupported value",
  NotSupported: "Unsupported value",
  Duplicate: "Duplicate value",
  Forbidden: "Forbidden",
  TooLong: "Too long",
  NotFound: "Not found",
};

export const required = (field: string, detail = ""): FieldError => ({ field, type: "Required", detail });
export const forbidden = (field: string, detail: string): FieldError => ({
  field,
  type: "Forbidden",
  detail,
});
export const invalid = (field: string, value: unknown, detail: string): FieldError => ({
  field,
  type: "Invalid",
  value,
  detail,
});
export const duplicate = (field: string, value: unknown): FieldError => ({
  field,
  type: "Duplicate",
  value,
  detail: "",
});
export const notFound = (field: string, value: unknown): FieldError => ({
  field,
  type: "NotFound",
  value,
  detail: "",
});
export const tooLong = (field: string, max: number): FieldError => ({
  field,
  type: "TooLong",
  detail: `must have at most ${max} bytes`,
});

/** field.NotSupported: the valid values are quoted and listed in the given order. */
export function notSupported(field: string, value: unknown, valid: readonly string[]): FieldError {
  const detail = valid.length > 0 ? `supported values: ${valid.map(goQuote).join(", ")}` : "";
  return { field, type: "NotSupported", value, detail };
}

/** Go's strconv.Quote (the %q verb). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\u0007") out += "\\a";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (ch === "\v") out += "\\v";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if ((c >= 0x80 && c < 0xa0) || c === 0xad || c === 0xfffd)
      out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

const isStringMap = (v: object): v is Record<string, string> =>
  Object.values(v).every((x) => typeof x === "string");

/** The bad value as field.Error.ErrorBody prints it (%v for numbers, %q for strings, %#v for maps and slices). */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (v instanceof GoRepr) return v.text;
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === "string")) return `[]string{${v.map(goQuote).join(", ")}}`;
    return `[]interface {}{${v.map(goValue).join(", ")}}`;
  }
  if (typeof v === "object" && isStringMap(v)) {
    const keys = Object.keys(v).sort();
    return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(v[k] as string)}`).join(", ")}}`;
  }
  return JSON.stringify(v);
}

/** field.Error.ErrorBody(): "Invalid value: -1: must be greater than or equal to 0". */
export function errorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  const valueless = e.type === "Required" || e.type === "Forbidden" || e.type === "TooLong";
  if (!valueless && "value" in e) s += `: ${goValue(e.value)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** field.Error.Error(): "spec.replicas: Invalid value: -1: must be greater than or equal to 0". */
export const errorString = (e: FieldError): string => `${e.field}: ${errorBody(e)}`;

/**
 * The message kubectl prints for an Invalid status built by apierrors.NewInvalid: one cause inline, several as a
 * bulleted list after "is invalid: " and a newline (kubectl's MultilineError), duplicates dropped.
 */
export function formatInvalid(kind: string, name: string, errors: readonly FieldError[]): string {
  const head = `The ${kind} ${goQuote(name)} is invalid`;
  const msgs = [...new Set(errors.map(errorString))];
  if (msgs.length === 0) return head;
  if (msgs.length === 1) return `${head}: ${msgs[0]}`;
  return `${head}: \n${msgs.map((m) => `* ${m}`).join("\n")}`;
}

/**
 * The Status message itself (apierrors.NewInvalid with ErrorList.ToAggregate), as an API client other than kubectl
 * sees it: `Deployment.apps "web" is invalid: [spec.selector: Required value, spec.replicas: ...]`.
 */
export function invalidStatusMessage(
  qualifiedKind: string,
  name: string,
  errors: readonly FieldError[],
): string {
  const msgs = [...new Set(errors.map(errorString))];
  const agg = msgs.length === 1 ? (msgs[0] as string) : `[${msgs.join(", ")}]`;
  return `${qualifiedKind} ${goQuote(name)} is invalid: ${agg}`;
}
