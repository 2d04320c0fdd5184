// @bosun/discord: the Discord bot (discord.js gateway) — start it in-process, render replies, define commands.

export { ReplyDelivery } from "./bot/deliver.ts";
export { looksLikeCron, parseDuration } from "./bot/duration.ts";
export type { GroupCommand } from "./bot/group-message.ts";
export { parseGroupMessage, slashCommandLine } from "./bot/group-message.ts";
export type { BotOptions, DiscordBot } from "./bot/start.ts";
export { startDiscordBot } from "./bot/start.ts";
export type { DiscordTarget } from "./bot/targets.ts";
export type { Choice } from "./commands/autocomplete.ts";
export { KUBECTL_VERBS, kubectlChoices, lessonChoices } from "./commands/autocomplete.ts";
export { CommandName, commandDefinitions, MAX_COMMAND_LINE } from "./commands/definitions.ts";
export type { RegisterResult } from "./commands/register-commands.ts";
export { registerCommands } from "./commands/register-commands.ts";
export type { BotConfig, RegisterConfig } from "./config.ts";
export { ConfigError, configFromEnv, envSchema, registerConfigFromEnv } from "./config.ts";
export type { Logger } from "./logger.ts";
export { createLogger, errorFields, REDACT_PATHS, scrub } from "./logger.ts";
export { ATTACH_OVER, DiscordLimits } from "./render/limits.ts";
export { renderButtons, renderFrame, renderReply } from "./render/reply.ts";
export type { ButtonRow, OutFile, OutMessage } from "./render/types.ts";
