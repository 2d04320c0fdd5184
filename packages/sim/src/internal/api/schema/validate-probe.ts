// Probe and lifecycle handler validation: exactly one handler, ports, schemes, thresholds.
import { type FieldError, forbidden, invalid, notSupported, required } from "./errors.ts";
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from "./names.ts";
import { child, list, nonNegative, num, type R, rec, str } from "./validate-meta.ts";

/** ValidatePortNumOrName for an IntOrString port (absent means the int 0). */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === "string") return isValidPortName(port).map((m) => invalid(path, port, m));
  const n = num(port) ?? 0;
  return isValidPortNum(n).map((m) => invalid(path, n, m));
}

function validateHTTPGet(h: R, path: string): FieldError[] {
  const out = validatePortNumOrName(h.port, child(path, "port"));
  const scheme = str(h.scheme);
  if (scheme !== "" && scheme !== "HTTP" && scheme !== "HTTPS") {
    out.push(notSupported(child(path, "scheme"), scheme, ["HTTP", "HTTPS"]));
  }
  for (const header of list(h.httpHeaders)) {
    const name = str(rec(header)?.name);
    for (const m of isHTTPHeaderName(name)) out.push(invalid(child(path, "httpHeaders"), name, m));
  }
  return out;
}

/** validateHandler: probes allow exec/httpGet/tcpSocket/grpc, lifecycle hooks exec/httpGet/tcpSocket/sleep. */
export function validateHandler(h: R, path: string, gracePeriod: number, lifecycle: boolean): FieldError[] {
  const out: FieldError[] = [];
  const kinds = lifecycle
    ? ["exec", "httpGet", "tcpSocket", "sleep"]
    : ["exec", "httpGet", "tcpSocket", "grpc"];
  let handlers = 0;
  for (const k of kinds) {
    const action = rec(h[k]);
    if (!action) continue;
    const p = child(path, k);
    if (handlers > 0) {
      out.push(forbidden(p, "may not specify more than 1 handler type"));
      continue;
    }
    handlers++;
    if (k === "exec" && list(action.command).length === 0) out.push(required(child(p, "command")));
    if (k === "httpGet") out.push(...validateHTTPGet(action, p));
    if (k === "tcpSocket") out.push(...validatePortNumOrName(action.port, child(p, "port")));
    if (k === "grpc") out.push(...validatePortNumOrName(num(action.port) ?? 0, child(p, "port")));
    if (k === "sleep") {
      const s = num(action.seconds) ?? 0;
      if (s <= 0 || s > gracePeriod) {
        const msg = `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`;
        out.push(invalid(p, s, msg));
      }
    }
  }
  if (handlers === 0) out.push(required(path, "must specify a handler type"));
  return out;
}

/** validateLivenessProbe / validateReadinessProbe / validateStartupProbe (zero timings are defaulted first). */
export function validateProbe(
  probe: R | undefined,
  path: string,
  kind: "liveness" | "readiness" | "startup",
): FieldError[] {
  if (!probe) return [];
  const out = validateHandler(probe, path, 0, false);
  for (const k of [
    "initialDelaySeconds",
    "timeoutSeconds",
    "periodSeconds",
    "successThreshold",
    "failureThreshold",
  ]) {
    out.push(...nonNegative(num(probe[k]), child(path, k)));
  }
  const tgps = num(probe.terminationGracePeriodSeconds);
  if (tgps !== undefined && tgps <= 0) {
    out.push(invalid(child(path, "terminationGracePeriodSeconds"), tgps, "must be greater than 0"));
  }
  const success = num(probe.successThreshold) || 1;
  if (kind !== "readiness" && success !== 1)
    out.push(invalid(child(path, "successThreshold"), success, "must be 1"));
  if (kind === "readiness" && tgps !== undefined) {
    out.push(
      invalid(child(path, "terminationGracePeriodSeconds"), tgps, "must not be set for readinessProbes"),
    );
  }
  return out;
}
