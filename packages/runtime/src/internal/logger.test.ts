// The shared logger: JSON lines with a level label and time, secrets scrubbed in fields, children and messages.

import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";
import { createRedactor } from "./redact.ts";

function capture() {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      raw.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const redactor = createRedactor({ textRules: [{ pattern: /\bsekrit-\w+/g, replacement: "sekrit-***" }] });
  const logger = createLogger({ level: "debug", name: "bosun-test", redactor }, stream);
  return { raw, lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>), logger };
}

describe("createLogger", () => {
  it("writes JSON lines with the name, a level label and an ISO time", () => {
    const { lines, logger } = capture();
    logger.info({ port: 1 }, "started");
    expect(lines()[0]).toMatchObject({ level: "info", name: "bosun-test", port: 1, msg: "started" });
    expect(String(lines()[0]?.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("keeps passwords, secret-named values and the app's patterns out of every line", () => {
    const { raw, lines, logger } = capture();
    logger.info({ url: "redis://:pw1@h", apiKey: "k" }, "see sekrit-abc");
    logger.error({ err: new Error("boom redis://:pw2@h") }, "failed");
    logger.child({ redisUrl: "redis://:pw3@h" }).child({ botToken: "t" }).info("child sekrit-def");
    expect(raw.join("\n")).not.toMatch(/pw1|pw2|pw3|sekrit-abc|sekrit-def|"k"/);
    expect(lines()[1]?.err).toMatchObject({ type: "Error", message: "boom redis://:***@h" });
    expect(lines()[2]).toMatchObject({ redisUrl: "redis://:***@h", botToken: "[redacted]" });
  });
});
