// The probe server: routes by path, method and not-found answers, thrown routes, headers, close.

import { afterEach, describe, expect, it } from "vitest";
import { type HttpServer, json, startHttpServer, text } from "./http-server.ts";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("startHttpServer", () => {
  it("answers its routes, refuses other methods and unknown paths, and reports a throwing route", async () => {
    const errors: string[] = [];
    server = await startHttpServer({
      host: "127.0.0.1",
      port: 0,
      routes: {
        "/healthz": () => text(200, "ok\n"),
        "/readyz": async () => json(503, { ready: false }),
        "/boom": () => {
          throw new Error("no");
        },
      },
      methodNotAllowed: text(405, "method not allowed\n", { allow: "GET, HEAD" }),
      notFound: json(404, { error: "not found" }),
      headers: { "cache-control": "no-store" },
      onError: (_err, path) => errors.push(path),
    });
    const base = `http://127.0.0.1:${server.port}`;
    const health = await fetch(`${base}/healthz?x=1`);
    expect([health.status, await health.text(), health.headers.get("cache-control")]).toEqual([
      200,
      "ok\n",
      "no-store",
    ]);
    const ready = await fetch(`${base}/readyz`);
    expect([ready.status, ready.headers.get("content-type"), await ready.json()]).toEqual([
      503,
      "application/json",
      { ready: false },
    ]);
    const post = await fetch(`${base}/healthz`, { method: "POST" });
    expect([post.status, post.headers.get("allow")]).toEqual([405, "GET, HEAD"]);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/boom`)).status).toBe(500);
    expect(errors).toEqual(["/boom"]);
  });

  it("rejects when the port is taken", async () => {
    server = await startHttpServer({
      host: "127.0.0.1",
      port: 0,
      routes: {},
      methodNotAllowed: text(405, ""),
      notFound: text(404, ""),
    });
    await expect(
      startHttpServer({
        host: "127.0.0.1",
        port: server.port,
        routes: {},
        methodNotAllowed: text(405, ""),
        notFound: text(404, ""),
      }),
    ).rejects.toThrow(/EADDRINUSE/);
  });
});
