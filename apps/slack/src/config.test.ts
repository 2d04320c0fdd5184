// Configuration from the environment: defaults, HTTP vs Socket Mode, and errors that never echo secrets.

import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";
import { scrubText } from "./redact.ts";

const base = {
  SLACK_BOT_TOKEN: "xoxb-1-2-abc",
  SLACK_SIGNING_SECRET: "s3cr3t-signing",
  REDIS_URL: "redis://127.0.0.1:6379",
};

describe("loadConfig", () => {
  it("fills in defaults for HTTP mode", () => {
    const c = loadConfig(base);
    expect(c.listen).toEqual({ host: "0.0.0.0", port: 3000 });
    expect(c.slackApiUrl).toBe("https://slack.com/api/");
    expect(c.appToken).toBeUndefined();
    expect(c.health).toEqual({ host: "0.0.0.0", port: 8081 });
    expect(c.queuePrefix).toBe("bosun");
  });

  it("switches to Socket Mode with an app token, where no signing secret is needed", () => {
    const c = loadConfig({
      ...base,
      SLACK_SIGNING_SECRET: "",
      SLACK_APP_TOKEN: "xapp-1-A1-xyz",
      SLACK_API_URL: "http://127.0.0.1:9/api",
    });
    expect(c.appToken).toBe("xapp-1-A1-xyz");
    expect(c.slackApiUrl).toBe("http://127.0.0.1:9/api/");
  });

  it("lists every bad variable without echoing a token", () => {
    let err: unknown;
    try {
      loadConfig({ SLACK_BOT_TOKEN: "not-a-token-xoxp", REDIS_URL: "http://x", SLACK_PORT: "99999" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as ConfigError).message;
    expect(message).toMatch(/SLACK_BOT_TOKEN must look like xoxb/);
    expect(message).toMatch(/REDIS_URL must be a redis/);
    expect(message).toMatch(/SLACK_PORT must be a whole number/);
    expect(message).not.toContain("not-a-token-xoxp");
  });

  it("needs a signing secret in HTTP mode", () => {
    expect(() => loadConfig({ ...base, SLACK_SIGNING_SECRET: undefined })).toThrow(
      /SLACK_SIGNING_SECRET is required/,
    );
  });
});

describe("scrubText", () => {
  it("hides tokens, URL passwords and response_url paths", () => {
    expect(scrubText("token xoxb-123-456-abc and xapp-1-A-b")).toBe("token xoxb-*** and xapp-***");
    expect(scrubText("redis://:hunter2@redis:6379")).toBe("redis://:***@redis:6379");
    expect(scrubText("https://hooks.slack.com/commands/T1/123/abc")).toBe(
      "https://hooks.slack.com/commands/***",
    );
  });
});
