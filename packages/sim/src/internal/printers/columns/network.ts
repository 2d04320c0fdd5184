// Networking tables: Service, Endpoints, EndpointSlice, Ingress, IngressClass, NetworkPolicy.
import type { KObject } from "../../api/types.ts";
import {
  asArr,
  asNum,
  asObj,
  asStr,
  byteCompare,
  formatLabelSelector,
  formatLabels,
  isSet,
  type Obj,
  since,
  strMap,
} from "../util.ts";
import type { KindTable } from "./types.ts";

/** net.JoinHostPort: IPv6 hosts get brackets. */
export function joinHostPort(host: string, port: string): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Load balancer ingress IPs/hostnames: a sorted set joined by ",", clipped to 16 bytes unless wide. */
export function loadBalancerString(status: unknown, wide: boolean): string {
  const set = new Set<string>();
  for (const i of asArr(asObj(status).ingress).map(asObj)) {
    const v = asStr(i.ip) || asStr(i.hostname);
    if (v !== "") set.add(v);
  }
  const r = [...set].sort(byteCompare).join(",");
  return !wide && r.length > 16 ? `${r.slice(0, 13)}...` : r;
}

function externalIP(svc: KObject, wide: boolean): string {
  const spec = asObj(svc.spec);
  const ext = asArr(spec.externalIPs).map((x) => asStr(x));
  switch (asStr(spec.type)) {
    case "ClusterIP":
    case "NodePort":
      return ext.length > 0 ? ext.join(",") : "<none>";
    case "LoadBalancer": {
      const lb = loadBalancerString(asObj(svc.status).loadBalancer, wide);
      if (ext.length > 0) return [...(lb === "" ? [] : lb.split(",")), ...ext].join(",");
      return lb !== "" ? lb : "<pending>";
    }
    case "ExternalName":
      return asStr(spec.externalName);
    default:
      return "<unknown>";
  }
}

function portString(ports: unknown): string {
  return asArr(ports)
    .map(asObj)
    .map((p) => {
      const proto = asStr(p.protocol);
      return asNum(p.nodePort) > 0
        ? `${asNum(p.port)}:${asNum(p.nodePort)}/${proto}`
        : `${asNum(p.port)}/${proto}`;
    })
    .join(",");
}

/** Builds the service table for wide or normal output (EXTERNAL-IP clipping differs). */
function serviceRow(o: KObject, now: number, wide: boolean): string[] {
  const spec = asObj(o.spec);
  const clusterIP = asStr(asArr(spec.clusterIPs)[0]) || "<none>";
  return [
    o.metadata.name,
    asStr(spec.type),
    clusterIP,
    externalIP(o, wide),
    portString(spec.ports) || "<none>",
    since(now, o.metadata.creationTimestamp),
    formatLabels(strMap(spec.selector)),
  ];
}

/** `kubectl get services`; `wideRow` is used for `-o wide`, where LB addresses are not clipped. */
export const serviceTable: KindTable & { wideRow: KindTable["row"] } = {
  columns: [
    { name: "Name" },
    { name: "Type" },
    { name: "Cluster-IP" },
    { name: "External-IP" },
    { name: "Port(s)" },
    { name: "Age" },
    { name: "Selector", wide: true },
  ],
  row: (o, now) => serviceRow(o, now, false),
  wideRow: (o, now) => serviceRow(o, now, true),
};

