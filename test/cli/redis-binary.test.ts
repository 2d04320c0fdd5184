// The one-command smoke test: the real `bosun` binary with --redis, against the test Redis.

import { chat, play, playTurns, terminalSession } from "@bosun/cli";
import { type BosunWorker, startWorker } from "@bosun/queue";
import { RedisStore } from "@bosun/store";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { uniquePrefix } from "../support/redis-server.ts";
import {
  goldenScripts,
  keysUnder,
  lessonScripts,
  obliterateCommands,
  runBosun,
  testContent,
} from "./cli-support.ts";

const redisUrl = inject("redisUrl");

describe("bosun --redis with no worker running: one runs in the bosun process", () => {
  const queuePrefix = uniquePrefix("cliq");
  const storePrefix = uniquePrefix("clis");
  afterAll(() => obliterateCommands(redisUrl, queuePrefix));

  it("play prints the local transcript, says which worker ran it, and leaves no session or reply queue", async () => {
    const file = goldenScripts().find((f) => f.name.startsWith("01-")) ?? goldenScripts()[0];
    if (!file) throw new Error("no golden script");
    const args = ["play", "--redis", redisUrl, "--queue-prefix", queuePrefix, "--store-prefix", storePrefix];
    const run = await runBosun(args, { input: file.text });
    expect(run.stderr).toBe(
      `bosun: no worker is running on ${redisUrl} (queue prefix "${queuePrefix}"); running one in this process\n`,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(play(file.text, { seed: 1 }));
    expect(await keysUnder(redisUrl, storePrefix)).toEqual([]);
    expect(await keysUnder(redisUrl, queuePrefix, `${queuePrefix}:replies-cli-*`)).toEqual([]);
  });

  it("chat takes its prefixes from QUEUE_PREFIX and STORE_PREFIX and prints the local transcript", async () => {
    const file = lessonScripts()[0];
    if (!file) throw new Error("no lesson script");
    const run = await runBosun(["chat", "--user", "alex", "--redis", redisUrl], {
      input: file.text,
      env: { QUEUE_PREFIX: queuePrefix, STORE_PREFIX: storePrefix },
    });
    expect(run.stderr).toContain(`(queue prefix "${queuePrefix}"); running one in this process`);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(chat(file.text, { seed: 1, user: "alex", content: testContent() }));
    expect(await keysUnder(redisUrl, storePrefix)).toEqual([]);
  });
});

describe("bosun --redis with a worker already running on the queue prefix", () => {
  const queuePrefix = uniquePrefix("cliq");
  const storePrefix = uniquePrefix("clis");
  const jobs: string[] = [];
  let store: RedisStore;
  let worker: BosunWorker;

  beforeAll(async () => {
    store = new RedisStore({ redisUrl, prefix: storePrefix });
    worker = await startWorker({
      redisUrl,
      prefix: queuePrefix,
      store,
      content: testContent(),
      // The worker's defaults, rate limit included, as a deployed worker runs.
      onJob: (info) => jobs.push(info.kind),
    });
  });

  afterAll(async () => {
    await worker?.close();
    await store?.remove(terminalSession("alex")).catch(() => undefined);
    await store?.close();
    await obliterateCommands(redisUrl, queuePrefix);
  });

  it("play uses that worker instead of starting one, with the same transcript", async () => {
    const file = goldenScripts().find((f) => f.name.startsWith("02-")) ?? goldenScripts()[0];
    if (!file) throw new Error("no golden script");
    const commands = playTurns(file.text).filter((t) => t.run !== undefined).length;
    const run = await runBosun(
      ["play", "--redis", redisUrl, "--queue-prefix", queuePrefix, "--store-prefix", storePrefix],
      { input: file.text },
    );
    expect(run.stderr).toBe(
      `bosun: using the worker already running on ${redisUrl} (queue prefix "${queuePrefix}")\n`,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(play(file.text, { seed: 1 }));
    // Every command was run by the test's worker: no other consumed the queue.
    expect(jobs.length).toBe(commands);
  });

  it("start --user resumes the learner's sandbox on the next run: Welcome back, no lesson 1 again", async () => {
    const args = ["start", "--redis", redisUrl, "--queue-prefix", queuePrefix, "--store-prefix", storePrefix];
    const first = await runBosun([...args, "--user", "alex", "--seed", "5"], {
      input: "kubectl create deployment web --image=nginx:1.27 --replicas=2\nexit\n",
    });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Welcome to Bosun, alex!");
    expect(first.stdout).toContain("Lesson 1: Why Kubernetes?");
    expect(first.stdout).toContain("deployment.apps/web created");
    expect((await store.load(terminalSession("alex"))).data).toBeDefined();

    const second = await runBosun([...args, "--user", "alex"], { input: "kubectl get deployments\n" });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("Welcome back, alex!");
    expect(second.stdout).not.toContain("Welcome to Bosun");
    expect(second.stdout).not.toContain("You have a fresh sandbox");
    expect(second.stdout).toMatch(/^alex> NAME +READY/m);
    expect(second.stdout).toMatch(/^web +\d\/2 /m);
  });
});

describe("bosun --redis errors", () => {
  it("an unreachable Redis is one clear line and exit code 1, at once", async () => {
    const run = await runBosun(["play", "--redis", "redis://127.0.0.1:1"], {
      input: "kubectl get nodes\n",
      // Far below ioredis' endless reconnecting: a client that retried would be killed here.
      timeoutMs: 20_000,
    });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "bosun: cannot reach Redis at redis://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1\n",
    );
  });
});
