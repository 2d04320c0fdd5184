// Requests as Slack sends them to an app: signed slash commands, button clicks, modal submissions, events.

import { createHmac, randomBytes } from "node:crypto";

/** Slack's request signature: `v0=` HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SignedPostOptions {
  /** Seconds since the epoch; now when absent (tests pass an old one to see it refused). */
  timestamp?: number;
  /** Sign with this secret instead (a forgery). */
  secret?: string;
}

/** POSTs `body` to the app with Slack's signature headers; returns the status and response text. */
export async function signedPost(
  appUrl: string,
  secret: string,
  body: string,
  contentType: "application/x-www-form-urlencoded" | "application/json",
  opts: SignedPostOptions = {},
): Promise<{ status: number; text: string; ms: number }> {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const res = await fetch(appUrl, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": slackSignature(opts.secret ?? secret, ts, body),
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}

/** Who and where, for every request builder. */
export interface Person {
  team: string;
  user: string;
  userName: string;
  channel: string;
  channelName?: string;
}

const id = (p: string) => `${p}${randomBytes(6).toString("hex")}`;

/** A slash command's form body. */
export function slashCommandBody(
  who: Person,
  command: string,
  text: string,
  responseUrl: string,
  triggerId = id("trg."),
): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: who.team,
    team_domain: "fake",
    channel_id: who.channel,
    channel_name: who.channelName ?? "general",
    user_id: who.user,
    user_name: who.userName,
    command,
    text,
    api_app_id: "A0FAKE",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: triggerId,
  }).toString();
}

/** A `block_actions` payload: one button pressed on a message. */
export function blockActionsBody(
  who: Person,
  action: { action_id: string; value: string; label?: string },
  responseUrl: string | undefined,
  container: "message" | "view" = "message",
): string {
  const payload = {
    type: "block_actions",
    api_app_id: "A0FAKE",
    token: "legacy-verification-token",
    trigger_id: id("trg."),
    team: { id: who.team, domain: "fake" },
    user: { id: who.user, username: who.userName, name: who.userName, team_id: who.team },
    ...(container === "message"
      ? {
          channel: { id: who.channel, name: who.channelName ?? "general" },
          container: {
            type: "message",
            message_ts: "1700000000.000001",
            channel_id: who.channel,
            is_ephemeral: true,
          },
          message: { type: "message", ts: "1700000000.000001", text: "", bot_id: "B0BOT" },
        }
      : { container: { type: "view", view_id: "VHOME" }, view: { id: "VHOME", type: "home", blocks: [] } }),
    ...(responseUrl !== undefined ? { response_url: responseUrl } : {}),
    actions: [
      {
        type: "button",
        action_id: action.action_id,
        block_id: "b1",
        value: action.value,
        text: { type: "plain_text", text: action.label ?? action.action_id },
        action_ts: "1700000000.000002",
      },
    ],
    state: { values: {} },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A `view_submission` payload of a modal: `values` by block id and action id. */
export function viewSubmissionBody(
  who: Person,
  view: {
    id?: string;
    callback_id: string;
    private_metadata: string;
    values: Record<string, Record<string, string>>;
  },
): string {
  const values: Record<string, Record<string, { type: string; value: string }>> = {};
  for (const [block, actions] of Object.entries(view.values)) {
    values[block] = {};
    for (const [action, value] of Object.entries(actions))
      (values[block] as Record<string, { type: string; value: string }>)[action] = {
        type: "plain_text_input",
        value,
      };
  }
  const payload = {
    type: "view_submission",
    api_app_id: "A0FAKE",
    token: "legacy-verification-token",
    trigger_id: id("trg."),
    team: { id: who.team, domain: "fake" },
    user: { id: who.user, username: who.userName, name: who.userName, team_id: who.team },
    view: {
      id: view.id ?? id("V"),
      type: "modal",
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values },
      hash: "h",
      team_id: who.team,
      app_id: "A0FAKE",
      bot_id: "B0BOT",
    },
    response_urls: [],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An Events API callback (JSON body). */
export function eventBody(team: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    token: "legacy-verification-token",
    team_id: team,
    api_app_id: "A0FAKE",
    type: "event_callback",
    event_id: id("Ev"),
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
}
