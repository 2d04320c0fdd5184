// .env.example documents every variable every app reads, each with a comment line of its own.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { workerEnvSchema } from "@bosun/worker";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO_ROOT } from "../support/paths.ts";

const lines = readFileSync(join(REPO_ROOT, ".env.example"), "utf8").split("\n");
/** Variable name → the comment line just above it. */
const documented = new Map<string, string>();
lines.forEach((line, i) => {
  const m = /^([A-Z][A-Z0-9_]*)=/.exec(line);
  if (m?.[1]) documented.set(m[1], lines[i - 1] ?? "");
});

/** The adapters' variables (DESIGN.md's contract), beyond the worker's schema. */
const ADAPTER_VARS = [
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "SLACK_API_URL",
  "SLACK_HOST",
  "SLACK_PORT",
  "DISCORD_TOKEN",
  "DISCORD_APPLICATION_ID",
  "DISCORD_API_URL",
];

describe(".env.example", () => {
  it("lists every variable of the worker and the adapters, each under a comment", () => {
    const names = [...Object.keys(workerEnvSchema.shape), ...ADAPTER_VARS];
    for (const name of names) {
      expect(documented.has(name), name).toBe(true);
      expect(documented.get(name), name).toMatch(/^# \S.{10,}/);
    }
  });

  it("defines each variable once and holds no real secret", () => {
    const all = lines.filter((l) => /^[A-Z][A-Z0-9_]*=/.test(l)).map((l) => l.split("=")[0]);
    expect(new Set(all).size).toBe(all.length);
    for (const l of lines.filter((x) => /TOKEN=|SECRET=/.test(x))) expect(l).toMatch(/=$/);
  });

  it("documents every setting the Kubernetes ConfigMap sets", () => {
    const cm = parse(readFileSync(join(REPO_ROOT, "infra/k8s/base/config.yaml"), "utf8"));
    for (const key of Object.keys(cm.data)) expect(documented.has(key), key).toBe(true);
  });
});
