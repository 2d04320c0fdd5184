// Deferring an interaction at once (Discord allows 3 seconds) and the reply target the worker answers.

import type { ReplyTarget } from "@bosun/queue";
import { MessageFlags, type RepliableInteraction } from "discord.js";
import type { BotContext } from "./context.ts";
import { asReplyTarget, interactionTarget } from "./targets.ts";

/** Defers the reply (ephemeral for a personal sandbox) and returns where the worker's reply goes. */
export async function deferTo(
  ctx: BotContext,
  i: RepliableInteraction,
  ephemeral: boolean,
): Promise<ReplyTarget> {
  await i.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  return asReplyTarget(
    interactionTarget({
      applicationId: ctx.applicationId,
      token: i.token,
      channelId: i.channelId ?? "",
      createdTimestamp: i.createdTimestamp,
      ephemeral,
    }),
  );
}
