// The slash commands: one list of definitions, used by the bot and by the registration script.

import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from "discord.js";

/** Names of the commands, as Discord routes them. */
export const CommandName = {
  kubectl: "kubectl",
  lesson: "lesson",
  hint: "hint",
  solution: "solution",
  quiz: "quiz",
  progress: "progress",
  reset: "reset",
  help: "help",
  leaderboard: "leaderboard",
  studygroup: "studygroup",
  quizschedule: "quizschedule",
} as const;

/** Discord accepts at most 6,000 characters in a string option; a command line never needs more than this. */
export const MAX_COMMAND_LINE = 4000;

/** Personal commands work in servers and in DMs with the bot. */
const everywhere = [InteractionContextType.Guild, InteractionContextType.BotDM];

function simple(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder().setName(name).setDescription(description).setContexts(everywhere);
}

/** Builds the definitions (fresh objects on each call: callers may change them). */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const kubectl = simple(
    CommandName.kubectl,
    "Run a kubectl (or az aks) command in your sandbox cluster",
  ).addStringOption((o) =>
    o
      .setName("command")
      .setDescription("e.g. get pods, create deployment web --image=nginx:1.27")
      .setRequired(true)
      .setMaxLength(MAX_COMMAND_LINE)
      .setAutocomplete(true),
  );
  const lesson = simple(CommandName.lesson, "List, start or continue a lesson")
    .addStringOption((o) =>
      o
        .setName("action")
        .setDescription("What to do")
        .setRequired(true)
        .addChoices(
          { name: "list", value: "list" },
          { name: "start", value: "start" },
          { name: "next", value: "next" },
          { name: "status", value: "status" },
        ),
    )
    .addIntegerOption((o) =>
      o
        .setName("number")
        .setDescription("The lesson (for start)")
        .setMinValue(1)
        .setMaxValue(999)
        .setAutocomplete(true),
    );
  const reset = simple(CommandName.reset, "Reset your sandbox cluster (asks first)").addBooleanOption((o) =>
    o.setName("all").setDescription("Also forget your progress"),
  );
  const studygroup = new SlashCommandBuilder()
    .setName(CommandName.studygroup)
    .setDescription("A study group: a thread with one shared sandbox")
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName("start")
        .setDescription("Open a study-group thread in this channel")
        .addStringOption((o) =>
          o
            .setName("name")
            .setDescription("The group's name")
            .setRequired(true)
            .setMinLength(1)
            .setMaxLength(90),
        ),
    )
    .addSubcommand((s) => s.setName("leave").setDescription("Leave this study group's thread"))
    .addSubcommand((s) => s.setName("end").setDescription("End this study group and archive its thread"));
  const quizschedule = new SlashCommandBuilder()
    .setName(CommandName.quizschedule)
    .setDescription("Schedule quiz rounds in a channel (Manage Server)")
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s
        .setName("set")
        .setDescription("Post a quiz round on a schedule")
        .addStringOption((o) =>
          o
            .setName("cron")
            .setDescription("Five-field cron, UTC (e.g. 0 9 * * 1-5)")
            .setRequired(true)
            .setMaxLength(120),
        )
        .addChannelOption((o) =>
          o
            .setName("channel")
            .setDescription("Where rounds are posted")
            .setRequired(true)
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
        )
        .addStringOption((o) =>
          o
            .setName("reveal_after")
            .setDescription("How long a round stays open, e.g. 2h (default 1h)")
            .setMaxLength(20),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName("clear")
        .setDescription("Stop a channel's quiz rounds")
        .addChannelOption((o) =>
          o
            .setName("channel")
            .setDescription("The channel (default: this one)")
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
        ),
    );
  return [
    kubectl,
    lesson,
    simple(CommandName.hint, "A hint for your current lesson step"),
    simple(CommandName.solution, "Show the solution of the current step"),
    simple(CommandName.quiz, "A quiz question"),
    simple(CommandName.progress, "Your progress: lessons, XP, streak and badges"),
    reset,
    simple(CommandName.help, "What Bosun can do"),
    simple(CommandName.leaderboard, "This channel's quiz leaderboard").setContexts(
      InteractionContextType.Guild,
    ),
    studygroup,
    quizschedule,
  ].map((b) => b.toJSON());
}
