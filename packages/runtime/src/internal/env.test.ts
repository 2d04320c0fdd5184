// The shared variable readers: empty means unset, ranges, prefixes, hosts and log levels.

import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { decimal, hostName, keyPrefix, logLevel, optionalWholeNumber, redisUrl, wholeNumber } from "./env.ts";

const messageOf = (schema: z.ZodType, value: unknown): string | undefined => {
  const r = schema.safeParse(value);
  return r.success ? undefined : r.error.issues[0]?.message;
};

describe("environment readers", () => {
  it("read an empty or blank value as unset, so the default applies", () => {
    expect(wholeNumber(0, 10, 7).parse("")).toBe(7);
    expect(wholeNumber(0, 10, 7).parse("   ")).toBe(7);
    expect(keyPrefix("bosun").parse("")).toBe("bosun");
    expect(hostName("0.0.0.0").parse(undefined)).toBe("0.0.0.0");
    expect(logLevel().parse("")).toBe("info");
    expect(optionalWholeNumber(1, 5).parse("")).toBeUndefined();
  });

  it("take whole numbers in range only, with one message for every way of being wrong", () => {
    const n = wholeNumber(1, 256, 8);
    expect(n.parse(" 32 ")).toBe(32);
    for (const bad of ["lots", "0", "257", "1.5", "-1"])
      expect(messageOf(n, bad)).toBe("must be a whole number from 1 to 256");
  });

  it("take decimals in range", () => {
    expect(decimal(0.001, 10, 2).parse("0.5")).toBe(0.5);
    expect(messageOf(decimal(0.001, 10, 2), "11")).toBe("must be a number from 0.001 to 10");
  });

  it("check prefixes, hosts and log levels", () => {
    expect(keyPrefix("x").parse("{bosun}")).toBe("{bosun}");
    expect(messageOf(keyPrefix("x"), "has space")).toMatch(/letters, digits/);
    expect(hostName("x").parse("[::1]")).toBe("[::1]");
    expect(messageOf(hostName("x"), "a b")).toBe("must be a host name or an IP address");
    expect(logLevel().parse("DEBUG")).toBe("debug");
    expect(messageOf(logLevel(), "loud")).toMatch(/^must be one of fatal, error/);
  });

  it("require a redis URL", () => {
    expect(redisUrl().parse("rediss://:pw@h:6380")).toBe("rediss://:pw@h:6380");
    expect(messageOf(redisUrl(), "")).toMatch(/^is required/);
    expect(messageOf(redisUrl(), "http://x")).toBe("must be a redis:// or rediss:// URL");
  });
});
