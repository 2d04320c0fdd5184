// `kubectl create ingress --rule host/path=service:port[,tls[=secret]]`: the rule syntax and the spec it builds.

import { CommandError } from "../command.ts";

const RULE =
  /^(?<host>[\w*\-.]*)(?<path>\/.*)=(?<service>[a-z0-9][a-z0-9-]{0,61}[a-z0-9])?:(?<port>[\w-]+)(?<tls>,tls=?(?<secret>[\w-]*))?$/;
const BACKEND = /^(?<service>[a-z0-9][a-z0-9-]{0,61}[a-z0-9]):(?<port>[\w-]+)$/;

function backend(service: string, port: string) {
  return { service: { name: service, port: /^\d+$/.test(port) ? { number: Number(port) } : { name: port } } };
}

/**
 * The IngressSpec kubectl builds: rules grouped by host, a path ending in `*` is a Prefix match
 * without the `*`, any other path is Exact; `,tls` adds the host to a TLS entry (per secret).
 * Example: "foo.com/*=svc:8080,tls=my-cert" → host foo.com, path "/" Prefix, tls [{hosts:[foo.com], secretName: my-cert}].
 */
export function ingressSpec(
  rules: string[],
  ingressClass: string,
  defaultBackend: string,
): Record<string, unknown> {
  const spec: Record<string, unknown> = {};
  if (ingressClass) spec.ingressClassName = ingressClass;
  if (defaultBackend) {
    const m = BACKEND.exec(defaultBackend);
    if (!m?.groups)
      throw new CommandError(`error: default-backend should be in format servicename:serviceport`);
    spec.defaultBackend = backend(m.groups.service ?? "", m.groups.port ?? "");
  }
  if (rules.length === 0 && !defaultBackend)
    throw new CommandError(
      "error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)",
    );
  const byHost = new Map<string, { path: string; pathType: string; backend: unknown }[]>();
  const tls = new Map<string, string[]>();
  for (const r of rules) {
    const m = RULE.exec(r);
    if (!m?.groups)
      throw new CommandError(
        `error: rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`,
      );
    const { host = "", service = "", port = "" } = m.groups;
    let path = m.groups.path ?? "/";
    let pathType = "Exact";
    if (path.endsWith("*")) {
      path = path.slice(0, -1);
      pathType = "Prefix";
    }
    const list = byHost.get(host) ?? [];
    list.push({ backend: backend(service, port), path, pathType });
    byHost.set(host, list);
    if (m.groups.tls !== undefined) {
      const secret = m.groups.secret ?? "";
      const hosts = tls.get(secret) ?? [];
      if (host && !hosts.includes(host)) hosts.push(host);
      tls.set(secret, hosts);
    }
  }
  if (byHost.size)
    spec.rules = [...byHost.entries()].map(([host, paths]) => ({
      ...(host ? { host } : {}),
      http: { paths },
    }));
  if (tls.size)
    spec.tls = [...tls.entries()].map(([secretName, hosts]) => ({
      ...(hosts.length ? { hosts } : {}),
      ...(secretName ? { secretName } : {}),
    }));
  return spec;
}
