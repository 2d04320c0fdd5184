// Quiz round posts: the bot remembers each channel's latest round message, so a reply to it is an answer.

import { channelDocName, type SessionStore } from "@bosun/store";
import { z } from "zod";

const roundPostSchema = z.object({ messageId: z.string(), round: z.number() });
/** The latest round question posted in a channel. */
export type RoundPost = z.infer<typeof roundPostSchema>;

function docName(guildId: string, channelId: string): string {
  return channelDocName({ platform: "discord", workspace: guildId, channel: channelId }, "round-post");
}

/**
 * Round posts kept as store documents. Type-the-command questions have no buttons: members answer
 * by replying to the round's message, which the bot recognises through this record.
 */
export class RoundPosts {
  constructor(private readonly store: SessionStore) {}

  /** Records round `round`'s question message in a channel (replacing the previous round's). */
  async remember(guildId: string, channelId: string, post: RoundPost): Promise<void> {
    const name = docName(guildId, channelId);
    const doc = await this.store.getDoc(name);
    await this.store.putDoc(name, doc.version, JSON.stringify(post));
  }

  /** The channel's latest round post, if any. */
  async latest(guildId: string, channelId: string): Promise<RoundPost | undefined> {
    const doc = await this.store.getDoc(docName(guildId, channelId));
    if (doc.data === undefined) return undefined;
    const parsed = roundPostSchema.safeParse(JSON.parse(doc.data));
    return parsed.success ? parsed.data : undefined;
  }
}
