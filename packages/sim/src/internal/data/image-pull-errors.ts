// The texts containerd and the kubelet (Kubernetes 1.32) produce when an image does not pull.
import type { ImageReference } from "./image-reference.ts";

export type PullFailure = {
  ok: false;
  reason: "NotFound" | "Unauthorized" | "InvalidImageName";
  /** containerd's error (the `desc` of the CRI error), or the kubelet's whole sentence for InvalidImageName. */
  message: string;
};

// Registries that let anyone read: an unknown repository there is simply "not found".
const ANONYMOUS_READ = new Set(["mcr.microsoft.com", "registry.k8s.io", "k8s.gcr.io"]);
// Azure DNS, the resolver AKS nodes use.
const NODE_DNS = "168.63.129.16:53";

const resolveFailure = (full: string, why: string): string =>
  `failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${why}`;

/** A known repository without that tag (also any repository on an anonymous-read registry). */
export const notFound = (full: string): PullFailure => ({
  ok: false,
  reason: "NotFound",
  message: resolveFailure(full, `${full}: not found`),
});

/** The manifest list has no entry for the node's OS (a Windows image on a Linux node). */
export const platformMismatch = (full: string): PullFailure => ({
  ok: false,
  reason: "NotFound",
  message: `failed to pull and unpack image "${full}": no match for platform in manifest: not found`,
});

/**
 * What containerd reports for a repository outside the catalogue, by registry. Reason
 * "Unauthorized" stands for every gRPC Unknown error: denied, refused token, unreachable host.
 */
export function missingRepository(r: ImageReference, full: string): PullFailure {
  if (ANONYMOUS_READ.has(r.domain)) return notFound(full);
  const host = r.domain.replace(/:\d+$/, "");
  const scope = encodeURIComponent(`repository:${r.path}:pull`);
  const token = (realm: string, status: string): string =>
    `failed to authorize: failed to fetch anonymous token: unexpected status from GET request to ${realm}?scope=${scope}&service=${host}: ${status}`;
  let why: string;
  if (r.domain === "docker.io") {
    why =
      "pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed";
  } else if (host.endsWith(".azurecr.io")) {
    why = token(`https://${host}/oauth2/token`, "401 Unauthorized");
  } else if (host === "ghcr.io") {
    why = token("https://ghcr.io/token", "403 Forbidden");
  } else if (host === "gcr.io" || host.endsWith(".gcr.io") || host.endsWith(".pkg.dev")) {
    why = token(`https://${host}/v2/token`, "401 Unauthorized");
  } else if (host === "quay.io") {
    why = token("https://quay.io/v2/auth", "401 Unauthorized");
  } else {
    why = unreachable(r, host);
  }
  return { ok: false, reason: "Unauthorized", message: resolveFailure(full, why) };
}

/** A registry nobody runs: a name that does not resolve, or a local address with nothing listening. */
function unreachable(r: ImageReference, host: string): string {
  const local = host === "localhost" || /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith("[");
  // containerd talks plain HTTP to localhost only.
  const scheme = host === "localhost" ? "http" : "https";
  const manifest = `${scheme}://${r.domain}/v2/${r.path}/manifests/${r.digest ?? r.tag ?? "latest"}`;
  if (!local)
    return `failed to do request: Head "${manifest}": dial tcp: lookup ${host} on ${NODE_DNS}: no such host`;
  const port = /:(\d+)$/.exec(r.domain)?.[1] ?? (scheme === "http" ? "80" : "443");
  const address = host === "localhost" ? "127.0.0.1" : host;
  return `failed to do request: Head "${manifest}": dial tcp ${address}:${port}: connect: connection refused`;
}

/**
 * The container's waiting message under ErrImagePull. The kubelet's CRI client strips the gRPC
 * status of Unknown errors (access denied, DNS) but keeps "rpc error: code = NotFound desc = ".
 */
export function pullErrorStatusMessage(result: PullFailure): string {
  return result.reason === "NotFound"
    ? `rpc error: code = NotFound desc = ${result.message}`
    : result.message;
}

/**
 * The Warning event's message: reason "Failed" for pull errors, "InspectFailed" for an invalid name
 * (whose message already is the kubelet's whole sentence). `userRef` is the image as written in the
 * pod spec: `Failed to pull image "nginx:1.999": rpc error: code = NotFound desc = failed to pull …`.
 * A successful result has no message: "".
 */
export function pullErrorEventMessage(userRef: string, result: { ok: true } | PullFailure): string {
  if (result.ok) return "";
  if (result.reason === "InvalidImageName") return result.message;
  return `Failed to pull image "${userRef}": ${pullErrorStatusMessage(result)}`;
}
