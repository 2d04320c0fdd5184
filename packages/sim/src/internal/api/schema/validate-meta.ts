// Shared validation pieces: value accessors, paths, ObjectMeta, labels, annotations and label selectors.
import { type FieldError, forbidden, GoRepr, invalid, required, tooLong } from "./errors.ts";
import { isQualifiedName, isValidLabelValue, type NameFn } from "./names.ts";

export type R = Readonly<Record<string, unknown>>;

/** The manifest has passed strict decoding, so a field is either absent/null or of its declared JSON type. */
export const rec = (v: unknown): R | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as R) : undefined;
export const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string => (typeof v === "string" ? v : "");
export const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
export const bool = (v: unknown): boolean => v === true;
/** A map[string]string; undefined when absent (Go's nil map). */
export const smap = (v: unknown): Readonly<Record<string, string>> | undefined =>
  rec(v) as Readonly<Record<string, string>> | undefined;
export const keys = (v: unknown): string[] => Object.keys(rec(v) ?? {}).sort();

export const child = (path: string, name: string): string => (path === "" ? name : `${path}.${name}`);
export const at = (path: string, i: number): string => `${path}[${i}]`;
export const key = (path: string, k: string): string => `${path}[${k}]`;

export const IS_NEGATIVE = "must be greater than or equal to 0";

export function nonNegative(v: number | undefined, path: string): FieldError[] {
  return v !== undefined && v < 0 ? [invalid(path, v, IS_NEGATIVE)] : [];
}

export function validateLabelName(k: string, path: string): FieldError[] {
  return isQualifiedName(k).map((m) => invalid(path, k, m));
}

export function validateLabels(labels: unknown, path: string): FieldError[] {
  const out: FieldError[] = [];
  const m = smap(labels) ?? {};
  for (const k of keys(m)) {
    out.push(...validateLabelName(k, path));
    for (const msg of isValidLabelValue(m[k] ?? "")) out.push(invalid(path, m[k], msg));
  }
  return out;
}

export function validateAnnotations(annotations: unknown, path: string): FieldError[] {
  const out: FieldError[] = [];
  const m = smap(annotations) ?? {};
  let size = 0;
  for (const k of keys(m)) {
    for (const msg of isQualifiedName(k.toLowerCase())) out.push(invalid(path, k, msg));
    size += new TextEncoder().encode(k + (m[k] ?? "")).length;
  }
  if (size > 256 * 1024) out.push(tooLong(path, 256 * 1024));
  return out;
}

const STANDARD_FINALIZERS = new Set(["kubernetes", "orphan", "foregroundDeletion"]);

function validateFinalizers(finalizers: unknown, path: string): FieldError[] {
  const out: FieldError[] = [];
  const fs = list(finalizers).map(str);
  for (const f of fs) out.push(...isQualifiedName(f).map((m) => invalid(path, f, m)));
  if (fs.includes("orphan") && fs.includes("foregroundDeletion")) {
    out.push(invalid(path, fs, "finalizer orphan and foregroundDeletion cannot be both set"));
  }
  fs.forEach((f, i) => {
    if (!f.includes("/") && !STANDARD_FINALIZERS.has(f)) {
      out.push(
        invalid(at(path, i), f, "name is neither a standard finalizer name nor is it fully qualified"),
      );
    }
  });
  return out;
}

function validateOwnerReferences(refs: unknown, path: string): FieldError[] {
  const out: FieldError[] = [];
  let controller = "";
  for (const r of list(refs).map(rec)) {
    const apiVersion = str(r?.apiVersion);
    const version = apiVersion.includes("/") ? apiVersion.slice(apiVersion.indexOf("/") + 1) : apiVersion;
    if (version === "") out.push(invalid(child(path, "apiVersion"), apiVersion, "version must not be empty"));
    if (str(r?.kind) === "") out.push(invalid(child(path, "kind"), "", "must not be empty"));
    if (str(r?.name) === "") out.push(invalid(child(path, "name"), "", "must not be empty"));
    if (str(r?.uid) === "") out.push(invalid(child(path, "uid"), "", "must not be empty"));
    if (r?.controller === true) {
      const name = `${str(r.kind)}/${str(r.name)}`;
      if (controller !== "") {
        const msg = `Only one reference can have Controller set to true. Found "true" in references for ${controller} and ${name}`;
        out.push(invalid(path, new GoRepr("[]v1.OwnerReference{...}"), msg));
      } else controller = name;
    }
  }
  return out;
}

/**
 * ValidateObjectMeta on create. The namespace is filled in from the request and the server generates a name
 * from generateName before validating, so neither can be missing here.
 */
