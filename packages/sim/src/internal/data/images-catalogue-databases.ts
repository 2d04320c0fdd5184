// Catalogue data: Docker Hub official databases, caches and brokers (postgres, redis, mysql, mariadb, …).
import { type CatalogueEntryInput, MiB } from "./image-catalogue-schema.ts";

// Sizes are compressed linux/amd64 sizes as containerd reports them ("Image size: N bytes").
// `{placeholders}` are listed in image-log-template.ts; `{version}` is filled by resolveImage.

const pgLogs = (build: string): string[] => [
  'The files belonging to this database system will be owned by user "postgres".',
  "This user must also own the server process.",
  "",
  "PostgreSQL init process complete; ready for start up.",
  "",
  `{pgTime} [1] LOG:  starting PostgreSQL {version} on ${build}, 64-bit`,
  '{pgTime} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432',
  '{pgTime} [1] LOG:  listening on IPv6 address "::", port 5432',
  '{pgTime} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"',
  "{pgTime} [63] LOG:  database system was shut down at {pgTime}",
  "{pgTime} [1] LOG:  database system is ready to accept connections",
];

// The official entrypoint's refusal, verbatim (docker-library/postgres docker-entrypoint.sh).
const PG_REQUIRED = {
  anyOf: ["POSTGRES_PASSWORD", "POSTGRES_HOST_AUTH_METHOD=trust"],
  exitCode: 1,
  log: [
    "Error: Database is uninitialized and superuser password is not specified.",
    "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
    '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
    "",
    '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
    "       connections without a password. This is *not* recommended.",
    "",
    '       See PostgreSQL documentation about "trust":',
    "       https://www.postgresql.org/docs/current/auth-trust.html",
  ],
};

