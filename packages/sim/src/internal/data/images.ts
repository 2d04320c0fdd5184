// The image catalogue: whether an image reference would pull in real life, and how its container behaves.
import {
  type CatalogueEntry,
  type CatalogueVariant,
  catalogueSchema,
  type RequiredEnv,
} from "./image-catalogue-schema.ts";
import { missingRepository, notFound, type PullFailure, platformMismatch } from "./image-pull-errors.ts";
import { containerdRef, type ImageReference, parseImageReference } from "./image-reference.ts";
import { compileTagPattern, type TagPattern } from "./image-tag-pattern.ts";
import { AZURE_IMAGES } from "./images-catalogue-azure.ts";
import { BASE_IMAGES } from "./images-catalogue-base.ts";
import { DATABASE_IMAGES } from "./images-catalogue-databases.ts";
import { K8S_EXAMPLE_IMAGES } from "./images-catalogue-k8s.ts";
import { WEB_IMAGES } from "./images-catalogue-web.ts";

export type { PullFailure } from "./image-pull-errors.ts";
export { pullErrorEventMessage, pullErrorStatusMessage } from "./image-pull-errors.ts";

/** What the simulator knows about an image that pulls. Log lines carry image-log-template placeholders. */
export interface ImageInfo {
  /** The reference containerd pulls: "docker.io/library/nginx:1.25". */
  ref: string;
  /** The name as the user wrote it, without tag or digest: "nginx", "docker.io/library/bash". */
  repo: string;
  /** "1.25"; "latest" when none was written; "@sha256:…" for a reference by digest only. */
  tag: string;
  sizeBytes: number;
  ports: number[];
  /** Paths answering 200 on the first port. */
  httpPaths: string[];
  /** When set, the HTTP paths answer 500 from this many ms after the start (k8s.gcr.io/liveness: 10 s). */
  httpFailAfterMs?: number;
  behaviour: "server" | "shell" | "exit";
  requiredEnv?: { anyOf: string[]; orMount?: string; exitCode: number; log: string[] };
  minMemoryBytes: number;
  startupLogs: string[];
  requestLog?: string;
  /** Windows images pull only onto Windows nodes. */
  os: "linux" | "windows";
}

export type PullResult = { ok: true; image: ImageInfo } | PullFailure;

/**
 * The pull rule in plain English, for the README; `resolveImage` implements it and images.test.ts
 * checks the claims it makes. In short: catalogued repository + a tag its rule allows (or any
 * digest) → pulls; catalogued repository + other tag → "not found"; uncatalogued repository → what
 * its registry says to an anonymous client; malformed name → InvalidImageName.
 */
export const IMAGE_RULE =
  "An image pulls when its repository is in Bosun's image catalogue and its tag matches that " +
  "repository's tag rule. Each repository in the catalogue lists the tags it really has: names such as " +
  "latest, alpine, stable or mainline, and version patterns with ranges (nginx, for example, accepts " +
  "1.<minor> and 1.<minor>.<patch> for minors 9 to 29, each bare or with -alpine, -perl, -alpine-slim or " +
  "-alpine-perl). A reference pinned by digest (@sha256: and 64 hex digits) pulls for any repository in " +
  'the catalogue. A catalogued repository asked for a tag it does not have fails with "not found". Any ' +
  "other repository fails as a private or nonexistent repository does in real life: Docker Hub answers " +
  '"pull access denied", private registries such as Azure Container Registry refuse an anonymous token ' +
  '(401 or 403), registries that allow anonymous reads (mcr.microsoft.com, registry.k8s.io) answer "not ' +
  'found", and a registry host that does not exist gives "no such host". A reference that is not a valid ' +
  "image name (an uppercase repository name, spaces, a double colon, a placeholder such as <your-image>) " +
  "fails before any pull with InvalidImageName. Windows images pull only onto Windows nodes.";

type Traits = Omit<CatalogueEntry, "names" | "tags" | "variants">;

interface CompiledEntry {
  entry: CatalogueEntry;
  tags: TagPattern[];
  variants: { variant: CatalogueVariant; patterns: TagPattern[] }[];
}

