// Resource names and quantities: container requests/limits, quota and limit range names, integer resources.
import { type FieldError, forbidden, GoRepr, invalid, required } from "./errors.ts";
import { isQualifiedName } from "./names.ts";
import {
  cmpQuantity,
  isWholeQuantity,
  parseQuantity,
  type Quantity,
  quantityInput,
  quantityString,
} from "./quantity.ts";
import { child, key, keys, type R, rec } from "./validate-meta.ts";

const STANDARD_RESOURCES = new Set([
  "cpu",
  "memory",
  "ephemeral-storage",
  "requests.cpu",
  "requests.memory",
  "requests.ephemeral-storage",
  "limits.cpu",
  "limits.memory",
  "limits.ephemeral-storage",
  "pods",
  "resourcequotas",
  "services",
  "replicationcontrollers",
  "secrets",
  "configmaps",
  "persistentvolumeclaims",
  "storage",
  "requests.storage",
  "services.nodeports",
  "services.loadbalancers",
]);
const INTEGER_RESOURCES = new Set([
  "pods",
  "services",
  "replicationcontrollers",
  "resourcequotas",
  "secrets",
  "configmaps",
  "persistentvolumeclaims",
  "services.nodeports",
  "services.loadbalancers",
]);
const QUOTA_RESOURCES = new Set([...STANDARD_RESOURCES].filter((r) => r !== "storage"));

export const isHugePages = (n: string): boolean => n.startsWith("hugepages-");
const isQuotaHugePages = (n: string): boolean =>
  n.startsWith("requests.hugepages-") || n.startsWith("limits.hugepages-");
export const isNativeResource = (n: string): boolean => !n.includes("/") || n.includes("kubernetes.io/");
export const isExtendedResource = (n: string): boolean =>
  !isNativeResource(n) && !n.startsWith("requests.") && isQualifiedName(`requests.${n}`).length === 0;
const isStandardResource = (n: string): boolean =>
  STANDARD_RESOURCES.has(n) || isHugePages(n) || isQuotaHugePages(n);
const isIntegerResource = (n: string): boolean => INTEGER_RESOURCES.has(n) || isExtendedResource(n);
/** Requests may be lower than limits only for native, non-hugepages resources. */
export const isOvercommitAllowed = (n: string): boolean => isNativeResource(n) && !isHugePages(n);

/** A quantity field's value; strict decoding has already rejected malformed ones. */
export function quantityOf(v: unknown): Quantity | undefined {
  if (v === undefined || v === null) return undefined;
  const p = parseQuantity(quantityInput(v));
  return p.ok ? p.q : undefined;
}

/** A Quantity as a bad value: printed through its String() method, without quotes. */
export const quantityRepr = (q: Quantity): GoRepr => new GoRepr(quantityString(q));

export function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (errs.length > 0) return errs;
  if (!name.includes("/") && !isStandardResource(name)) {
    return [invalid(path, name, "must be a standard resource type or fully qualified")];
  }
  return [];
}

export function validateContainerResourceName(name: string, path: string): FieldError[] {
  const errs = validateResourceName(name, path);
  if (!name.includes("/")) {
    if (!["cpu", "memory", "ephemeral-storage"].includes(name) && !isHugePages(name)) {
      errs.push(invalid(path, name, "must be a standard resource for containers"));
    }
  } else if (!isNativeResource(name) && !isExtendedResource(name)) {
    errs.push(invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

export function validateQuotaResourceName(name: string, path: string): FieldError[] {
  const errs = validateResourceName(name, path);
  if (!name.includes("/") && !QUOTA_RESOURCES.has(name) && !isQuotaHugePages(name)) {
    errs.push(invalid(path, name, "must be a standard resource for quota"));
  }
  return errs;
}

/** ValidateResourceQuantityValue: not negative, and whole for integer resources. */
export function validateQuantityValue(resource: string, q: Quantity, path: string): FieldError[] {
  const out: FieldError[] = [];
  if (q.nanos < 0n) out.push(invalid(path, quantityString(q), "must be greater than or equal to 0"));
  if (isIntegerResource(resource) && !isWholeQuantity(q))
    out.push(invalid(path, quantityRepr(q), "must be an integer"));
  return out;
}

/** validateResourceRequirements for containers: names, values, requests ≤ limits. */
export function validateResourceRequirements(
  res: R | undefined,
  path: string,
  _for: "container",
): FieldError[] {
  const out: FieldError[] = [];
  const limPath = child(path, "limits");
  const reqPath = child(path, "requests");
  const limits = rec(res?.limits) ?? {};
  const requests = rec(res?.requests) ?? {};
  let cpuMem = false;
  let huge = false;
  for (const name of keys(limits)) {
    const p = key(limPath, name);
    out.push(...validateContainerResourceName(name, p));
    const q = quantityOf(limits[name]);
    if (q) out.push(...validateQuantityValue(name, q, p));
    if (isHugePages(name)) huge = true;
    if (name === "cpu" || name === "memory") cpuMem = true;
  }
  for (const name of keys(requests)) {
    const p = key(reqPath, name);
    out.push(...validateContainerResourceName(name, p));
    const q = quantityOf(requests[name]);
    if (!q) continue;
    out.push(...validateQuantityValue(name, q, p));
    const limit = Object.hasOwn(limits, name) ? quantityOf(limits[name]) : undefined;
    if (limit) {
      const c = cmpQuantity(q, limit);
      if (c !== 0 && !isOvercommitAllowed(name)) {
        out.push(
          invalid(reqPath, quantityString(q), `must be equal to ${name} limit of ${quantityString(limit)}`),
        );
      } else if (c > 0) {
        out.push(
          invalid(
            reqPath,
            quantityString(q),
            `must be less than or equal to ${name} limit of ${quantityString(limit)}`,
          ),
        );
      }
    } else if (!isOvercommitAllowed(name))
      out.push(required(limPath, "Limit must be set for non overcommitable resources"));
    if (isHugePages(name)) huge = true;
    if (name === "cpu" || name === "memory") cpuMem = true;
  }
  if (!cpuMem && huge) out.push(forbidden(path, "HugePages require cpu or memory"));
  return out;
}
