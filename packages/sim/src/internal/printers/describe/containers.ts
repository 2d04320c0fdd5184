// Container sections of describe: image, ports, state, resources, probes, environment, mounts.
import type { KObject } from "../../api/types.ts";
import { canonical, milliValue, parseQty, value as qtyValue } from "../quantity.ts";
import { asArr, asNum, asObj, asStr, byteCompare, isSet, type Obj, rfc1123zOf } from "../util.ts";
import type { PrefixWriter } from "./writer.ts";

/** DescribeProbe: "http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3". */
export function describeProbe(p: Obj): string {
  const n = (k: string, d: number) => (isSet(p[k]) ? asNum(p[k]) : d);
  const attrs = `delay=${n("initialDelaySeconds", 0)}s timeout=${n("timeoutSeconds", 1)}s period=${n("periodSeconds", 10)}s #success=${n("successThreshold", 1)} #failure=${n("failureThreshold", 3)}`;
  if (isSet(p.exec))
    return `exec [${asArr(asObj(p.exec).command)
      .map((c) => asStr(c))
      .join(" ")}] ${attrs}`;
  if (isSet(p.httpGet)) {
    const h = asObj(p.httpGet);
    const port = asStr(h.port);
    const host = asStr(h.host);
    const hostPort = port === "" ? host : host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
    const path = asStr(h.path);
    const scheme = asStr(h.scheme, "HTTP").toLowerCase();
    const url = `${scheme}://${hostPort}${path === "" || path.startsWith("/") ? path : `/${path}`}`;
    return `http-get ${url} ${attrs}`;
  }
  if (isSet(p.tcpSocket)) {
    const t = asObj(p.tcpSocket);
    return `tcp-socket ${asStr(t.host)}:${asStr(t.port)} ${attrs}`;
  }
  if (isSet(p.grpc))
    return `grpc <pod>:${asNum(asObj(p.grpc).port)} ${asStr(asObj(p.grpc).service)} ${attrs}`;
  return `unknown ${attrs}`;
}

/** kubectl's fieldpath.ExtractFieldPathAsString: only metadata fields resolve. */
function resolveFieldRef(pod: KObject, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return (m[1] === "labels" ? pod.metadata.labels : pod.metadata.annotations)?.[m[2] ?? ""] ?? "";
  if (path === "metadata.name") return pod.metadata.name;
  if (path === "metadata.namespace") return pod.metadata.namespace ?? "";
  if (path === "metadata.uid") return pod.metadata.uid;
  if (path === "metadata.labels" || path === "metadata.annotations") {
    const map = (path === "metadata.labels" ? pod.metadata.labels : pod.metadata.annotations) ?? {};
    return Object.keys(map)
      .sort(byteCompare)
      .map((k) => `${k}="${map[k]}"`)
      .join("\n");
  }
  return "";
}

/** ExtractContainerResourceValue for the env section. */
function resourceFieldValue(ref: Obj, container: Obj): string {
  const resource = asStr(ref.resource);
  const [kind, name] = resource.split(".") as [string, string | undefined];
  const q = parseQty(asObj(asObj(container.resources)[kind])[name ?? ""] ?? "0");
  const divisor = parseQty(ref.divisor ?? "1");
  if (!q || !divisor || divisor.nano === 0n) return "";
  if (name === "cpu") {
    const d = milliValue(divisor);
    return String((milliValue(q) + d - 1n) / d);
  }
  const d = qtyValue(divisor);
  return String((qtyValue(q) + d - 1n) / d);
}

function describeEnv(c: Obj, pod: KObject | undefined, w: PrefixWriter): void {
  const env = asArr(c.env).map(asObj);
  w.write(2, `Environment:${env.length === 0 ? "\t<none>" : ""}\n`);
  for (const e of env) {
    const name = asStr(e.name);
    if (!isSet(e.valueFrom)) {
      for (const [i, s] of asStr(e.value).split("\n").entries()) {
        w.write(3, i === 0 ? `${name}:\t${s}\n` : `\t${s}\n`);
      }
      continue;
    }
    const from = asObj(e.valueFrom);
    if (isSet(from.fieldRef)) {
      const f = asObj(from.fieldRef);
      const v = pod ? resolveFieldRef(pod, asStr(f.fieldPath)) : "";
      w.write(3, `${name}:\t${v} (${asStr(f.apiVersion, "v1")}:${asStr(f.fieldPath)})\n`);
    } else if (isSet(from.resourceFieldRef)) {
      const r = asObj(from.resourceFieldRef);
      let v = resourceFieldValue(r, c);
      const resource = asStr(r.resource);
      if (v === "0" && (resource === "limits.cpu" || resource === "limits.memory")) v = "node allocatable";
      w.write(3, `${name}:\t${v} (${resource})\n`);
    } else if (isSet(from.secretKeyRef)) {
      const s = asObj(from.secretKeyRef);
      const opt = s.optional === true;
      w.write(
        3,
        `${name}:\t<set to the key '${asStr(s.key)}' in secret '${asStr(s.name)}'>\tOptional: ${opt}\n`,
      );
    } else if (isSet(from.configMapKeyRef)) {
      const s = asObj(from.configMapKeyRef);
      const opt = s.optional === true;
      w.write(
        3,
        `${name}:\t<set to the key '${asStr(s.key)}' of config map '${asStr(s.name)}'>\tOptional: ${opt}\n`,
      );
    }
  }
}

