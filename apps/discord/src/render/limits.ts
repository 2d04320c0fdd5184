// Discord's message limits, in one place: the renderer packs replies within them.

/** Limits of one Discord message (Discord API reference: Message, Embed and Component limits). */
export const DiscordLimits = {
  /** Characters of `content`. */
  content: 2000,
  /** Embeds per message. */
  embeds: 10,
  /** Characters of an embed's description. */
  embedDescription: 4096,
  /** Characters of an embed's title. */
  embedTitle: 256,
  /** Characters of all embeds of a message together (titles, descriptions, fields, footers). */
  embedTotal: 6000,
  /** Action rows per message. */
  actionRows: 5,
  /** Buttons per action row. */
  buttonsPerRow: 5,
  /** Characters of a button's custom_id. */
  customId: 100,
  /** Characters of a button's label. */
  buttonLabel: 80,
} as const;

/**
 * Output longer than this is attached as a file (with a short preview) instead of being split
 * across messages: 6,000 characters is three full messages, beyond which a file reads better.
 */
export const ATTACH_OVER = 6000;

/** Lines of preview shown above an attached output file. */
export const PREVIEW_LINES = 12;
