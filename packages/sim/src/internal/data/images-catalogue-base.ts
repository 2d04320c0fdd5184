// Catalogue data: Docker Hub base and language images (shells, runtimes, PHP, WordPress, hello-world).
import { type CatalogueEntryInput, KiB, MiB } from "./image-catalogue-schema.ts";

// "shell" images run the container's command, or exit 0 at once when there is none (no TTY, so
// sh, bash, node, python and php read an empty stdin and return), which a Deployment restarts
// into CrashLoopBackOff, exactly as on a real cluster.

const ALPINE = "alpine3.{16..21}";
const DEBIAN_NAMES = "bookworm|bullseye|buster|trixie";
const DEBIAN = `(${DEBIAN_NAMES})`;

/** The Debian apache2 start lines (php:*-apache and images built on it). */
export const apacheLogs = (server: string): string[] => {
  const ah00558 = `AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using {podIP}. Set the 'ServerName' directive globally to suppress this message`;
  return [
    ah00558,
    ah00558,
    `[{apacheTime}] [mpm_prefork:notice] [pid 1] AH00163: ${server} configured -- resuming normal operations`,
    "[{apacheTime}] [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'",
  ];
};
const FPM_LOGS = [
  "[{fpmTime}] NOTICE: fpm is running, pid 1",
  "[{fpmTime}] NOTICE: ready to handle connections",
];

const shell = (names: string[], version: string, tags: string[], sizeBytes: number): CatalogueEntryInput => ({
  names,
  version,
  tags,
  sizeBytes,
  ports: [],
  httpPaths: [],
  behaviour: "shell",
  minMemoryBytes: 1 * MiB,
  startupLogs: [],
});

