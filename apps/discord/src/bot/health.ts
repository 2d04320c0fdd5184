// `/healthz` (the process is up) and `/readyz` (gateway ready and Redis answering) on a small HTTP server.

import { type HttpServer, json, startHttpServer } from "@bosun/runtime";

/** A readiness check: its name and whether it passes. */
export type ReadyCheck = () => Promise<Record<string, boolean>>;

/** A running health server. */
export type HealthServer = HttpServer;

/** Serves `/healthz` and `/readyz` (200 when every check passes, else 503, with the checks as JSON). */
export function startHealthServer(host: string, port: number, ready: ReadyCheck): Promise<HealthServer> {
  return startHttpServer({
    host,
    port,
    methods: ["GET"],
    methodNotAllowed: json(405, { error: "method not allowed" }),
    notFound: json(404, { error: "not found" }),
    routes: {
      "/healthz": () => json(200, { ok: true }),
      "/readyz": () =>
        ready().then(
          (checks) => {
            const ok = Object.values(checks).every(Boolean);
            return json(ok ? 200 : 503, { ok, checks });
          },
          () => json(503, { ok: false }),
        ),
    },
  });
}
