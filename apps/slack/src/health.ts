// `/healthz` (the process answers) and `/readyz` (Slack connection up, Redis answering) on their own port.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A small HTTP server apart from Bolt's, so it works the same in HTTP and Socket Mode and a probe
 * never goes through request verification. `ready()` resolves to true when the app can serve.
 */
export async function startHealthServer(
  listen: { host: string; port: number },
  ready: () => Promise<boolean>,
): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const answer = (status: number, body: object) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.method !== "GET" && req.method !== "HEAD") return answer(405, { error: "method not allowed" });
    if (path === "/healthz") return answer(200, { status: "ok" });
    if (path === "/readyz") {
      void ready()
        .catch(() => false)
        .then((ok) => answer(ok ? 200 : 503, { status: ok ? "ready" : "not ready" }));
      return;
    }
    answer(404, { error: "not found" });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port, listen.host, () => resolve());
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
