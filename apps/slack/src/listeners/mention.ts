// `@bosun <command>` in a channel or a thread: slash commands cannot be used in threads, mentions can.

import type { App } from "@slack/bolt";
import { channelMode, sessionRef } from "../channel-mode.ts";
import { HELP_TEXT, parseBosun } from "../commands/bosun.ts";
import { parseKubectl } from "../commands/kubectl.ts";
import { unslack } from "../commands/text.ts";
import { eventJob, leaderboardJob, type Origin } from "../jobs.ts";
import { enqueue, type ListenerDeps, UNAVAILABLE } from "./deps.ts";

/** The first fenced code block of a message (a pasted manifest), without its language tag. */
const FENCED = /```(?:[a-z]*\n)?([\s\S]*?)```/i;

/**
 * Reads a mention: the words after `@bosun` are a kubectl line (`kubectl …` or `k …`) or a `/bosun`
 * verb. A fenced block in the message is the manifest of `kubectl apply -f -`.
 */
export function parseMention(raw: string): { line: string; stdin?: string } {
  const fenced = FENCED.exec(raw);
  const withoutCode = fenced ? raw.replace(FENCED, " ") : raw;
  const line = unslack(withoutCode.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
  if (!fenced) return { line };
  // Only Slack's own escaping is undone in a manifest: its quotes and dashes are the author's.
  const stdin = (fenced[1] ?? "")
    .replace(/<([^<>|]*)\|([^<>]*)>/g, "$2")
    .replace(/<([^<>]*)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
  return { line, stdin };
}

export function registerMentions(app: App, deps: ListenerDeps): void {
  app.event("app_mention", async ({ event, body, client }) => {
    if (event.user === undefined || event.bot_id !== undefined) return;
    const team = event.team ?? body.team_id;
    // In a thread: answer there. A mention at the top level starts a thread under itself.
    const threadTs = event.thread_ts ?? event.ts;
    const o: Origin = {
      team,
      user: event.user,
      userName: event.user_profile?.display_name || event.user_profile?.name || event.user,
      channel: event.channel,
      eventId: body.event_id,
      threadTs,
    };
    const note = (text: string) =>
      client.chat
        .postEphemeral({ channel: event.channel, user: event.user as string, thread_ts: threadTs, text })
        .catch((err: unknown) => deps.logger.warn({ err }, "could not answer a mention"));
    const { line, stdin } = parseMention(event.text);
    const mode = await channelMode(deps.store, team, event.channel).catch(() => "personal" as const);
    const session = sessionRef(team, event.user, event.channel, mode);
    if (/^(kubectl|k)(\s|$)/.test(line)) {
      const intent = parseKubectl(line);
      if (intent.kind === "usage") return void (await note(intent.message));
      const text = intent.kind === "run" ? intent.text : intent.command;
      if (intent.kind === "apply-modal" && stdin === undefined)
        return void (await note(
          "Paste the manifest in a code block (```) in the same message, or use `/kubectl apply`.",
        ));
      const ok = await enqueue(
        deps,
        eventJob(o, session, { type: "command", text, ...(stdin !== undefined ? { stdin } : {}) }),
      );
      if (!ok) await note(UNAVAILABLE);
      return;
    }
    const intent = parseBosun(line);
    if (intent.kind === "help")
      return void (await note(intent.problem ? `${intent.problem}\n\n${HELP_TEXT}` : HELP_TEXT));
    if (intent.kind === "event") {
      if (!(await enqueue(deps, eventJob(o, session, intent.event)))) await note(UNAVAILABLE);
      return;
    }
    if (intent.kind === "leaderboard") {
      if (!(await enqueue(deps, leaderboardJob(o, event.channel)))) await note(UNAVAILABLE);
      return;
    }
    await note("That one is a slash command: use `/bosun` for group mode and quiz schedules.");
  });
}
