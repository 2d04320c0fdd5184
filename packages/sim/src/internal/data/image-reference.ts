// Image references parsed as the kubelet and containerd parse them (distribution/reference grammar).

/**
 * A parsed image reference. `domain`/`path` are the canonical repository ("nginx" becomes
 * docker.io + library/nginx); `written` is the name as the user typed it, without tag or digest.
 */
export interface ImageReference {
  written: string;
  domain: string;
  path: string;
  tag?: string;
  digest?: string;
}

export type ReferenceParse = { ok: true; ref: ImageReference } | { ok: false; error: string };

// The grammar of github.com/distribution/reference (regexp.go), which the kubelet vendors.
const ALNUM = "[a-z0-9]+";
const SEPARATOR = "(?:[._]|__|[-]+)";
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const HOST = `(?:${DOMAIN_NAME}|\\[(?:[a-fA-F0-9:]+)\\])`;
const DOMAIN_AND_PORT = `${HOST}(?::[0-9]+)?`;
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const NAME = `(?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME}`;
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";

const REFERENCE_RE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_NAME_RE = new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`);
const IDENTIFIER_RE = /^[a-f0-9]{64}$/;
const GO_DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

const DEFAULT_DOMAIN = "docker.io";
const REPOSITORY_NAME_MAX = 255;

/** go-digest's `Digest.Validate`: the error text, or undefined when the digest is usable. */
function digestError(digest: string): string | undefined {
  const i = digest.indexOf(":");
  if (i <= 0 || i + 1 === digest.length) return "invalid checksum digest format";
  const length = DIGEST_HEX_LENGTH[digest.slice(0, i)];
  if (length === undefined) {
    return GO_DIGEST_RE.test(digest) ? "unsupported digest algorithm" : "invalid checksum digest format";
  }
  const hex = digest.slice(i + 1);
  if (hex.length !== length) return "invalid checksum digest length";
  return /^[a-f0-9]+$/.test(hex) ? undefined : "invalid checksum digest format";
}

/**
 * `splitDockerDomain`: the first path element is a registry only when it looks like one (has a
 * "." or ":", is "localhost", or has uppercase letters). Docker Hub names of one element get
 * "library/". Examples: "nginx" → docker.io + library/nginx; "bitnami/redis" → docker.io +
 * bitnami/redis; "index.docker.io/redis" → docker.io + library/redis; "k8s.gcr.io/pause" → as is.
 */
function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf("/");
  let domain = DEFAULT_DOMAIN;
  let remote = name;
  if (slash !== -1) {
    const first = name.slice(0, slash);
    const rest = name.slice(slash + 1);
    if (first === "localhost" || /[.:]/.test(first) || first.toLowerCase() !== first) {
      domain = first === "index.docker.io" ? DEFAULT_DOMAIN : first;
      remote = rest;
    }
  }
  if (domain === DEFAULT_DOMAIN && !remote.includes("/")) remote = `library/${remote}`;
  return [domain, remote];
}

/** `ParseNormalizedNamed`, returning the library's error text on failure. */
function parseNormalized(s: string): ReferenceParse {
  if (IDENTIFIER_RE.test(s)) {
    return { ok: false, error: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` };
  }
  const [domain, remainder] = splitDockerDomain(s);
  const colon = remainder.indexOf(":");
  const remote = colon === -1 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote) {
    return { ok: false, error: `invalid reference format: repository name (${remote}) must be lowercase` };
  }
  const full = `${domain}/${remainder}`;
  const m = REFERENCE_RE.exec(full);
  if (!m) {
    const lower = full.toLowerCase();
    const uppercase = lower !== full && REFERENCE_RE.test(lower);
    return { ok: false, error: uppercase ? "repository name must be lowercase" : "invalid reference format" };
  }
  const named = ANCHORED_NAME_RE.exec(m[1] ?? "");
  const path = named?.[2] ?? "";
  if (path.length > REPOSITORY_NAME_MAX) {
    return { ok: false, error: `repository name must not be more than ${REPOSITORY_NAME_MAX} characters` };
  }
  const tag = m[2];
  const digest = m[3];
  if (digest !== undefined) {
    const error = digestError(digest);
    if (error !== undefined) return { ok: false, error };
  }
  let written = s;
  if (digest !== undefined) written = written.slice(0, -(digest.length + 1));
  if (tag !== undefined) written = written.slice(0, -(tag.length + 1));
  const ref: ImageReference = { written, domain: named?.[1] ?? domain, path };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return { ok: true, ref };
}

/**
 * Parses an image reference as the kubelet does before pulling. On failure `error` is the text the
 * kubelet puts in the InspectFailed event and the InvalidImageName waiting message, e.g.
 * `Failed to apply default image tag "Nginx": couldn't parse image name "Nginx": invalid reference
 * format: repository name (library/Nginx) must be lowercase`.
 */
export function parseImageReference(image: string): ReferenceParse {
  const parsed = parseNormalized(image);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    error: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${parsed.error}`,
  };
}

/**
 * The reference containerd pulls and names in its errors: registry and path in full, the digest
 * when there is one (a tag next to a digest is dropped), else the tag, "latest" by default.
 * "nginx" → "docker.io/library/nginx:latest"; "nginx:1.25@sha256:ab…" → "docker.io/library/nginx@sha256:ab…".
 */
export function containerdRef(ref: ImageReference): string {
  const name = `${ref.domain}/${ref.path}`;
  return ref.digest !== undefined ? `${name}@${ref.digest}` : `${name}:${ref.tag ?? "latest"}`;
}