// Redis 7 marks its banner lines "*"; 6 and older mark them "#".
const redisLogs = (mark: string): string[] => [
  `1:C {redisTime} ${mark} oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
  `1:C {redisTime} ${mark} Redis version={version}, bits=64, commit=00000000, modified=0, pid=1, just started`,
  "1:C {redisTime} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf",
  "1:M {redisTime} * monotonic clock: POSIX clock_gettime",
  "1:M {redisTime} * Running mode=standalone, port=6379.",
  "1:M {redisTime} * Server initialized",
  "1:M {redisTime} * Ready to accept connections tcp",
];

const mysqlEntrypoint = (pkg: string): string[] => [
  `{spaceTime} [Note] [Entrypoint]: Entrypoint script for MySQL Server {version}-${pkg} started.`,
  "{spaceTime} [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
  `{spaceTime} [Note] [Entrypoint]: Entrypoint script for MySQL Server {version}-${pkg} started.`,
];
const mysqlLogs = (pkg: string): string[] => [
  ...mysqlEntrypoint(pkg),
  "{spaceTime} [Note] [Entrypoint]: Initializing database files",
  "{spaceTime} [Note] [Entrypoint]: Database files initialized",
  "{spaceTime} [Note] [Entrypoint]: Starting temporary server",
  "{spaceTime} [Note] [Entrypoint]: Temporary server started.",
  "{spaceTime} [Note] [Entrypoint]: Stopping temporary server",
  "{spaceTime} [Note] [Entrypoint]: MySQL init process done. Ready for start up.",
  "{microTime} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld {version}) starting as process 1",
  "{microTime} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '{version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.",
];
const mysqlRequired = (pkg: string) => ({
  anyOf: ["MYSQL_ROOT_PASSWORD", "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD"],
  exitCode: 1,
  log: [
    ...mysqlEntrypoint(pkg),
    "{spaceTime} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified",
    "    You need to specify one of the following as an environment variable:",
    "    - MYSQL_ROOT_PASSWORD",
    "    - MYSQL_ALLOW_EMPTY_PASSWORD",
    "    - MYSQL_RANDOM_ROOT_PASSWORD",
  ],
});
const mysqlVariant = (match: string, version: string, pkg: string) => ({
  match: [match],
  version,
  startupLogs: mysqlLogs(pkg),
  requiredEnv: mysqlRequired(pkg),
});

const MARIADB_START = [
  "{spaceTime} [Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:{version}+maria~ubu2404 started.",
  "{spaceTime} [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
  "{spaceTime} [Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:{version}+maria~ubu2404 started.",
];

const ALPINE = "alpine3.{18..21}";

export const DATABASE_IMAGES: CatalogueEntryInput[] = [
  {
    names: ["docker.io/library/postgres"],
    version: "17.2",
    tags: [
      `(latest|alpine|bookworm|bullseye|${ALPINE})`,
      "9.{3..6}[.{0..24}](|-alpine|-bullseye)",
      `{10..17}[.{0..22}](|-alpine|-bookworm|-bullseye|-${ALPINE})`,
    ],
    variants: [
      {
        match: ["*alpine*"],
        sizeBytes: 104_985_313,
        startupLogs: pgLogs(
          "x86_64-pc-linux-musl, compiled by gcc (Alpine 13.2.1_git20240309) 13.2.1 20240309",
        ),
      },
    ],
    sizeBytes: 153_412_780,
    ports: [5432],
    httpPaths: [],
    behaviour: "server",
    requiredEnv: PG_REQUIRED,
    minMemoryBytes: 32 * MiB,
    startupLogs: pgLogs("x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0"),
  },
  {
    names: ["docker.io/library/redis"],
    version: "7.4.1",
    tags: [
      `(latest|alpine|bookworm|nanoserver|${ALPINE})`,
      `{2..8}[.{0..4}[.{0..20}]](|-alpine|-bookworm|-bullseye|-${ALPINE})`,
      "3[.{0..2}[.{0..600}]]-nanoserver",
    ],
    variants: [
      { match: ["*alpine*"], sizeBytes: 17_238_100 },
      { match: ["{2..6}*"], startupLogs: redisLogs("#") },
      { match: ["*nanoserver"], os: "windows", sizeBytes: 395_127_484, version: "3.0.504" },
    ],
    sizeBytes: 45_181_331,
    ports: [6379],
    httpPaths: [],
    behaviour: "server",
    minMemoryBytes: 3 * MiB,
    startupLogs: redisLogs("*"),
  },
  {
    names: ["docker.io/library/mysql"],
    version: "9.1.0",
    tags: [
      "(latest|lts|innovation|oracle|debian|oraclelinux9)",
      "(lts|innovation)-(oracle|oraclelinux9)",
      "5.{5..7}[.{0..44}](|-debian|-oracle|-oraclelinux7)",
      "8[.{0..4}[.{0..42}]](|-debian|-bookworm|-oracle|-oraclelinux8|-oraclelinux9)",
      "9[.{0..3}[.{0..2}]](|-oracle|-oraclelinux9)",
    ],
    variants: [
      mysqlVariant("(8|lts)*", "8.4.3", "1.el9"),
      mysqlVariant("8.0*", "8.0.40", "1.el8"),
      { ...mysqlVariant("5.7*", "5.7.44", "1.el7"), sizeBytes: 154_753_094, minMemoryBytes: 180 * MiB },
      {
        ...mysqlVariant("5.{5..6}*", "5.6.51", "1debian9"),
        sizeBytes: 102_873_611,
        minMemoryBytes: 90 * MiB,
      },
    ],
    sizeBytes: 172_543_219,
    ports: [3306],
    httpPaths: [],
    behaviour: "server",
    requiredEnv: mysqlRequired("1.el9"),
    minMemoryBytes: 360 * MiB,
    startupLogs: mysqlLogs("1.el9"),
  },
  {
    names: ["docker.io/library/mariadb"],
    version: "11.4.4",
    tags: [
      "(latest|lts|noble|jammy|ubi|ubi9)",
      "{10..11}[.{0..8}[.{0..30}]](|-noble|-jammy|-focal|-ubi|-ubi9)",
    ],
    variants: [{ match: ["10*"], version: "10.11.10" }],
    sizeBytes: 123_704_318,
    ports: [3306],
    httpPaths: [],
    behaviour: "server",
    requiredEnv: {
      anyOf: [
        "MARIADB_ROOT_PASSWORD",
        "MARIADB_ROOT_PASSWORD_HASH",
        "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD",
        "MARIADB_RANDOM_ROOT_PASSWORD",
        "MYSQL_ROOT_PASSWORD",
        "MYSQL_ALLOW_EMPTY_PASSWORD",
        "MYSQL_RANDOM_ROOT_PASSWORD",
      ],
      exitCode: 1,
      log: [
        ...MARIADB_START,
        "{spaceTime} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified",
        "\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD",
      ],
    },
    minMemoryBytes: 96 * MiB,
    startupLogs: [
      ...MARIADB_START,
      "{spaceTime} [Note] [Entrypoint]: Initializing database files",
      "{spaceTime} [Note] [Entrypoint]: Database files initialized",
      "{spaceTime} [Note] [Entrypoint]: Starting temporary server",
      "{spaceTime} [Note] [Entrypoint]: Temporary server started.",
      "{spaceTime} [Note] [Entrypoint]: Stopping temporary server",
      "{spaceTime} [Note] [Entrypoint]: MariaDB init process done. Ready for start up.",
      "{mariaTime} 0 [Note] Starting MariaDB {version}-MariaDB-ubu2404 source revision 3d0fb150289716ca75cd64d62823cf715ee47646 server_uid XPOJuDAwWeY5PYuXuPtpJYcPsMc= as process 1",
      "{mariaTime} 0 [Note] mariadbd: ready for connections.",
    ],
  },
  {
    names: ["docker.io/library/mongo"],
    version: "8.0.3",
    tags: ["(latest|noble|jammy)", "{3..8}[.{0..4}[.{0..30}]](|-noble|-jammy|-focal|-bionic)"],
    sizeBytes: 287_318_912,
    ports: [27017],
    httpPaths: [],
    behaviour: "server",
    minMemoryBytes: 160 * MiB,
    startupLogs: [
      '{"t":{"$date":"{time}"},"s":"I",  "c":"CONTROL",  "id":4615611, "ctx":"initandlisten","msg":"MongoDB starting","attr":{"pid":1,"port":27017,"dbPath":"/data/db","architecture":"64-bit","host":"{hostname}"}}',
      '{"t":{"$date":"{time}"},"s":"I",  "c":"CONTROL",  "id":23403,   "ctx":"initandlisten","msg":"Build Info","attr":{"buildInfo":{"version":"{version}"}}}',
      '{"t":{"$date":"{time}"},"s":"I",  "c":"NETWORK",  "id":23015,   "ctx":"listener","msg":"Listening on","attr":{"address":"0.0.0.0"}}',
      '{"t":{"$date":"{time}"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}',
    ],
  },
  {
    names: ["docker.io/library/rabbitmq"],
    version: "4.0.4",
    tags: [
      "(latest|alpine|management|management-alpine)",
      "{3..4}[.{0..13}[.{0..30}]](|-alpine|-management|-management-alpine)",
    ],
    variants: [
      { match: ["3*"], version: "3.13.7" },
      { match: ["*alpine"], sizeBytes: 71_530_112 },
      // The management plugin answers HTTP on 15672, listed first for that reason.
      { match: ["*management*"], sizeBytes: 110_402_375, ports: [15672, 5672], httpPaths: ["/"] },
    ],
    sizeBytes: 95_624_713,
    ports: [5672],
    httpPaths: [],
    behaviour: "server",
    minMemoryBytes: 110 * MiB,
    startupLogs: [
      "{spaceTime} [notice] <0.44.0> Application syslog exited with reason: stopped",
      "{spaceTime} [info] <0.230.0> Starting RabbitMQ {version} on Erlang 26.2.5.5 [jit]",
      "",
      "  ##  ##      RabbitMQ {version}",
      "  ##  ##",
      "  ##########  Copyright (c) 2007-2024 Broadcom Inc and/or its subsidiaries",
      "  ######  ##",
      "  ##########  Licensed under the MPL 2.0. Website: https://rabbitmq.com",
      "",
      "{spaceTime} [info] <0.230.0> Time to start RabbitMQ: 5382 ms",
      "{spaceTime} [info] <0.692.0> Server startup complete; 4 plugins started.",
    ],
  },
  {
    names: ["docker.io/library/memcached"],
    version: "1.6.32",
    tags: [`(latest|alpine|bookworm|${ALPINE})`, `1[.{4..6}[.{0..40}]](|-alpine|-bookworm|-${ALPINE})`],
    variants: [{ match: ["*alpine*"], sizeBytes: 4_730_906 }],
    sizeBytes: 33_580_120,
    ports: [11211],
    httpPaths: [],
    behaviour: "server",
    minMemoryBytes: 2 * MiB,
    startupLogs: [],
  },
];
