// The logger keeps Redis passwords and token- or secret-named values out of every log line.

import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";
import { scrubText } from "./redact.ts";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line));
      }
      done();
    },
  });
  return { lines, raw, logger: createLogger({ level: "debug" }, stream) };
}

describe("createLogger", () => {
  it("writes JSON lines with a level label, a time and the message", () => {
    const { lines, logger } = capture();
    logger.info({ port: 8080 }, "worker started");
    expect(lines[0]).toMatchObject({
      level: "info",
      name: "bosun-worker",
      port: 8080,
      msg: "worker started",
    });
    expect(typeof lines[0]?.time).toBe("string");
  });

  it("removes the password from Redis URLs in fields, nested fields, messages and errors", () => {
    const { raw, lines, logger } = capture();
    const url = "rediss://default:s3cr3tpw@bosun.redis.cache.windows.net:6380";
    logger.info({ redis: url, nested: { list: [url] } }, `connecting to ${url}`);
    logger.error({ err: new Error(`connect failed: ${url}`) }, "boom");
    logger.error(new Error(`only an error: ${url}`));
    logger.child({ redisUrl: url }).child({ apiToken: "tok-123" }).info("child");
    expect(raw.join("\n")).not.toContain("s3cr3tpw");
    expect(lines[0]).toMatchObject({
      redis: "rediss://default:***@bosun.redis.cache.windows.net:6380",
      msg: "connecting to rediss://default:***@bosun.redis.cache.windows.net:6380",
    });
    expect(lines[1]?.err).toMatchObject({ type: "Error", message: expect.stringContaining("default:***@") });
    expect(lines[1]?.err).toMatchObject({ type: "Error" });
    expect(lines[3]).toMatchObject({ redisUrl: expect.stringContaining(":***@"), apiToken: "[redacted]" });
    expect(lines).toHaveLength(4);
  });

  it("replaces values under token-, secret- and password-like keys", () => {
    const { raw, lines, logger } = capture();
    logger.info({
      botToken: "xoxb-123-abc",
      SLACK_SIGNING_SECRET: "abcdef0123",
      headers: { authorization: "Bearer zzz", accept: "json" },
      password: "pw",
      tokens: 3,
    });
    expect(raw.join("\n")).not.toMatch(/xoxb-123-abc|abcdef0123|Bearer zzz|"pw"/);
    expect(lines[0]).toMatchObject({
      botToken: "[redacted]",
      SLACK_SIGNING_SECRET: "[redacted]",
      headers: { authorization: "[redacted]", accept: "json" },
      password: "[redacted]",
    });
  });

  it("survives circular fields", () => {
    const { lines, logger } = capture();
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    logger.info({ a }, "cycle");
    expect(lines[0]).toMatchObject({ a: { name: "a", self: "[circular]" } });
  });
});

describe("scrubText", () => {
  it("keeps URLs without a password as they are", () => {
    expect(scrubText("redis://127.0.0.1:6379 and redis://user@host")).toBe(
      "redis://127.0.0.1:6379 and redis://user@host",
    );
    expect(scrubText("redis://:pw@host")).toBe("redis://:***@host");
  });
});
