// Puts the slash command definitions on Discord: globally, or on one guild (instant, for development).

import { REST, Routes } from "discord.js";
import type { RegisterConfig } from "../config.ts";
import { commandDefinitions } from "./definitions.ts";

/** What was registered, and where. */
export interface RegisterResult {
  route: string;
  names: string[];
}

/**
 * Replaces the application's commands with ours: `PUT /applications/{id}/commands`, or
 * `PUT /applications/{id}/guilds/{guild}/commands` when a guild is given. A PUT is a bulk
 * overwrite, so running it again is safe and removes commands we no longer define.
 */
export async function registerCommands(
  config: RegisterConfig,
  opts: { retries?: number; timeoutMs?: number } = {},
): Promise<RegisterResult> {
  const rest = new REST({
    api: config.apiUrl,
    ...(opts.retries !== undefined ? { retries: opts.retries } : {}),
    ...(opts.timeoutMs !== undefined ? { timeout: opts.timeoutMs } : {}),
  }).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const body = commandDefinitions();
  const saved = (await rest.put(route, { body })) as { name: string }[];
  return { route, names: saved.map((c) => c.name) };
}
