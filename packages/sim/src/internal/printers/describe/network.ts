// kubectl describe for Service, Endpoints, Ingress and IngressClass.
import type { KObject } from "../../api/types.ts";
import { joinHostPort, loadBalancerString } from "../columns/network.ts";
import { asArr, asNum, asObj, asStr, formatLabels, isSet, type Obj, strMap } from "../util.ts";
import {
  annotationsMultiline,
  type DescribeContext,
  describeEvents,
  eventsOf,
  labelsMultiline,
} from "./common.ts";
import { PrefixWriter } from "./writer.ts";

interface Slice {
  ports: { name: string; port: number }[];
  endpoints: { address: string; ready: boolean }[];
}

/**
 * The service's EndpointSlices. When the cluster keeps no EndpointSlice objects, they are derived
 * from the Endpoints object the way the EndpointSlice controller mirrors it (one slice per subset).
 */
function slicesFor(ctx: DescribeContext, namespace: string | undefined, service: string): Slice[] {
  const stored = ctx
    .list("endpointslices", namespace)
    .filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === service);
  if (stored.length > 0) {
    return stored.map((s) => ({
      ports: asArr(s.ports).map((p) => ({ name: asStr(asObj(p).name), port: asNum(asObj(p).port) })),
      endpoints: asArr(s.endpoints).map((e) => ({
        address: asStr(asArr(asObj(e).addresses)[0]),
        ready: asObj(asObj(e).conditions).ready !== false,
      })),
    }));
  }
  const ep = ctx.get("endpoints", namespace, service);
  if (!ep) return [];
  const subsets = asArr(ep.subsets).map(asObj);
  if (subsets.length === 0) return [{ ports: [], endpoints: [] }];
  return subsets.map((ss) => ({
    ports: asArr(ss.ports).map((p) => ({ name: asStr(asObj(p).name), port: asNum(asObj(p).port) })),
    endpoints: [
      ...asArr(ss.addresses).map((a) => ({ address: asStr(asObj(a).ip), ready: true })),
      ...asArr(ss.notReadyAddresses).map((a) => ({ address: asStr(asObj(a).ip), ready: false })),
    ],
  }));
}

