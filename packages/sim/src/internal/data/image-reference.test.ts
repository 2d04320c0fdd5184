// Reference parsing tests; error texts are distribution/reference's and go-digest's, wrapped as the kubelet does.
import { describe, expect, it } from "vitest";
import { containerdRef, parseImageReference } from "./image-reference.ts";

const HEX = "a".repeat(64);

function parsed(image: string) {
  const r = parseImageReference(image);
  if (!r.ok) throw new Error(r.error);
  return r.ref;
}

function error(image: string): string | undefined {
  const r = parseImageReference(image);
  return r.ok ? undefined : r.error;
}

describe("parseImageReference", () => {
  it("puts one-segment names under docker.io/library", () => {
    expect(parsed("nginx")).toEqual({ written: "nginx", domain: "docker.io", path: "library/nginx" });
    expect(parsed("nginx:1.25")).toEqual({
      written: "nginx",
      domain: "docker.io",
      path: "library/nginx",
      tag: "1.25",
    });
  });

  it("keeps a Hub user's namespace and canonicalises docker.io spellings", () => {
    expect(parsed("hashicorp/http-echo:0.2.3").path).toBe("hashicorp/http-echo");
    expect(parsed("docker.io/redis:6.0.5")).toMatchObject({ domain: "docker.io", path: "library/redis" });
    expect(parsed("index.docker.io/redis")).toMatchObject({ domain: "docker.io", path: "library/redis" });
    expect(parsed("docker.io/library/bash").written).toBe("docker.io/library/bash");
  });

  it("treats a first segment with a dot, a port, localhost or capitals as a registry", () => {
    expect(parsed("k8s.gcr.io/pause:3.1")).toMatchObject({ domain: "k8s.gcr.io", path: "pause", tag: "3.1" });
    expect(parsed("localhost:5000/app:v1")).toMatchObject({ domain: "localhost:5000", path: "app" });
    expect(parsed("localhost/app")).toMatchObject({ domain: "localhost", path: "app" });
    expect(parsed("Registry/app")).toMatchObject({ domain: "Registry", path: "app" });
  });

  it("reads a digest next to or instead of a tag", () => {
    expect(parsed(`nginx@sha256:${HEX}`)).toEqual({
      written: "nginx",
      domain: "docker.io",
      path: "library/nginx",
      digest: `sha256:${HEX}`,
    });
    expect(parsed(`nginx:1.25@sha256:${HEX}`)).toMatchObject({ tag: "1.25", digest: `sha256:${HEX}` });
  });

  it("rejects an uppercase repository with the kubelet's InvalidImageName message", () => {
    expect(error("Nginx")).toBe(
      'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase',
    );
    expect(error("myuser/MyApp:1.0")).toBe(
      'Failed to apply default image tag "myuser/MyApp:1.0": couldn\'t parse image name "myuser/MyApp:1.0": invalid reference format: repository name (myuser/MyApp) must be lowercase',
    );
  });

  it("rejects spaces, double colons, empty tags and placeholders as invalid reference format", () => {
    for (const image of [
      "nginx 1.25",
      "nginx::1.25",
      "nginx:",
      "<your-private-image>",
      "gcr.io/<project>/job-wq-1",
      " nginx",
      "",
    ]) {
      expect(error(image)).toBe(
        `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`,
      );
    }
  });

  it("checks digests as go-digest does", () => {
    const cause = (image: string) => error(image)?.split(": ").slice(2).join(": ");
    expect(cause(`nginx@sha256:${"a".repeat(40)}`)).toBe("invalid checksum digest length");
    expect(cause(`nginx@sha256:${"A".repeat(64)}`)).toBe("invalid checksum digest format");
    expect(cause(`nginx@md5:${"a".repeat(32)}`)).toBe("unsupported digest algorithm");
    expect(cause("nginx@sha256:abc")).toBe("invalid reference format");
  });

  it("refuses a bare 64-hex identifier as a name", () => {
    expect(error(HEX)).toBe(
      `Failed to apply default image tag "${HEX}": couldn't parse image name "${HEX}": invalid repository name (${HEX}), cannot specify 64-byte hexadecimal strings`,
    );
  });

  it("limits tags to 128 characters", () => {
    expect(error(`nginx:${"a".repeat(128)}`)).toBeUndefined();
    expect(error(`nginx:${"a".repeat(129)}`)).toContain(": invalid reference format");
  });
});

describe("containerdRef", () => {
  it("names the full reference, the digest winning over a tag", () => {
    expect(containerdRef(parsed("nginx"))).toBe("docker.io/library/nginx:latest");
    expect(containerdRef(parsed("k8s.gcr.io/busybox"))).toBe("k8s.gcr.io/busybox:latest");
    expect(containerdRef(parsed(`nginx:1.25@sha256:${HEX}`))).toBe(`docker.io/library/nginx@sha256:${HEX}`);
  });
});
