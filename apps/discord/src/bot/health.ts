// `/healthz` (the process is up) and `/readyz` (gateway ready and Redis answering) on a small HTTP server.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A readiness check: its name and whether it passes. */
export type ReadyCheck = () => Promise<Record<string, boolean>>;

/** A running health server. */
export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/** Serves `/healthz` and `/readyz` (200 when every check passes, else 503, with the checks as JSON). */
export async function startHealthServer(
  host: string,
  port: number,
  ready: ReadyCheck,
): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "GET") return send(405, { error: "method not allowed" });
    if (path === "/healthz") return send(200, { ok: true });
    if (path === "/readyz") {
      ready().then(
        (checks) => {
          const ok = Object.values(checks).every(Boolean);
          send(ok ? 200 : 503, { ok, checks });
        },
        () => send(503, { ok: false }),
      );
      return;
    }
    send(404, { error: "not found" });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
