// `bosun start --redis`: the interactive tutor on a session kept in Redis, so a learner picks up where they left off.

import type { SessionRef } from "@bosun/store";
import type { Pipeline, SendInput } from "./pipeline.ts";
import { tutorLoop } from "./tutor.ts";

/** Options of `tutorRemote`. */
export interface RemoteTutorOptions {
  user: string;
  /** The sandbox's seed and profile if the learner has no session yet. */
  init: NonNullable<SendInput["init"]>;
}

/** The terminal learner's personal session: the same one on every run with the same `--user`. */
export function terminalSession(user: string): SessionRef {
  return { platform: "cli", workspace: "local", scope: "user", id: user };
}

/** Runs the prompt loop with every line going through the pipeline, at real time. */
export async function tutorRemote(pipeline: Pipeline, opts: RemoteTutorOptions): Promise<void> {
  const session = terminalSession(opts.user);
  const returning = (await pipeline.store.load(session)).data !== undefined;
  await tutorLoop({
    user: opts.user,
    returning,
    async send(event) {
      const { reply } = await pipeline.send({
        session,
        actor: { id: opts.user, name: opts.user },
        event,
        sentAt: Date.now(),
        init: opts.init,
      });
      return reply;
    },
  });
}