export const BASE_IMAGES: CatalogueEntryInput[] = [
  shell(
    ["docker.io/library/busybox"],
    "1.37.0",
    ["(latest|musl|glibc|uclibc|stable|unstable)", "1[.{20..37}[.{0..4}]](|-musl|-glibc|-uclibc)"],
    2_155_184,
  ),
  shell(["docker.io/library/alpine"], "3.21.0", ["(latest|edge)", "3[.{0..21}[.{0..12}]]"], 3_641_715),
  shell(
    ["docker.io/library/ubuntu"],
    "24.04",
    [
      "(latest|rolling|devel|trusty|xenial|bionic|focal|jammy|noble|oracular|plucky)",
      "{14..25}.(04|10)",
      "(focal|jammy|noble)-{20230101..20241231}",
    ],
    29_754_290,
  ),
  {
    ...shell(
      ["docker.io/library/debian"],
      "12.8",
      [
        `(latest|stable|testing|unstable|sid|experimental|oldstable|stretch|${DEBIAN_NAMES})`,
        `(stable|testing|unstable|sid|oldstable|${DEBIAN_NAMES})-slim`,
        "{8..13}[.{0..11}](|-slim)",
      ],
      48_494_272,
    ),
    variants: [{ match: ["*slim"], sizeBytes: 28_231_424 }],
  },
  shell(
    ["docker.io/library/bash"],
    "5.2.37",
    ["(latest|devel)", `{3..5}[.{0..2}[.{0..37}]](|-${ALPINE})`, `devel-${ALPINE}`],
    6_228_014,
  ),
  {
    ...shell(
      ["docker.io/library/perl"],
      "5.40.0",
      [
        "(latest|slim|threaded|stable|bookworm|slim-bookworm|threaded-bookworm)",
        "5[.{8..40}[.{0..10}]](|-slim|-threaded|-bookworm|-slim-bookworm|-threaded-bookworm|-bullseye)",
      ],
      338_219_710,
    ),
    variants: [{ match: ["*slim*"], sizeBytes: 39_871_253 }],
    minMemoryBytes: 4 * MiB,
  },
  {
    ...shell(
      ["docker.io/library/python"],
      "3.13.1",
      [
        `(latest|alpine|slim|${DEBIAN_NAMES}|slim-${DEBIAN}|${ALPINE})`,
        `{2..3}[.{0..14}[.{0..20}]](|-alpine|-slim|-${DEBIAN}|-slim-${DEBIAN}|-${ALPINE})`,
      ],
      372_311_025,
    ),
    variants: [
      { match: ["*slim*"], sizeBytes: 43_942_118 },
      { match: ["*alpine*"], sizeBytes: 17_802_338 },
    ],
    minMemoryBytes: 8 * MiB,
  },
  {
    ...shell(
      ["docker.io/library/node"],
      "22.12.0",
      [
        `(latest|lts|current|alpine|slim|${DEBIAN_NAMES}|${DEBIAN}-slim|${ALPINE})`,
        `(lts|current)(|-alpine|-slim|-${DEBIAN}|-${DEBIAN}-slim|-${ALPINE})`,
        `(argon|boron|carbon|dubnium|erbium|fermium|gallium|hydrogen|iron|jod)(|-alpine|-slim|-${DEBIAN}|-${DEBIAN}-slim)`,
        `{4..23}[.{0..22}[.{0..30}]](|-alpine|-slim|-${DEBIAN}|-${DEBIAN}-slim|-${ALPINE})`,
      ],
      386_204_381,
    ),
    variants: [
      { match: ["*slim*"], sizeBytes: 72_481_007 },
      { match: ["*alpine*"], sizeBytes: 48_116_312 },
    ],
    minMemoryBytes: 24 * MiB,
  },
  {
    ...shell(
      ["docker.io/library/php"],
      "8.4.2",
      [
        `(latest|cli|apache|fpm|zts|alpine|cli-alpine|fpm-alpine|zts-alpine|${ALPINE})`,
        `(cli|apache|fpm|zts)-${DEBIAN}`,
        `{5..8}[.{0..4}[.{0..30}]](|-cli|-apache|-fpm|-zts|-alpine|-cli-alpine|-fpm-alpine|-zts-alpine|-${DEBIAN}|-${ALPINE}|-(cli|apache|fpm|zts)-${DEBIAN})`,
      ],
      181_233_497,
    ),
    variants: [
      { match: ["*alpine*"], sizeBytes: 34_815_611 },
      // php:*-apache serves /var/www/html, empty in the image: "/" answers 403, not 200.
      {
        match: ["*apache*"],
        behaviour: "server",
        ports: [80],
        sizeBytes: 189_960_554,
        minMemoryBytes: 16 * MiB,
        startupLogs: apacheLogs("Apache/2.4.62 (Debian) PHP/{version}"),
        requestLog: '{clientIP} - - [{clfTime}] "GET / HTTP/1.1" 403 438 "-" "{agent}"',
      },
      {
        match: ["*fpm*"],
        behaviour: "server",
        ports: [9000],
        minMemoryBytes: 12 * MiB,
        startupLogs: FPM_LOGS,
      },
    ],
    minMemoryBytes: 8 * MiB,
  },
  {
    names: ["docker.io/library/wordpress"],
    version: "6.7.1",
    tags: [
      "(latest|apache|fpm|fpm-alpine|cli|cli-alpine)",
      "php{7..8}.{0..4}(|-apache|-fpm|-fpm-alpine)",
      "{4..6}[.{0..9}[.{0..5}]](|-apache|-fpm|-fpm-alpine|-php{7..8}.{0..4}(|-apache|-fpm|-fpm-alpine))",
    ],
    variants: [
      { match: ["4*"], sizeBytes: 161_502_337 },
      { match: ["*fpm*"], ports: [9000], httpPaths: [], startupLogs: FPM_LOGS },
      { match: ["*cli*"], behaviour: "shell", ports: [], httpPaths: [], startupLogs: [] },
    ],
    sizeBytes: 261_815_903,
    ports: [80],
    // Without a database PHP pages fail; the static files still answer 200.
    httpPaths: ["/license.txt", "/readme.html"],
    behaviour: "server",
    minMemoryBytes: 24 * MiB,
    startupLogs: [
      "WordPress not found in /var/www/html - copying now...",
      "Complete! WordPress has been successfully copied to /var/www/html",
      ...apacheLogs("Apache/2.4.62 (Debian) PHP/8.2.26"),
    ],
    requestLog: '{clientIP} - - [{clfTime}] "GET /license.txt HTTP/1.1" 200 7592 "-" "{agent}"',
  },
  {
    names: ["docker.io/library/hello-world"],
    version: "1.0",
    tags: ["(latest|linux)", "nanoserver[-(ltsc2022|1809)]"],
    variants: [{ match: ["nanoserver*"], os: "windows", sizeBytes: 117_641_820 }],
    sizeBytes: 3_208,
    ports: [],
    httpPaths: [],
    behaviour: "exit",
    minMemoryBytes: 256 * KiB,
    startupLogs: [
      "",
      "Hello from Docker!",
      "This message shows that your installation appears to be working correctly.",
      "",
      "To generate this message, Docker took the following steps:",
      " 1. The Docker client contacted the Docker daemon.",
      ' 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.',
      "    (amd64)",
      " 3. The Docker daemon created a new container from that image which runs the",
      "    executable that produces the output you are currently reading.",
      " 4. The Docker daemon streamed that output to the Docker client, which sent it",
      "    to your terminal.",
    ],
  },
  shell(["docker.io/curlimages/curl"], "8.11.1", ["latest", "{7..8}.{0..11}.{0..9}"], 11_036_512),
];
