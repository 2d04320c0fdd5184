// Vitest global setup: every suite gets `inject("redisUrl")` — REDIS_URL when set, else a private server.

import type { TestProject } from "vitest/node";
import { type RedisServer, startRedisServer } from "./redis-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

let server: RedisServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const url = process.env.REDIS_URL;
  if (url) {
    project.provide("redisUrl", url);
    return;
  }
  server = await startRedisServer();
  project.provide("redisUrl", server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
