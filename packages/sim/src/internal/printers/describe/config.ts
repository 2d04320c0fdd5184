// kubectl describe for ConfigMap, Secret, Namespace, ResourceQuota, LimitRange and ServiceAccount.
import type { KObject } from "../../api/types.ts";
import { canonical, parseQty, qtyString, value as qtyValue } from "../quantity.ts";
import { asArr, asObj, asStr, byteCompare, type Obj, rfc1123zOf, strMap } from "../util.ts";
import {
  annotationsMultiline,
  type DescribeContext,
  describeEvents,
  eventsOf,
  labelsMultiline,
} from "./common.ts";
import { PrefixWriter } from "./writer.ts";

/** Decoded length of a base64 value, as Go's []byte len after decoding. */
export function base64Len(b64: string): number {
  const clean = b64.replace(/\s/g, "");
  const pad = clean.endsWith("==") ? 2 : clean.endsWith("=") ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - pad;
}

/** `kubectl describe configmap` (keys sorted; kubectl 1.32 iterates a Go map). */
export function describeConfigMap(cm: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace ?? ""}\n`);
  labelsMultiline(w, "Labels", cm.metadata.labels);
  annotationsMultiline(w, "Annotations", cm.metadata.annotations);
  w.write(0, "\nData\n====\n");
  const data = strMap(cm.data);
  for (const k of Object.keys(data).sort(byteCompare)) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${data[k]}\n`);
    w.write(0, "\n");
  }
  w.write(0, "\nBinaryData\n====\n");
  const bin = strMap(cm.binaryData);
  for (const k of Object.keys(bin).sort(byteCompare)) w.write(0, `${k}: ${base64Len(bin[k] ?? "")} bytes\n`);
  w.write(0, "\n");
  describeEvents(w, eventsOf(ctx, cm), ctx.now);
  return w.toString();
}

/** `kubectl describe secret`: sizes only, except a service account token. */
export function describeSecret(secret: KObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${secret.metadata.name}\n`);
  w.write(0, `Namespace:\t${secret.metadata.namespace ?? ""}\n`);
  labelsMultiline(w, "Labels", secret.metadata.labels);
  annotationsMultiline(w, "Annotations", secret.metadata.annotations);
  const type = asStr(secret.type);
  w.write(0, `\nType:\t${type}\n`);
  w.write(0, "\nData\n====\n");
  const data = strMap(secret.data);
  for (const k of Object.keys(data).sort(byteCompare)) {
    const v = data[k] ?? "";
    if (k === "token" && type === "kubernetes.io/service-account-token") w.write(0, `${k}:\t${atob(v)}\n`);
    else w.write(0, `${k}:\t${base64Len(v)} bytes\n`);
  }
  return w.toString();
}

const SCOPE_HELP: Record<string, string> = {
  Terminating:
    "Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.",
  NotTerminating:
    "Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.",
  BestEffort:
    "Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.",
  NotBestEffort:
    "Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.",
};

function quotaScopes(q: KObject, w: PrefixWriter, level: 0 | 1, bullet: string): void {
  const scopes = asArr(asObj(q.spec).scopes)
    .map((s) => asStr(s))
    .sort(byteCompare);
  if (scopes.length === 0) return;
  w.write(level, `Scopes:\t${scopes.join(", ")}\n`);
  for (const s of scopes) if (SCOPE_HELP[s]) w.write(level, `${bullet}${SCOPE_HELP[s]}\n`);
}

/** Used in the hard quantity's format, as describeQuota converts it. */
function usedLike(used: unknown, hard: unknown): string {
  const u = parseQty(used ?? "0");
  const h = parseQty(hard);
  if (!u || !h || u.format === h.format) return canonical(used ?? "0");
  return qtyString({ nano: qtyValue(u) * 1_000_000_000n, format: h.format });
}

/** `kubectl describe resourcequota`. */
export function describeQuota(q: KObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${q.metadata.name}\n`);
  w.write(0, `Namespace:\t${q.metadata.namespace ?? ""}\n`);
  quotaScopes(q, w, 0, " * ");
  w.write(0, "Resource\tUsed\tHard\n");
  w.write(0, "--------\t----\t----\n");
  const hard = asObj(asObj(q.status).hard);
  const used = asObj(asObj(q.status).used);
  for (const r of Object.keys(hard).sort(byteCompare)) {
    w.write(0, `${r}\t${usedLike(used[r], hard[r])}\t${canonical(hard[r])}\n`);
  }
  return w.toString();
}

