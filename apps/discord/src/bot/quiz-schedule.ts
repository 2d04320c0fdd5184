// `/quizschedule set|clear`: a channel's scheduled quiz rounds (Manage Server only).

import { type ChatInputCommandInteraction, PermissionFlagsBits } from "discord.js";
import { actorOf, type BotContext, sendJob } from "./context.ts";
import { deferTo } from "./defer.ts";
import { looksLikeCron, parseDuration } from "./duration.ts";
import { BotError } from "./errors.ts";
import { asReplyTarget, channelTarget } from "./targets.ts";

const MIN_REVEAL_MS = 60_000;
const MAX_REVEAL_MS = 7 * 24 * 3600 * 1000;
const DEFAULT_REVEAL = "1h";

/**
 * Checks the member may manage the server (the command's default permission can be overridden by a
 * server's admins, so the bot checks again), then sends `quiz-schedule` or `quiz-unschedule`.
 */
export async function quizScheduleCommand(ctx: BotContext, i: ChatInputCommandInteraction): Promise<void> {
  if (!i.guildId) throw new BotError("guild-only");
  if (!i.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) throw new BotError("forbidden-schedule");
  const common = {
    v: 1 as const,
    eventId: i.id,
    platform: "discord" as const,
    actor: actorOf(i.user, i.member),
    sentAt: i.createdTimestamp,
  };
  if (i.options.getSubcommand() === "clear") {
    const channelId = i.options.getChannel("channel")?.id ?? i.channelId;
    const target = await deferTo(ctx, i, true);
    await sendJob(ctx, {
      kind: "quiz-unschedule",
      ...common,
      target,
      channel: { platform: "discord", workspace: i.guildId, channel: channelId },
    });
    return;
  }
  const cron = i.options.getString("cron", true).trim();
  if (!looksLikeCron(cron)) throw new BotError("bad-cron");
  const revealAfterMs = parseDuration(i.options.getString("reveal_after") ?? DEFAULT_REVEAL);
  if (revealAfterMs === undefined || revealAfterMs < MIN_REVEAL_MS || revealAfterMs > MAX_REVEAL_MS)
    throw new BotError("bad-duration");
  const channelId = i.options.getChannel("channel", true).id;
  const target = await deferTo(ctx, i, true);
  await sendJob(ctx, {
    kind: "quiz-schedule",
    ...common,
    target,
    channel: { platform: "discord", workspace: i.guildId, channel: channelId },
    cron,
    revealAfterMs,
    channelTarget: asReplyTarget(channelTarget(channelId, { guildId: i.guildId })),
  });
}
