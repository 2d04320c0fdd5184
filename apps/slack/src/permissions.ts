// Who may manage a channel's quiz schedule: workspace admins and owners, and the channel's creator.

import { within } from "@bosun/runtime";
import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";

/**
 * How long the check may take. The slash command is acknowledged only after its listener ends
 * (Bolt's processBeforeResponse), and Slack gives up after 3 s: a check slowed by retries on a
 * rate-limited API must end in a refusal the member can retry, not in a timeout.
 */
export const PERMISSION_CHECK_MS = 2000;

/**
 * True when `user` is a workspace admin or owner (`users.info`) or created `channel`
 * (`conversations.info`). Any API failure, or no answer within PERMISSION_CHECK_MS, counts as
 * "no": a refusal is safer than a schedule.
 */
export async function canManageChannel(
  client: webApi.WebClient,
  user: string,
  channel: string,
  logger: Logger,
  withinMs = PERMISSION_CHECK_MS,
): Promise<boolean> {
  return within(check(client, user, channel, logger), withinMs).catch(() => {
    logger.warn({ user, channel, withinMs }, "the permission check took too long; treating it as no");
    return false;
  });
}

async function check(
  client: webApi.WebClient,
  user: string,
  channel: string,
  logger: Logger,
): Promise<boolean> {
  try {
    const info = await client.users.info({ user });
    const u = info.user;
    if (u?.is_admin || u?.is_owner || u?.is_primary_owner) return true;
  } catch (err) {
    logger.warn({ err, user }, "users.info failed; treating the member as not an admin");
  }
  try {
    const info = await client.conversations.info({ channel });
    return info.channel?.creator === user;
  } catch (err) {
    logger.warn({ err, channel }, "conversations.info failed; treating the member as not the creator");
    return false;
  }
}
