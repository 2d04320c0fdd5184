// @bosun/worker: the worker process's startable parts, for main.ts and for tests that run it in-process.

export type { WorkerApp, WorkerAppDeps } from "./app.ts";
export { startWorkerApp } from "./app.ts";
export type { WorkerConfig } from "./config.ts";
export { ConfigError, LOG_LEVELS, loadConfig, workerEnvSchema } from "./config.ts";
export type { HealthServer, HealthServerOptions, ReadinessCheck } from "./http.ts";
export { startHealthServer } from "./http.ts";
export { createLogger } from "./logger.ts";
export type { JobInfo, WorkerMetrics } from "./metrics.ts";
export { createMetrics, QUEUE_STATES } from "./metrics.ts";
export { REDACTED, scrubText, scrubValue } from "./redact.ts";
