// Who may manage a channel's quiz schedule: workspace admins and owners, and the channel's creator.

import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";

/**
 * True when `user` is a workspace admin or owner (`users.info`) or created `channel`
 * (`conversations.info`). Any API failure counts as "no": a refusal is safer than a schedule.
 */
export async function canManageChannel(
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
