// Slash commands: `/kubectl` and `/k` run a line; `/bosun` drives the tutor and the channel's settings.

import type { App, RespondArguments, SlashCommand } from "@slack/bolt";
import { channelMode, sessionRef, setChannelMode } from "../channel-mode.ts";
import { HELP_TEXT, parseBosun } from "../commands/bosun.ts";
import { parseKubectl } from "../commands/kubectl.ts";
import { eventJob, leaderboardJob, type Origin, quizScheduleJob, quizUnscheduleJob } from "../jobs.ts";
import { canManageChannel } from "../permissions.ts";
import { applyModal } from "./apply-modal.ts";
import { enqueue, type ListenerDeps, UNAVAILABLE } from "./deps.ts";

/** Slash commands this app answers; the manifest declares the same (a test compares them). */
export const SLASH_COMMANDS = ["/kubectl", "/k", "/bosun"] as const;

const ephemeral = (text: string): RespondArguments => ({ response_type: "ephemeral", text });

function originOf(c: SlashCommand): Origin {
  return {
    team: c.team_id,
    user: c.user_id,
    userName: c.user_name,
    channel: c.channel_id,
    // trigger_id is unique per invocation; a retried delivery of the same request carries the same one.
    eventId: c.trigger_id,
    responseUrl: c.response_url,
  };
}

/**
 * A direct message or a group DM cannot hold a shared sandbox or quiz rounds. Channel ids do not
 * tell (old private channels start with G, like group DMs); Slack's channel_name does.
 */
const isDirect = (c: SlashCommand) =>
  c.channel_name === "directmessage" || c.channel_name.startsWith("mpdm-");

export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command(/^\/(kubectl|k)$/, async ({ command, ack, client }) => {
    const intent = parseKubectl(command.text);
    if (intent.kind === "usage") return void (await ack(ephemeral(intent.message)));
    const o = originOf(command);
    if (intent.kind === "apply-modal") {
      try {
        await client.views.open({ trigger_id: command.trigger_id, view: applyModal(o, intent.command) });
        await ack();
      } catch (err) {
        deps.logger.warn({ err }, "views.open failed");
        await ack(ephemeral("I could not open the manifest box. Please try `/kubectl apply` again."));
      }
      return;
    }
    const mode = await channelMode(deps.store, o.team, command.channel_id).catch(() => "personal" as const);
    const session = sessionRef(o.team, o.user, command.channel_id, mode);
    const ok = await enqueue(deps, eventJob(o, session, { type: "command", text: intent.text }));
    // An empty ack shows nothing: the reply follows in a moment and names the command itself.
    await ack(ok ? undefined : ephemeral(UNAVAILABLE));
  });

  app.command("/bosun", async ({ command, ack, client }) => {
    const intent = parseBosun(command.text);
    const o = originOf(command);
    const channel = command.channel_id;
    switch (intent.kind) {
      case "help":
        return void (await ack(ephemeral(intent.problem ? `${intent.problem}\n\n${HELP_TEXT}` : HELP_TEXT)));
      case "event": {
        const mode = await channelMode(deps.store, o.team, channel).catch(() => "personal" as const);
        const ok = await enqueue(deps, eventJob(o, sessionRef(o.team, o.user, channel, mode), intent.event));
        return void (await ack(ok ? undefined : ephemeral(UNAVAILABLE)));
      }
      case "group": {
        if (isDirect(command))
          return void (await ack(
            ephemeral("Group mode is for channels: a direct message has only you in it."),
          ));
        try {
          if (intent.mode === "status") {
            const mode = await channelMode(deps.store, o.team, channel);
            return void (await ack(
              ephemeral(
                mode === "group"
                  ? "This channel shares one sandbox: `/kubectl` here acts on it and replies go to the channel. `/bosun group off` to go back to personal sandboxes."
                  : "In this channel `/kubectl` uses your personal sandbox. `/bosun group on` makes the channel share one.",
              ),
            ));
          }
          await setChannelMode(deps.store, o.team, channel, intent.mode === "on" ? "group" : "personal");
        } catch (err) {
          deps.logger.error({ err }, "could not read or set the channel mode");
          return void (await ack(ephemeral(UNAVAILABLE)));
        }
        return void (await ack({
          response_type: "in_channel",
          text:
            intent.mode === "on"
              ? `<@${o.user}> turned on group mode: \`/kubectl\` in this channel now drives one shared sandbox, and every reply says who ran what. (In a private channel, invite the app first.)`
              : `<@${o.user}> turned off group mode: \`/kubectl\` here uses each person's own sandbox again.`,
        }));
      }
      case "leaderboard": {
        if (isDirect(command)) return void (await ack(ephemeral("Leaderboards belong to channels.")));
        const ok = await enqueue(deps, leaderboardJob(o, channel));
        return void (await ack(ok ? undefined : ephemeral(UNAVAILABLE)));
      }
      case "quiz-schedule":
      case "quiz-unschedule": {
        if (isDirect(command)) return void (await ack(ephemeral("Quiz rounds are played in channels.")));
        if (!(await canManageChannel(client, o.user, channel, deps.logger)))
          return void (await ack(
            ephemeral(
              "Sorry, only workspace admins and owners, or the person who created this channel, can schedule its quiz rounds.",
            ),
          ));
        const job =
          intent.kind === "quiz-schedule"
            ? quizScheduleJob(o, channel, intent)
            : quizUnscheduleJob(o, channel);
        const ok = await enqueue(deps, job);
        return void (await ack(ok ? undefined : ephemeral(UNAVAILABLE)));
      }
    }
  });
}
