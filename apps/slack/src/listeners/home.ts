// The App Home tab: on app_home_opened, ask the worker for the learner's progress and lesson list.

import type { App } from "@slack/bolt";
import { sessionRef } from "../channel-mode.ts";
import { eventJob, type Origin, replyTarget } from "../jobs.ts";
import { enqueue, type ListenerDeps } from "./deps.ts";

export function registerHome(app: App, deps: ListenerDeps): void {
  app.event("app_home_opened", async ({ event, body }) => {
    if (event.tab !== "home") return;
    const team = body.team_id;
    const base: Origin = { team, user: event.user, userName: event.user, eventId: body.event_id };
    const session = sessionRef(team, event.user, event.user, "personal");
    // Two replies fill the tab; each is published into its part of the view when it arrives.
    await enqueue(
      deps,
      eventJob(
        { ...base, eventId: `${body.event_id}-progress` },
        session,
        { type: "progress" },
        replyTarget(base, { home: "progress" }),
      ),
    );
    await enqueue(
      deps,
      eventJob(
        { ...base, eventId: `${body.event_id}-lessons` },
        session,
        { type: "lesson", action: "list" },
        replyTarget(base, { home: "lessons" }),
      ),
    );
  });
}
