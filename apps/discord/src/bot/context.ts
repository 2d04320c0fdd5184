// What the bot's handlers share: the client, the producer, study groups, the logger; and small helpers.

import { type CommandJob, type Producer, QueueError } from "@bosun/queue";
import type { SessionRef } from "@bosun/store";
import type { APIInteractionGuildMember, Client, GuildMember, User } from "discord.js";
import type { Logger } from "../logger.ts";
import { errorFields } from "../logger.ts";
import { BotError } from "./errors.ts";
import type { RoundPosts } from "./rounds.ts";
import type { StudyGroups } from "./study-groups.ts";

/** The lessons' numbers and titles, for `/lesson` autocomplete. */
export type LessonList = readonly { number: number; title: string }[];

/** Shared by every handler. */
export interface BotContext {
  client: Client;
  producer: Producer;
  groups: StudyGroups;
  rounds: RoundPosts;
  logger: Logger;
  applicationId: string;
  /** Loaded on first use (reading the course takes a moment). */
  lessons(): LessonList;
}

/** Who did something: the name a group reply shows ("Ada ran: …"). */
export interface Actor {
  id: string;
  name: string;
}

const MAX_NAME = 64;
/** Zero-width and direction-changing characters, which could disguise a name. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

/** A display name cleaned for replies: one line, no zero-width tricks, at most 64 characters. */
export function cleanName(raw: string | null | undefined): string {
  const s = [...(raw ?? "")]
    .filter((ch) => !INVISIBLE.test(ch) && (ch.codePointAt(0) ?? 0) >= 0x20 && ch !== "\u007f")
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  return s === "" ? "someone" : s.slice(0, MAX_NAME);
}

/** The actor of an interaction or message: the server nickname, else the display name, else the username. */
export function actorOf(
  user: User,
  member: GuildMember | APIInteractionGuildMember | null | undefined,
): Actor {
  const nick = member ? ("displayName" in member ? member.displayName : member.nick) : undefined;
  return { id: user.id, name: cleanName(nick ?? user.globalName ?? user.username) };
}

/** A learner's personal sandbox: per server (or `dm`) and user. */
export function personalSession(guildId: string | null, userId: string): SessionRef {
  return { platform: "discord", workspace: guildId ?? "dm", scope: "user", id: userId };
}

/** Sends a job; a queue that cannot take it becomes BotError("queue-unavailable") (logged once here). */
export async function sendJob(ctx: BotContext, job: CommandJob): Promise<void> {
  try {
    await ctx.producer.send(job);
  } catch (err) {
    if (err instanceof QueueError && err.code === "invalid-job") {
      ctx.logger.info({ kind: job.kind, ...errorFields(err) }, "refused a job that does not fit the schema");
      throw new BotError("invalid-input", { cause: err });
    }
    ctx.logger.error({ kind: job.kind, ...errorFields(err) }, "could not enqueue a job");
    throw new BotError("queue-unavailable", { cause: err });
  }
}
