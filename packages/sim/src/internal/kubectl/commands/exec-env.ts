// A container's process environment as `env` prints it: image variables, the pod's, service links.

import type { KObject } from "../../api/types.ts";
import type { ControllerContext } from "../../controllers/context.ts";
import { type ContainerSpec, resolveEnv } from "../../controllers/kubelet-env.ts";
import { type ImageInfo, resolveImage } from "../../data/images.ts";
import { podHostname } from "./exec-fs.ts";

/** One running container instance, as exec and exec probes see it. */
export interface ShellTarget {
  ctx: Pick<ControllerContext, "store">;
  pod: KObject;
  spec: ContainerSpec & { volumeMounts?: unknown[] };
  /** When the current instance started (its script's clock). */
  startedAt: number;
}

const PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** Variables baked into well-known images (their Dockerfiles' ENV lines), PATH first. */
function imageEnv(image: ImageInfo | undefined): [string, string][] {
  if (!image) return [["PATH", PATH]];
  const ref = image.ref;
  const alpine = /alpine/.test(image.tag);
  const version = versionOf(image);
  if (/\/library\/nginx:/.test(ref)) {
    const rel = alpine ? "1" : "1~bookworm";
    return [
      ["PATH", PATH],
      ["NGINX_VERSION", version],
      ["NJS_VERSION", "0.8.7"],
      ["NJS_RELEASE", rel],
      ["PKG_RELEASE", rel],
      ["DYNPKG_RELEASE", rel],
    ];
  }
  if (/\/library\/postgres:/.test(ref)) {
    const major = version.split(".")[0] ?? "17";
    return [
      ["PATH", `${PATH}:/usr/lib/postgresql/${major}/bin`],
      ["GOSU_VERSION", "1.17"],
      ["LANG", "en_US.utf8"],
      ["PG_MAJOR", major],
      ["PG_VERSION", `${version}-1.pgdg120+1`],
      ["PGDATA", "/var/lib/postgresql/data"],
    ];
  }
  if (/\/library\/redis:/.test(ref))
    return [
      ["PATH", PATH],
      ["GOSU_VERSION", "1.17"],
      ["REDIS_VERSION", version],
    ];
  if (/\/library\/httpd:/.test(ref))
    return [
      ["PATH", `/usr/local/apache2/bin:${PATH}`],
      ["HTTPD_PREFIX", "/usr/local/apache2"],
      ["HTTPD_VERSION", version],
    ];
  if (/\/library\/node:/.test(ref))
    return [
      ["PATH", PATH],
      ["NODE_VERSION", version],
      ["YARN_VERSION", "1.22.22"],
    ];
  if (/\/library\/python:/.test(ref))
    return [
      ["PATH", `/usr/local/bin:${PATH}`],
      ["LANG", "C.UTF-8"],
      ["PYTHON_VERSION", version],
    ];
  return [["PATH", PATH]];
}

function versionOf(image: ImageInfo): string {
  const m = /(\d+\.\d+(?:\.\d+)?)/.exec(image.tag);
  return m?.[1] ?? image.tag;
}

/**
 * The docker-links variables the kubelet adds for every Service in the pod's namespace that existed
 * when the container started. Worked example, Service web 10.0.171.239 port 80: WEB_SERVICE_HOST,
 * WEB_SERVICE_PORT=80, WEB_PORT=tcp://10.0.171.239:80, WEB_PORT_80_TCP(_PROTO,_PORT,_ADDR).
 */
export function serviceLinks(target: ShellTarget): [string, string][] {
  const { pod } = target;
  if (pod.spec?.enableServiceLinks === false) return kubernetesLinks(target);
  const out: [string, string][] = [];
  const ns = pod.metadata.namespace ?? "default";
  for (const svc of target.ctx.store.list("services", ns)) {
    if (ns === "default" && svc.metadata.name === "kubernetes") continue;
    out.push(...linksFor(svc, target.startedAt));
  }
  return [...out, ...kubernetesLinks(target)];
}

function kubernetesLinks(target: ShellTarget): [string, string][] {
  const k8s = target.ctx.store.get("services", "default", "kubernetes");
  return k8s ? linksFor(k8s, target.startedAt) : [];
}

function linksFor(svc: KObject, startedAt: number): [string, string][] {
  const ip = svc.spec?.clusterIP as string | undefined;
  if (!ip || ip === "None" || Date.parse(svc.metadata.creationTimestamp) > startedAt) return [];
  const name = svc.metadata.name.toUpperCase().replaceAll("-", "_");
  const ports = (svc.spec?.ports ?? []) as { name?: string; port: number; protocol?: string }[];
  const first = ports[0];
  if (!first) return [];
  // envvars.FromServices order: host, port, named ports, then the docker-link variables.
  const out: [string, string][] = [
    [`${name}_SERVICE_HOST`, ip],
    [`${name}_SERVICE_PORT`, String(first.port)],
  ];
  for (const p of ports) {
    if (p.name)
      out.push([`${name}_SERVICE_PORT_${p.name.toUpperCase().replaceAll("-", "_")}`, String(p.port)]);
  }
  out.push([`${name}_PORT`, `${(first.protocol ?? "TCP").toLowerCase()}://${ip}:${first.port}`]);
  for (const p of ports) {
    const proto = (p.protocol ?? "TCP").toLowerCase();
    const base = `${name}_PORT_${p.port}_${proto.toUpperCase()}`;
    out.push([base, `${proto}://${ip}:${p.port}`]);
    out.push([`${base}_PROTO`, proto], [`${base}_PORT`, String(p.port)], [`${base}_ADDR`, ip]);
  }
  return out;
}

/** The environment `env` prints, in order: PATH, HOSTNAME, image variables, the pod's, links, HOME. */
export function containerEnv(target: ShellTarget, tty = false): [string, string][] {
  const res = resolveImage(target.spec.image);
  const [path, ...rest] = imageEnv(res.ok ? res.image : undefined);
  const out = new Map<string, string>();
  if (path) out.set(path[0], path[1]);
  out.set("HOSTNAME", podHostname(target.pod));
  for (const [k, v] of rest) out.set(k, v);
  const resolved = resolveEnv(target.ctx.store, target.pod, target.spec);
  if ("env" in resolved) for (const [k, v] of Object.entries(resolved.env)) out.set(k, v);
  for (const [k, v] of serviceLinks(target)) if (!out.has(k)) out.set(k, v);
  if (tty) out.set("TERM", "xterm");
  if (!out.has("HOME")) out.set("HOME", "/root");
  return [...out.entries()];
}
