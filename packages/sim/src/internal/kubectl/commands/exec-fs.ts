// The files a container sees: the image's, the kubelet's (/etc/hosts, resolv.conf), volumes and its script's.

import type { KObject } from "../../api/types.ts";
import { scriptFiles } from "../../controllers/process.ts";
import { resolveImage } from "../../data/images.ts";
import { fnv32a } from "../../util/rng.ts";
import type { ShellTarget } from "./exec-env.ts";

const ROOT_DIRS = [
  "bin",
  "dev",
  "etc",
  "home",
  "lib",
  "media",
  "mnt",
  "opt",
  "proc",
  "root",
  "run",
  "sbin",
  "srv",
  "sys",
  "tmp",
  "usr",
  "var",
];

/** nginx's default index.html (1.27), 615 bytes as its access log says. */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/**
 * The search domain Azure's DHCP gives AKS nodes (`<hash>.bx.internal.cloudapp.net`), which pods
 * inherit after the cluster domains; derived from the cluster id so it is stable per session.
 */
export function azureSearchDomain(clusterId: string): string {
  let s = "";
  let h = fnv32a(clusterId);
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (let i = 0; i < 26; i++) {
    h = fnv32a(`${h}:${i}`);
    s += alphabet[h % (i === 0 ? 26 : alphabet.length)];
  }
  return `${s}.bx.internal.cloudapp.net`;
}

/** The pod's hostname: spec.hostname, else its name (truncated to 63 characters). */
export function podHostname(pod: KObject): string {
  return ((pod.spec?.hostname as string | undefined) ?? pod.metadata.name).slice(0, 63);
}

type Volume = {
  name: string;
  configMap?: { name?: string; items?: { key: string; path: string }[] };
  secret?: { secretName?: string; items?: { key: string; path: string }[] };
  projected?: { sources?: unknown[] };
  downwardAPI?: { items?: { path: string; fieldRef?: { fieldPath: string } }[] };
};
type Mount = { name: string; mountPath: string; subPath?: string };

/** A snapshot of a container's filesystem at one instant. */
export class ContainerFs {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>(["/"]);
  /** When the container's own script next creates or removes a file (an exec probe's outcome may change). */
  readonly nextChange: number;

  constructor(target: ShellTarget, t: number) {
    const { pod, spec } = target;
    for (const d of ROOT_DIRS) this.dirs.add(`/${d}`);
    const ns = pod.metadata.namespace ?? "default";
    const ip = (pod.status?.podIP as string | undefined) ?? "";
    const host = podHostname(pod);
    this.put("/etc/hostname", `${host}\n`);
    this.put(
      "/etc/hosts",
      `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\t${host}\n`,
    );
    const search = `${ns}.svc.cluster.local svc.cluster.local cluster.local ${azureSearchDomain(target.ctx.store.state.clusterId)}`;
    this.put("/etc/resolv.conf", `search ${search}\nnameserver 10.0.0.10\noptions ndots:5\n`);
    const res = resolveImage(spec.image);
    if (res.ok && /nginx/.test(res.image.ref)) {
      this.put("/usr/share/nginx/html/index.html", NGINX_WELCOME);
      this.put(
        "/usr/share/nginx/html/50x.html",
        "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n",
      );
    }
    const volumes = (pod.spec?.volumes ?? []) as Volume[];
    for (const m of (spec.volumeMounts ?? []) as Mount[]) {
      const v = volumes.find((x) => x.name === m.name);
      if (v) this.mount(target, v, m);
    }
    let next = Number.POSITIVE_INFINITY;
    const elapsed = t - target.startedAt;
    for (const e of scriptFiles([...(spec.command ?? []), ...(spec.args ?? [])])) {
      if (e.at > elapsed) {
        next = Math.min(next, target.startedAt + e.at);
        continue;
      }
      if (e.content === undefined) this.files.delete(e.path);
      else this.put(e.path, e.content);
    }
    this.nextChange = next;
  }

  private put(path: string, content: string): void {
    this.files.set(path, content);
    let dir = path.slice(0, path.lastIndexOf("/"));
    while (dir) {
      this.dirs.add(dir);
      dir = dir.slice(0, dir.lastIndexOf("/"));
    }
  }

  private mount(target: ShellTarget, v: Volume, m: Mount): void {
    const { store } = target.ctx;
    const ns = target.pod.metadata.namespace ?? "default";
    const entries: [string, string][] = [];
    const pick = (data: Record<string, string>, items?: { key: string; path: string }[]) => {
      if (items) for (const i of items) entries.push([i.path, data[i.key] ?? ""]);
      else for (const k of Object.keys(data).sort()) entries.push([k, data[k] ?? ""]);
    };
    if (v.configMap) {
      const cm = store.get("configmaps", ns, v.configMap.name ?? "");
      pick((cm?.data ?? {}) as Record<string, string>, v.configMap.items);
    } else if (v.secret) {
      const s = store.get("secrets", ns, v.secret.secretName ?? "");
      const data: Record<string, string> = {};
      for (const [k, b64] of Object.entries((s?.data ?? {}) as Record<string, string>))
        data[k] = Buffer.from(b64, "base64").toString("utf8");
      pick(data, v.secret.items);
    } else if (v.projected && v.name.startsWith("kube-api-access-")) {
      const ca = store.get("configmaps", ns, "kube-root-ca.crt");
      entries.push(["ca.crt", ((ca?.data ?? {}) as Record<string, string>)["ca.crt"] ?? ""]);
      entries.push(["namespace", ns]);
      entries.push([
        "token",
        "eyJhbGciOiJSUzI1NiIsImtpZCI6ImJvc3VuIn0.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVmYXVsdDpkZWZhdWx0In0.c2ltdWxhdGVk",
      ]);
    } else if (v.downwardAPI) {
      for (const i of v.downwardAPI.items ?? []) {
        const path = i.fieldRef?.fieldPath ?? "";
        const map =
          path === "metadata.labels"
            ? target.pod.metadata.labels
            : path === "metadata.annotations"
              ? target.pod.metadata.annotations
              : undefined;
        const value = map
          ? Object.keys(map)
              .sort()
              .map((k) => `${k}="${map[k]}"`)
              .join("\n")
          : path === "metadata.name"
            ? target.pod.metadata.name
            : path === "metadata.namespace"
              ? ns
              : "";
        entries.push([i.path, value]);
      }
    }
    const base = m.mountPath.replace(/\/+$/, "") || "/";
    if (m.subPath) {
      const hit = entries.find(([k]) => k === m.subPath);
      if (hit) this.put(base, hit[1]);
      return;
    }
    for (let d = base; d; d = d.slice(0, d.lastIndexOf("/"))) this.dirs.add(d);
    for (const [k, content] of entries) this.put(`${base}/${k}`, content);
  }

  read(path: string): string | undefined {
    return this.files.get(normalise(path));
  }

  isDir(path: string): boolean {
    return this.dirs.has(normalise(path));
  }

  /** Entry names directly under a directory, sorted as ls sorts them; undefined when it is none. */
  list(path: string): string[] | undefined {
    const dir = normalise(path);
    if (!this.dirs.has(dir)) return undefined;
    const prefix = dir === "/" ? "/" : `${dir}/`;
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (!p.startsWith(prefix) || p === dir) continue;
      const rest = p.slice(prefix.length);
      if (rest) names.add(rest.split("/")[0] ?? rest);
    }
    return [...names].sort();
  }
}

/** `/tmp//x/` → `/tmp/x`; relative paths are taken from / (the working directory of most images). */
export function normalise(path: string): string {
  const parts: string[] = [];
  for (const p of path.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return `/${parts.join("/")}`;
}
