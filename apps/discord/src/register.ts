// `pnpm --filter @bosun/discord register`: registers the slash commands (globally, or on DISCORD_GUILD_ID).

import { registerCommands } from "./commands/register-commands.ts";
import { ConfigError, registerConfigFromEnv } from "./config.ts";
import { errorFields } from "./logger.ts";

try {
  const config = registerConfigFromEnv();
  const { route, names } = await registerCommands(config);
  const where = config.guildId
    ? `guild ${config.guildId}`
    : "every server (global commands can take up to an hour to appear)";
  process.stdout.write(
    `registered ${names.length} commands on ${where}: ${names.map((n) => `/${n}`).join(" ")}\n`,
  );
  process.stdout.write(`(PUT ${route})\n`);
} catch (err) {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`registration failed: ${JSON.stringify(errorFields(err).err)}\n`);
  process.exitCode = 1;
}
