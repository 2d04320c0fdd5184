// The health server answers liveness, readiness and metrics, and nothing else.

import { afterEach, describe, expect, it } from "vitest";
import { startHealthServer } from "./http.ts";
import { createMetrics } from "./metrics.ts";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function start(reasons: () => Promise<string[]>) {
  const metrics = createMetrics(async () => ({ waiting: 3, active: 1 }));
  const server = await startHealthServer({
    host: "127.0.0.1",
    port: 0,
    ready: reasons,
    registry: metrics.registry,
  });
  close = server.close;
  const get = async (path: string, method = "GET") => {
    const res = await fetch(`http://127.0.0.1:${server.port}${path}`, { method });
    return { status: res.status, text: await res.text(), type: res.headers.get("content-type") };
  };
  return { get, metrics };
}

describe("startHealthServer", () => {
  it("says alive on /healthz and ready on /readyz when nothing is wrong", async () => {
    const { get } = await start(async () => []);
    expect(await get("/healthz")).toMatchObject({ status: 200, text: "ok\n" });
    expect(await get("/readyz")).toMatchObject({ status: 200, text: "ready\n" });
  });

  it("answers 503 with the reasons when not ready, and when the check throws", async () => {
    const { get } = await start(async () => ["redis unreachable: no answer within 1000 ms"]);
    expect(await get("/readyz")).toMatchObject({
      status: 503,
      text: "redis unreachable: no answer within 1000 ms\n",
    });
    await close?.();
    const again = await start(async () => {
      throw new Error("boom");
    });
    expect(await again.get("/readyz")).toMatchObject({ status: 503 });
    expect(await again.get("/healthz")).toMatchObject({ status: 200 });
  });

  it("serves job latency, failures and queue depth in Prometheus format", async () => {
    const { get, metrics } = await start(async () => []);
    metrics.observeJob({ kind: "event", ms: 12, outcome: "ok" });
    metrics.observeJob({ kind: "event", ms: 40, outcome: "failed" });
    const res = await get("/metrics");
    expect(res.status).toBe(200);
    expect(res.type).toContain("text/plain");
    expect(res.text).toContain('bosun_job_duration_seconds_count{kind="event",outcome="ok"} 1');
    expect(res.text).toContain('bosun_job_duration_seconds_bucket{le="0.025",kind="event",outcome="ok"} 1');
    expect(res.text).toContain('bosun_job_failures_total{kind="event"} 1');
    expect(res.text).toContain('bosun_queue_jobs{state="waiting"} 3');
    expect(res.text).toContain('bosun_queue_jobs{state="delayed"} 0');
    expect(res.text).toContain("process_cpu_user_seconds_total");
  });

  it("refuses other paths and methods", async () => {
    const { get } = await start(async () => []);
    expect((await get("/")).status).toBe(404);
    expect((await get("/healthz", "POST")).status).toBe(405);
  });
});
