// `/healthz` (the process answers) and `/readyz` (Slack connection up, Redis answering) on their own port.

import { type HttpServer, json, startHttpServer } from "@bosun/runtime";

export type HealthServer = HttpServer;

/**
 * A small HTTP server apart from Bolt's, so it works the same in HTTP and Socket Mode and a probe
 * never goes through request verification. `ready()` resolves to true when the app can serve.
 */
export function startHealthServer(
  listen: { host: string; port: number },
  ready: () => Promise<boolean>,
): Promise<HealthServer> {
  return startHttpServer({
    host: listen.host,
    port: listen.port,
    methodNotAllowed: json(405, { error: "method not allowed" }),
    notFound: json(404, { error: "not found" }),
    routes: {
      "/healthz": () => json(200, { status: "ok" }),
      "/readyz": async () => {
        const ok = await ready().catch(() => false);
        return json(ok ? 200 : 503, { status: ok ? "ready" : "not ready" });
      },
    },
  });
}
