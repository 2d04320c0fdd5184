// Image catalogue tests: which references pull, and what the simulator then knows about the image.
import { describe, expect, it } from "vitest";
import { LOG_PLACEHOLDERS } from "./image-log-template.ts";
import {
  CATALOGUE_REPOSITORIES,
  IMAGE_RULE,
  type ImageInfo,
  imageRepoTag,
  resolveImage,
  resolveVersion,
  satisfiesRequiredEnv,
} from "./images.ts";

const HEX = "0123456789abcdef".repeat(4);

function pulls(ref: string, nodeOS?: "linux" | "windows"): ImageInfo {
  const r = resolveImage(ref, nodeOS === undefined ? {} : { nodeOS });
  if (!r.ok) throw new Error(`${ref}: ${r.message}`);
  return r.image;
}

// Every image of the Kubernetes website examples (grep "image:" in the corpus), placeholders aside.
const DOCS_IMAGES = [
  "nginx",
  "nginx:1.14.2",
  "nginx:1.16.1",
  "busybox",
  "busybox:1.28",
  "docker.io/library/busybox",
  "docker.io/library/bash",
  "debian",
  "perl",
  "redis",
  "redis:5.0.4",
  "docker.io/redis:6.0.5",
  "mysql:5.6",
  "mysql:5.7",
  "wordpress:4.8-apache",
  "k8s.gcr.io/busybox",
  "k8s.gcr.io/busybox:1.24",
  "k8s.gcr.io/pause:2.0",
  "k8s.gcr.io/pause:3.1",
  "k8s.gcr.io/liveness",
  "k8s.gcr.io/goproxy:0.1",
  "k8s.gcr.io/serve_hostname",
  "k8s.gcr.io/hpa-example",
  "k8s.gcr.io/nginx-slim:0.8",
  "k8s.gcr.io/node-problem-detector:v0.1",
  "k8s.gcr.io/fluentd-gcp:2.0.2",
  "k8s.gcr.io/fluentd-gcp:1.30",
  "k8s.gcr.io/cluster-proportional-autoscaler-amd64:1.6.0",
  "hashicorp/http-echo:0.2.3",
  "gcr.io/google-samples/node-hello:1.0",
  "gcr.io/google-samples/xtrabackup:1.0",
  "gcr.io/google-samples/hello-go-gke:1.0",
  "gcr.io/google-samples/hello-frontend:1.0",
  "gcr.io/google-samples/hello-app:1.0",
  "gcr.io/google-samples/hello-app:2.0",
  "gcr.io/google_samples/gb-frontend:v5",
  "gcr.io/google_samples/gb-frontend:v3",
  "gcr.io/google_samples/gb-redis-follower:v2",
  "gcr.io/kubernetes-e2e-test-images/dnsutils:1.3",
  "us.gcr.io/k8s-artifacts-prod/kas-network-proxy/proxy-server:v0.0.16",
  "us.gcr.io/k8s-artifacts-prod/kas-network-proxy/proxy-agent:v0.0.16",
  "quay.io/fluentd_elasticsearch/fluentd:v2.5.2",
  "vish/stress",
  "polinux/stress",
  "radial/busyboxplus:curl",
  "bprashanth/nginxhttps:1.0",
];
const DOCS_WINDOWS_IMAGES = [
  "microsoft/windowsservercore:1709",
  "microsoft/iis",
  "microsoft/iis:windowsservercore-1709",
  "mcr.microsoft.com/windows/servercore:ltsc2019",
  "redis:3.0-nanoserver",
];
const COURSE_IMAGES = [
  "httpd",
  "postgres:15-alpine",
  "nginx:1.25-alpine",
  "node:20-alpine",
  "python:3.12-slim",
  "mariadb:11",
  "mongo:7",
  "rabbitmq:3-management",
  "memcached:1.6",
  "alpine:3.20",
  "ubuntu:22.04",
  "php:8.2-apache",
  "hello-world",
  "traefik:v3.1",
  "haproxy:2.9",
  "registry.k8s.io/pause:3.10",
  "registry.k8s.io/hpa-example",
  "mcr.microsoft.com/azuredocs/aks-helloworld:v1",
  "mcr.microsoft.com/azuredocs/azure-vote-front:v1",
  "mcr.microsoft.com/oss/bitnami/redis:6.0.8",
];

