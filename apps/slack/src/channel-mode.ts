// A channel's sandbox mode (personal or group), kept as a store document per channel.

import { channelDocName, type SessionRef, type SessionStore } from "@bosun/store";

export type ChannelMode = "personal" | "group";

function docName(team: string, channel: string): string {
  return channelDocName({ platform: "slack", workspace: team, channel }, "mode");
}

/** Whether `/kubectl` in this channel drives the channel's shared sandbox. */
export async function channelMode(store: SessionStore, team: string, channel: string): Promise<ChannelMode> {
  const doc = await store.getDoc(docName(team, channel));
  return doc.data === "group" ? "group" : "personal";
}

/** Turns group mode on or off (compare-and-set, retried once if two people toggle at once). */
export async function setChannelMode(
  store: SessionStore,
  team: string,
  channel: string,
  mode: ChannelMode,
): Promise<void> {
  const name = docName(team, channel);
  for (let attempt = 0; attempt < 3; attempt++) {
    const doc = await store.getDoc(name);
    const res = await store.putDoc(name, doc.version, mode === "group" ? "group" : undefined);
    if (res.ok) return;
  }
  throw new Error("the channel's mode changed three times while setting it");
}

/** The sandbox an event from `user` in `channel` acts on. */
export function sessionRef(team: string, user: string, channel: string, mode: ChannelMode): SessionRef {
  return mode === "group"
    ? { platform: "slack", workspace: team, scope: "channel", id: channel }
    : { platform: "slack", workspace: team, scope: "user", id: user };
}
