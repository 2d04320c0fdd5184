// `/studygroup start|leave|end`: a thread with one shared sandbox, opened and closed by its members.

import { ChannelType, type ChatInputCommandInteraction, PermissionFlagsBits, Routes } from "discord.js";
import { errorFields } from "../logger.ts";
import { actorOf, type BotContext, cleanName } from "./context.ts";
import { deferTo } from "./defer.ts";
import { BotError } from "./errors.ts";

/** A day without messages archives the thread (members can reopen it by posting). */
const AUTO_ARCHIVE_MINUTES = 1440;
const NO_MENTIONS = { parse: [] as [] };

function welcome(name: string): string {
  return [
    `📚 **Welcome to ${name}!** This thread has one shared sandbox cluster for everyone in it.`,
    "Type commands as plain messages, e.g. `kubectl get nodes`. To apply a manifest, write `kubectl apply -f -` and paste the YAML in a ```yaml code block in the same message.",
    "Every reply says who ran what. The slash commands (`/lesson`, `/hint`, `/quiz`, `/progress`, …) used here act on the group's sandbox too.",
    "`/studygroup leave` leaves the thread; `/studygroup end` archives it and deletes the sandbox.",
  ].join("\n");
}

/** Handles the three subcommands. */
export async function studyGroupCommand(ctx: BotContext, i: ChatInputCommandInteraction): Promise<void> {
  if (!i.guildId) throw new BotError("guild-only");
  const sub = i.options.getSubcommand();
  if (sub === "start") return start(ctx, i, i.guildId);
  const group = await ctx.groups.get(i.guildId, i.channelId);
  if (!group) throw new BotError("not-a-study-group");
  const rest = ctx.client.rest;
  if (sub === "leave") {
    await deferTo(ctx, i, true);
    await rest.delete(Routes.threadMembers(i.channelId, i.user.id));
    await i.editReply({
      content: `You left **${group.name}**. You can rejoin it from the channel's thread list.`,
    });
    return;
  }
  const mayEnd = group.createdBy === i.user.id || i.memberPermissions?.has(PermissionFlagsBits.ManageThreads);
  if (!mayEnd) throw new BotError("forbidden-end");
  await deferTo(ctx, i, false);
  const actor = actorOf(i.user, i.member);
  await ctx.groups.end(i.guildId, i.channelId);
  await i.editReply({
    content: `**${actor.name}** ended the study group **${group.name}**. Its sandbox is gone and the thread is archived.`,
    allowedMentions: NO_MENTIONS,
  });
  await rest
    .patch(Routes.channel(i.channelId), { body: { archived: true, locked: true } })
    .catch((err: unknown) =>
      ctx.logger.warn({ thread: i.channelId, ...errorFields(err) }, "could not archive a thread"),
    );
}

async function start(ctx: BotContext, i: ChatInputCommandInteraction, guildId: string): Promise<void> {
  const channel = i.channel;
  if ((channel && channel.type !== ChannelType.GuildText) || (await ctx.groups.get(guildId, i.channelId)))
    throw new BotError("not-a-text-channel");
  const name = cleanName(i.options.getString("name", true)).slice(0, 90);
  await deferTo(ctx, i, false);
  const rest = ctx.client.rest;
  const thread = (await rest
    .post(Routes.threads(i.channelId), {
      body: { name, type: ChannelType.PublicThread, auto_archive_duration: AUTO_ARCHIVE_MINUTES },
    })
    .catch((err: unknown) => {
      throw new BotError("thread-failed", { cause: err });
    })) as { id: string };
  await ctx.groups.create(thread.id, {
    name,
    guildId,
    parentId: i.channelId,
    createdBy: i.user.id,
    createdAt: i.createdTimestamp,
  });
  // Adding the member is a courtesy: the thread works without it.
  await rest
    .put(Routes.threadMembers(thread.id, i.user.id))
    .catch((err: unknown) =>
      ctx.logger.warn({ thread: thread.id, ...errorFields(err) }, "could not add the member"),
    );
  await rest.post(Routes.channelMessages(thread.id), {
    body: { content: welcome(name), allowed_mentions: NO_MENTIONS },
  });
  const actor = actorOf(i.user, i.member);
  await i.editReply({
    content: `📚 **${actor.name}** opened the study group **${name}**: <#${thread.id}>. Everyone in that thread shares one sandbox.`,
    allowedMentions: NO_MENTIONS,
  });
}
