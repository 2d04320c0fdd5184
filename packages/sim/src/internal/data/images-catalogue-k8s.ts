// Catalogue data: the images of the Kubernetes documentation examples (registry.k8s.io, gcr.io, quay.io, Hub users).
import { type CatalogueEntryInput, KiB, MiB } from "./image-catalogue-schema.ts";
import { apacheLogs } from "./images-catalogue-base.ts";

// k8s.gcr.io now redirects to registry.k8s.io; images.ts looks both names up under the latter.

const server = (
  names: string[],
  version: string,
  tags: string[],
  sizeBytes: number,
  ports: number[],
  httpPaths: string[] = [],
): CatalogueEntryInput => ({
  names,
  version,
  tags,
  sizeBytes,
  ports,
  httpPaths,
  behaviour: "server",
  minMemoryBytes: 2 * MiB,
  startupLogs: [],
});

const GB_FRONTEND_REQUEST = '{clientIP} - - [{clfTime}] "GET / HTTP/1.1" 200 921 "-" "{agent}"';

export const K8S_EXAMPLE_IMAGES: CatalogueEntryInput[] = [
  {
    ...server(["registry.k8s.io/pause"], "3.10", ["latest", "{0..3}.{0..10}"], 320_368, []),
    minMemoryBytes: 256 * KiB,
  },
  {
    ...server(["registry.k8s.io/hpa-example"], "5.6.40", ["latest"], 183_546_210, [80], ["/"]),
    minMemoryBytes: 12 * MiB,
    startupLogs: apacheLogs("Apache/2.4.10 (Debian) PHP/5.6.40"),
    requestLog: '{clientIP} - - [{clfTime}] "GET / HTTP/1.1" 200 3 "-" "{agent}"',
  },
  {
    ...server(["registry.k8s.io/busybox"], "1.24.0", ["latest", "1.{24..27}[.{0..2}]"], 676_608, []),
    behaviour: "shell",
    minMemoryBytes: 512 * KiB,
  },
  // Serves /healthz with 200 for its first 10 seconds, then 500 (docs: "Define a liveness HTTP request").
  {
    ...server(["registry.k8s.io/liveness"], "1.0", ["latest"], 2_382_211, [8080], ["/healthz"]),
    httpFailAfterMs: 10_000,
  },
  {
    ...server(
      ["registry.k8s.io/e2e-test-images/agnhost"],
      "2.53",
      ["2.{10..53}"],
      51_733_190,
      [8080],
      ["/healthz"],
    ),
    httpFailAfterMs: 10_000,
  },
  server(["registry.k8s.io/goproxy"], "0.1", ["0.1"], 2_512_707, [8080]),
  server(["registry.k8s.io/serve_hostname"], "1.4", ["latest", "1.{0..3}", "v1.4"], 2_235_014, [9376], ["/"]),
  server(["registry.k8s.io/nginx-slim"], "0.27", ["0.{1..27}"], 19_876_412, [80], ["/"]),
  server(["registry.k8s.io/node-problem-detector"], "0.8.20", ["v0.{1..8}[.{0..20}]"], 31_024_550, []),
  {
    ...server(["registry.k8s.io/fluentd-gcp"], "2.0.18", ["1.{20..40}", "2.0[.{0..18}]"], 161_113_904, []),
    minMemoryBytes: 60 * MiB,
  },
  server(
    ["registry.k8s.io/cluster-proportional-autoscaler-amd64"],
    "1.8.1",
    ["1.{0..8}.{0..2}"],
    15_138_230,
    [],
  ),
  {
    ...server(
      ["registry.k8s.io/e2e-test-images/jessie-dnsutils", "gcr.io/kubernetes-e2e-test-images/dnsutils"],
      "1.3",
      ["1.{0..7}"],
      46_420_131,
      [],
    ),
    behaviour: "shell",
  },
  // us.gcr.io/k8s-artifacts-prod is the storage behind registry.k8s.io.
  server(
    [
      "registry.k8s.io/kas-network-proxy/proxy-server",
      "us.gcr.io/k8s-artifacts-prod/kas-network-proxy/proxy-server",
    ],
    "0.31.0",
    ["v0.{0..31}.{0..40}"],
    8_612_345,
    [8090, 8091],
  ),
  server(
    [
      "registry.k8s.io/kas-network-proxy/proxy-agent",
      "us.gcr.io/k8s-artifacts-prod/kas-network-proxy/proxy-agent",
    ],
    "0.31.0",
    ["v0.{0..31}.{0..40}"],
    8_390_772,
    [],
  ),
  {
    ...server(["gcr.io/google-samples/node-hello"], "1.0", ["1.0"], 253_446_213, [8080], ["/"]),
    minMemoryBytes: 20 * MiB,
    requestLog: "Received request for URL: /",
  },
  {
    ...server(["gcr.io/google-samples/hello-app"], "2.0.0", ["{1..2}.0"], 4_132_896, [8080], ["/"]),
    startupLogs: ["{nginxTime} Server listening on port 8080"],
    requestLog: "{nginxTime} Serving request: /",
  },
  server(["gcr.io/google-samples/hello-go-gke"], "1.0", ["1.0"], 4_412_075, [80], ["/"]),
  server(["gcr.io/google-samples/hello-frontend"], "1.0", ["1.0"], 55_337_190, [80], ["/"]),
  {
    ...server(["gcr.io/google-samples/xtrabackup"], "1.0", ["1.0"], 110_725_004, []),
    behaviour: "shell",
  },
  {
    ...server(
      ["gcr.io/google_samples/gb-frontend", "gcr.io/google-samples/gb-frontend"],
      "5",
      ["v{1..6}"],
      140_412_553,
      [80],
      ["/"],
    ),
    minMemoryBytes: 12 * MiB,
    startupLogs: apacheLogs("Apache/2.4.10 (Debian) PHP/5.6.40"),
    requestLog: GB_FRONTEND_REQUEST,
  },
  {
    ...server(
      ["gcr.io/google_samples/gb-redis-follower", "gcr.io/google-samples/gb-redis-follower"],
      "6.0.5",
      ["v{1..2}"],
      38_104_119,
      [6379],
    ),
    startupLogs: [
      "1:C {redisTime} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
      "1:C {redisTime} # Redis version={version}, bits=64, commit=00000000, modified=0, pid=1, just started",
      "1:C {redisTime} # Configuration loaded",
      "1:S {redisTime} * Running mode=standalone, port=6379.",
      "1:S {redisTime} # Server initialized",
      "1:S {redisTime} * Ready to accept connections",
      "1:S {redisTime} * Connecting to MASTER redis-leader:6379",
      "1:S {redisTime} * MASTER <-> REPLICA sync started",
    ],
  },
  {
    ...server(
      ["quay.io/fluentd_elasticsearch/fluentd"],
      "2.5.2",
      ["v2.{0..9}.{0..5}", "v{3..4}.{0..9}.{0..5}"],
      141_306_277,
      [],
    ),
    minMemoryBytes: 60 * MiB,
  },
  {
    ...server(
      ["docker.io/hashicorp/http-echo"],
      "1.0.0",
      ["(latest|alpine)", "0.2.{0..3}", "1.0[.0]"],
      3_861_742,
      [5678],
      ["/"],
    ),
    startupLogs: ["{nginxTime} [INFO] server is listening on :5678"],
    variants: [
      { match: ["0.*"], sizeBytes: 2_616_478, startupLogs: ["{nginxTime} Server is listening on :5678"] },
    ],
  },
  {
    ...server(["docker.io/vish/stress"], "1.0", ["latest"], 2_862_341, []),
    startupLogs: [
      'I{klogTime}       1 main.go:26] Allocating "0" memory, in "4Ki" chunks, with a 1ms sleep between allocations',
      "I{klogTime}       1 main.go:39] Spawning a thread to consume CPU",
    ],
  },
  {
    ...server(["docker.io/polinux/stress"], "1.0.4", ["latest", "1.0.4"], 4_056_123, []),
    startupLogs: ["stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd"],
  },
  {
    ...server(["docker.io/radial/busyboxplus"], "1.0", ["(latest|base|curl|git)"], 4_230_129, []),
    behaviour: "shell",
  },
  server(["docker.io/bprashanth/nginxhttps"], "1.0", ["1.0"], 47_122_871, [80, 443], ["/"]),
];
