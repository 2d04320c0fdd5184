// The registration script: `pnpm --filter @bosun/discord register` PUTs the command definitions.

import { spawn } from "node:child_process";
import { commandDefinitions } from "@bosun/discord";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord } from "../fakes/discord.ts";
import { REPO_ROOT } from "../support/paths.ts";

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.close();
});

/** Runs `pnpm --filter discord register` (the spelling) with `env`, and its exit code and output. */
function register(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("pnpm", ["--silent", "--filter", "discord", "register"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
}

describe("the registration script", () => {
  it("sends every definition with PUT /applications/{id}/commands", async () => {
    const r = await register({
      DISCORD_TOKEN: "reg-token",
      DISCORD_APPLICATION_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(r.out).toContain("registered 11 commands");
    expect(r.code).toBe(0);
    const call = fake.calls.find((c) => c.method === "PUT");
    expect(call?.path).toBe(`/applications/${fake.appId}/commands`);
    expect(call?.auth).toBe("Bot reg-token");
    expect(call?.body).toEqual(commandDefinitions());
    const sent = (call?.body ?? []) as { name: string; default_member_permissions?: string }[];
    const names = sent.map((c) => c.name);
    expect(names).toEqual([
      "kubectl",
      "lesson",
      "hint",
      "solution",
      "quiz",
      "progress",
      "reset",
      "help",
      "leaderboard",
      "studygroup",
      "quizschedule",
    ]);
    const schedule = sent.find((c) => c.name === "quizschedule");
    expect(schedule?.default_member_permissions).toBe("32");
  }, 60_000);

  it("uses the guild route when DISCORD_GUILD_ID is set, and refuses a missing token clearly", async () => {
    const r = await register({
      DISCORD_TOKEN: "reg-token",
      DISCORD_APPLICATION_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: fake.guildId,
    });
    expect(r.code).toBe(0);
    expect(fake.registered.has(`/applications/${fake.appId}/guilds/${fake.guildId}/commands`)).toBe(true);
    const bad = await register({ DISCORD_APPLICATION_ID: fake.appId, DISCORD_API_URL: fake.apiUrl });
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain("DISCORD_TOKEN is required");
  }, 60_000);
});
