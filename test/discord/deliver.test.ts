// Reply delivery against the fake Discord: files, expired interaction tokens, repeated reply jobs.

import { type DiscordTarget, ReplyDelivery } from "@bosun/discord";
import type { ReplyJob } from "@bosun/queue";
import { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord } from "../fakes/discord.ts";
import { type LogLine, recordingLogger, textOf } from "./harness.ts";

let fake: FakeDiscord;
let rest: REST;
const logs: LogLine[] = [];
beforeAll(async () => {
  fake = await FakeDiscord.start();
  rest = new REST({ api: fake.apiUrl, retries: 0, timeout: 5_000 }).setToken("deliver-token");
});
afterAll(async () => {
  await fake?.close();
});

/** A deferred interaction in the fake, and the target the bot would have put in its job. */
async function deferred(
  ephemeral: boolean,
  createdAt = Date.now(),
): Promise<{ token: string; target: DiscordTarget }> {
  const i = fake.slash("kubectl", [{ name: "command", type: 3, value: "get pods" }], {
    user: { id: "42", name: "Ada" },
  });
  await rest.post(`/interactions/${i.id}/${i.token}/callback`, {
    body: { type: 5, data: { flags: ephemeral ? 64 : 0 } },
    auth: false,
  });
  return {
    token: i.token,
    target: {
      via: "interaction",
      applicationId: fake.appId,
      token: i.token,
      channelId: fake.channels.general,
      expiresAt: createdAt + 15 * 60_000,
      ephemeral,
    },
  };
}

function replyJob(
  target: DiscordTarget,
  text: string,
  visibility: "personal" | "channel" = "personal",
): ReplyJob {
  return {
    v: 1,
    eventId: `e-${Math.random()}`,
    platform: "discord",
    target: target as ReplyJob["target"],
    visibility,
    kind: "reply",
    reply: { blocks: [{ kind: "code", text }], actions: [{ id: "hint", label: "Hint" }] },
  };
}

describe("ReplyDelivery", () => {
  it("attaches an output past 6,000 characters as a file, whole", async () => {
    const output = `${Array.from({ length: 300 }, (_, i) => `row ${i} ${"r".repeat(25)}`).join("\n")}\n`;
    const d = new ReplyDelivery(rest, recordingLogger(logs), { frameIntervalMs: 0 });
    const { token, target } = await deferred(true);
    await d.deliver(replyJob(target, output), "job-file");
    const [msg] = fake.repliesTo(token);
    expect(msg?.files).toEqual([{ name: "output.txt", text: output }]);
    expect(textOf(msg)).toContain("300 lines");
  });

  it("posts a channel reply in the channel once the interaction token expired, and drops a personal one", async () => {
    const sixteenMinutesAgo = Date.now() - 16 * 60_000;
    const d = new ReplyDelivery(rest, recordingLogger(logs), { frameIntervalMs: 0 });
    const old = await deferred(false, sixteenMinutesAgo);
    await d.deliver(replyJob(old.target, "group output\n", "channel"), "job-expired-channel");
    expect(fake.channelMessages(fake.channels.general).map((m) => textOf(m))).toContainEqual(
      expect.stringContaining("group output"),
    );
    const personal = await deferred(true, sixteenMinutesAgo);
    await d.deliver(replyJob(personal.target, "private output\n"), "job-expired-personal");
    expect(fake.repliesTo(personal.token)[0]?.versions).toHaveLength(1);
    expect(logs.some((l) => l.msg?.includes("personal reply dropped"))).toBe(true);
  });

  it("does not post twice when a reply job is delivered again", async () => {
    const d = new ReplyDelivery(rest, recordingLogger(logs), { frameIntervalMs: 0 });
    const { token, target } = await deferred(true);
    const long = `${Array.from({ length: 80 }, (_, i) => `line ${i} ${"z".repeat(40)}`).join("\n")}\n`;
    const job = replyJob(target, long);
    await d.deliver(job, "job-twice");
    const first = fake.repliesTo(token).length;
    expect(first).toBeGreaterThan(1);
    await d.deliver(job, "job-twice");
    expect(fake.repliesTo(token)).toHaveLength(first);
  });

  it("gives up (without throwing) on a reply Discord refuses for good, and logs it", async () => {
    const d = new ReplyDelivery(rest, recordingLogger(logs), { frameIntervalMs: 0 });
    const target: DiscordTarget = { via: "channel", channelId: "123" };
    await expect(
      d.deliver(replyJob(target, "x\n", "channel"), "job-unknown-channel"),
    ).resolves.toBeUndefined();
    expect(logs.some((l) => l.level === "error" && l.msg === "Discord refused a reply")).toBe(true);
  });
});
