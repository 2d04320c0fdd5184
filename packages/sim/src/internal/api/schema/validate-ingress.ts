// networking.k8s.io/v1 validation: Ingress rules, paths and backends, and IngressClass controllers.
import { type FieldError, GoRepr, invalid, notSupported, required } from "./errors.ts";
import {
  isDNS1123Subdomain,
  isValidPathSegmentName,
  isValidPortName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
  nameIsDNS1035Label,
  nameIsDNSSubdomain,
  parseIP,
  regexError,
} from "./names.ts";
import { at, child, list, num, type R, rec, str, validateObjectMeta } from "./validate-meta.ts";

function validateTypedRef(ref: R, path: string): FieldError[] {
  const out: FieldError[] = [];
  if (typeof ref.apiGroup === "string") {
    for (const m of isDNS1123Subdomain(ref.apiGroup))
      out.push(invalid(child(path, "apiGroup"), ref.apiGroup, m));
  }
  for (const k of ["kind", "name"]) {
    const v = str(ref[k]);
    if (v === "") out.push(required(child(path, k), `${k} is required`));
    else for (const m of isValidPathSegmentName(v)) out.push(invalid(child(path, k), v, m));
  }
  return out;
}

function validateIngressBackend(b: R, path: string): FieldError[] {
  const service = rec(b.service);
  const resource = rec(b.resource);
  if (service && resource) return [invalid(path, "", "cannot set both resource and service backends")];
  if (resource) return validateTypedRef(resource, child(path, "resource"));
  if (!service) return [invalid(path, "", "resource or service backend is required")];
  const out: FieldError[] = [];
  const name = str(service.name);
  if (name === "") out.push(required(child(child(path, "service"), "name")));
  else
    for (const m of nameIsDNS1035Label(name, false))
      out.push(invalid(child(child(path, "service"), "name"), name, m));
  const port = rec(service.port);
  const portName = str(port?.name);
  const portNumber = num(port?.number) ?? 0;
  const pp = child(child(path, "service"), "port");
  if (portName !== "" && portNumber !== 0)
    out.push(invalid(path, "", "cannot set both port name & port number"));
  else if (portName !== "")
    for (const m of isValidPortName(portName)) out.push(invalid(child(pp, "name"), portName, m));
  else if (portNumber !== 0)
    for (const m of isValidPortNum(portNumber)) out.push(invalid(child(pp, "number"), portNumber, m));
  else out.push(required(path, "port name or number is required"));
  return out;
}

const PATH_TYPES = ["Exact", "ImplementationSpecific", "Prefix"];

function validateIngressPath(p: R, path: string): FieldError[] {
  const pathType = p.pathType;
  if (typeof pathType !== "string") return [required(child(path, "pathType"), "pathType must be specified")];
  const out: FieldError[] = [];
  const value = str(p.path);
  if (pathType === "Exact" || pathType === "Prefix") {
    if (!value.startsWith("/")) out.push(invalid(child(path, "path"), value, "must be an absolute path"));
    for (const seq of ["//", "/./", "/../", "%2f", "%2F"]) {
      if (value.includes(seq)) out.push(invalid(child(path, "path"), value, `must not contain '${seq}'`));
    }
    for (const suffix of ["/..", "/."]) {
      if (value.endsWith(suffix))
        out.push(invalid(child(path, "path"), value, `cannot end with '${suffix}'`));
    }
  } else if (pathType === "ImplementationSpecific") {
    if (value !== "" && !value.startsWith("/"))
      out.push(invalid(child(path, "path"), value, "must be an absolute path"));
  } else out.push(notSupported(child(path, "pathType"), pathType, PATH_TYPES));
  out.push(...validateIngressBackend(rec(p.backend) ?? {}, child(path, "backend")));
  return out;
}

function validateHost(host: string, path: string): FieldError[] {
  const out: FieldError[] = [];
  if (parseIP(host)) out.push(invalid(path, host, "must be a DNS name, not an IP address"));
  const msgs = host.includes("*") ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
  for (const m of msgs) out.push(invalid(path, host, m));
  return out;
}

export function validateIngress(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSSubdomain);
  const spec = rec(m.spec) ?? {};
  const rules = list(spec.rules);
  const def = rec(spec.defaultBackend);
  if (rules.length === 0 && !def) {
    out.push(
      invalid(
        "spec",
        new GoRepr("[]networking.IngressRule(nil)"),
        "either `defaultBackend` or `rules` must be specified",
      ),
    );
  }
  if (def) out.push(...validateIngressBackend(def, "spec.defaultBackend"));
  rules.forEach((r, i) => {
    const rule = rec(r) ?? {};
    const p = at("spec.rules", i);
    const host = str(rule.host);
    if (host !== "") out.push(...validateHost(host, child(p, "host")));
    const http = rec(rule.http);
    if (!http) return;
    const paths = list(http.paths);
    if (paths.length === 0) out.push(required(child(child(p, "http"), "paths")));
    paths.forEach((hp, j) => {
      out.push(...validateIngressPath(rec(hp) ?? {}, at(child(child(p, "http"), "paths"), j)));
    });
  });
  list(spec.tls).forEach((t, i) => {
    list(rec(t)?.hosts).forEach((h, j) => {
      const host = str(h);
      const msgs = host.includes("*") ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const msg of msgs) out.push(invalid(at(child(at("spec.tls", i), "hosts"), j), host, msg));
    });
  });
  if (typeof spec.ingressClassName === "string") {
    for (const msg of nameIsDNSSubdomain(spec.ingressClassName, false)) {
      out.push(invalid("spec.ingressClassName", spec.ingressClassName, msg));
    }
  }
  return out;
}

export function validateIngressClass(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSSubdomain);
  const spec = rec(m.spec) ?? {};
  const controller = str(spec.controller);
  if (controller.length > 250)
    out.push({ field: "spec.controller", type: "TooLong", detail: "must have at most 250 bytes" });
  const segments = controller.split("/");
  if (controller === "") out.push(required("spec.controller"));
  else if (
    segments.length < 2 ||
    segments[0] === "" ||
    controller.slice(controller.indexOf("/") + 1) === ""
  ) {
    out.push(
      invalid("spec.controller", controller, 'must be a domain-prefixed path (such as "acme.io/foo")'),
    );
  } else {
    const host = segments[0] as string;
    for (const msg of isDNS1123Subdomain(host)) out.push(invalid("spec.controller", host, msg));
    const rest = controller.slice(host.length + 1);
    const fmt = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
    if (!/^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/.test(rest))
      out.push(invalid("spec.controller", rest, regexError("Invalid path", fmt)));
  }
  const params = rec(spec.parameters);
  if (params) out.push(...validateTypedRef(params, "spec.parameters"));
  return out;
}
