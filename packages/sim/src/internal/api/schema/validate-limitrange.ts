// LimitRange validation (ValidateLimitRange), applied after the Container type's defaulting of default/defaultRequest.
import { duplicate, type FieldError, forbidden, invalid, required } from "./errors.ts";
import { isQualifiedName, nameIsDNSSubdomain } from "./names.ts";
import { cmpQuantity, type Quantity, quantityString } from "./quantity.ts";
import { at, child, key, keys, list, type R, rec, str, validateObjectMeta } from "./validate-meta.ts";
import {
  isOvercommitAllowed,
  quantityOf,
  quantityRepr,
  validateContainerResourceName,
  validateResourceName,
} from "./validate-resources.ts";

type QMap = Map<string, Quantity>;

function quantities(v: unknown): QMap {
  const m = new Map<string, Quantity>();
  const r = rec(v) ?? {};
  for (const k of keys(r)) {
    const q = quantityOf(r[k]);
    if (q) m.set(k, q);
  }
  return m;
}

function validateTypeName(type: string, path: string): FieldError[] {
  const errs = isQualifiedName(type).map((m) => invalid(path, type, m));
  if (errs.length > 0) return errs;
  if (!type.includes("/") && !["Pod", "Container", "PersistentVolumeClaim"].includes(type)) {
    return [invalid(path, type, "must be a standard limit type or fully qualified")];
  }
  return [];
}

const resourceNameErrors = (type: string, name: string, path: string): FieldError[] =>
  type === "Pod" || type === "Container"
    ? validateContainerResourceName(name, path)
    : validateResourceName(name, path);

/** SetDefaults_LimitRangeItem: for containers, default ← max and defaultRequest ← default, then min. */
function defaulted(type: string, max: QMap, min: QMap, def: QMap, defReq: QMap): void {
  if (type !== "Container") return;
  for (const [k, v] of max) if (!def.has(k)) def.set(k, v);
  for (const [k, v] of def) if (!defReq.has(k)) defReq.set(k, v);
  for (const [k, v] of min) if (!defReq.has(k)) defReq.set(k, v);
}

export function validateLimitRange(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSSubdomain);
  const types = new Set<string>();
  list(rec(m.spec)?.limits).forEach((l, i) => {
    const item = rec(l) ?? {};
    const p = at("spec.limits", i);
    const type = str(item.type);
    out.push(...validateTypeName(type, child(p, "type")));
    if (types.has(type)) out.push(duplicate(child(p, "type"), type));
    types.add(type);
    const [max, min, def, defReq, ratio] = [
      "max",
      "min",
      "default",
      "defaultRequest",
      "maxLimitRequestRatio",
    ].map((f) => quantities(item[f])) as [QMap, QMap, QMap, QMap, QMap];
    for (const [f, qm] of [
      ["max", max],
      ["min", min],
    ] as const) {
      for (const k of qm.keys()) out.push(...resourceNameErrors(type, k, key(child(p, f), k)));
    }
    if (type === "Pod") {
      if (def.size > 0) out.push(forbidden(child(p, "default"), "may not be specified when `type` is 'Pod'"));
      if (defReq.size > 0)
        out.push(forbidden(child(p, "defaultRequest"), "may not be specified when `type` is 'Pod'"));
    } else {
      for (const [f, qm] of [
        ["default", def],
        ["defaultRequest", defReq],
      ] as const) {
        for (const k of qm.keys()) out.push(...resourceNameErrors(type, k, key(child(p, f), k)));
      }
    }
    if (type === "PersistentVolumeClaim" && !min.has("storage") && !max.has("storage")) {
      out.push(
        required(
          child(p, "limits"),
          "either minimum or maximum storage value is required, but neither was provided",
        ),
      );
    }
    for (const k of ratio.keys())
      out.push(...resourceNameErrors(type, k, key(child(p, "maxLimitRequestRatio"), k)));
    if (type !== "Pod") defaulted(type, max, min, def, defReq);
    const all = [
      ...new Set([...max.keys(), ...min.keys(), ...def.keys(), ...defReq.keys(), ...ratio.keys()]),
    ].sort();
    for (const k of all)
      out.push(...compare(k, p, max.get(k), min.get(k), def.get(k), defReq.get(k), ratio.get(k)));
  });
  return out;
}

function compare(
  k: string,
  p: string,
  max: Quantity | undefined,
  min: Quantity | undefined,
  def: Quantity | undefined,
  defReq: Quantity | undefined,
  ratio: Quantity | undefined,
): FieldError[] {
  const out: FieldError[] = [];
  const s = quantityString;
  const gt = (a: Quantity, b: Quantity) => cmpQuantity(a, b) > 0;
  if (min && max && gt(min, max)) {
    out.push(
      invalid(
        key(child(p, "min"), k),
        quantityRepr(min),
        `min value ${s(min)} is greater than max value ${s(max)}`,
      ),
    );
  }
  const dr = key(child(p, "defaultRequest"), k);
  if (defReq && min && gt(min, defReq)) {
    out.push(
      invalid(
        dr,
        quantityRepr(defReq),
        `min value ${s(min)} is greater than default request value ${s(defReq)}`,
      ),
    );
  }
  if (defReq && max && gt(defReq, max)) {
    out.push(
      invalid(
        dr,
        quantityRepr(defReq),
        `default request value ${s(defReq)} is greater than max value ${s(max)}`,
      ),
    );
  }
  if (defReq && def && gt(defReq, def)) {
    const msg = `default request value ${s(defReq)} is greater than default limit value ${s(def)}`;
    out.push(invalid(dr, quantityRepr(defReq), msg));
  }
  const dp = key(child(p, "default"), k);
  if (def && min && gt(min, def))
    out.push(invalid(dp, quantityRepr(min), `min value ${s(min)} is greater than default value ${s(def)}`));
  if (def && max && gt(def, max))
    out.push(invalid(dp, quantityRepr(max), `default value ${s(def)} is greater than max value ${s(max)}`));
  const rp = key(child(p, "maxLimitRequestRatio"), k);
  if (ratio && ratio.nanos < 1_000_000_000n)
    out.push(invalid(rp, quantityRepr(ratio), `ratio ${s(ratio)} is less than 1`));
  if (ratio && min && max && min.nanos > 0n) {
    const limit = Number(max.nanos) / Number(min.nanos);
    if (Number(ratio.nanos) / 1e9 > limit) {
      out.push(
        invalid(rp, quantityRepr(ratio), `ratio ${s(ratio)} is greater than max/min = ${limit.toFixed(6)}`),
      );
    }
  }
  if (!isOvercommitAllowed(k) && def && defReq && cmpQuantity(def, defReq) !== 0) {
    const msg = `default value ${s(def)} must equal to defaultRequest value ${s(defReq)} in ${k}`;
    out.push(invalid(dr, quantityRepr(defReq), msg));
  }
  return out;
}