// Validated once, at module load: a malformed entry or tag pattern fails every import loudly.
const ENTRIES = catalogueSchema.parse([
  ...WEB_IMAGES,
  ...DATABASE_IMAGES,
  ...BASE_IMAGES,
  ...K8S_EXAMPLE_IMAGES,
  ...AZURE_IMAGES,
]);

const INDEX = new Map<string, CompiledEntry>();
for (const entry of ENTRIES) {
  const compiled: CompiledEntry = {
    entry,
    tags: entry.tags.map(compileTagPattern),
    variants: entry.variants.map((variant) => ({ variant, patterns: variant.match.map(compileTagPattern) })),
  };
  for (const name of entry.names) {
    if (INDEX.has(name)) throw new Error(`image catalogue: "${name}" is listed twice`);
    INDEX.set(name, compiled);
  }
}

/** Every repository in the catalogue, canonical names, sorted. */
export const CATALOGUE_REPOSITORIES: readonly string[] = [...INDEX.keys()].sort();

// k8s.gcr.io has redirected to registry.k8s.io since 2023; both serve the same repositories.
const REGISTRY_ALIASES: Readonly<Record<string, string>> = { "k8s.gcr.io": "registry.k8s.io" };

/**
 * Parses a reference like a container runtime: default registry docker.io, "library/" before
 * one-segment Hub names. `tag` is the tag as written, "latest" when there is neither tag nor digest,
 * "@sha256:…" when there is only a digest. Undefined when the reference is malformed.
 * "nginx" → { repo: "nginx", tag: "latest", registry: "docker.io", path: "library/nginx" }.
 */
export function imageRepoTag(
  ref: string,
): { repo: string; tag: string; digest?: string; registry: string; path: string } | undefined {
  const parsed = parseImageReference(ref);
  if (!parsed.ok) return undefined;
  const r = parsed.ref;
  const out: { repo: string; tag: string; digest?: string; registry: string; path: string } = {
    repo: r.written,
    tag: tagOf(r),
    registry: r.domain,
    path: r.path,
  };
  if (r.digest !== undefined) out.digest = r.digest;
  return out;
}

function tagOf(r: ImageReference): string {
  if (r.tag !== undefined) return r.tag;
  return r.digest !== undefined ? `@${r.digest}` : "latest";
}

/**
 * The version an image prints, from the catalogue's version and the tag. Worked examples with the
 * catalogue at "1.27.3": "latest" → "1.27.3"; "1.27" and "1" → "1.27.3" (prefixes of it);
 * "1.25-alpine" → "1.25.0" (padded to three parts); "1.14.2" → "1.14.2".
 */
export function resolveVersion(version: string, tag: string | undefined): string {
  const numeric = tag === undefined ? undefined : /^v?(\d+(?:\.\d+)*)/.exec(tag)?.[1];
  if (numeric === undefined || version === numeric || version.startsWith(`${numeric}.`)) return version;
  const parts = numeric.split(".");
  const wanted = version.split(".").length;
  while (parts.length < wanted) parts.push("0");
  return parts.join(".");
}

function traitsFor(compiled: CompiledEntry, tag: string | undefined): Traits {
  const { names: _names, tags: _tags, variants: _variants, ...base } = compiled.entry;
  if (tag === undefined) return base;
  const traits: Record<string, unknown> = { ...base };
  for (const { variant, patterns } of compiled.variants) {
    if (!patterns.some((p) => p.test(tag))) continue;
    for (const [key, value] of Object.entries(variant)) {
      if (key !== "match" && value !== undefined) traits[key] = value;
    }
  }
  return traits as Traits;
}

