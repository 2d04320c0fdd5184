// A small HTTP server for probes and scrapes (`/healthz`, `/readyz`, `/metrics`): routes by path, a port, a close.

import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One response: a JSON body for an object, text otherwise. */
export interface HttpAnswer {
  status: number;
  body: string | object;
  /** Defaults to `application/json` for an object body, `text/plain; charset=utf-8` for text. */
  contentType?: string;
  headers?: Record<string, string>;
}

/** Answers one path; a route that throws is answered 500 and reported to `onError`. */
export type HttpRoute = (req: IncomingMessage) => HttpAnswer | Promise<HttpAnswer>;

/** What {@link startHttpServer} serves. */
export interface HttpServerOptions {
  host: string;
  /** 0 picks any free port; the chosen one is in the result. */
  port: number;
  /** Handlers by path; the query string is ignored. */
  routes: Readonly<Record<string, HttpRoute>>;
  /** Methods the routes answer (others get `methodNotAllowed`); default GET and HEAD. */
  methods?: readonly string[];
  methodNotAllowed: HttpAnswer;
  notFound: HttpAnswer;
  /** Headers sent with every answer (e.g. `cache-control: no-store`). */
  headers?: Record<string, string>;
  /** How long an idle keep-alive socket stays open (Node's default when unset). */
  keepAliveTimeoutMs?: number;
  /** Called when a route throws. */
  onError?(err: unknown, path: string): void;
}

/** A listening server. */
export interface HttpServer {
  port: number;
  /** Stops listening and drops open connections (so an idle probe socket cannot hold shutdown). */
  close(): Promise<void>;
}

/** A JSON answer. */
export const json = (status: number, body: object, headers?: Record<string, string>): HttpAnswer => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});

/** A plain-text answer. */
export const text = (status: number, body: string, headers?: Record<string, string>): HttpAnswer => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});

/** Starts the server and resolves once it listens. */
export function startHttpServer(opts: HttpServerOptions): Promise<HttpServer> {
  const methods = opts.methods ?? ["GET", "HEAD"];
  const answerOf = async (req: IncomingMessage, path: string): Promise<HttpAnswer> => {
    if (!methods.includes(req.method ?? "")) return opts.methodNotAllowed;
    const route = opts.routes[path];
    if (!route) return opts.notFound;
    try {
      return await route(req);
    } catch (err) {
      opts.onError?.(err, path);
      return text(500, "internal error\n");
    }
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    void answerOf(req, path).then((a) => {
      const isText = typeof a.body === "string";
      res.writeHead(a.status, {
        "content-type": a.contentType ?? (isText ? "text/plain; charset=utf-8" : "application/json"),
        ...opts.headers,
        ...a.headers,
      });
      res.end(isText ? a.body : JSON.stringify(a.body));
    });
  });
  if (opts.keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = opts.keepAliveTimeoutMs;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
