// Plain messages: `kubectl …` in a study-group thread runs on its shared sandbox; a reply to a quiz round answers it.

import type { CommandJob } from "@bosun/queue";
import type { Message } from "discord.js";
import { errorFields } from "../logger.ts";
import { actorOf, type BotContext, sendJob } from "./context.ts";
import { BotError, USER_TEXT } from "./errors.ts";
import { parseGroupMessage } from "./group-message.ts";
import { groupSession } from "./study-groups.ts";
import { asReplyTarget, channelTarget } from "./targets.ts";

/**
 * Handles a message: bots, webhooks, system messages, DMs and chat that is not a command are
 * ignored; a command in a study-group thread is an `event` job whose reply goes to the thread; a
 * reply to the channel's latest quiz round post is that member's answer.
 */
export async function onMessage(ctx: BotContext, message: Message): Promise<void> {
  if (message.author.bot || message.webhookId !== null || message.system || !message.inGuild()) return;
  const repliedTo = message.reference?.messageId;
  if (repliedTo && (await roundAnswer(ctx, message, repliedTo))) return;
  const command = parseGroupMessage(message.content);
  if (!command) return;
  const group = await ctx.groups.get(message.guildId, message.channelId);
  if (!group) return;
  await send(ctx, message, () => ({
    kind: "event",
    v: 1,
    eventId: message.id,
    platform: "discord",
    actor: actorOf(message.author, message.member),
    sentAt: message.createdTimestamp,
    target: asReplyTarget(channelTarget(message.channelId, { replyTo: message.id })),
    session: groupSession(message.guildId, message.channelId),
    // A text event: the engine reads it (a pending type-the-command quiz takes it as the answer).
    event: {
      type: "text",
      text: command.text,
      ...(command.stdin !== undefined ? { stdin: command.stdin } : {}),
    },
  }));
}

/**
 * A reply to the channel's latest quiz round post is an answer to that round (how type-the-command
 * questions are answered). Returns whether the message was one.
 */
async function roundAnswer(ctx: BotContext, message: Message<true>, repliedTo: string): Promise<boolean> {
  const post = await ctx.rounds.latest(message.guildId, message.channelId);
  if (post?.messageId !== repliedTo) return false;
  await send(ctx, message, () => ({
    kind: "round-answer",
    v: 1,
    eventId: message.id,
    platform: "discord",
    actor: actorOf(message.author, message.member),
    sentAt: message.createdTimestamp,
    target: asReplyTarget(channelTarget(message.channelId, { replyTo: message.id })),
    channel: { platform: "discord", workspace: message.guildId, channel: message.channelId },
    answer: message.content.trim().slice(0, 2000),
  }));
  return true;
}

/** Sends a job for a message; on failure, says why in a reply to it. */
async function send(ctx: BotContext, message: Message, job: () => CommandJob): Promise<void> {
  try {
    await sendJob(ctx, job());
  } catch (err) {
    const text = err instanceof BotError ? USER_TEXT[err.code] : USER_TEXT.internal;
    await message
      .reply({ content: text, allowedMentions: { parse: [] } })
      .catch((replyErr: unknown) =>
        ctx.logger.warn({ ...errorFields(replyErr) }, "could not answer a message"),
      );
  }
}
