// Service and Endpoints validation (ValidateService, ValidateEndpoints), and the node port allocator's range check.
import { duplicate, type FieldError, forbidden, GoRepr, invalid, notSupported, required } from "./errors.ts";
import {
  IP_ERROR,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidPortNum,
  nameIsDNS1035Label,
  nameIsDNSSubdomain,
  parseIP,
} from "./names.ts";
import {
  at,
  child,
  list,
  num,
  type R,
  rec,
  str,
  validateLabels,
  validateObjectMeta,
} from "./validate-meta.ts";
import { validatePortNumOrName } from "./validate-probe.ts";

const PROTOCOLS = ["SCTP", "TCP", "UDP"];
const SERVICE_TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const NODE_PORT_RANGE = "30000-32767";

const servicePortRepr = (protocol: string, port: number): GoRepr =>
  new GoRepr(
    `core.ServicePort{Name:"", Protocol:"${protocol}", AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  );

function validateServicePort(sp: R, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const out: FieldError[] = [];
  const name = str(sp.name);
  if (requireName && name === "") out.push(required(child(path, "name")));
  else if (name !== "") {
    for (const m of isDNS1123Label(name)) out.push(invalid(child(path, "name"), name, m));
    if (names.has(name)) out.push(duplicate(child(path, "name"), name));
    else names.add(name);
  }
  const port = num(sp.port) ?? 0;
  for (const m of isValidPortNum(port)) out.push(invalid(child(path, "port"), port, m));
  const proto = str(sp.protocol);
  if (proto !== "" && !PROTOCOLS.includes(proto))
    out.push(notSupported(child(path, "protocol"), proto, PROTOCOLS));
  const tp = sp.targetPort;
  const target = tp === undefined || tp === null || tp === 0 || tp === "" ? port : tp;
  out.push(...validatePortNumOrName(target, child(path, "targetPort")));
  if (typeof sp.appProtocol === "string") {
    for (const m of isQualifiedName(sp.appProtocol))
      out.push(invalid(child(path, "appProtocol"), sp.appProtocol, m));
  }
  return out;
}

/** The node port allocator runs before validation and fails alone when a requested port is out of range. */
function nodePortAllocation(spec: R, type: string): FieldError[] {
  if (type !== "NodePort" && type !== "LoadBalancer") return [];
  const ports = list(spec.ports);
  for (let i = 0; i < ports.length; i++) {
    const np = num(rec(ports[i])?.nodePort) ?? 0;
    if (np !== 0 && (np < 30000 || np > 32767)) {
      const msg = `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE}`;
      return [invalid(child(at("spec.ports", i), "nodePort"), np, msg)];
    }
  }
  return [];
}

export function validateService(m: R): FieldError[] {
  const spec = rec(m.spec) ?? {};
  const type = str(spec.type) || "ClusterIP";
  const allocation = nodePortAllocation(spec, type);
  if (allocation.length > 0) return allocation;
  const out = validateObjectMeta(m.metadata, nameIsDNS1035Label);
  const clusterIPs =
    list(spec.clusterIPs).length > 0
      ? list(spec.clusterIPs).map(str)
      : str(spec.clusterIP)
        ? [str(spec.clusterIP)]
        : [];
  const headless = clusterIPs[0] === "None";
  const ports = list(spec.ports).map((p) => rec(p) ?? {});
  if (ports.length === 0 && !headless && type !== "ExternalName") out.push(required("spec.ports"));
  if ((type === "LoadBalancer" || type === "NodePort") && headless) {
    out.push(invalid("spec.clusterIPs[0]", "None", `may not be set to 'None' for ${type} services`));
  }
  if (type === "ExternalName") {
    if (clusterIPs.length > 0)
      out.push(forbidden("spec.clusterIPs", "may not be set for ExternalName services"));
    if (list(spec.ipFamilies).length > 0)
      out.push(forbidden("spec.ipFamilies", "may not be set for ExternalName services"));
    if (typeof spec.ipFamilyPolicy === "string") {
      out.push(forbidden("spec.ipFamilyPolicy", "may not be set for ExternalName services"));
    }
    const cname = str(spec.externalName).replace(/\.$/, "");
    if (cname === "") out.push(required("spec.externalName"));
    else for (const msg of isDNS1123Subdomain(cname)) out.push(invalid("spec.externalName", cname, msg));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => {
    out.push(...validateServicePort(p, ports.length > 1, names, at("spec.ports", i)));
  });
  if (spec.selector) out.push(...validateLabels(spec.selector, "spec.selector"));
  const affinity = str(spec.sessionAffinity) || "None";
  if (affinity !== "ClientIP" && affinity !== "None") {
    out.push(notSupported("spec.sessionAffinity", affinity, ["ClientIP", "None"]));
  }
  const sac = rec(spec.sessionAffinityConfig);
  if (affinity === "ClientIP") {
    const timeout = num(rec(sac?.clientIP)?.timeoutSeconds);
    if (timeout !== undefined && (timeout <= 0 || timeout > 86400)) {
      const p = "spec.sessionAffinityConfig.clientIP.timeoutSeconds";
      out.push(invalid(p, timeout, "must be greater than 0 and less than 86400"));
    }
  } else if (affinity === "None" && sac) {
    out.push(forbidden("spec.sessionAffinityConfig", "must not be set when session affinity is None"));
  }
  out.push(...validateIPFamilies(spec, clusterIPs));
  list(spec.externalIPs).forEach((ip, i) => {
    if (!parseIP(str(ip))) out.push(invalid(at("spec.externalIPs", i), str(ip), IP_ERROR));
  });
  if (!SERVICE_TYPES.includes(type)) out.push(notSupported("spec.type", type, SERVICE_TYPES));
  if (type === "ClusterIP") {
    ports.forEach((p, i) => {
      if ((num(p.nodePort) ?? 0) !== 0) {
        out.push(
          forbidden(child(at("spec.ports", i), "nodePort"), "may not be used when `type` is 'ClusterIP'"),
        );
      }
    });
  }
  const nodePorts = new Set<string>();
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const proto = str(p.protocol) || "TCP";
    const np = num(p.nodePort) ?? 0;
    if (np !== 0) {
      if (nodePorts.has(`${proto}/${np}`)) out.push(duplicate(child(at("spec.ports", i), "nodePort"), np));
      nodePorts.add(`${proto}/${np}`);
    }
    const port = num(p.port) ?? 0;
    if (portKeys.has(`${proto}/${port}`))
      out.push(duplicate(at("spec.ports", i), servicePortRepr(proto, port)));
    portKeys.add(`${proto}/${port}`);
  });
  const lbOnly = "may only be used when `type` is 'LoadBalancer'";
  if (list(spec.loadBalancerSourceRanges).length > 0 && type !== "LoadBalancer") {
    out.push(forbidden("spec.LoadBalancerSourceRanges", lbOnly));
  }
  if (typeof spec.allocateLoadBalancerNodePorts === "boolean" && type !== "LoadBalancer") {
    out.push(forbidden("spec.allocateLoadBalancerNodePorts", lbOnly));
  }
  if (typeof spec.loadBalancerClass === "string") {
    if (type !== "LoadBalancer") out.push(forbidden("spec.loadBalancerClass", lbOnly));
    else
      for (const msg of isQualifiedName(spec.loadBalancerClass))
        out.push(invalid("spec.loadBalancerClass", spec.loadBalancerClass, msg));
  }
  out.push(...validateTrafficPolicies(spec, type));
  return out;
}

function validateIPFamilies(spec: R, clusterIPs: string[]): FieldError[] {
  const out: FieldError[] = [];
  const policy = spec.ipFamilyPolicy;
  const policies = ["PreferDualStack", "RequireDualStack", "SingleStack"];
  if (typeof policy === "string" && !policies.includes(policy))
    out.push(notSupported("spec.ipFamilyPolicy", policy, policies));
  list(spec.ipFamilies).forEach((f, i) => {
    if (f !== "IPv4" && f !== "IPv6") out.push(notSupported(at("spec.ipFamilies", i), f, ["IPv4", "IPv6"]));
  });
  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === "None") {
      if (clusterIPs.length > 1)
        out.push(invalid("spec.clusterIPs", clusterIPs, "'None' must be the first and only value"));
      return;
    }
    if (ip !== "" && !parseIP(ip)) out.push(invalid(at("spec.clusterIPs", i), ip, IP_ERROR));
  });
  return out;
}

function validateTrafficPolicies(spec: R, type: string): FieldError[] {
  const out: FieldError[] = [];
  const accessible =
    type === "LoadBalancer" ||
    type === "NodePort" ||
    (type === "ClusterIP" && list(spec.externalIPs).length > 0);
  const etp = str(spec.externalTrafficPolicy);
  if (!accessible && etp !== "") {
    out.push(
      invalid("spec.externalTrafficPolicy", etp, "may only be set for externally-accessible services"),
    );
  } else if (accessible && etp !== "" && etp !== "Cluster" && etp !== "Local") {
    out.push(notSupported("spec.externalTrafficPolicy", etp, ["Cluster", "Local"]));
  }
  const hc = num(spec.healthCheckNodePort) ?? 0;
  if (!(type === "LoadBalancer" && etp === "Local") && hc !== 0) {
    const msg = "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'";
    out.push(invalid("spec.healthCheckNodePort", hc, msg));
  } else if (hc !== 0)
    for (const msg of isValidPortNum(hc)) out.push(invalid("spec.healthCheckNodePort", hc, msg));
  const itp = spec.internalTrafficPolicy;
  if (typeof itp === "string" && itp !== "Cluster" && itp !== "Local") {
    out.push(notSupported("spec.internalTrafficPolicy", itp, ["Cluster", "Local"]));
  }
  const td = spec.trafficDistribution;
  if (typeof td === "string" && td !== "PreferClose")
    out.push(notSupported("spec.trafficDistribution", td, ["PreferClose"]));
  return out;
}

function specialIPErrors(ip: string, path: string): FieldError[] {
  const fam = parseIP(ip);
  if (!fam) return [invalid(path, ip, "must be a valid IP address")];
  const lower = ip.toLowerCase();
  const out: FieldError[] = [];
  if (ip === "0.0.0.0" || /^[0:]+$/.test(lower))
    out.push(invalid(path, ip, `may not be unspecified (${ip})`));
  if ((fam === "v4" && ip.startsWith("127.")) || lower === "::1") {
    out.push(invalid(path, ip, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
  }
  if ((fam === "v4" && ip.startsWith("169.254.")) || /^fe[89ab]/.test(lower)) {
    out.push(invalid(path, ip, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
  }
  if ((fam === "v4" && ip.startsWith("224.0.0.")) || lower.startsWith("ff02:")) {
    out.push(invalid(path, ip, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
  }
  return out;
}

function validateEndpointAddress(a: R, path: string): FieldError[] {
  const out: FieldError[] = [];
  const ip = str(a.ip);
  if (!parseIP(ip)) out.push(invalid(child(path, "ip"), ip, IP_ERROR));
  const hostname = str(a.hostname);
  if (hostname !== "")
    for (const m of isDNS1123Label(hostname)) out.push(invalid(child(path, "hostname"), hostname, m));
  if (typeof a.nodeName === "string") {
    for (const m of nameIsDNSSubdomain(a.nodeName, false))
      out.push(invalid(child(path, "nodeName"), a.nodeName, m));
  }
  out.push(...specialIPErrors(ip, child(path, "ip")));
  return out;
}

export function validateEndpoints(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSSubdomain);
  list(m.subsets).forEach((s, i) => {
    const ss = rec(s) ?? {};
    const p = at("subsets", i);
    if (list(ss.addresses).length === 0 && list(ss.notReadyAddresses).length === 0) {
      out.push(required(p, "must specify `addresses` or `notReadyAddresses`"));
    }
    for (const k of ["addresses", "notReadyAddresses"]) {
      list(ss[k]).forEach((a, j) => {
        out.push(...validateEndpointAddress(rec(a) ?? {}, at(child(p, k), j)));
      });
    }
    const ports = list(ss.ports);
    ports.forEach((pt, j) => {
      const port = rec(pt) ?? {};
      const pp = at(child(p, "ports"), j);
      const name = str(port.name);
      if (ports.length > 1 && name === "") out.push(required(child(pp, "name")));
      else if (name !== "")
        for (const msg of isDNS1123Label(name)) out.push(invalid(child(pp, "name"), name, msg));
      const n = num(port.port) ?? 0;
      for (const msg of isValidPortNum(n)) out.push(invalid(child(pp, "port"), n, msg));
      const proto = str(port.protocol);
      if (proto !== "" && !PROTOCOLS.includes(proto))
        out.push(notSupported(child(pp, "protocol"), proto, PROTOCOLS));
    });
  });
  return out;
}
