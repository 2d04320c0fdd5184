// Interaction and message builders: what the fake's gateway sends for a slash command, a button or a message.

import { apiMember, apiMessage, apiUser, type FakeUser, snowflake } from "../discord-payloads.ts";
import type { DiscordState, From } from "./state.ts";

/** A gateway dispatch to send, and the ids a test needs to follow it. */
export interface Dispatch {
  id: string;
  token: string;
  t: string;
  d: Record<string, unknown>;
}

function interactionBase(
  state: DiscordState,
  from: From,
  type: number,
): Record<string, unknown> & { id: string; token: string } {
  const id = snowflake();
  const token = `itoken-${id}-${"x".repeat(120)}`;
  const base: Record<string, unknown> & { id: string; token: string } = {
    id,
    token,
    application_id: state.appId,
    type,
    version: 1,
    locale: "en-US",
    entitlements: [],
    attachment_size_limit: 10_485_760,
    app_permissions: "1071698660929",
  };
  const channelId = from.channelId ?? (from.dm ? snowflake() : state.channels.general);
  state.interactions.set(token, { id, token, channelId, callbacks: [], followups: [] });
  if (from.dm) {
    Object.assign(base, {
      user: apiUser(from.user),
      channel_id: channelId,
      channel: { id: channelId, type: 1, recipients: [apiUser(from.user)] },
      authorizing_integration_owners: { "1": from.user.id },
      context: 1,
    });
  } else {
    Object.assign(base, {
      guild_id: state.guildId,
      guild_locale: "en-US",
      member: apiMember(from.user),
      channel_id: channelId,
      channel: state.channelOf(channelId),
      authorizing_integration_owners: { "0": state.guildId },
      context: 0,
    });
  }
  return base;
}

/**
 * A slash command. `options` are Discord's option objects (`{ name, type, value }`, with
 * `type: 1` and nested `options` for a subcommand); channel options are resolved by the fake.
 */
export function slashInteraction(
  state: DiscordState,
  name: string,
  options: Record<string, unknown>[],
  from: From,
): Dispatch {
  const base = interactionBase(state, from, 2);
  const channelIds = flatOptions(options)
    .filter((o) => o.type === 7)
    .map((o) => String(o.value));
  const resolved =
    channelIds.length > 0
      ? {
          channels: Object.fromEntries(
            channelIds.map((id) => [id, { ...state.channelOf(id), permissions: "1071698660929" }]),
          ),
        }
      : undefined;
  return {
    id: base.id,
    token: base.token,
    t: "INTERACTION_CREATE",
    d: { ...base, data: { id: snowflake(), name, type: 1, options, ...(resolved ? { resolved } : {}) } },
  };
}

/** An autocomplete request for the focused option. */
export function autocompleteInteraction(
  state: DiscordState,
  name: string,
  options: Record<string, unknown>[],
  from: From,
): Dispatch {
  const base = interactionBase(state, from, 4);
  const d = { ...base, data: { id: snowflake(), name, type: 1, options } };
  return { id: base.id, token: base.token, t: "INTERACTION_CREATE", d };
}

/** A button press: `customId` `customId` on message `messageId` (a message the fake holds). */
export function clickInteraction(
  state: DiscordState,
  customId: string,
  messageId: string,
  from: From,
): Dispatch {
  const held = state.messages.get(messageId);
  if (!held) throw new Error(`fake discord: no message ${messageId}`);
  const base = interactionBase(state, { ...from, channelId: held.channelId }, 3);
  const latest = held.versions[held.versions.length - 1] ?? {};
  const message = apiMessage({
    id: held.id,
    channelId: held.channelId,
    author: apiUser(state.botUser, true),
    content: String(latest.content ?? ""),
    components: (latest.components as unknown[]) ?? [],
    flags: held.flags,
  });
  return {
    id: base.id,
    token: base.token,
    t: "INTERACTION_CREATE",
    d: { ...base, message, data: { custom_id: customId, component_type: 2 } },
  };
}

/** A plain message by a member (or a bot, with `bot: true`), optionally as a reply to another. */
export function memberMessage(
  state: DiscordState,
  channelId: string,
  content: string,
  user: FakeUser,
  opts: { bot?: boolean; replyTo?: string } = {},
): { id: string; d: Record<string, unknown> } {
  const id = snowflake();
  const data = apiMessage({
    id,
    channelId,
    guildId: state.guildId,
    author: apiUser(user, opts.bot ?? false),
    member: { ...apiMember(user), user: undefined },
    content,
  });
  if (opts.replyTo) {
    data.type = 19;
    data.message_reference = {
      type: 0,
      message_id: opts.replyTo,
      channel_id: channelId,
      guild_id: state.guildId,
    };
  }
  return { id, d: data };
}

function flatOptions(options: Record<string, unknown>[]): Record<string, unknown>[] {
  return options.flatMap((o) => [
    o,
    ...flatOptions((o.options as Record<string, unknown>[] | undefined) ?? []),
  ]);
}
