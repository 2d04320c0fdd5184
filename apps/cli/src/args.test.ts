import { describe, expect, it } from "vitest";
import { parseArgs, USAGE } from "./args.ts";

describe("parseArgs", () => {
  it("defaults to the interactive tutor with no Redis", () => {
    const a = parseArgs([]);
    expect(a).toMatchObject({
      command: "start",
      redis: undefined,
      queuePrefix: undefined,
      storePrefix: undefined,
    });
    expect(a.error).toBeUndefined();
  });

  it("takes --redis for start, chat and play, as a separate or inline value", () => {
    expect(parseArgs(["start", "--redis", "redis://127.0.0.1:6379", "--user", "alex"])).toMatchObject({
      command: "start",
      redis: "redis://127.0.0.1:6379",
      user: "alex",
    });
    expect(parseArgs(["chat", "--redis=rediss://h:6380/2"]).redis).toBe("rediss://h:6380/2");
    expect(parseArgs(["play", "--seed", "3", "--redis", "redis://:pw@h"])).toMatchObject({
      command: "play",
      seed: 3,
      redis: "redis://:pw@h",
    });
  });

  it("takes queue and store prefixes with --redis", () => {
    const a = parseArgs(["play", "--redis", "redis://h", "--queue-prefix", "{q1}", "--store-prefix=s:1"]);
    expect(a).toMatchObject({ queuePrefix: "{q1}", storePrefix: "s:1" });
    expect(a.error).toBeUndefined();
  });

  it("refuses a --redis value that is not a redis URL", () => {
    for (const bad of [["--redis"], ["--redis", "http://h"], ["--redis", "127.0.0.1:6379"]]) {
      const a = parseArgs(["play", ...bad]);
      expect(a.command).toBe("help");
      expect(a.error).toMatch(/--redis takes a URL/);
    }
  });

  it("refuses --redis with sandbox, which only runs locally", () => {
    const a = parseArgs(["sandbox", "--redis", "redis://h"]);
    expect(a.command).toBe("help");
    expect(a.error).toMatch(/sandbox runs locally only/);
  });

  it("refuses prefixes without --redis, and prefixes the worker would refuse", () => {
    expect(parseArgs(["play", "--queue-prefix", "x"]).error).toMatch(/need --redis/);
    expect(parseArgs(["play", "--redis", "redis://h", "--store-prefix", "a b"]).error).toMatch(
      /--store-prefix takes 1 to 64 characters/,
    );
    expect(parseArgs(["play", "--redis", "redis://h", "--queue-prefix", ""]).error).toMatch(/--queue-prefix/);
  });

  it("documents --redis and the prefixes in the usage text", () => {
    expect(USAGE).toContain("--redis URL");
    expect(USAGE).toContain("--queue-prefix P");
    expect(USAGE).toContain("--store-prefix P");
  });
});
