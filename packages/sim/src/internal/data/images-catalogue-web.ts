// Catalogue data: Docker Hub official web servers and proxies (nginx, httpd, traefik, haproxy).
import { type CatalogueEntryInput, MiB } from "./image-catalogue-schema.ts";

// Sizes are compressed linux/amd64 sizes as containerd reports them ("Image size: N bytes").
// `{placeholders}` are listed in image-log-template.ts; `{version}` is filled by resolveImage.

const NGINX_LOGS = [
  "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
  "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
  "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
  "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
  "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
  "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
  "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
  "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
  "/docker-entrypoint.sh: Configuration complete; ready for start up",
  '{nginxTime} [notice] 1#1: using the "epoll" event method',
  "{nginxTime} [notice] 1#1: nginx/{version}",
  "{nginxTime} [notice] 1#1: start worker processes",
];

const AH00558 =
  "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {podIP}. Set the 'ServerName' directive globally to suppress this message";
const HTTPD_LOGS = [
  AH00558,
  AH00558,
  "[{apacheTime}] [mpm_event:notice] [pid 1:tid 140311224592264] AH00489: Apache/{version} (Unix) configured -- resuming normal operations",
  "[{apacheTime}] [core:notice] [pid 1:tid 140311224592264] AH00094: Command line: 'httpd -D FOREGROUND'",
];

const TRAEFIK3_LOGS = [
  "{time} INF Traefik version {version} built on 2024-11-19T16:19:32Z version={version}",
  "{time} INF Stats collection is disabled.",
  "{time} INF Help us improve Traefik by turning this feature on :)",
  "{time} INF More details on: https://doc.traefik.io/traefik/contributing/data-collection/",
  "{time} INF Starting provider aggregator *aggregator.ProviderAggregator",
  "{time} INF Starting provider *traefik.Provider",
];

const ALPINE = "alpine3.{18..21}";

export const WEB_IMAGES: CatalogueEntryInput[] = [
  {
    names: ["docker.io/library/nginx"],
    version: "1.27.3",
    tags: [
      `(latest|stable|mainline|bookworm|perl|alpine|alpine-slim|alpine-perl|${ALPINE}|${ALPINE}-slim|${ALPINE}-perl)`,
      "(stable|mainline)(|-bookworm|-perl|-bookworm-perl|-alpine|-alpine-slim|-alpine-perl)",
      "1[.{9..29}[.{0..12}]](|-alpine|-perl|-alpine-slim|-alpine-perl|-bookworm|-bookworm-perl|-bullseye|-bullseye-perl)",
    ],
    variants: [
      { match: ["*alpine*"], sizeBytes: 20_551_347, minMemoryBytes: 4 * MiB },
      { match: ["*slim"], sizeBytes: 5_292_158 },
      { match: ["*perl"], sizeBytes: 81_243_862 },
      { match: ["*alpine-perl", "*alpine3.{18..21}-perl"], sizeBytes: 30_317_553 },
      // Before 1.19 the image had no entrypoint scripts: nginx starts silently.
      { match: ["1.{9..18}*"], startupLogs: [] },
    ],
    sizeBytes: 72_404_038,
    ports: [80],
    httpPaths: ["/"],
    behaviour: "server",
    minMemoryBytes: 5 * MiB,
    startupLogs: NGINX_LOGS,
    requestLog: '{clientIP} - - [{clfTime}] "GET / HTTP/1.1" 200 615 "-" "{agent}" "-"',
  },
  {
    names: ["docker.io/library/httpd"],
    version: "2.4.62",
    tags: [`(latest|alpine|bookworm|${ALPINE})`, `2[.4[.{1..63}]](|-alpine|-bookworm|-${ALPINE})`],
    variants: [{ match: ["*alpine*"], sizeBytes: 22_083_411 }],
    sizeBytes: 58_361_902,
    ports: [80],
    httpPaths: ["/"],
    behaviour: "server",
    minMemoryBytes: 8 * MiB,
    startupLogs: HTTPD_LOGS,
    requestLog: '{clientIP} - - [{clfTime}] "GET / HTTP/1.1" 200 45',
  },
  {
    names: ["docker.io/library/traefik"],
    version: "3.2.1",
    tags: ["(latest|v3|v2|chabichou|comte|saintmarcelin|mimolette)", "(|v){1..3}[.{0..11}[.{0..30}]]"],
    variants: [
      {
        match: ["(|v)(1|2)*", "(mimolette|saintmarcelin)"],
        version: "2.11.14",
        startupLogs: ['time="{time}" level=info msg="Configuration loaded from flags."'],
      },
    ],
    sizeBytes: 48_103_882,
    ports: [80],
    httpPaths: [],
    behaviour: "server",
    minMemoryBytes: 24 * MiB,
    startupLogs: TRAEFIK3_LOGS,
  },
  {
    names: ["docker.io/library/haproxy"],
    version: "3.1.1",
    tags: [
      "(latest|alpine|lts|lts-alpine|bookworm|lts-bookworm)",
      "{1..3}.{0..9}[.{0..30}](|-alpine|-bookworm|-bullseye)",
    ],
    variants: [{ match: ["*alpine"], sizeBytes: 12_508_214 }],
    sizeBytes: 40_112_633,
    // The image ships no configuration, so its ports are whatever the mounted haproxy.cfg binds.
    ports: [],
    httpPaths: [],
    behaviour: "server",
    requiredEnv: {
      anyOf: [],
      orMount: "/usr/local/etc/haproxy",
      exitCode: 1,
      log: [
        "[ALERT]    (1) : Cannot open configuration file/directory /usr/local/etc/haproxy/haproxy.cfg : No such file or directory",
      ],
    },
    minMemoryBytes: 8 * MiB,
    startupLogs: ["[NOTICE]   (1) : New worker (8) forked", "[NOTICE]   (1) : Loading success."],
  },
];
