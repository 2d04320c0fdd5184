// `play` and `chat` over --redis, in process: every golden and lesson script prints what the local path prints.

import { chat, chatRemote, openPipeline, type Pipeline, play, playRemote } from "@bosun/cli";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { uniquePrefix } from "../support/redis-server.ts";
import {
  goldenScripts,
  handWrittenChatScripts,
  keysUnder,
  lessonScripts,
  obliterateCommands,
  testContent,
} from "./cli-support.ts";

const redisUrl = inject("redisUrl");
const queuePrefix = uniquePrefix("cliq");
const storePrefix = uniquePrefix("clis");
const notes: string[] = [];
let pipeline: Pipeline;

beforeAll(async () => {
  pipeline = await openPipeline({
    redisUrl,
    queuePrefix,
    storePrefix,
    content: testContent,
    note: (line) => notes.push(line),
  });
});

afterAll(async () => {
  await pipeline?.close();
  await obliterateCommands(redisUrl, queuePrefix);
});

it("starts a worker in this process when none runs on the queue prefix, and says so", () => {
  expect(pipeline.worker).toBe("in-process");
  expect(notes).toEqual([
    `bosun: no worker is running on ${redisUrl} (queue prefix "${queuePrefix}"); running one in this process`,
  ]);
  expect(pipeline.replyQueue).toMatch(/^replies-cli-[0-9a-f]{12}$/);
});

// Scripts run side by side (own sessions each): a turn mostly waits on Redis round trips.
describe.concurrent("bosun play --redis prints what bosun play prints", () => {
  for (const file of goldenScripts()) {
    it(file.name, async () => {
      const local = play(file.text, { seed: 1 });
      expect(await playRemote(file.text, pipeline, { seed: 1 })).toBe(local);
    });
  }
});

describe.concurrent("bosun chat --redis prints what bosun chat prints", () => {
  for (const file of lessonScripts()) {
    it(`lessons/${file.name}`, async () => {
      const local = chat(file.text, { seed: 1, user: "alex", content: testContent() });
      expect(local).toMatch(/✓ Lesson \d+ complete/);
      expect(await chatRemote(file.text, pipeline, { seed: 1, user: "alex" })).toBe(local);
    });
  }
  for (const file of handWrittenChatScripts()) {
    const group = file.name.includes("group");
    it(`${file.name}${group ? " (--group, a channel session)" : ""}`, async () => {
      const local = chat(file.text, { seed: 1, user: "alex", content: testContent(), group });
      expect(await chatRemote(file.text, pipeline, { seed: 1, user: "alex", group })).toBe(local);
    });
  }
});

describe("cleanup", () => {
  it("a seed other than 1 reaches the fresh sandbox (init)", async () => {
    const script = "kubectl get nodes\n";
    const seven = play(script, { seed: 7 });
    expect(seven).not.toBe(play(script, { seed: 1 }));
    expect(await playRemote(script, pipeline, { seed: 7 })).toBe(seven);
  });

  it("every script's session is deleted at its end; closing deletes the private reply queue", async () => {
    expect(await keysUnder(redisUrl, storePrefix)).toEqual([]);
    const replyKeys = `${queuePrefix}:${pipeline.replyQueue}`;
    expect((await keysUnder(redisUrl, replyKeys)).length).toBeGreaterThan(0);
    await pipeline.close();
    expect(await keysUnder(redisUrl, replyKeys)).toEqual([]);
  });
});
