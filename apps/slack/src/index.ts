// @bosun/slack: the Slack app (Bolt) — slash commands, modals, buttons, App Home and quiz rounds.

export type { RunningSlackApp, StartOptions } from "./app.ts";
export { startSlackApp } from "./app.ts";
export type { BosunIntent } from "./commands/bosun.ts";
export { HELP_TEXT, parseBosun } from "./commands/bosun.ts";
export type { KubectlIntent } from "./commands/kubectl.ts";
export { parseKubectl } from "./commands/kubectl.ts";
export type { SlackConfig } from "./config.ts";
export { ConfigError, loadConfig } from "./config.ts";
export { APPLY_CALLBACK_ID } from "./listeners/apply-modal.ts";
export { SLASH_COMMANDS } from "./listeners/commands.ts";
export { createLogger } from "./logger.ts";
export type { SlackBlock, SlackMessage } from "./render/blocks.ts";
export { LIMITS, unescapeMrkdwn } from "./render/blocks.ts";
export type { HomeParts, HomeView } from "./render/home.ts";
export { renderHome } from "./render/home.ts";
export type { ButtonScope, RenderInput } from "./render/reply.ts";
export { renderReply } from "./render/reply.ts";
