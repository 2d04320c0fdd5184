// Catalogue data: the AKS tutorial images on mcr.microsoft.com and the Windows images (Windows nodes only).
import { type CatalogueEntryInput, MiB } from "./image-catalogue-schema.ts";

// aks-helloworld and azure-vote-front are Flask apps on the tiangolo/uwsgi-nginx-flask base.
const SUPERVISORD_LOGS = [
  "{commaTime} CRIT Supervisor is running as root.  Privileges were not dropped because no user is specified in the config file.  If you intend to run as root, you can set user=root in the config file to avoid this message.",
  '{commaTime} INFO Included extra file "/etc/supervisor/conf.d/supervisord.conf" during parsing',
  "{commaTime} INFO RPC interface 'supervisor' initialized",
  "{commaTime} CRIT Server 'unix_http_server' running without any HTTP authentication checking",
  "{commaTime} INFO supervisord started with pid 1",
  "{commaTime} INFO spawned: 'nginx' with pid 9",
  "{commaTime} INFO spawned: 'uwsgi' with pid 10",
  "{commaTime} INFO success: nginx entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)",
  "{commaTime} INFO success: uwsgi entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)",
];
const FLASK_REQUEST = '{clientIP} - - [{clfTime}] "GET / HTTP/1.1" 200 950 "-" "{agent}" "-"';

const BITNAMI_BANNER = [
  "redis {clockTime} ",
  "redis {clockTime} Welcome to the Bitnami redis container",
  "redis {clockTime} Subscribe to project updates by watching https://github.com/bitnami/bitnami-docker-redis",
  "redis {clockTime} Submit issues and feature requests at https://github.com/bitnami/bitnami-docker-redis/issues",
  "redis {clockTime} ",
  "redis {clockTime} INFO  ==> ** Starting Redis setup **",
];

const windows = (
  names: string[],
  version: string,
  tags: string[],
  sizeBytes: number,
  ports: number[],
): CatalogueEntryInput => ({
  names,
  version,
  tags,
  sizeBytes,
  ports,
  httpPaths: ports.length > 0 ? ["/"] : [],
  behaviour: ports.length > 0 ? "server" : "shell",
  minMemoryBytes: 64 * MiB,
  startupLogs: [],
  os: "windows",
});

export const AZURE_IMAGES: CatalogueEntryInput[] = [
  {
    names: ["mcr.microsoft.com/azuredocs/aks-helloworld"],
    version: "1",
    tags: ["v1"],
    sizeBytes: 341_207_652,
    ports: [80],
    httpPaths: ["/", "/static/default.css"],
    behaviour: "server",
    minMemoryBytes: 40 * MiB,
    startupLogs: SUPERVISORD_LOGS,
    requestLog: FLASK_REQUEST,
  },
  {
    names: ["mcr.microsoft.com/azuredocs/azure-vote-front"],
    version: "1",
    tags: ["v{1..2}"],
    sizeBytes: 362_514_093,
    ports: [80],
    httpPaths: ["/"],
    behaviour: "server",
    minMemoryBytes: 40 * MiB,
    startupLogs: SUPERVISORD_LOGS,
    requestLog: FLASK_REQUEST,
  },
  {
    names: ["mcr.microsoft.com/oss/bitnami/redis"],
    version: "6.0.8",
    tags: ["6.0.8"],
    sizeBytes: 36_702_118,
    ports: [6379],
    httpPaths: [],
    behaviour: "server",
    // bitnami's is_boolean_yes also accepts "true" and "1"; "yes" is what the AKS tutorial sets.
    requiredEnv: {
      anyOf: [
        "REDIS_PASSWORD",
        "ALLOW_EMPTY_PASSWORD=yes",
        "ALLOW_EMPTY_PASSWORD=true",
        "ALLOW_EMPTY_PASSWORD=1",
      ],
      exitCode: 1,
      log: [
        ...BITNAMI_BANNER,
        "redis {clockTime} ERROR ==> The REDIS_PASSWORD environment variable is empty or not set. Set the environment variable ALLOW_EMPTY_PASSWORD=yes to allow the container to be started with blank passwords. This is recommended only for development.",
      ],
    },
    minMemoryBytes: 4 * MiB,
    startupLogs: [
      ...BITNAMI_BANNER,
      "redis {clockTime} WARN  ==> You set the environment variable ALLOW_EMPTY_PASSWORD=yes. For safety reasons, do not use this flag in a production environment.",
      "redis {clockTime} INFO  ==> Initializing Redis",
      "redis {clockTime} INFO  ==> Setting Redis config file",
      "redis {clockTime} INFO  ==> ** Redis setup finished! **",
      "redis {clockTime} INFO  ==> ** Starting Redis **",
      "1:M {redisTime} * Ready to accept connections",
    ],
  },
  windows(
    ["mcr.microsoft.com/windows/servercore"],
    "10.0.17763",
    ["ltsc20(16|19|22|25)", "(1809|20H2)"],
    2_364_803_102,
    [],
  ),
  windows(
    ["mcr.microsoft.com/windows/nanoserver"],
    "10.0.17763",
    ["(ltsc2022|ltsc2025|1809)"],
    122_730_411,
    [],
  ),
  windows(
    ["mcr.microsoft.com/windows/servercore/iis"],
    "10.0.17763",
    ["(latest|windowsservercore-ltsc20(19|22|25))"],
    2_601_336_875,
    [80],
  ),
  windows(
    ["mcr.microsoft.com/dotnet/framework/samples"],
    "4.8",
    ["aspnetapp[-windowsservercore-ltsc20(19|22)]"],
    2_813_207_558,
    [80],
  ),
  // Docker Hub's microsoft/* repositories predate MCR; the Kubernetes Windows examples still use them.
  windows(
    ["docker.io/microsoft/windowsservercore"],
    "10.0.14393",
    ["(latest|1709|1803|ltsc2016)", "10.0.14393.{0..3000}"],
    4_069_112_356,
    [],
  ),
  windows(
    ["docker.io/microsoft/iis"],
    "10.0.14393",
    ["(latest|nanoserver|windowsservercore)", "windowsservercore-(1709|1803|ltsc2016)", "nanoserver-sac2016"],
    4_263_508_991,
    [80],
  ),
];