function limitRangeRows(spec: Obj, prefix: string, w: PrefixWriter): void {
  for (const item of asArr(spec.limits).map(asObj)) {
    const maps = ["min", "max", "defaultRequest", "default", "maxLimitRequestRatio"].map((k) =>
      asObj(item[k]),
    );
    const names = [...new Set(maps.flatMap((m) => Object.keys(m)))].sort(byteCompare);
    for (const n of names) {
      const cells = maps.map((m) => (m[n] === undefined ? "-" : canonical(m[n])));
      w.write(0, `${prefix}${asStr(item.type)}\t${n}\t${cells.join("\t")}\n`);
    }
  }
}

const LIMIT_HEADER = "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n";
const LIMIT_DASHES = "----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n";

/** `kubectl describe limitrange` (resource rows sorted; kubectl iterates a Go map). */
export function describeLimitRange(lr: KObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${lr.metadata.name}\n`);
  w.write(0, `Namespace:\t${lr.metadata.namespace ?? ""}\n`);
  w.write(0, LIMIT_HEADER);
  w.write(0, LIMIT_DASHES);
  limitRangeRows(asObj(lr.spec), "", w);
  return w.toString();
}

/** `kubectl describe namespace`: status, quotas and limit ranges. */
export function describeNamespace(ns: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  labelsMultiline(w, "Labels", ns.metadata.labels);
  annotationsMultiline(w, "Annotations", ns.metadata.annotations);
  w.write(0, `Status:\t${asStr(asObj(ns.status).phase)}\n`);
  const conditions = asArr(asObj(ns.status).conditions).map(asObj);
  if (conditions.length > 0) {
    w.write(0, "Conditions:\n");
    w.write(1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
    w.write(1, "----\t------\t------------------\t------\t-------\n");
    for (const c of conditions) {
      const cells = [c.type, c.status, rfc1123zOf(c.lastTransitionTime), c.reason, c.message].map((x) =>
        asStr(x),
      );
      w.write(1, `${cells.join("\t")}\n`);
    }
  }
  w.write(0, "\n");
  const quotas = ctx
    .list("resourcequotas", ns.metadata.name)
    .sort((a, b) => byteCompare(a.metadata.name, b.metadata.name));
  if (quotas.length === 0) w.write(0, "No resource quota.\n");
  else {
    w.write(0, "Resource Quotas\n");
    for (const q of quotas) {
      w.write(1, `Name:\t${q.metadata.name}\n`);
      quotaScopes(q, w, 1, "* ");
      w.write(1, "Resource\tUsed\tHard\n");
      w.write(1, "--------\t---\t---\n");
      const hard = asObj(asObj(q.status).hard);
      const used = asObj(asObj(q.status).used);
      for (const r of Object.keys(hard).sort(byteCompare)) {
        w.write(1, `${r}\t${canonical(used[r] ?? "0")}\t${canonical(hard[r])}\n`);
      }
    }
  }
  w.write(0, "\n");
  const ranges = ctx.list("limitranges", ns.metadata.name);
  if (ranges.length === 0) w.write(0, "No LimitRange resource.\n");
  else {
    w.write(0, `Resource Limits\n ${LIMIT_HEADER}`);
    w.write(0, ` ${LIMIT_DASHES}`);
    for (const lr of ranges) limitRangeRows(asObj(lr.spec), " ", w);
  }
  return w.toString();
}

/** `kubectl describe serviceaccount`. */
export function describeServiceAccount(sa: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${sa.metadata.name}\n`);
  w.write(0, `Namespace:\t${sa.metadata.namespace ?? ""}\n`);
  labelsMultiline(w, "Labels", sa.metadata.labels);
  annotationsMultiline(w, "Annotations", sa.metadata.annotations);
  const secrets = ctx.list("secrets", sa.metadata.namespace);
  const existing = new Set(secrets.map((s) => s.metadata.name));
  const tokens = secrets
    .filter((s) => s.type === "kubernetes.io/service-account-token")
    .filter((s) => {
      const a = s.metadata.annotations ?? {};
      return (
        a["kubernetes.io/service-account.name"] === sa.metadata.name &&
        a["kubernetes.io/service-account.uid"] === sa.metadata.uid
      );
    })
    .map((s) => s.metadata.name);
  const names = (v: unknown) => asArr(v).map((r) => asStr(asObj(r).name));
  const sections: [string, string[]][] = [
    ["Image pull secrets:", names(sa.imagePullSecrets)],
    ["Mountable secrets: ", names(sa.secrets)],
    ["Tokens:            ", tokens],
  ];
  for (const [header, list] of sections) {
    if (list.length === 0) w.write(0, `${header}\t<none>\n`);
    list.forEach((n, i) => {
      const prefix = i === 0 ? header : "                   ";
      w.write(0, `${prefix}\t${n}${existing.has(n) ? "" : " (not found)"}\n`);
    });
  }
  describeEvents(w, eventsOf(ctx, sa), ctx.now);
  return w.toString();
}
