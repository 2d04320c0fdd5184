// Delivers rendered replies to Discord: edits a deferred interaction reply or posts in a channel.

import type { ReplyJob } from "@bosun/queue";
import { DiscordAPIError, MessageFlags, type RawFile, type REST, Routes } from "discord.js";
import { errorFields, type Logger } from "../logger.ts";
import { renderFrame, renderReply } from "../render/reply.ts";
import type { OutMessage } from "../render/types.ts";
import {
  type ChannelTarget,
  channelTarget,
  type DiscordTarget,
  discordTargetSchema,
  tokenUsable,
} from "./targets.ts";

/** Options of ReplyDelivery. */
export interface DeliveryOptions {
  /** Pause between the frames of a progressive reply, so each is seen (0 in tests). */
  frameIntervalMs?: number;
  now?: () => number;
  /** Called once a quiz round's question is posted in a channel (with its last message's id). */
  onRoundPosted?(post: {
    guildId: string;
    channelId: string;
    messageId: string;
    round: number;
  }): Promise<void>;
}

/** Remembered progress of a reply job: how many steps are done, and the message frames edit. */
interface Progress {
  steps: number;
  messageId?: string;
  /** The last message posted (a round's buttons are on it). */
  lastId?: string;
}

/** How many reply jobs' progress is remembered (enough for any redelivery window). */
const REMEMBER = 5000;

/** One REST call of a delivery. */
type Step = { op: "edit-original" | "follow-up" | "post" | "edit-post"; message: OutMessage };

function restBody(m: OutMessage, extra: Record<string, unknown> = {}): { body: unknown; files?: RawFile[] } {
  const { files, ...rest } = m;
  if (!files || files.length === 0) return { body: { ...rest, ...extra } };
  return {
    body: { ...rest, ...extra, attachments: files.map((f, id) => ({ id, filename: f.name })) },
    files: files.map((f) => ({ name: f.name, data: Buffer.from(f.text, "utf8"), contentType: "text/plain" })),
  };
}

/** Discord answers that will not change on a retry (bad body, unknown or expired interaction, no access). */
function isPermanent(err: unknown): err is DiscordAPIError {
  return err instanceof DiscordAPIError && err.status >= 400 && err.status < 500 && err.status !== 429;
}

/**
 * Sends each ReplyJob to Discord. Interaction targets: the deferred reply (`@original`) is edited
 * once per frame, then with the first message of the final reply; the rest are follow-ups (ephemeral
 * when the reply was). Channel targets: the first message is posted (as a reply to the member's
 * message in a study thread), frames edit it, the rest are posted after it. Delivery is at least
 * once: a repeated job id resumes after the steps already done, so nothing is posted twice.
 */
export class ReplyDelivery {
  private readonly progress = new Map<string, Progress>();
  private readonly frameIntervalMs: number;
  private readonly now: () => number;
  private readonly onRoundPosted: DeliveryOptions["onRoundPosted"];

  constructor(
    private readonly rest: REST,
    private readonly logger: Logger,
    opts: DeliveryOptions = {},
  ) {
    this.frameIntervalMs = opts.frameIntervalMs ?? 700;
    this.now = opts.now ?? Date.now;
    this.onRoundPosted = opts.onRoundPosted;
  }