/** formatEndpoints: at most three host:port pairs, then "+ N more...". */
export function formatEndpoints(ep: KObject): string {
  const subsets = asArr(ep.subsets).map(asObj);
  if (subsets.length === 0) return "<none>";
  const list: string[] = [];
  let count = 0;
  let more = false;
  const add = (addresses: Obj[], port?: string) => {
    count += addresses.length;
    for (const a of addresses) {
      if (list.length === 3) {
        more = true;
        break;
      }
      list.push(port === undefined ? asStr(a.ip) : joinHostPort(asStr(a.ip), port));
    }
  };
  for (const ss of subsets) {
    const addresses = asArr(ss.addresses).map(asObj);
    const ports = asArr(ss.ports).map(asObj);
    if (ports.length === 0) add(addresses);
    else for (const p of ports) add(addresses, String(asNum(p.port)));
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - 3} more...` : ret;
}

/** `kubectl get endpoints`. */
export const endpointsTable: KindTable = {
  columns: [{ name: "Name" }, { name: "Endpoints" }, { name: "Age" }],
  row: (o, now) => [o.metadata.name, formatEndpoints(o), since(now, o.metadata.creationTimestamp)],
};

function listWithMore(items: string[]): string {
  const ret = items.slice(0, 3).join(",");
  if (items.length > 3) return `${ret} + ${items.length - 3} more...`;
  return ret === "" ? "<unset>" : ret;
}

/** `kubectl get endpointslices`. */
export const endpointSliceTable: KindTable = {
  columns: [
    { name: "Name" },
    { name: "AddressType" },
    { name: "Ports" },
    { name: "Endpoints" },
    { name: "Age" },
  ],
  row(o, now) {
    const ports = asArr(o.ports)
      .map(asObj)
      .map((p) => (isSet(p.port) ? String(asNum(p.port)) : isSet(p.name) ? asStr(p.name) : "*"));
    const addrs = asArr(o.endpoints).flatMap((e) => asArr(asObj(e).addresses).map((a) => asStr(a)));
    const age = since(now, o.metadata.creationTimestamp);
    return [o.metadata.name, asStr(o.addressType), listWithMore(ports), listWithMore(addrs), age];
  },
};

function formatHosts(rules: Obj[]): string {
  const list: string[] = [];
  let more = false;
  for (const r of rules) {
    if (list.length === 3) more = true;
    if (!more && asStr(r.host) !== "") list.push(asStr(r.host));
  }
  if (list.length === 0) return "*";
  return more ? `${list.join(",")} + ${rules.length - 3} more...` : list.join(",");
}

function ingressRow(o: KObject, now: number, wide: boolean): string[] {
  const spec = asObj(o.spec);
  return [
    o.metadata.name,
    isSet(spec.ingressClassName) ? asStr(spec.ingressClassName) : "<none>",
    formatHosts(asArr(spec.rules).map(asObj)),
    loadBalancerString(asObj(o.status).loadBalancer, wide),
    asArr(spec.tls).length > 0 ? "80, 443" : "80",
    since(now, o.metadata.creationTimestamp),
  ];
}

/** `kubectl get ingresses`. */
export const ingressTable: KindTable & { wideRow: KindTable["row"] } = {
  columns: [
    { name: "Name" },
    { name: "Class" },
    { name: "Hosts" },
    { name: "Address" },
    { name: "Ports" },
    { name: "Age" },
  ],
  row: (o, now) => ingressRow(o, now, false),
  wideRow: (o, now) => ingressRow(o, now, true),
};

/** `kubectl get ingressclasses`. */
export const ingressClassTable: KindTable = {
  columns: [{ name: "Name" }, { name: "Controller" }, { name: "Parameters" }, { name: "Age" }],
  row(o, now) {
    const spec = asObj(o.spec);
    let params = "<none>";
    if (isSet(spec.parameters)) {
      const p = asObj(spec.parameters);
      params = `${asStr(p.kind)}${isSet(p.apiGroup) ? `.${asStr(p.apiGroup)}` : ""}/${asStr(p.name)}`;
    }
    return [o.metadata.name, asStr(spec.controller), params, since(now, o.metadata.creationTimestamp)];
  },
};

/** `kubectl get networkpolicies`. */
export const networkPolicyTable: KindTable = {
  columns: [{ name: "Name" }, { name: "Pod-Selector" }, { name: "Age" }],
  row: (o, now) => [
    o.metadata.name,
    formatLabelSelector(asObj(o.spec).podSelector),
    since(now, o.metadata.creationTimestamp),
  ],
};