/** formatEndpointSlices (1.32): ready endpoints only, at most three, then "+ N more...". */
function formatEndpointSlices(slices: Slice[], portName: string): string {
  if (slices.length === 0) return "<none>";
  const list: string[] = [];
  let more = false;
  let count = 0;
  const visit = (address: string, ready: boolean, port?: number) => {
    if (list.length === 3) more = true;
    if (!ready) return;
    if (!more) list.push(port === undefined ? address : joinHostPort(address, String(port)));
    count++;
  };
  for (const s of slices) {
    if (s.ports.length === 0) for (const e of s.endpoints) visit(e.address, e.ready);
    else {
      for (const p of s.ports) {
        if (p.name !== portName) continue;
        for (const e of s.endpoints) visit(e.address, e.ready, p.port);
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - 3} more...` : ret;
}

/** `kubectl describe service`. */
export function describeService(svc: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = asObj(svc.spec);
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace ?? ""}\n`);
  labelsMultiline(w, "Labels", svc.metadata.labels);
  annotationsMultiline(w, "Annotations", svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(strMap(spec.selector))}\n`);
  w.write(0, `Type:\t${asStr(spec.type)}\n`);
  if (isSet(spec.ipFamilyPolicy)) w.write(0, `IP Family Policy:\t${asStr(spec.ipFamilyPolicy)}\n`);
  const families = asArr(spec.ipFamilies).map((f) => asStr(f));
  w.write(0, `IP Families:\t${families.length > 0 ? families.join(",") : "<none>"}\n`);
  w.write(0, `IP:\t${asStr(spec.clusterIP)}\n`);
  const ips = asArr(spec.clusterIPs).map((f) => asStr(f));
  w.write(0, `IPs:\t${ips.length > 0 ? ips.join(",") : "<none>"}\n`);
  const ext = asArr(spec.externalIPs).map((f) => asStr(f));
  if (ext.length > 0) w.write(0, `External IPs:\t${ext.join(",")}\n`);
  if (asStr(spec.loadBalancerIP) !== "")
    w.write(0, `Desired LoadBalancer IP:\t${asStr(spec.loadBalancerIP)}\n`);
  if (asStr(spec.externalName) !== "") w.write(0, `External Name:\t${asStr(spec.externalName)}\n`);
  const ingress = asArr(asObj(asObj(svc.status).loadBalancer).ingress).map(asObj);
  if (ingress.length > 0) {
    const list = ingress.map((i) =>
      asStr(i.ip) !== ""
        ? `${asStr(i.ip)}${isSet(i.ipMode) ? ` (${asStr(i.ipMode)})` : ""}`
        : asStr(i.hostname),
    );
    w.write(0, `LoadBalancer Ingress:\t${list.join(", ")}\n`);
  }
  const slices = slicesFor(ctx, svc.metadata.namespace, svc.metadata.name);
  for (const p of asArr(spec.ports).map(asObj)) {
    const name = asStr(p.name) || "<unset>";
    const proto = asStr(p.protocol);
    w.write(0, `Port:\t${name}\t${asNum(p.port)}/${proto}\n`);
    w.write(0, `TargetPort:\t${asStr(p.targetPort, "0")}/${proto}\n`);
    if (asNum(p.nodePort) !== 0) w.write(0, `NodePort:\t${name}\t${asNum(p.nodePort)}/${proto}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, asStr(p.name))}\n`);
  }
  w.write(0, `Session Affinity:\t${asStr(spec.sessionAffinity)}\n`);
  if (asStr(spec.externalTrafficPolicy) !== "")
    w.write(0, `External Traffic Policy:\t${asStr(spec.externalTrafficPolicy)}\n`);
  if (isSet(spec.internalTrafficPolicy))
    w.write(0, `Internal Traffic Policy:\t${asStr(spec.internalTrafficPolicy)}\n`);
  if (asNum(spec.healthCheckNodePort) !== 0)
    w.write(0, `HealthCheck NodePort:\t${asNum(spec.healthCheckNodePort)}\n`);
  const ranges = asArr(spec.loadBalancerSourceRanges).map((r) => asStr(r));
  if (ranges.length > 0) w.write(0, `LoadBalancer Source Ranges:\t${ranges.join(",")}\n`);
  describeEvents(w, eventsOf(ctx, svc), ctx.now);
  return w.toString();
}

/** `kubectl describe endpoints`. */
export function describeEndpoints(ep: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace ?? ""}\n`);
  labelsMultiline(w, "Labels", ep.metadata.labels);
  annotationsMultiline(w, "Annotations", ep.metadata.annotations);
  w.write(0, "Subsets:\n");
  for (const ss of asArr(ep.subsets).map(asObj)) {
    const ips = (list: unknown) =>
      asArr(list)
        .map((a) => asStr(asObj(a).ip))
        .join(",") || "<none>";
    w.write(1, `Addresses:\t${ips(ss.addresses)}\n`);
    w.write(1, `NotReadyAddresses:\t${ips(ss.notReadyAddresses)}\n`);
    const ports = asArr(ss.ports).map(asObj);
    if (ports.length > 0) {
      w.write(1, "Ports:\n");
      w.write(2, "Name\tPort\tProtocol\n");
      w.write(2, "----\t----\t--------\n");
      for (const p of ports)
        w.write(2, `${asStr(p.name) || "<unset>"}\t${asNum(p.port)}\t${asStr(p.protocol)}\n`);
    }
    w.write(0, "\n");
  }
  describeEvents(w, eventsOf(ctx, ep), ctx.now);
  return w.toString();
}