function describeEnvFrom(c: Obj, w: PrefixWriter): void {
  w.write(2, "Environment Variables from:\n");
  for (const e of asArr(c.envFrom).map(asObj)) {
    const isCm = isSet(e.configMapRef);
    const ref = asObj(isCm ? e.configMapRef : e.secretRef);
    const from = isCm ? "ConfigMap" : isSet(e.secretRef) ? "Secret" : "";
    const prefix = asStr(e.prefix);
    const what = prefix === "" ? from : `${from} with prefix '${prefix}'`;
    w.write(3, `${asStr(ref.name)}\t${what}\tOptional: ${ref.optional === true}\n`);
  }
}

function describeState(title: string, state: Obj, w: PrefixWriter): void {
  if (isSet(state.running)) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123zOf(asObj(state.running).startedAt)}\n`);
  } else if (isSet(state.waiting)) {
    w.write(2, `${title}:\tWaiting\n`);
    const reason = asStr(asObj(state.waiting).reason);
    if (reason !== "") w.write(3, `Reason:\t${reason}\n`);
  } else if (isSet(state.terminated)) {
    const t = asObj(state.terminated);
    w.write(2, `${title}:\tTerminated\n`);
    if (asStr(t.reason) !== "") w.write(3, `Reason:\t${asStr(t.reason)}\n`);
    if (asStr(t.message) !== "") w.write(3, `Message:\t${asStr(t.message)}\n`);
    w.write(3, `Exit Code:\t${asNum(t.exitCode)}\n`);
    if (asNum(t.signal) > 0) w.write(3, `Signal:\t${asNum(t.signal)}\n`);
    w.write(3, `Started:\t${rfc1123zOf(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123zOf(t.finishedAt)}\n`);
  } else w.write(2, `${title}:\tWaiting\n`);
}

/** describeResources: Limits then Requests, each resource name sorted. */
export function describeResources(resources: unknown, w: PrefixWriter, level: 1 | 2): void {
  const r = asObj(resources);
  for (const [title, key] of [
    ["Limits", "limits"],
    ["Requests", "requests"],
  ] as const) {
    const list = asObj(r[key]);
    const names = Object.keys(list).sort(byteCompare);
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const n of names) w.write((level + 1) as 2 | 3, `${n}:\t${canonical(list[n])}\n`);
  }
}

function portsLine(c: Obj, w: PrefixWriter): void {
  const ports = asArr(c.ports).map(asObj);
  const cps = ports.map((p) => `${asNum(p.containerPort)}/${asStr(p.protocol, "TCP")}`).join(", ");
  const hps = ports.map((p) => `${asNum(p.hostPort)}/${asStr(p.protocol, "TCP")}`).join(", ");
  w.write(2, cps.includes(",") ? `Ports:\t${cps}\n` : `Port:\t${cps || "<none>"}\n`);
  w.write(2, hps.includes(",") ? `Host Ports:\t${hps}\n` : `Host Port:\t${hps || "<none>"}\n`);
}

/**
 * describeContainers: one block per container. `statuses` is undefined for pod templates;
 * `pod` resolves metadata field references in the environment.
 */
export function describeContainers(
  label: string,
  containers: unknown,
  statuses: unknown[] | undefined,
  pod: KObject | undefined,
  w: PrefixWriter,
  space: string,
): void {
  const list = asArr(containers).map(asObj);
  const byName = new Map((statuses ?? []).map((s) => [asStr(asObj(s).name), asObj(s)]));
  w.write(0, `${space}${label}:${list.length === 0 ? " <none>" : ""}\n`);
  for (const c of list) {
    const st = byName.get(asStr(c.name));
    w.write(1, `${space.length > 0 ? " " : ""}${asStr(c.name)}:\n`);
    if (st) w.write(2, `Container ID:\t${asStr(st.containerID)}\n`);
    w.write(2, `Image:\t${asStr(c.image)}\n`);
    if (st) w.write(2, `Image ID:\t${asStr(st.imageID)}\n`);
    portsLine(c, w);
    for (const [title, key] of [
      ["Command", "command"],
      ["Args", "args"],
    ] as const) {
      const items = asArr(c[key]).map((x) => asStr(x));
      if (items.length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const item of items) for (const s of item.split("\n")) w.write(3, `${s}\n`);
    }
    if (st) {
      describeState("State", asObj(st.state), w);
      if (isSet(asObj(st.lastState).terminated)) describeState("Last State", asObj(st.lastState), w);
      w.write(2, `Ready:\t${st.ready === true ? "True" : "False"}\n`);
      w.write(2, `Restart Count:\t${asNum(st.restartCount)}\n`);
    }
    describeResources(c.resources, w, 2);
    for (const [title, key] of [
      ["Liveness", "livenessProbe"],
      ["Readiness", "readinessProbe"],
      ["Startup", "startupProbe"],
    ] as const) {
      if (isSet(c[key])) w.write(2, `${title}:\t${describeProbe(asObj(c[key]))}\n`);
    }
    if (asArr(c.envFrom).length > 0) describeEnvFrom(c, w);
    describeEnv(c, pod, w);
    const mounts = asArr(c.volumeMounts)
      .map(asObj)
      .sort((a, b) => byteCompare(asStr(a.mountPath), asStr(b.mountPath)));
    w.write(2, `Mounts:${mounts.length === 0 ? "\t<none>" : ""}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly === true ? "ro" : "rw"];
      if (asStr(m.subPath) !== "") flags.push(`path=${JSON.stringify(asStr(m.subPath))}`);
      w.write(3, `${asStr(m.mountPath)} from ${asStr(m.name)} (${flags.join(",")})\n`);
    }
  }
}
