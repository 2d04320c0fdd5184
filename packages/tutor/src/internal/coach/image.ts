// The image-tag rule: an image without a tag, or tagged latest, is not a version anyone can reproduce.

/** Images that hold a shell and tools rather than a server: run one with no command and it just exits. */
const TOOL_IMAGES = new Set(["busybox", "alpine", "ubuntu", "debian", "centos", "fedora", "curlimages/curl"]);

/** An image reference split into repository, tag and digest. */
export interface ImageRef {
  /** "nginx", "myregistry.azurecr.io/myapi". */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Splits "registry:5000/team/app:1.2@sha256:…"; a colon before the last slash belongs to a registry port. */
export function parseImage(image: string): ImageRef {
  const at = image.indexOf("@");
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const name = at >= 0 ? image.slice(0, at) : image;
  const colon = name.lastIndexOf(":");
  const tagged = colon > name.lastIndexOf("/");
  const ref: ImageRef = { repository: tagged ? name.slice(0, colon) : name };
  if (tagged) ref.tag = name.slice(colon + 1);
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/**
 * Why an image is not pinned, as a sentence, or undefined when it is (a version tag or a digest).
 * "nginx" → has no tag; "nginx:latest" → latest moves; "nginx:1.25", "nginx@sha256:…" → fine.
 */
export function imageProblem(image: string): string | undefined {
  if (!image.trim()) return undefined;
  const ref = parseImage(image);
  if (ref.digest !== undefined) return undefined;
  if (ref.tag === undefined)
    return `Image ${image} has no tag, which means ${image}:latest; pin a version (${image}:<version>) so every pod runs the same build.`;
  if (ref.tag === "latest")
    return `Image ${image} can mean a different build on each pull; pin a version tag so every pod runs the same build and rollbacks mean something.`;
  return undefined;
}

/** True for busybox, alpine and other shell images that are not an app by themselves. */
export function isToolImage(image: string): boolean {
  const repo = parseImage(image).repository.replace(/^(docker\.io\/)?(library\/)?/, "");
  return TOOL_IMAGES.has(repo);
}