describe("resolveImage: images that pull", () => {
  it.each([...DOCS_IMAGES, ...COURSE_IMAGES])("pulls %s on a Linux node", (ref) => {
    expect(pulls(ref, "linux").os).toBe("linux");
  });

  it.each(DOCS_WINDOWS_IMAGES)("pulls %s only on a Windows node", (ref) => {
    expect(pulls(ref, "windows").os).toBe("windows");
    expect(resolveImage(ref, { nodeOS: "linux" })).toEqual({
      ok: false,
      reason: "NotFound",
      message: `failed to pull and unpack image "${imageRefOf(ref)}": no match for platform in manifest: not found`,
    });
  });

  it("describes nginx as the real image", () => {
    const nginx = pulls("nginx");
    expect(nginx).toMatchObject({
      ref: "docker.io/library/nginx:latest",
      repo: "nginx",
      tag: "latest",
      sizeBytes: 72_404_038,
      ports: [80],
      httpPaths: ["/"],
      behaviour: "server",
      os: "linux",
      requestLog: '{clientIP} - - [{clfTime}] "GET / HTTP/1.1" 200 615 "-" "{agent}" "-"',
    });
    expect(nginx.startupLogs).toHaveLength(12);
    expect(nginx.startupLogs[10]).toBe("{nginxTime} [notice] 1#1: nginx/1.27.3");
  });

  it("applies tag variants: alpine size, the version in the logs, silent pre-1.19 nginx", () => {
    const alpine = pulls("nginx:1.25-alpine");
    expect(alpine.sizeBytes).toBe(20_551_347);
    expect(alpine.startupLogs).toContain("{nginxTime} [notice] 1#1: nginx/1.25.0");
    expect(pulls("nginx:1.25.3").startupLogs).toContain("{nginxTime} [notice] 1#1: nginx/1.25.3");
    expect(pulls("nginx:1.14.2").startupLogs).toEqual([]);
    expect(pulls("nginx:stable-alpine-slim").sizeBytes).toBe(5_292_158);
  });

  it("keeps the registry the user wrote, k8s.gcr.io included", () => {
    expect(pulls("k8s.gcr.io/busybox")).toMatchObject({
      ref: "k8s.gcr.io/busybox:latest",
      repo: "k8s.gcr.io/busybox",
    });
    expect(pulls("docker.io/library/bash").repo).toBe("docker.io/library/bash");
  });

  it("pulls a catalogued repository by digest, whatever the digest", () => {
    expect(pulls(`nginx@sha256:${HEX}`)).toMatchObject({
      ref: `docker.io/library/nginx@sha256:${HEX}`,
      tag: `@sha256:${HEX}`,
    });
    expect(pulls(`nginx:1.25-alpine@sha256:${HEX}`)).toMatchObject({
      tag: "1.25-alpine",
      sizeBytes: 20_551_347,
    });
  });

  it("sorts images into server, shell and exit behaviours", () => {
    const behaviour = (ref: string) => pulls(ref).behaviour;
    expect(["nginx", "postgres", "php:8.2-apache", "php:fpm", "k8s.gcr.io/liveness"].map(behaviour)).toEqual(
      Array(5).fill("server"),
    );
    expect(
      ["busybox", "debian", "bash", "python", "node", "perl", "php:8.2-cli", "alpine"].map(behaviour),
    ).toEqual(Array(8).fill("shell"));
    expect(behaviour("hello-world")).toBe("exit");
  });

  it("knows the ports and HTTP paths probes will hit", () => {
    expect(pulls("hashicorp/http-echo:0.2.3")).toMatchObject({
      ports: [5678],
      httpPaths: ["/"],
      startupLogs: ["{nginxTime} Server is listening on :5678"],
    });
    expect(pulls("k8s.gcr.io/liveness")).toMatchObject({
      ports: [8080],
      httpPaths: ["/healthz"],
      httpFailAfterMs: 10_000,
    });
    expect(pulls("php:8.2-apache")).toMatchObject({ ports: [80], httpPaths: [] });
    expect(pulls("rabbitmq:3-management").ports).toEqual([15672, 5672]);
    expect(pulls("mysql:8.0").ports).toEqual([3306]);
  });

  it("gives every catalogued repository logs with known placeholders only", () => {
    const known = new Set(Object.keys(LOG_PLACEHOLDERS));
    for (const name of CATALOGUE_REPOSITORIES) {
      const image = pulls(`${name}@sha256:${HEX}`, undefined);
      const lines = [...image.startupLogs, ...(image.requiredEnv?.log ?? []), image.requestLog ?? ""];
      expect(image.startupLogs.length, name).toBeLessThanOrEqual(12);
      for (const line of lines) {
        for (const [, placeholder] of line.matchAll(/\{([A-Za-z]+)\}/g)) {
          expect(known.has(placeholder ?? ""), `${name}: {${placeholder}}`).toBe(true);
        }
      }
    }
  });
});

function imageRefOf(ref: string): string {
  return pulls(ref, "windows").ref;
}

describe("IMAGE_RULE", () => {
  it("states what resolveImage does for nginx's version pattern", () => {
    expect(IMAGE_RULE).toContain("minors 9 to 29");
    for (const suffix of ["", "-alpine", "-perl", "-alpine-slim", "-alpine-perl"]) {
      for (const version of ["1.9", "1.29", "1.25.3"]) pulls(`nginx:${version}${suffix}`);
      expect(resolveImage(`nginx:1.8${suffix}`).ok).toBe(false);
      expect(resolveImage(`nginx:1.30${suffix}`).ok).toBe(false);
    }
    for (const tag of ["latest", "alpine", "stable", "mainline"]) pulls(`nginx:${tag}`);
  });
});

