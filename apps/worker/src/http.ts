// The health and metrics endpoints: /healthz (alive), /readyz (can take work), /metrics (Prometheus).

import { type HttpServer, startHttpServer, text } from "@bosun/runtime";
import type { Registry } from "prom-client";

/** Why the process is not ready, or an empty list when it is. */
export type ReadinessCheck = () => Promise<string[]>;

export interface HealthServerOptions {
  host: string;
  /** 0 picks any free port; the chosen one is in the result. */
  port: number;
  ready: ReadinessCheck;
  registry: Registry;
  /** Called when a scrape or a readiness check throws (the response is then 500 or 503). */
  onError?(err: unknown, path: string): void;
}

export type HealthServer = HttpServer;

/** Starts the server (plain-text answers, never cached) and resolves once it listens. */
export function startHealthServer(opts: HealthServerOptions): Promise<HealthServer> {
  return startHttpServer({
    host: opts.host,
    port: opts.port,
    headers: { "cache-control": "no-store" },
    methodNotAllowed: text(405, "method not allowed\n", { allow: "GET, HEAD" }),
    notFound: text(404, "not found\n"),
    // Probes and scrapers connect every few seconds; idle keep-alive sockets must not hold shutdown.
    keepAliveTimeoutMs: 5000,
    routes: {
      "/healthz": () => text(200, "ok\n"),
      "/readyz": async () => {
        try {
          const reasons = await opts.ready();
          return reasons.length === 0 ? text(200, "ready\n") : text(503, `${reasons.join("\n")}\n`);
        } catch (err) {
          opts.onError?.(err, "/readyz");
          return text(503, "readiness check failed\n");
        }
      },
      "/metrics": async () => {
        try {
          const body = await opts.registry.metrics();
          return { status: 200, body, contentType: opts.registry.contentType };
        } catch (err) {
          opts.onError?.(err, "/metrics");
          return text(500, "metrics unavailable\n");
        }
      },
    },
  });
}
