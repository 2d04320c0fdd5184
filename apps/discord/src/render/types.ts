// The shape of a rendered Discord message: the JSON body of a create or edit, plus attached files.

import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed } from "discord.js";

/** A text file to attach (long command output). */
export interface OutFile {
  name: string;
  text: string;
}

/** One action row of buttons. */
export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/**
 * One message as Discord's REST API takes it (`POST /channels/{id}/messages`, a webhook edit or
 * follow-up). `allowed_mentions` is always empty: nothing a learner typed can ping anyone.
 */
export interface OutMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: ButtonRow[];
  files?: OutFile[];
  allowed_mentions: { parse: [] };
}