function toInfo(r: ImageReference, traits: Traits): ImageInfo {
  const version = resolveVersion(traits.version, r.tag);
  const fill = (line: string): string => line.replaceAll("{version}", version);
  const info: ImageInfo = {
    ref: containerdRef(r),
    repo: r.written,
    tag: tagOf(r),
    sizeBytes: traits.sizeBytes,
    ports: [...traits.ports],
    httpPaths: [...traits.httpPaths],
    behaviour: traits.behaviour,
    minMemoryBytes: traits.minMemoryBytes,
    startupLogs: traits.startupLogs.map(fill),
    os: traits.os,
  };
  if (traits.httpFailAfterMs !== undefined) info.httpFailAfterMs = traits.httpFailAfterMs;
  if (traits.requiredEnv !== undefined) info.requiredEnv = requiredEnvInfo(traits.requiredEnv, fill);
  if (traits.requestLog !== undefined) info.requestLog = fill(traits.requestLog);
  return info;
}

function requiredEnvInfo(
  req: RequiredEnv,
  fill: (line: string) => string,
): NonNullable<ImageInfo["requiredEnv"]> {
  const out: NonNullable<ImageInfo["requiredEnv"]> = {
    anyOf: [...req.anyOf],
    exitCode: req.exitCode,
    log: req.log.map(fill),
  };
  if (req.orMount !== undefined) out.orMount = req.orMount;
  return out;
}

/**
 * Decides whether `ref` pulls, by IMAGE_RULE: parse (InvalidImageName on failure), look the
 * repository up (k8s.gcr.io as registry.k8s.io), check the tag against the repository's tag patterns
 * (skipped for a digest), then apply every variant whose pattern matches the tag. Give `nodeOS` to
 * check the platform too: a Windows image on a Linux node fails as containerd does ("no match for
 * platform in manifest: not found"); without it, `image.os` is left for the caller to check.
 */
export function resolveImage(ref: string, options: { nodeOS?: "linux" | "windows" } = {}): PullResult {
  // Pure and called on every kubelet pass, so answers are remembered (bounded, oldest dropped first).
  const key = `${options.nodeOS ?? ""}|${ref}`;
  const hit = RESOLVED.get(key);
  if (hit) return hit;
  const result = resolveImageUncached(ref, options);
  if (RESOLVED.size >= 1000) RESOLVED.delete(RESOLVED.keys().next().value as string);
  RESOLVED.set(key, result);
  return result;
}

const RESOLVED = new Map<string, PullResult>();

function resolveImageUncached(ref: string, options: { nodeOS?: "linux" | "windows" }): PullResult {
  const parsed = parseImageReference(ref);
  if (!parsed.ok) return { ok: false, reason: "InvalidImageName", message: parsed.error };
  const r = parsed.ref;
  const full = containerdRef(r);
  const compiled = INDEX.get(`${REGISTRY_ALIASES[r.domain] ?? r.domain}/${r.path}`);
  if (compiled === undefined) return missingRepository(r, full);
  const tag = r.tag ?? "latest";
  if (r.digest === undefined && !compiled.tags.some((p) => p.test(tag))) return notFound(full);
  const traits = traitsFor(compiled, r.digest === undefined || r.tag !== undefined ? tag : undefined);
  if (options.nodeOS !== undefined && options.nodeOS !== traits.os) {
    return platformMismatch(full);
  }
  return { ok: true, image: toInfo(r, traits) };
}

/**
 * Whether a container's environment (and mounts) meet the image's `requiredEnv`. An `anyOf` item is
 * `NAME` (set, non-empty) or `NAME=value` (exactly). Example for postgres: `{ POSTGRES_PASSWORD: "x" }`
 * or `{ POSTGRES_HOST_AUTH_METHOD: "trust" }` pass, `{ POSTGRES_HOST_AUTH_METHOD: "md5" }` does not;
 * for haproxy only a volume mounted at /usr/local/etc/haproxy (or below) passes.
 */
export function satisfiesRequiredEnv(
  required: NonNullable<ImageInfo["requiredEnv"]>,
  env: Readonly<Record<string, string>>,
  mountPaths: readonly string[] = [],
): boolean {
  const mount = required.orMount;
  if (mount !== undefined && mountPaths.some((p) => p === mount || p.startsWith(`${mount}/`))) return true;
  return required.anyOf.some((item) => {
    const eq = item.indexOf("=");
    if (eq === -1) return (env[item] ?? "") !== "";
    return env[item.slice(0, eq)] === item.slice(eq + 1);
  });
}
