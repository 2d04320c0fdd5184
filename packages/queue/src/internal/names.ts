// Queue and job names. BullMQ refuses ":" in a queue name, so reply queues are `replies-<platform>`.

import type { Platform } from "@bosun/store";

/** Inbound events, scheduled quiz rounds and their reveals. */
export const COMMANDS_QUEUE = "commands";

/** The BullMQ key prefix unless configured (use `{bosun}` on a Redis Cluster: one slot per queue set). */
export const DEFAULT_QUEUE_PREFIX = "bosun";

/** The queue an adapter consumes: the replies for the conversations it owns. */
export function repliesQueue(platform: Platform): string {
  return `replies-${platform}`;
}

/** A private reply queue (`replies-cli-<id>`), for a client that must not see other clients' replies. */
export const REPLY_QUEUE_PATTERN = /^replies-[a-z0-9][a-z0-9-]{0,80}$/;

/** Action ids of buttons on a channel quiz round's question: `round:<questionId>:<answer>`. */
export const ROUND_ACTION_PREFIX = "round:";

/**
 * The BullMQ job id of an event. BullMQ refuses ids that are integers (a Discord snowflake is one)
 * or that contain ":", so the event id is prefixed and escaped: `ev-1234` for "1234".
 */
export function jobIdOf(eventId: string): string {
  return `ev-${eventId.replace(/%/g, "%25").replace(/:/g, "%3A")}`;
}