  /** Delivers one reply; throws (to be retried) only for errors a retry can fix. */
  async deliver(reply: ReplyJob, jobId: string): Promise<void> {
    const parsed = discordTargetSchema.safeParse(reply.target);
    if (!parsed.success) {
      this.logger.error({ jobId, eventId: reply.eventId }, "reply without a Discord target dropped");
      return;
    }
    let target: DiscordTarget = parsed.data;
    if (target.via === "interaction" && !tokenUsable(target, this.now())) {
      if (reply.visibility !== "channel") {
        this.logger.warn({ jobId, eventId: reply.eventId }, "interaction expired: personal reply dropped");
        return;
      }
      target = channelTarget(target.channelId);
    }
    const steps = this.plan(reply, target);
    const progress = this.progress.get(jobId) ?? { steps: 0 };
    if (progress.steps >= steps.length) {
      this.logger.debug({ jobId }, "reply already delivered");
      return;
    }
    try {
      for (let i = progress.steps; i < steps.length; i++) {
        const step = steps[i];
        if (!step) break;
        if (i > 0 && i <= (reply.frames?.length ?? 0) && this.frameIntervalMs > 0)
          await pause(this.frameIntervalMs);
        const id = await this.run(step, target, progress.messageId);
        if (id !== undefined && progress.messageId === undefined) progress.messageId = id;
        if (id !== undefined) progress.lastId = id;
        progress.steps = i + 1;
        this.remember(jobId, progress);
      }
      if (
        reply.kind === "round" &&
        reply.round &&
        target.via === "channel" &&
        target.guildId &&
        progress.lastId
      )
        await this.onRoundPosted?.({
          guildId: target.guildId,
          channelId: target.channelId,
          messageId: progress.lastId,
          round: reply.round.n,
        });
    } catch (err) {
      if (isPermanent(err)) {
        this.logger.error({ jobId, eventId: reply.eventId, ...errorFields(err) }, "Discord refused a reply");
        this.remember(jobId, { ...progress, steps: steps.length });
        return;
      }
      throw err;
    }
  }

  private plan(reply: ReplyJob, target: DiscordTarget): Step[] {
    const frames = (reply.frames ?? []).map((f) => renderFrame(f));
    const messages = renderReply(reply.reply);
    if (target.via === "interaction") {
      return [
        ...frames.map((message) => ({ op: "edit-original" as const, message })),
        ...messages.map((message, i) => ({
          op: i === 0 ? ("edit-original" as const) : ("follow-up" as const),
          message,
        })),
      ];
    }
    return [
      ...frames.map((message, i) => ({ op: i === 0 ? ("post" as const) : ("edit-post" as const), message })),
      ...messages.map((message, i) => ({
        op: i === 0 && frames.length > 0 ? ("edit-post" as const) : ("post" as const),
        message,
      })),
    ];
  }

  /** Runs one step; returns the id of a message it posted. */
  private async run(
    step: Step,
    target: DiscordTarget,
    postedId: string | undefined,
  ): Promise<string | undefined> {
    if (target.via === "interaction") {
      const { applicationId: app, token } = target;
      if (step.op === "edit-original") {
        // Fields a frame set and the final message lacks are reset, so nothing stale remains.
        const m = { embeds: [], components: [], ...step.message };
        await this.rest.patch(Routes.webhookMessage(app, token, "@original"), {
          ...restBody(m),
          auth: false,
        });
        return undefined;
      }
      const flags = target.ephemeral ? { flags: MessageFlags.Ephemeral } : {};
      await this.rest.post(Routes.webhook(app, token), {
        ...restBody(step.message, flags),
        auth: false,
        query: new URLSearchParams({ wait: "true" }),
      });
      return undefined;
    }
    if (step.op === "edit-post" && postedId !== undefined) {
      const m = { embeds: [], components: [], ...step.message };
      await this.rest.patch(Routes.channelMessage(target.channelId, postedId), restBody(m));
      return undefined;
    }
    return this.post(target, step.message, postedId === undefined);
  }

  private async post(target: ChannelTarget, message: OutMessage, first: boolean): Promise<string> {
    const ref =
      first && target.replyTo
        ? { message_reference: { message_id: target.replyTo, fail_if_not_exists: false } }
        : {};
    const posted = (await this.rest.post(
      Routes.channelMessages(target.channelId),
      restBody(message, ref),
    )) as {
      id: string;
    };
    return posted.id;
  }

  private remember(jobId: string, p: Progress): void {
    this.progress.delete(jobId);
    this.progress.set(jobId, p);
    if (this.progress.size > REMEMBER) {
      const oldest = this.progress.keys().next().value;
      if (oldest !== undefined) this.progress.delete(oldest);
    }
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