export function validateObjectMeta(meta: unknown, nameFn: NameFn, path = "metadata"): FieldError[] {
  const m = rec(meta);
  const out: FieldError[] = [];
  const name = str(m?.name);
  const generateName = str(m?.generateName);
  if (generateName !== "") {
    for (const msg of nameFn(generateName, true))
      out.push(invalid(child(path, "generateName"), generateName, msg));
  }
  if (name === "" && generateName === "")
    out.push(required(child(path, "name"), "name or generateName is required"));
  else if (name !== "")
    for (const msg of nameFn(name, false)) out.push(invalid(child(path, "name"), name, msg));
  out.push(...validateLabels(m?.labels, child(path, "labels")));
  out.push(...validateAnnotations(m?.annotations, child(path, "annotations")));
  out.push(...validateOwnerReferences(m?.ownerReferences, child(path, "ownerReferences")));
  out.push(...validateFinalizers(m?.finalizers, child(path, "finalizers")));
  return out;
}

// Label selectors.

const OPERATORS = new Set(["In", "NotIn", "Exists", "DoesNotExist"]);

export function validateLabelSelector(selector: unknown, path: string): FieldError[] {
  const sel = rec(selector);
  if (!sel) return [];
  const out = validateLabels(sel.matchLabels, child(path, "matchLabels"));
  list(sel.matchExpressions).forEach((e, i) => {
    const p = at(child(path, "matchExpressions"), i);
    const r = rec(e);
    const op = str(r?.operator);
    const values = list(r?.values);
    if (op === "In" || op === "NotIn") {
      if (values.length === 0)
        out.push(required(child(p, "values"), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === "Exists" || op === "DoesNotExist") {
      if (values.length > 0) {
        out.push(
          forbidden(child(p, "values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        );
      }
    } else out.push(invalid(child(p, "operator"), op, "not a valid selector operator"));
    out.push(...validateLabelName(str(r?.key), child(p, "key")));
  });
  return out;
}

/** metav1.LabelSelectorAsSelector: "nothing" for a nil selector, "everything" for an empty one. */
export type Selector =
  | "nothing"
  | "everything"
  | "invalid"
  | ((labels: Readonly<Record<string, string>>) => boolean);

export function labelSelectorAsSelector(selector: unknown): Selector {
  const sel = rec(selector);
  if (!sel) return "nothing";
  const ml = smap(sel.matchLabels) ?? {};
  const exprs = list(sel.matchExpressions).map(rec);
  if (Object.keys(ml).length + exprs.length === 0) return "everything";
  const reqs: ((l: Readonly<Record<string, string>>) => boolean)[] = [];
  for (const k of Object.keys(ml)) {
    const v = ml[k] ?? "";
    if (isQualifiedName(k).length > 0 || isValidLabelValue(v).length > 0) return "invalid";
    reqs.push((l) => l[k] === v);
  }
  for (const e of exprs) {
    const k = str(e?.key);
    const op = str(e?.operator);
    const values = list(e?.values).map(str);
    if (!OPERATORS.has(op) || isQualifiedName(k).length > 0) return "invalid";
    if ((op === "In" || op === "NotIn") && values.length === 0) return "invalid";
    if ((op === "Exists" || op === "DoesNotExist") && values.length > 0) return "invalid";
    if (values.some((v) => isValidLabelValue(v).length > 0)) return "invalid";
    if (op === "In") reqs.push((l) => l[k] !== undefined && values.includes(l[k]));
    else if (op === "NotIn") reqs.push((l) => l[k] === undefined || !values.includes(l[k]));
    else if (op === "Exists") reqs.push((l) => l[k] !== undefined);
    else reqs.push((l) => l[k] === undefined);
  }
  return (l) => reqs.every((r) => r(l));
}

/** Whether a selector rejects a template's labels (labels.Nothing matches nothing; an empty selector is skipped). */
export function selectorRejects(sel: Selector, labels: unknown): boolean {
  if (sel === "everything" || sel === "invalid") return false;
  if (sel === "nothing") return true;
  return !sel(smap(labels) ?? {});
}

/** Template labels as the error prints them: map[string]string{...}, or map[string]string(nil) when absent. */
export const labelsValue = (labels: unknown): unknown => smap(labels) ?? new GoRepr("map[string]string(nil)");

/** *metav1.LabelSelector printed through its protobuf String() method. */
export function labelSelectorRepr(selector: unknown): GoRepr {
  const sel = rec(selector) ?? {};
  const ml = smap(sel.matchLabels) ?? {};
  const labels = keys(ml)
    .map((k) => `${k}: ${ml[k]},`)
    .join("");
  const exprs = list(sel.matchExpressions)
    .map(rec)
    .map((e) => {
      const values = list(e?.values).map(str).join(" ");
      return `LabelSelectorRequirement{Key:${str(e?.key)},Operator:${str(e?.operator)},Values:[${values}],},`;
    })
    .join("");
  return new GoRepr(
    `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`,
  );
}
