// readEnv: one line per bad variable, values scrubbed, secrets never echoed.

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, readEnv } from "./config-error.ts";
import { redisUrl, wholeNumber } from "./env.ts";

const schema = z.object({
  REDIS_URL: redisUrl(),
  PORT: wholeNumber(0, 65535, 80),
  TOKEN: z.string().regex(/^tok-/, { error: "must start with tok-" }),
});
const opts = { secrets: ["TOKEN"], scrub: (t: string) => t.replace(/pw/g, "***") };

describe("readEnv", () => {
  it("returns the parsed values", () => {
    expect(readEnv(schema, { REDIS_URL: "redis://h", TOKEN: "tok-1" }, opts)).toEqual({
      REDIS_URL: "redis://h",
      PORT: 80,
      TOKEN: "tok-1",
    });
  });

  it("lists every bad variable once, scrubbing values and leaving secrets out", () => {
    expect.assertions(3);
    try {
      readEnv(schema, { REDIS_URL: "http://pw@h", PORT: "99999", TOKEN: "leaked" }, opts);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toEqual([
        'REDIS_URL must be a redis:// or rediss:// URL (got "http://***@h")',
        'PORT must be a whole number from 0 to 65535 (got "99999")',
        "TOKEN must start with tok-",
      ]);
      expect((err as ConfigError).message).toBe(
        `invalid configuration:\n  ${(err as ConfigError).problems.join("\n  ")}`,
      );
    }
  });
});