/** describeBackendV1: "svc:80 (10.244.0.5:80)" with the service's ready endpoints. */
function backendText(ctx: DescribeContext, ns: string | undefined, backend: Obj): string {
  if (isSet(backend.service)) {
    const s = asObj(backend.service);
    const port = asObj(s.port);
    const name = asStr(s.name);
    const sb = `${name}:${asNum(port.number) !== 0 ? asNum(port.number) : asStr(port.name)}`;
    const svc = ctx.get("services", ns, name);
    if (!svc) return `${sb} (<error: services "${name}" not found>)`;
    let spName = "";
    for (const sp of asArr(asObj(svc.spec).ports).map(asObj)) {
      if (asNum(port.number) !== 0 && asNum(port.number) === asNum(sp.port)) spName = asStr(sp.name);
      else if (asStr(port.name) !== "" && asStr(port.name) === asStr(sp.name)) spName = asStr(sp.name);
    }
    return `${sb} (${formatEndpointSlices(slicesFor(ctx, ns, name), spName)})`;
  }
  if (isSet(backend.resource)) {
    const r = asObj(backend.resource);
    return `APIGroup: ${isSet(r.apiGroup) ? asStr(r.apiGroup) : "<none>"}, Kind: ${asStr(r.kind)}, Name: ${asStr(r.name)}`;
  }
  return "";
}

/** `kubectl describe ingress`. */
export function describeIngress(ing: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = asObj(ing.spec);
  const ns = ing.metadata.namespace;
  w.write(0, `Name:\t${ing.metadata.name}\n`);
  labelsMultiline(w, "Labels", ing.metadata.labels);
  w.write(0, `Namespace:\t${ns ?? ""}\n`);
  w.write(0, `Address:\t${loadBalancerString(asObj(ing.status).loadBalancer, true)}\n`);
  w.write(0, `Ingress Class:\t${isSet(spec.ingressClassName) ? asStr(spec.ingressClassName) : "<none>"}\n`);
  const def = isSet(spec.defaultBackend) ? backendText(ctx, ns, asObj(spec.defaultBackend)) : "<default>";
  w.write(0, `Default backend:\t${def}\n`);
  const tls = asArr(spec.tls).map(asObj);
  if (tls.length > 0) {
    w.write(0, "TLS:\n");
    for (const t of tls) {
      const hosts = asArr(t.hosts)
        .map((h) => asStr(h))
        .join(",");
      w.write(
        1,
        asStr(t.secretName) === "" ? `SNI routes ${hosts}\n` : `${asStr(t.secretName)} terminates ${hosts}\n`,
      );
    }
  }
  w.write(0, "Rules:\n  Host\tPath\tBackends\n");
  w.write(1, "----\t----\t--------\n");
  let count = 0;
  for (const rule of asArr(spec.rules).map(asObj)) {
    if (!isSet(rule.http)) continue;
    count++;
    w.write(1, `${asStr(rule.host) || "*"}\t\n`);
    for (const p of asArr(asObj(rule.http).paths).map(asObj)) {
      w.write(2, `\t${asStr(p.path)} \t${backendText(ctx, ns, asObj(p.backend))}\n`);
    }
  }
  if (count === 0) w.write(1, `*\t*\t${def}\n`);
  annotationsMultiline(w, "Annotations", ing.metadata.annotations);
  describeEvents(w, eventsOf(ctx, ing), ctx.now);
  return w.toString();
}

/** `kubectl describe ingressclass`. */
export function describeIngressClass(ic: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = asObj(ic.spec);
  w.write(0, `Name:\t${ic.metadata.name}\n`);
  labelsMultiline(w, "Labels", ic.metadata.labels);
  annotationsMultiline(w, "Annotations", ic.metadata.annotations);
  w.write(0, `Controller:\t${asStr(spec.controller)}\n`);
  if (isSet(spec.parameters)) {
    const p = asObj(spec.parameters);
    w.write(0, "Parameters:\n");
    if (isSet(p.apiGroup)) w.write(1, `APIGroup:\t${asStr(p.apiGroup)}\n`);
    w.write(1, `Kind:\t${asStr(p.kind)}\n`);
    w.write(1, `Name:\t${asStr(p.name)}\n`);
  }
  describeEvents(w, eventsOf(ctx, ic), ctx.now);
  return w.toString();
}
