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

const len = (v: unknown): number => (typeof v === "string" ? v.length : 0);

/**
 * Checks a message body against Discord's limits; returns what is wrong, or undefined. The fake
 * answers `400 {"code":50035}` for these, as Discord does, so a renderer that overflows fails.
 */
export function messageProblem(
  body: Record<string, unknown>,
  files: number,
  isEdit: boolean,
): string | undefined {
  const content = body.content;
  if (content !== undefined && content !== null && typeof content !== "string")
    return "content: not a string";
  if (len(content) > 2000) return `content: ${len(content)} characters (max 2000)`;
  const embeds = (body.embeds ?? []) as Record<string, unknown>[];
  if (!Array.isArray(embeds)) return "embeds: not an array";
  if (embeds.length > 10) return "embeds: more than 10";
  let total = 0;
  for (const e of embeds) {
    if (len(e.title) > 256) return "embed title: over 256";
    if (len(e.description) > 4096) return `embed description: ${len(e.description)} characters (max 4096)`;
    const fields = (e.fields ?? []) as Record<string, unknown>[];
    if (fields.length > 25) return "embed fields: more than 25";
    for (const f of fields) if (len(f.name) > 256 || len(f.value) > 1024) return "embed field: too long";
    const footer = e.footer as Record<string, unknown> | undefined;
    total +=
      len(e.title) +
      len(e.description) +
      len(footer?.text) +
      fields.reduce((n, f) => n + len(f.name) + len(f.value), 0);
  }
  if (total > 6000) return `embeds: ${total} characters together (max 6000)`;
  const rows = (body.components ?? []) as Record<string, unknown>[];
  if (rows.length > 5) return "components: more than 5 action rows";
  const ids = new Set<string>();
  for (const row of rows) {
    const buttons = (row.components ?? []) as Record<string, unknown>[];
    if (row.type !== 1) return "components: a top-level component is not an action row";
    if (buttons.length === 0 || buttons.length > 5) return "action row: 1 to 5 buttons";
    for (const b of buttons) {
      if (len(b.label) > 80) return "button label: over 80";
      const id = b.custom_id;
      if (typeof id !== "string" || id.length === 0 || id.length > 100)
        return "button custom_id: 1 to 100 characters";
      if (ids.has(id)) return "button custom_id: repeated in one message";
      ids.add(id);
    }
  }
  const empty = len(content) === 0 && embeds.length === 0 && rows.length === 0 && files === 0;
  if (empty && !isEdit) return "empty message";
  return undefined;
}
