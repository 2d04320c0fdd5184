// The --redis link itself: it finds a running worker, and an event nobody answers ends in a clear error.

import { CliError, openPipeline, playRemote, resolvePrefix, terminalSession } from "@bosun/cli";
import { COMMANDS_QUEUE, startWorker } from "@bosun/queue";
import { RedisStore } from "@bosun/store";
import { Worker } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { uniquePrefix } from "../support/redis-server.ts";
import { keysUnder, obliterateCommands, testContent } from "./cli-support.ts";

const redisUrl = inject("redisUrl");
const queuePrefix = uniquePrefix("cliq");
const storePrefix = uniquePrefix("clis");
let connection: Redis;
let silent: Worker;

beforeAll(async () => {
  // A worker that takes jobs and never finishes them: listed by getWorkers(), answers nothing.
  connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  silent = new Worker(COMMANDS_QUEUE, (): Promise<void> => new Promise(() => {}), {
    connection,
    prefix: queuePrefix,
  });
  await silent.waitUntilReady();
});

afterAll(async () => {
  await silent?.close(true);
  await connection?.quit();
  await obliterateCommands(redisUrl, queuePrefix);
});

it("uses a worker that is already running, and gives up on an unanswered event with a clear error", async () => {
  const notes: string[] = [];
  const pipeline = await openPipeline({
    redisUrl,
    queuePrefix,
    storePrefix,
    content: testContent,
    replyTimeoutMs: 300,
    note: (line) => notes.push(line),
  });
  try {
    expect(pipeline.worker).toBe("running");
    expect(notes).toEqual([
      `bosun: using the worker already running on ${redisUrl} (queue prefix "${queuePrefix}")`,
    ]);
    const sent = pipeline.send({
      session: terminalSession("nobody"),
      actor: { id: "nobody", name: "nobody" },
      event: { type: "command", text: "kubectl get nodes" },
      sentAt: Date.now(),
      init: { seed: 1 },
    });
    await expect(sent).rejects.toThrow(CliError);
    await expect(sent).rejects.toMatchObject({
      code: "no-reply",
      message: `no worker answered within 300 ms on ${redisUrl} (queue prefix "${queuePrefix}"); is the worker running, with store prefix "${storePrefix}"?`,
    });
    await pipeline.store.remove(terminalSession("nobody"));
  } finally {
    await pipeline.close();
  }
  expect(await keysUnder(redisUrl, queuePrefix, `${queuePrefix}:replies-cli-*`)).toEqual([]);
});

it("a prefix from the environment that the worker would refuse is a clear error", () => {
  process.env.CLI_TEST_PREFIX = "has space";
  try {
    expect(() => resolvePrefix(undefined, "CLI_TEST_PREFIX", "bosun")).toThrow(
      'CLI_TEST_PREFIX must be 1 to 64 characters: letters, digits and _ - . : { } (got "has space")',
    );
    expect(resolvePrefix("flag", "CLI_TEST_PREFIX", "bosun")).toBe("flag");
  } finally {
    delete process.env.CLI_TEST_PREFIX;
  }
  expect(resolvePrefix(undefined, "CLI_TEST_PREFIX", "bosun")).toBe("bosun");
});

it("a play line the worker refuses (its rate limit) stops the script with a clear error, not a silent gap", async () => {
  const qp = uniquePrefix("cliq");
  const sp = uniquePrefix("clis");
  const store = new RedisStore({ redisUrl, prefix: sp });
  // Two commands at one instant: no time passes in play, so nothing refills the bucket.
  const worker = await startWorker({
    redisUrl,
    prefix: qp,
    store,
    content: testContent(),
    rate: { capacity: 2, refillPerSecond: 1 },
  });
  const pipeline = await openPipeline({ redisUrl, queuePrefix: qp, storePrefix: sp, content: testContent });
  try {
    expect(pipeline.worker).toBe("running");
    const run = playRemote("kubectl get nodes\nkubectl get ns\nkubectl get pods\n", pipeline, { seed: 1 });
    await expect(run).rejects.toMatchObject({
      code: "refused",
      message: expect.stringMatching(/^the worker did not run "kubectl get pods": You're going a bit fast/),
      partial: expect.stringMatching(
        /^\$ kubectl get nodes\n[\s\S]*\$ kubectl get ns\n[\s\S]*\$ kubectl get pods\n$/,
      ),
    });
    // The run's session is deleted even so (the worker's rate bucket expires by itself).
    expect(await keysUnder(redisUrl, sp, `${sp}:{cli:local:u:*`)).toEqual([]);
  } finally {
    await pipeline.close();
    await worker.close();
    await store.close();
    await obliterateCommands(redisUrl, qp);
  }
});
