// Button clicks (block_actions): round answers to the channel's quiz, every other id to the tutor.

import { ROUND_ACTION_PREFIX } from "@bosun/queue";
import { actionEvent } from "@bosun/tutor";
import type { App } from "@slack/bolt";
import { sessionRef } from "../channel-mode.ts";
import { eventJob, type Origin, replyTarget, roundAnswerJob } from "../jobs.ts";
import type { ButtonScope } from "../render/reply.ts";
import { enqueue, type ListenerDeps, UNAVAILABLE } from "./deps.ts";

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action(/.+/, async ({ ack, body, action, respond }) => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button" || !("action_id" in action)) return;
    const id = action.action_id;
    const scope = (action.value ?? "p") as ButtonScope;
    const channel = body.channel?.id ?? body.container?.channel_id;
    // A button on a message in a thread answers in that thread.
    const threadTs = (body.message?.thread_ts ?? body.container?.thread_ts) as string | undefined;
    const o: Origin = {
      team: body.team?.id ?? body.user.team_id ?? "",
      user: body.user.id,
      userName: body.user.username ?? body.user.name ?? body.user.id,
      eventId: body.trigger_id ?? `${action.action_ts}-${body.user.id}`,
      ...(channel !== undefined ? { channel } : {}),
      ...(body.response_url !== undefined ? { responseUrl: body.response_url } : {}),
      ...(threadTs !== undefined ? { threadTs } : {}),
    };
    const tell = async (text: string) => {
      if (body.response_url !== undefined)
        await respond({ response_type: "ephemeral", replace_original: false, text }).catch((err: unknown) =>
          deps.logger.warn({ err }, "could not answer a button"),
        );
    };
    if (id.startsWith(ROUND_ACTION_PREFIX)) {
      if (channel === undefined) return;
      const answer = `quiz:${id.slice(ROUND_ACTION_PREFIX.length)}`;
      if (!(await enqueue(deps, roundAnswerJob(o, channel, answer)))) await tell(UNAVAILABLE);
      return;
    }
    const event = actionEvent(id);
    if (event === undefined) return void (await tell("That button no longer does anything here."));
    // The button's value says where its message was: a group reply acts on the channel's sandbox.
    const group = scope === "g" && channel !== undefined;
    const session = sessionRef(o.team, o.user, channel ?? o.user, group ? "group" : "personal");
    // A button on the Home tab has no conversation: its answer goes to the app's DM.
    const target = scope === "h" || channel === undefined ? replyTarget(o, { dm: true }) : replyTarget(o);
    if (!(await enqueue(deps, eventJob(o, session, event, target)))) await tell(UNAVAILABLE);
  });
}
