// @bosun/runtime: process plumbing shared by the apps — environment parsing, logs without secrets,
// health endpoints, graceful shutdown.

export type { ReadEnvOptions } from "./internal/config-error.ts";
export { ConfigError, readEnv } from "./internal/config-error.ts";
export type { LogLevelName } from "./internal/env.ts";
export {
  decimal,
  hostName,
  keyPrefix,
  LOG_LEVELS,
  logLevel,
  optionalWholeNumber,
  redisUrl,
  unsetIfEmpty,
  wholeNumber,
} from "./internal/env.ts";
export type {
  HttpAnswer,
  HttpRoute,
  HttpServer,
  HttpServerOptions,
} from "./internal/http-server.ts";
export { json, startHttpServer, text } from "./internal/http-server.ts";
export type { LoggerOptions } from "./internal/logger.ts";
export { createLogger } from "./internal/logger.ts";
export type { Redactor, RedactorOptions, TextRule } from "./internal/redact.ts";
export { createRedactor, REDACTED } from "./internal/redact.ts";
export type { ShutdownLogger, ShutdownMessages, ShutdownOptions } from "./internal/shutdown.ts";
export { EXIT_FAILED, EXIT_OK, stopOnSignals } from "./internal/shutdown.ts";
export { within } from "./internal/within.ts";
