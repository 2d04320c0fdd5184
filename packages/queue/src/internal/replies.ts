// Building reply jobs: the envelope around a TutorReply, and short notes.

import type { Platform } from "@bosun/store";
import type { TutorReply } from "@bosun/tutor";
import { repliesQueue } from "./names.ts";
import type { ReplyJob, ReplyTarget } from "./schemas.ts";

/** Who a reply answers and where it goes. */
export interface ReplyOrigin {
  eventId: string;
  platform: Platform;
  target: ReplyTarget;
  actor?: { id: string; name: string };
  replyQueue?: string;
}

/** A reply job. */
export function replyJob(
  origin: ReplyOrigin,
  kind: ReplyJob["kind"],
  visibility: ReplyJob["visibility"],
  reply: TutorReply,
): ReplyJob {
  return {
    v: 1,
    eventId: origin.eventId,
    platform: origin.platform,
    target: origin.target,
    visibility,
    kind,
    ...(origin.actor ? { actor: origin.actor } : {}),
    reply,
  };
}

/** A one-block reply: a warning, or plain text. */
export function note(text: string, kind: "warning" | "text" = "warning"): TutorReply {
  return { blocks: [{ kind, text }], actions: [] };
}

/** The queue a reply for `origin` goes to. */
export function replyQueueOf(origin: ReplyOrigin): string {
  return origin.replyQueue ?? repliesQueue(origin.platform);
}
