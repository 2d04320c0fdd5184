// Downward API selectors (fieldRef, resourceFieldRef) for env vars and downwardAPI volume files.
import { type FieldError, invalid, notSupported, required } from "./errors.ts";
import { isQualifiedName } from "./names.ts";
import { parseQuantity, quantityInput, quantityString } from "./quantity.ts";
import { child, type R, str } from "./validate-meta.ts";

const FIELD_LABELS = new Set([
  "metadata.annotations",
  "metadata.labels",
  "metadata.name",
  "metadata.namespace",
  "metadata.uid",
  "spec.nodeName",
  "spec.restartPolicy",
  "spec.serviceAccountName",
  "spec.schedulerName",
  "status.phase",
  "status.hostIP",
  "status.hostIPs",
  "status.podIP",
  "status.podIPs",
]);

export const RESOURCE_FIELD_PATHS = [
  "limits.cpu",
  "limits.ephemeral-storage",
  "limits.memory",
  "requests.cpu",
  "requests.ephemeral-storage",
  "requests.memory",
];

/** fieldpath.SplitMaybeSubscriptedPath: "metadata.labels['app']" → ["metadata.labels", "app"]. */
function splitSubscripted(fp: string): [string, string] | undefined {
  if (!fp.endsWith("']")) return undefined;
  const s = fp.slice(0, -2);
  const i = s.indexOf("['");
  if (i <= 0) return undefined;
  return [s.slice(0, i), s.slice(i + 2)];
}

/** podshelper.ConvertDownwardAPIFieldLabel: the internal field path, or the conversion error. */
function convertFieldLabel(version: string, label: string): { path: string } | { error: string } {
  if (version !== "v1") return { error: `unsupported pod version: ${version}` };
  const sub = splitSubscripted(label);
  if (sub) {
    if (sub[0] === "metadata.annotations" || sub[0] === "metadata.labels") return { path: label };
    return { error: `field label does not support subscript: ${label}` };
  }
  if (FIELD_LABELS.has(label)) return { path: label };
  if (label === "spec.host") return { path: "spec.nodeName" };
  return { error: `field label not supported: ${label}` };
}

export function validateObjectFieldSelector(
  fs: R,
  expressions: readonly string[],
  path: string,
): FieldError[] {
  const fieldPath = str(fs.fieldPath);
  if (fieldPath === "") return [required(child(path, "fieldPath"))];
  const conv = convertFieldLabel(str(fs.apiVersion) || "v1", fieldPath);
  if ("error" in conv) {
    return [invalid(child(path, "fieldPath"), fieldPath, `error converting fieldPath: ${conv.error}`)];
  }
  const sub = splitSubscripted(conv.path);
  if (sub) {
    const [p, s] = sub;
    if (p === "metadata.annotations")
      return isQualifiedName(s.toLowerCase()).map((m) => invalid(path, s.toLowerCase(), m));
    if (p === "metadata.labels") return isQualifiedName(s).map((m) => invalid(path, s, m));
    return [invalid(path, p, "does not support subscript")];
  }
  if (!expressions.includes(conv.path))
    return [notSupported(child(path, "fieldPath"), conv.path, expressions)];
  return [];
}

const MEMORY_DIVISORS = ["1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei"];
const DIVISOR_LIST = "1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei";

function validateDivisor(resource: string, divisor: unknown, path: string): FieldError[] {
  if (divisor === undefined || divisor === null) return [];
  const parsed = parseQuantity(quantityInput(divisor));
  if (!parsed.ok || parsed.q.nanos === 0n) return [];
  const d = quantityString(parsed.q);
  const p = child(path, "divisor");
  if ((resource === "limits.cpu" || resource === "requests.cpu") && d !== "1m" && d !== "1") {
    return [invalid(p, resource, "only divisor's values 1m and 1 are supported with the cpu resource")];
  }
  const kinds: [string[], string][] = [
    [["limits.memory", "requests.memory"], "memory"],
    [["limits.ephemeral-storage", "requests.ephemeral-storage"], "local ephemeral storage"],
  ];
  for (const [names, what] of kinds) {
    if (names.includes(resource) && !MEMORY_DIVISORS.includes(d)) {
      return [
        invalid(p, resource, `only divisor's values ${DIVISOR_LIST} are supported with the ${what} resource`),
      ];
    }
  }
  if (/^(requests|limits)\.hugepages-/.test(resource) && !MEMORY_DIVISORS.includes(d)) {
    return [
      invalid(p, resource, `only divisor's values ${DIVISOR_LIST} are supported with the hugepages resource`),
    ];
  }
  return [];
}

export function validateResourceFieldSelector(fs: R, path: string, volume: boolean): FieldError[] {
  const out: FieldError[] = [];
  const resource = str(fs.resource);
  if (volume && str(fs.containerName) === "") out.push(required(child(path, "containerName")));
  else if (resource === "") out.push(required(child(path, "resource")));
  else if (!RESOURCE_FIELD_PATHS.includes(resource) && !/^(requests|limits)\.hugepages-/.test(resource)) {
    out.push(notSupported(child(path, "resource"), resource, RESOURCE_FIELD_PATHS));
  }
  out.push(...validateDivisor(resource, fs.divisor, path));
  return out;
}