describe("requiredEnv", () => {
  it("carries postgres' real refusal and what satisfies it", () => {
    const pg = pulls("postgres:15-alpine").requiredEnv;
    if (pg === undefined) throw new Error("postgres has no requiredEnv");
    expect(pg.exitCode).toBe(1);
    expect(pg.log[0]).toBe("Error: Database is uninitialized and superuser password is not specified.");
    expect(satisfiesRequiredEnv(pg, {})).toBe(false);
    expect(satisfiesRequiredEnv(pg, { POSTGRES_PASSWORD: "" })).toBe(false);
    expect(satisfiesRequiredEnv(pg, { POSTGRES_PASSWORD: "s3cret" })).toBe(true);
    expect(satisfiesRequiredEnv(pg, { POSTGRES_HOST_AUTH_METHOD: "trust" })).toBe(true);
    expect(satisfiesRequiredEnv(pg, { POSTGRES_HOST_AUTH_METHOD: "md5" })).toBe(false);
  });

  it("fills the version into mysql's refusal and accepts the three variables", () => {
    const mysql = pulls("mysql:5.7").requiredEnv;
    expect(mysql?.log[0]).toBe(
      "{spaceTime} [Note] [Entrypoint]: Entrypoint script for MySQL Server 5.7.44-1.el7 started.",
    );
    expect(mysql?.anyOf).toEqual([
      "MYSQL_ROOT_PASSWORD",
      "MYSQL_ALLOW_EMPTY_PASSWORD",
      "MYSQL_RANDOM_ROOT_PASSWORD",
    ]);
  });

  it("lets haproxy start only with a mounted configuration", () => {
    const haproxy = pulls("haproxy").requiredEnv;
    if (haproxy === undefined) throw new Error("haproxy has no requiredEnv");
    expect(satisfiesRequiredEnv(haproxy, { ANYTHING: "x" })).toBe(false);
    expect(satisfiesRequiredEnv(haproxy, {}, ["/usr/local/etc/haproxy"])).toBe(true);
    expect(satisfiesRequiredEnv(haproxy, {}, ["/usr/local/etc/haproxy/haproxy.cfg"])).toBe(true);
    expect(satisfiesRequiredEnv(haproxy, {}, ["/etc/haproxy"])).toBe(false);
  });

  it("starts the AKS vote back end with ALLOW_EMPTY_PASSWORD=yes", () => {
    const redis = pulls("mcr.microsoft.com/oss/bitnami/redis:6.0.8").requiredEnv;
    if (redis === undefined) throw new Error("bitnami redis has no requiredEnv");
    expect(satisfiesRequiredEnv(redis, { ALLOW_EMPTY_PASSWORD: "yes" })).toBe(true);
    expect(satisfiesRequiredEnv(redis, { ALLOW_EMPTY_PASSWORD: "no" })).toBe(false);
  });
});

describe("imageRepoTag", () => {
  it("parses like a container runtime", () => {
    expect(imageRepoTag("nginx")).toEqual({
      repo: "nginx",
      tag: "latest",
      registry: "docker.io",
      path: "library/nginx",
    });
    expect(imageRepoTag("k8s.gcr.io/pause:3.1")).toEqual({
      repo: "k8s.gcr.io/pause",
      tag: "3.1",
      registry: "k8s.gcr.io",
      path: "pause",
    });
    expect(imageRepoTag(`busybox@sha256:${HEX}`)).toEqual({
      repo: "busybox",
      tag: `@sha256:${HEX}`,
      digest: `sha256:${HEX}`,
      registry: "docker.io",
      path: "library/busybox",
    });
    expect(imageRepoTag("Nginx")).toBeUndefined();
  });
});

describe("resolveVersion", () => {
  it("follows the worked examples", () => {
    expect(["latest", "1.27", "1", "1.25-alpine", "1.14.2"].map((t) => resolveVersion("1.27.3", t))).toEqual([
      "1.27.3",
      "1.27.3",
      "1.27.3",
      "1.25.0",
      "1.14.2",
    ]);
    expect(resolveVersion("3.2.1", "v3")).toBe("3.2.1");
    expect(resolveVersion("17.2", undefined)).toBe("17.2");
  });
});

describe("CATALOGUE_REPOSITORIES", () => {
  it("names every repository once, as a parseable canonical reference", () => {
    expect(new Set(CATALOGUE_REPOSITORIES).size).toBe(CATALOGUE_REPOSITORIES.length);
    for (const name of CATALOGUE_REPOSITORIES) {
      const parsed = imageRepoTag(name);
      expect(parsed && `${parsed.registry}/${parsed.path}`, name).toBe(name);
    }
    expect(CATALOGUE_REPOSITORIES).toContain("registry.k8s.io/pause");
  });
});
