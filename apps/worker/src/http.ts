// The health and metrics endpoints: /healthz (alive), /readyz (can take work), /metrics (Prometheus).

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
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

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = "text/plain; charset=utf-8"): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

/** Starts the server and resolves once it listens. */
export function startHealthServer(opts: HealthServerOptions): Promise<HealthServer> {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return send(res, 405, "method not allowed\n");
    }
    if (path === "/healthz") return send(res, 200, "ok\n");
    if (path === "/readyz") {
      try {
        const reasons = await opts.ready();
        return reasons.length === 0 ? send(res, 200, "ready\n") : send(res, 503, `${reasons.join("\n")}\n`);
      } catch (err) {
        opts.onError?.(err, path);
        return send(res, 503, "readiness check failed\n");
      }
    }
    if (path === "/metrics") {
      try {
        const body = await opts.registry.metrics();
        return send(res, 200, body, opts.registry.contentType);
      } catch (err) {
        opts.onError?.(err, path);
        return send(res, 500, "metrics unavailable\n");
      }
    }
    return send(res, 404, "not found\n");
  };
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  // Probes and scrapers connect every few seconds; idle keep-alive sockets must not hold shutdown.
  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      const port = (server.address() as AddressInfo).port;
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
