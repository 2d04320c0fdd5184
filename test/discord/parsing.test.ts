// The bot's small parsers: thread messages, slash command lines, durations, cron shapes, autocomplete, config.

import {
  ConfigError,
  commandDefinitions,
  configFromEnv,
  kubectlChoices,
  lessonChoices,
  looksLikeCron,
  parseDuration,
  parseGroupMessage,
  scrub,
  slashCommandLine,
} from "@bosun/discord";
import { describe, expect, it } from "vitest";

describe("parseGroupMessage", () => {
  it("reads a kubectl line, and the yaml block after `apply -f -` as standard input", () => {
    expect(parseGroupMessage("kubectl get pods")).toEqual({ text: "kubectl get pods" });
    expect(parseGroupMessage("  kubectl apply -f -\n```yaml\nkind: Pod\n```\nthanks")).toEqual({
      text: "kubectl apply -f -",
      stdin: "kind: Pod\n",
    });
    expect(parseGroupMessage("kubectl apply -f - ```yml\nkind: Pod\n```")).toEqual({
      text: "kubectl apply -f -",
      stdin: "kind: Pod\n",
    });
    expect(parseGroupMessage("kubectl apply -f -")).toEqual({ text: "kubectl apply -f -" });
    expect(parseGroupMessage("az aks list")).toEqual({ text: "az aks list" });
  });

  it("ignores chat, and does not take a code block for a command that reads no stdin", () => {
    expect(parseGroupMessage("I think kubectl get pods works")).toBeUndefined();
    expect(parseGroupMessage("kubectl")).toBeUndefined();
    expect(parseGroupMessage("kubectlx get")).toBeUndefined();
    expect(parseGroupMessage("kubectl get pods\n```yaml\nx: 1\n```")).toEqual({ text: "kubectl get pods" });
  });
});

describe("slashCommandLine", () => {
  it("adds kubectl when it was left out, keeps az, and expands k", () => {
    expect(slashCommandLine("get pods")).toBe("kubectl get pods");
    expect(slashCommandLine(" kubectl get pods ")).toBe("kubectl get pods");
    expect(slashCommandLine("k get ns")).toBe("kubectl get ns");
    expect(slashCommandLine("az aks get-credentials -g rg -n c")).toBe("az aks get-credentials -g rg -n c");
  });
});

describe("durations and cron", () => {
  it("parses reveal times and refuses anything else", () => {
    expect(parseDuration("2h")).toBe(7_200_000);
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("90s")).toBe(90_000);
    expect(parseDuration("soon")).toBeUndefined();
    expect(parseDuration("-5m")).toBeUndefined();
  });

  it("knows a five-field cron by its shape", () => {
    expect(looksLikeCron("0 9 * * 1-5")).toBe(true);
    expect(looksLikeCron("*/15 * * * MON")).toBe(true);
    expect(looksLikeCron("0 9 * *")).toBe(false);
    expect(looksLikeCron("0 9 * * 1; rm -rf /")).toBe(false);
  });
});

describe("autocomplete", () => {
  it("offers what was typed first, then the verbs that continue it", () => {
    const c = kubectlChoices("ro");
    expect(c[0]).toEqual({ name: "ro", value: "ro" });
    expect(c.map((x) => x.value)).toContain("rollout restart deployment/");
    expect(kubectlChoices("").length).toBeLessThanOrEqual(25);
    expect(kubectlChoices("x".repeat(150))).toEqual([]);
  });

  it("finds lessons by number or title", () => {
    const lessons = [
      { number: 4, title: "Pods" },
      { number: 14, title: "A complete app" },
    ];
    expect(lessonChoices("4", lessons)).toEqual([{ name: "4. Pods", value: 4 }]);
    expect(lessonChoices("1", lessons)).toEqual([{ name: "14. A complete app", value: 14 }]);
    expect(lessonChoices("APP", lessons)).toEqual([{ name: "14. A complete app", value: 14 }]);
  });
});

describe("configuration", () => {
  it("lists every missing or bad variable at once", () => {
    const err = (() => {
      try {
        configFromEnv({ DISCORD_APPLICATION_ID: "abc", REDIS_URL: "http://x" });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join("\n");
    expect(problems).toContain("DISCORD_TOKEN is required");
    expect(problems).toContain("DISCORD_APPLICATION_ID");
    expect(problems).toContain("REDIS_URL");
  });

  it("fills in defaults", () => {
    const c = configFromEnv({
      DISCORD_TOKEN: "t",
      DISCORD_APPLICATION_ID: "123456789012345678",
      REDIS_URL: "redis://r:6379",
    });
    expect(c).toMatchObject({
      apiUrl: "https://discord.com/api",
      queuePrefix: "bosun",
      healthPort: 8080,
      logLevel: "info",
    });
  });

  it("reads empty variables (as .env.example leaves them) as unset", () => {
    const c = configFromEnv({
      DISCORD_TOKEN: "t",
      DISCORD_APPLICATION_ID: "123456789012345678",
      REDIS_URL: "redis://r:6379",
      HEALTH_PORT: "",
      DISCORD_GUILD_ID: " ",
      LOG_LEVEL: "",
    });
    expect(c).toMatchObject({ healthPort: 8080, logLevel: "info" });
  });

  it("scrubs interaction tokens from URLs and messages", () => {
    expect(scrub("PATCH /api/v10/webhooks/123/aW50ZXJhY3Rpb24.secret/messages/@original")).toBe(
      "PATCH /api/v10/webhooks/123/[token]/messages/@original",
    );
    expect(scrub("/interactions/9/tok/callback")).toBe("/interactions/9/[token]/callback");
  });

  it("defines commands within Discord's rules: names, descriptions and option counts", () => {
    for (const c of commandDefinitions()) {
      expect(c.name).toMatch(/^[a-z_-]{1,32}$/);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect((c.options ?? []).length).toBeLessThanOrEqual(25);
    }
  });
});
