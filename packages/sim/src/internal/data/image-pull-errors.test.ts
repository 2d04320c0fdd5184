// Pull failure tests: the exact containerd and kubelet texts for each way an image fails to pull.
import { describe, expect, it } from "vitest";
import { type PullFailure, pullErrorEventMessage, pullErrorStatusMessage, resolveImage } from "./images.ts";

const HEX = "0123456789abcdef".repeat(4);

function fails(ref: string): PullFailure {
  const r = resolveImage(ref);
  if (r.ok) throw new Error(`${ref} pulled`);
  return r;
}

describe("resolveImage: images that fail", () => {
  it("answers not found for a tag a catalogued repository lacks", () => {
    const r = fails("nginx:1.999");
    expect(r).toEqual({
      ok: false,
      reason: "NotFound",
      message:
        'failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found',
    });
    expect(pullErrorEventMessage("nginx:1.999", r)).toBe(
      'Failed to pull image "nginx:1.999": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found',
    );
    expect(fails("nginx:1.8").reason).toBe("NotFound");
    expect(fails("nginx:1.30").reason).toBe("NotFound");
    expect(fails("busybox:1.36-slim").reason).toBe("NotFound");
  });

  it("denies access to a repository Docker Hub does not have, without an rpc prefix", () => {
    const r = fails("nginxx");
    expect(r.reason).toBe("Unauthorized");
    expect(pullErrorEventMessage("nginxx", r)).toBe(
      'Failed to pull image "nginxx": failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
    expect(pullErrorStatusMessage(r)).toBe(r.message);
    expect(fails("your-registry/rag-api:latest").message).toContain("pull access denied");
    expect(fails(`nginxx@sha256:${HEX}`).reason).toBe("Unauthorized");
  });

  it("fails private registries the way each one answers an anonymous client", () => {
    expect(fails("gcr.io/myproject/job-wq-2").message).toBe(
      'failed to pull and unpack image "gcr.io/myproject/job-wq-2:latest": failed to resolve reference "gcr.io/myproject/job-wq-2:latest": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://gcr.io/v2/token?scope=repository%3Amyproject%2Fjob-wq-2%3Apull&service=gcr.io: 401 Unauthorized',
    );
    expect(fails("myregistry.azurecr.io/myapi:1.2.3").message).toBe(
      'failed to pull and unpack image "myregistry.azurecr.io/myapi:1.2.3": failed to resolve reference "myregistry.azurecr.io/myapi:1.2.3": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://myregistry.azurecr.io/oauth2/token?scope=repository%3Amyapi%3Apull&service=myregistry.azurecr.io: 401 Unauthorized',
    );
    expect(fails("ghcr.io/acme/api:1.0").message).toMatch(
      /https:\/\/ghcr\.io\/token\?scope=repository%3Aacme%2Fapi%3Apull&service=ghcr\.io: 403 Forbidden$/,
    );
  });

  it("answers not found on registries anyone may read", () => {
    expect(fails("mcr.microsoft.com/azuredocs/nope:v1")).toMatchObject({ reason: "NotFound" });
    expect(fails("registry.k8s.io/nope:1.0").message).toBe(
      'failed to pull and unpack image "registry.k8s.io/nope:1.0": failed to resolve reference "registry.k8s.io/nope:1.0": registry.k8s.io/nope:1.0: not found',
    );
  });

  it("cannot reach registries that do not exist", () => {
    expect(fails("registry.example.com/team/app:v2").message).toBe(
      'failed to pull and unpack image "registry.example.com/team/app:v2": failed to resolve reference "registry.example.com/team/app:v2": failed to do request: Head "https://registry.example.com/v2/team/app/manifests/v2": dial tcp: lookup registry.example.com on 168.63.129.16:53: no such host',
    );
    expect(fails("localhost:5000/app").message).toMatch(
      /Head "http:\/\/localhost:5000\/v2\/app\/manifests\/latest": dial tcp 127\.0\.0\.1:5000: connect: connection refused$/,
    );
  });

  it("flags malformed references as InvalidImageName, placeholders included", () => {
    for (const ref of ["<your-private-image>", "gcr.io/<project>/job-wq-1", "nginx::1.25", "Nginx"]) {
      const r = fails(ref);
      expect(r.reason).toBe("InvalidImageName");
      expect(pullErrorEventMessage(ref, r)).toBe(r.message);
    }
    expect(fails("<your-private-image>").message).toBe(
      'Failed to apply default image tag "<your-private-image>": couldn\'t parse image name "<your-private-image>": invalid reference format',
    );
  });

  it("has no failure message for a success", () => {
    expect(pullErrorEventMessage("nginx", resolveImage("nginx"))).toBe("");
  });
});
