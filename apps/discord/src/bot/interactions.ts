// Interactions: slash commands, buttons and autocomplete become jobs (deferred at once, answered by the worker).

import { ROUND_ACTION_PREFIX } from "@bosun/queue";
import { within } from "@bosun/runtime";
import type { SessionRef } from "@bosun/store";
import { actionEvent, type TutorEvent } from "@bosun/tutor";
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
  type RepliableInteraction,
} from "discord.js";
import { kubectlChoices, lessonChoices } from "../commands/autocomplete.ts";
import { CommandName } from "../commands/definitions.ts";
import { errorFields } from "../logger.ts";
import { actorOf, type BotContext, personalSession, sendJob } from "./context.ts";
import { deferTo } from "./defer.ts";
import { BotError, USER_TEXT } from "./errors.ts";
import { slashCommandLine } from "./group-message.ts";
import { quizScheduleCommand } from "./quiz-schedule.ts";
import { studyGroupCommand } from "./study-group-commands.ts";
import { groupSession } from "./study-groups.ts";

/** Handles any interaction; whatever goes wrong ends in a short message to the person, never a crash. */
export async function onInteraction(ctx: BotContext, interaction: Interaction): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await autocomplete(ctx, interaction);
    else if (interaction.isChatInputCommand()) await slash(ctx, interaction);
    else if (interaction.isButton()) await button(ctx, interaction);
  } catch (err) {
    if (interaction.isRepliable()) await fail(ctx, interaction, err);
    else ctx.logger.warn({ ...errorFields(err) }, "autocomplete failed");
  }
}

/** Tells the person what went wrong (BotError words, or a generic line for anything else). */
async function fail(ctx: BotContext, i: RepliableInteraction, err: unknown): Promise<void> {
  const text = err instanceof BotError ? USER_TEXT[err.code] : USER_TEXT.internal;
  if (!(err instanceof BotError))
    ctx.logger.error({ interaction: i.id, ...errorFields(err) }, "interaction failed");
  try {
    if (i.deferred || i.replied) await i.editReply({ content: text, allowedMentions: { parse: [] } });
    else await i.reply({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  } catch (replyErr) {
    ctx.logger.warn(
      { interaction: i.id, ...errorFields(replyErr) },
      "could not tell the person about an error",
    );
  }
}

/** The sandbox an interaction acts on: its study-group thread's, or the person's own. */
/**
 * How long the study-group lookup may take. The interaction must be deferred within Discord's 3 s,
 * and whether the reply is ephemeral depends on the lookup: a stalled Redis must end in the
 * "try again" answer while the interaction can still be answered.
 */
const GROUP_LOOKUP_MS = 1500;

async function sandboxOf(
  ctx: BotContext,
  i: RepliableInteraction,
): Promise<{ session: SessionRef; group: boolean }> {
  if (i.guildId && i.channelId) {
    const group = await within(ctx.groups.get(i.guildId, i.channelId), GROUP_LOOKUP_MS).catch(
      (err: unknown) => {
        throw new BotError("queue-unavailable", { cause: err });
      },
    );
    if (group) return { session: groupSession(i.guildId, i.channelId), group: true };
  }
  return { session: personalSession(i.guildId, i.user.id), group: false };
}

/** Sends a tutor event for the interaction's sandbox. */
async function sendEvent(ctx: BotContext, i: RepliableInteraction, event: TutorEvent): Promise<void> {
  const { session, group } = await sandboxOf(ctx, i);
  const target = await deferTo(ctx, i, !group);
  await sendJob(ctx, {
    kind: "event",
    v: 1,
    eventId: i.id,
    platform: "discord",
    actor: actorOf(i.user, i.member),
    sentAt: i.createdTimestamp,
    target,
    session,
    event,
  });
}

/** The tutor event of a personal slash command, or undefined for the commands handled elsewhere. */
function eventOf(i: ChatInputCommandInteraction): TutorEvent | undefined {
  switch (i.commandName) {
    case CommandName.kubectl:
      // A text event: the engine reads it, so a pending type-the-command quiz takes it as the answer.
      return { type: "text", text: slashCommandLine(i.options.getString("command", true)) };
    case CommandName.lesson: {
      const action = i.options.getString("action", true);
      const lesson = i.options.getInteger("number");
      if (action !== "list" && action !== "start" && action !== "next" && action !== "status")
        return undefined;
      return { type: "lesson", action, ...(lesson !== null ? { lesson } : {}) };
    }
    case CommandName.hint:
      return { type: "hint" };
    case CommandName.solution:
      return { type: "solution" };
    case CommandName.quiz:
      return { type: "quiz" };
    case CommandName.progress:
      return { type: "progress" };
    case CommandName.help:
      return { type: "help" };
    case CommandName.reset:
      return { type: "reset", ...(i.options.getBoolean("all") ? { all: true } : {}) };
  }
  return undefined;
}

async function slash(ctx: BotContext, i: ChatInputCommandInteraction): Promise<void> {
  if (i.commandName === CommandName.studygroup) return studyGroupCommand(ctx, i);
  if (i.commandName === CommandName.quizschedule) return quizScheduleCommand(ctx, i);
  if (i.commandName === CommandName.leaderboard) {
    if (!i.guildId) throw new BotError("guild-only");
    // Personal, as the worker answers it: the reveal already shows the top five to everyone.
    const target = await deferTo(ctx, i, true);
    return sendJob(ctx, {
      kind: "leaderboard",
      v: 1,
      eventId: i.id,
      platform: "discord",
      actor: actorOf(i.user, i.member),
      sentAt: i.createdTimestamp,
      target,
      channel: { platform: "discord", workspace: i.guildId, channel: i.channelId },
    });
  }
  const event = eventOf(i);
  if (!event) {
    await i.reply({ content: "Bosun does not know that command.", flags: MessageFlags.Ephemeral });
    return;
  }
  await sendEvent(ctx, i, event);
}

async function button(ctx: BotContext, i: ButtonInteraction): Promise<void> {
  const id = i.customId;
  if (id.startsWith(ROUND_ACTION_PREFIX)) {
    if (!i.guildId) throw new BotError("unknown-button");
    const target = await deferTo(ctx, i, true);
    await sendJob(ctx, {
      kind: "round-answer",
      v: 1,
      eventId: i.id,
      platform: "discord",
      actor: actorOf(i.user, i.member),
      sentAt: i.createdTimestamp,
      target,
      channel: { platform: "discord", workspace: i.guildId, channel: i.channelId },
      answer: `quiz:${id.slice(ROUND_ACTION_PREFIX.length)}`,
    });
    return;
  }
  const event = actionEvent(id);
  if (!event) throw new BotError("unknown-button");
  await sendEvent(ctx, i, event);
}

async function autocomplete(ctx: BotContext, i: AutocompleteInteraction): Promise<void> {
  const focused = i.options.getFocused(true);
  const typed = String(focused.value);
  if (i.commandName === CommandName.kubectl && focused.name === "command")
    await i.respond(kubectlChoices(typed));
  else if (i.commandName === CommandName.lesson && focused.name === "number")
    await i.respond(lessonChoices(typed, ctx.lessons()));
  else await i.respond([]);
}
