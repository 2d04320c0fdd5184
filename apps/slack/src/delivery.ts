// Delivers a ReplyJob to Slack: response_url, ephemeral message, channel post, DM or the Home tab.

import type { ReplyJob } from "@bosun/queue";
import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { SlackMessage } from "./render/blocks.ts";
import { type HomeParts, renderHome } from "./render/home.ts";
import { renderReply } from "./render/reply.ts";

/** Web API errors that no retry will fix: log them and let the reply go. */
const PERMANENT = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "invalid_blocks",
  "invalid_arguments",
  "msg_too_long",
  "no_text",
  "user_not_found",
  "user_not_in_channel",
  "not_authed",
  "invalid_auth",
  "account_inactive",
  "token_revoked",
  "missing_scope",
  "restricted_action",
  "cannot_dm_bot",
]);

/** A response_url takes five posts in thirty minutes; we keep one spare. */
const RESPONSE_URL_POSTS = 4;
const RESPONSE_URL_TIMEOUT_MS = 10_000;

function slackError(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } }).data;
  return typeof data?.error === "string" ? data.error : undefined;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** A small map that forgets its oldest entries (Home tab parts, delivered reply ids). */
class Recent<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string): V | undefined {
    return this.map.get(k);
  }
  set(k: string, v: V): void {
    this.map.delete(k);
    this.map.set(k, v);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
  has(k: string): boolean {
    return this.map.has(k);
  }
}

export interface DeliveryOptions {
  client: webApi.WebClient;
  logger: Logger;
  /** `fetch` for response_url posts (Bolt's client options may carry one; the global otherwise). */
  fetch?: typeof fetch;
}

/**
 * Makes the reply handler. Routing:
 * - `target.home`: the reply fills a part of the person's Home tab (`views.publish`);
 * - `channel` visibility, rounds and reveals: `chat.postMessage` to the channel (in the thread when
 *   `threadTs`); if the app may not post there, the response_url as an in-channel reply;
 * - personal: the response_url as an ephemeral reply, else `chat.postEphemeral`, else a DM;
 *   `target.dm` (a button on the Home tab) goes to the DM directly.
 * Long replies are several messages, in order. A repeated job id (at-least-once delivery) is dropped.
 * `reply.frames` (progressive output) are not animated on Slack: the final reply holds the whole
 * output, and editing a message once per frame would spend the response_url's five posts.
 */
export function createDelivery(opts: DeliveryOptions) {
  const { client, logger } = opts;
  const doFetch = opts.fetch ?? fetch;
  const delivered = new Recent<true>(10_000);
  const homes = new Recent<HomeParts>(5_000);

  /** Runs a Web API call; true when done, false when Slack refused for good (logged). Throws to retry. */
  async function call(what: string, fn: () => Promise<unknown>): Promise<boolean> {
    try {
      await fn();
      return true;
    } catch (err) {
      const code = slackError(err);
      if (code !== undefined && PERMANENT.has(code)) {
        logger.warn({ call: what, error: code }, "Slack refused a reply");
        return false;
      }
      throw err;
    }
  }

  async function postResponseUrl(
    url: string,
    m: SlackMessage,
    type: "ephemeral" | "in_channel",
  ): Promise<boolean> {
    try {
      const res = await doFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          response_type: type,
          replace_original: false,
          text: m.text,
          blocks: m.blocks,
        }),
        signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
      });
      await res.text().catch(() => "");
      if (!res.ok) logger.warn({ status: res.status }, "response_url refused a reply; falling back");
      return res.ok;
    } catch (err) {
      logger.warn({ err }, "response_url unreachable; falling back");
      return false;
    }
  }

  async function personal(reply: ReplyJob, messages: SlackMessage[]): Promise<void> {
    const t = reply.target;
    const user = str(t.user);
    const channel = str(t.channel);
    const thread = str(t.threadTs);
    const responseUrl = t.dm === true ? undefined : str(t.responseUrl);
    for (const [i, m] of messages.entries()) {
      if (
        responseUrl !== undefined &&
        i < RESPONSE_URL_POSTS &&
        (await postResponseUrl(responseUrl, m, "ephemeral"))
      )
        continue;
      if (t.dm !== true && channel !== undefined && user !== undefined) {
        const ok = await call("chat.postEphemeral", () =>
          client.chat.postEphemeral({
            channel,
            user,
            text: m.text,
            blocks: m.blocks,
            ...(thread !== undefined ? { thread_ts: thread } : {}),
          }),
        );
        if (ok) continue;
      }
      // The app's DM with the person: posting to a user id lands in the app's Messages tab.
      if (user !== undefined)
        await call("chat.postMessage(dm)", () =>
          client.chat.postMessage({ channel: user, text: m.text, blocks: m.blocks }),
        );
    }
  }

  async function inChannel(reply: ReplyJob, messages: SlackMessage[]): Promise<void> {
    const t = reply.target;
    const channel = str(t.channel);
    const thread = str(t.threadTs);
    const responseUrl = str(t.responseUrl);
    if (channel === undefined) {
      logger.warn({ eventId: reply.eventId }, "a channel reply without a channel");
      return;
    }
    for (const [i, m] of messages.entries()) {
      const ok = await call("chat.postMessage", () =>
        client.chat.postMessage({
          channel,
          text: m.text,
          blocks: m.blocks,
          unfurl_links: false,
          unfurl_media: false,
          ...(thread !== undefined ? { thread_ts: thread } : {}),
        }),
      );
      // Not a member of a private channel: a slash command's response_url may still post there.
      if (!ok && responseUrl !== undefined && i < RESPONSE_URL_POSTS)
        await postResponseUrl(responseUrl, m, "in_channel");
    }
  }

  async function home(reply: ReplyJob, part: string): Promise<void> {
    const user = str(reply.target.user);
    if (user === undefined) return;
    const key = `${str(reply.target.team) ?? ""}:${user}`;
    const parts: HomeParts = { ...homes.get(key) };
    if (part === "lessons") parts.lessons = reply.reply;
    else parts.progress = reply.reply;
    homes.set(key, parts);
    await call("views.publish", () => client.views.publish({ user_id: user, view: renderHome(parts) }));
  }

  return async function deliver(reply: ReplyJob, meta: { jobId: string }): Promise<void> {
    if (meta.jobId !== "" && delivered.has(meta.jobId)) {
      logger.debug({ jobId: meta.jobId }, "reply already delivered");
      return;
    }
    const homePart = str(reply.target.home);
    if (homePart !== undefined) await home(reply, homePart);
    else {
      const messages = renderReply(reply);
      const toChannel = reply.visibility === "channel" || reply.kind === "round" || reply.kind === "reveal";
      if (toChannel) await inChannel(reply, messages);
      else await personal(reply, messages);
    }
    if (meta.jobId !== "") delivered.set(meta.jobId, true);
  };
}
