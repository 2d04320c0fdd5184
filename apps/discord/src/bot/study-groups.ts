// Study groups: which threads are groups (a store document per thread), with a small cache in front.

import { channelDocName, type SessionRef, type SessionStore } from "@bosun/store";
import { z } from "zod";

const groupSchema = z.object({
  name: z.string(),
  guildId: z.string(),
  parentId: z.string(),
  createdBy: z.string(),
  createdAt: z.number(),
});
/** What the bot remembers about a study group. */
export type StudyGroup = z.infer<typeof groupSchema>;

/** A cached answer stays this long: a group ended elsewhere stops matching within a minute. */
const CACHE_MS = 60_000;
const CACHE_MAX = 10_000;

/** The group sandbox of a study-group thread. */
export function groupSession(guildId: string, threadId: string): SessionRef {
  return { platform: "discord", workspace: guildId, scope: "channel", id: threadId };
}

function docName(guildId: string, threadId: string): string {
  return channelDocName({ platform: "discord", workspace: guildId, channel: threadId }, "studygroup");
}

/** The study groups of this bot, kept as documents in the session store. */
export class StudyGroups {
  private readonly cache = new Map<string, { group: StudyGroup | undefined; at: number }>();

  constructor(
    private readonly store: SessionStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The group of thread `threadId`, or undefined when it is not one. */
  async get(guildId: string, threadId: string): Promise<StudyGroup | undefined> {
    const key = `${guildId}/${threadId}`;
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < CACHE_MS) return hit.group;
    const doc = await this.store.getDoc(docName(guildId, threadId));
    const parsed = doc.data === undefined ? undefined : groupSchema.safeParse(JSON.parse(doc.data));
    const group = parsed?.success ? parsed.data : undefined;
    this.remember(key, group);
    return group;
  }

  /** Records a new group for a thread just created. */
  async create(threadId: string, group: StudyGroup): Promise<void> {
    const name = docName(group.guildId, threadId);
    const doc = await this.store.getDoc(name);
    await this.store.putDoc(name, doc.version, JSON.stringify(group));
    this.remember(`${group.guildId}/${threadId}`, group);
  }

  /** Forgets a group and its shared sandbox. */
  async end(guildId: string, threadId: string): Promise<void> {
    const name = docName(guildId, threadId);
    const doc = await this.store.getDoc(name);
    if (doc.data !== undefined) await this.store.putDoc(name, doc.version, undefined);
    await this.store.remove(groupSession(guildId, threadId));
    this.remember(`${guildId}/${threadId}`, undefined);
  }

  private remember(key: string, group: StudyGroup | undefined): void {
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(key, { group, at: this.now() });
  }
}
