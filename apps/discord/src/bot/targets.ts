// Reply targets: where a reply goes, written into the job by the adapter and read back on the reply.

import type { ReplyTarget } from "@bosun/queue";
import { z } from "zod";

/** Interaction tokens stay valid for 15 minutes; keep a minute in hand. */
export const INTERACTION_TOKEN_MS = 15 * 60 * 1000;
const MARGIN_MS = 60 * 1000;

/** A deferred interaction reply: edit `@original`, then follow up. */
export const interactionTargetSchema = z.object({
  via: z.literal("interaction"),
  applicationId: z.string(),
  token: z.string(),
  /** Where the interaction happened: the fallback for channel-wide replies once the token expired. */
  channelId: z.string(),
  /** Epoch ms after which the token no longer works. */
  expiresAt: z.number(),
  /** Whether the deferred reply is ephemeral (its follow-ups must be too). */
  ephemeral: z.boolean(),
});
export type InteractionTarget = z.infer<typeof interactionTargetSchema>;

/** A post in a channel or thread, optionally as a reply to a member's message. */
export const channelTargetSchema = z.object({
  via: z.literal("channel"),
  channelId: z.string(),
  replyTo: z.string().optional(),
  /** The server of a quiz channel: round posts are remembered per server and channel. */
  guildId: z.string().optional(),
});
export type ChannelTarget = z.infer<typeof channelTargetSchema>;

export const discordTargetSchema = z.discriminatedUnion("via", [
  interactionTargetSchema,
  channelTargetSchema,
]);
export type DiscordTarget = z.infer<typeof discordTargetSchema>;

/** The target of a deferred interaction reply. */
export function interactionTarget(i: {
  applicationId: string;
  token: string;
  channelId: string;
  createdTimestamp: number;
  ephemeral: boolean;
}): InteractionTarget {
  return {
    via: "interaction",
    applicationId: i.applicationId,
    token: i.token,
    channelId: i.channelId,
    expiresAt: i.createdTimestamp + INTERACTION_TOKEN_MS,
    ephemeral: i.ephemeral,
  };
}

/** The target of a channel post. */
export function channelTarget(
  channelId: string,
  opts: { replyTo?: string; guildId?: string } = {},
): ChannelTarget {
  return {
    via: "channel",
    channelId,
    ...(opts.replyTo ? { replyTo: opts.replyTo } : {}),
    ...(opts.guildId ? { guildId: opts.guildId } : {}),
  };
}

/** A target as the job schema stores it (a flat record). */
export function asReplyTarget(t: DiscordTarget): ReplyTarget {
  return Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) as ReplyTarget;
}

/** Whether an interaction token can still be used at `now`. */
export function tokenUsable(t: InteractionTarget, now: number): boolean {
  return now < t.expiresAt - MARGIN_MS;
}
