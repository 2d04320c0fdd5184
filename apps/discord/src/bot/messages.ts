// Plain messages: in a study-group thread, `kubectl …` lines run on the group's shared sandbox.

import type { Message } from "discord.js";
import { errorFields } from "../logger.ts";
import { actorOf, type BotContext, sendJob } from "./context.ts";
import { BotError, USER_TEXT } from "./errors.ts";
import { parseGroupMessage } from "./group-message.ts";
import { groupSession } from "./study-groups.ts";
import { asReplyTarget, channelTarget } from "./targets.ts";

/**
 * Handles a message: bots, webhooks, system messages, DMs and chat that is not a command are
 * ignored; a command in a study-group thread is an `event` job whose reply goes to the thread.
 */
export async function onMessage(ctx: BotContext, message: Message): Promise<void> {
  if (message.author.bot || message.webhookId !== null || message.system || !message.inGuild()) return;
  const command = parseGroupMessage(message.content);
  if (!command) return;
  const group = await ctx.groups.get(message.guildId, message.channelId);
  if (!group) return;
  try {
    await sendJob(ctx, {
      kind: "event",
      v: 1,
      eventId: message.id,
      platform: "discord",
      actor: actorOf(message.author, message.member),
      sentAt: message.createdTimestamp,
      target: asReplyTarget(channelTarget(message.channelId, message.id)),
      session: groupSession(message.guildId, message.channelId),
      event: {
        type: "command",
        text: command.text,
        ...(command.stdin !== undefined ? { stdin: command.stdin } : {}),
      },
    });
  } catch (err) {
    const text = err instanceof BotError ? USER_TEXT[err.code] : USER_TEXT.internal;
    await message
      .reply({ content: text, allowedMentions: { parse: [] } })
      .catch((replyErr: unknown) =>
        ctx.logger.warn({ ...errorFields(replyErr) }, "could not answer a message"),
      );
  }
}
