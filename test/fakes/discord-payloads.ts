// Payload builders and limit checks for the fake Discord: what the gateway sends and what REST accepts.

/** A person in the fake guild. `permissions` is the member's permission bitfield (decimal string). */
export interface FakeUser {
  id: string;
  name: string;
  permissions?: string;
}

const EPOCH = 1_420_070_400_000n;
let counter = 0n;

/** A fresh snowflake (an integer string, as Discord's ids are), increasing within the run. */
export function snowflake(): string {
  counter++;
  return String(((BigInt(Date.now()) - EPOCH) << 22n) | (counter & 0x3fffffn));
}

/** View Channel, Send Messages, Read Message History, Use Application Commands: an ordinary member. */
export const MEMBER_PERMISSIONS = String(1024n | 2048n | 65536n | (1n << 31n));
/** An ordinary member plus Manage Server. */
export const MANAGER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | 32n);

export function apiUser(u: FakeUser, bot = false): Record<string, unknown> {
  return {
    id: u.id,
    username: u.name.toLowerCase(),
    global_name: u.name,
    discriminator: "0",
    avatar: null,
    bot,
  };
}

export function apiMember(u: FakeUser): Record<string, unknown> {
  return {
    user: apiUser(u),
    nick: null,
    roles: [],
    joined_at: "2024-01-01T00:00:00.000Z",
    deaf: false,
    mute: false,
    flags: 0,
    permissions: u.permissions ?? MEMBER_PERMISSIONS,
  };
}

export function textChannel(id: string, guildId: string, name: string): Record<string, unknown> {
  return {
    id,
    type: 0,
    guild_id: guildId,
    name,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
  };
}

export function threadChannel(
  id: string,
  guildId: string,
  parentId: string,
  name: string,
  ownerId: string,
): Record<string, unknown> {
  return {
    id,
    type: 11,
    guild_id: guildId,
    parent_id: parentId,
    owner_id: ownerId,
    name,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    flags: 0,
    thread_metadata: {
      archived: false,
      auto_archive_duration: 1440,
      archive_timestamp: new Date().toISOString(),
      locked: false,
    },
  };
}

/** A message as the API returns it (and as MESSAGE_CREATE carries it). */
export function apiMessage(fields: {
  id: string;
  channelId: string;
  author: Record<string, unknown>;
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  attachments?: unknown[];
  flags?: number;
  guildId?: string;
  member?: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    id: fields.id,
    channel_id: fields.channelId,
    ...(fields.guildId ? { guild_id: fields.guildId } : {}),
    ...(fields.member ? { member: fields.member } : {}),
    type: 0,
    content: fields.content ?? "",
    author: fields.author,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: fields.attachments ?? [],
    embeds: fields.embeds ?? [],
    components: fields.components ?? [],
    pinned: false,
    flags: fields.flags ?? 0,
  };
}
