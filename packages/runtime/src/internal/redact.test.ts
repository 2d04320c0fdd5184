// The redactor: URL passwords, secret-named keys, an app's own patterns, errors and cycles.

import { describe, expect, it } from "vitest";
import { createRedactor, REDACTED } from "./redact.ts";

describe("createRedactor", () => {
  const base = createRedactor();
  const withRules = createRedactor({
    secretKeyWords: ["signature"],
    textRules: [{ pattern: /\bxoxb-[A-Za-z0-9-]+/g, replacement: "xoxb-***" }],
  });

  it("removes URL passwords and keeps URLs without one", () => {
    expect(base.scrubText("redis://u:pw@h:1 and redis://:pw@h and redis://h:1")).toBe(
      "redis://u:***@h:1 and redis://:***@h and redis://h:1",
    );
  });

  it("replaces values under secret-looking keys, and the app's own keys and patterns", () => {
    expect(base.scrubValue({ apiToken: "t", signature: "s", tokens: null })).toEqual({
      apiToken: REDACTED,
      signature: "s",
      tokens: null,
    });
    expect(withRules.scrubValue({ signature: "s", note: "use xoxb-1-abc" })).toEqual({
      signature: REDACTED,
      note: "use xoxb-***",
    });
  });

  it("flattens errors with their code and cause, and survives cycles and depth", () => {
    const err = Object.assign(new Error("failed: redis://:pw@h", { cause: new Error("inner") }), {
      code: "E1",
    });
    const out = base.scrubValue({ err }) as { err: Record<string, unknown> };
    expect(out.err).toMatchObject({ type: "Error", message: "failed: redis://:***@h", code: "E1" });
    expect(out.err.cause).toMatchObject({ type: "Error", message: "inner" });
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(base.scrubValue(a)).toEqual({ self: "[circular]" });
    let deep: unknown = "x";
    for (let i = 0; i < 12; i++) deep = { d: deep };
    expect(JSON.stringify(base.scrubValue(deep))).toContain("[deep]");
  });
});
