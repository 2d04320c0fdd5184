// The tutor engine's entry point: one event in, the next session and a reply out. Pure and deterministic.

import type { Session, TutorEvent, TutorReply } from "../model.ts";
import { LiveSession } from "./live.ts";
import type { HandleContext } from "./turn.ts";

export { MAX_CATCH_UP_MS } from "./live.ts";

/**
 * Handles one event for one session and returns the new session and the reply. Never changes
 * `session`; reads no clock (`ctx.now` is the event's real time) and no global random source.
 * Before anything else the sandbox's clock moves on by the real time since the last event (at
 * most `MAX_CATCH_UP_MS`). Throws TutorError("session-invalid") only for a corrupt session.
 */
export function handle(
  session: Session,
  event: TutorEvent,
  ctx: HandleContext,
): { session: Session; reply: TutorReply } {
  const live = LiveSession.open(session);
  const reply = live.apply(event, ctx);
  return { session: live.save(), reply };
}
