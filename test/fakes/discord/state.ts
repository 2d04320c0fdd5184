// What the fake Discord holds: its guild, channels, messages, interactions and the REST calls it got.

import { EventEmitter } from "node:events";
import { apiMessage, apiUser, type FakeUser, snowflake, textChannel } from "../discord-payloads.ts";
import { invalid, messageProblem } from "./limits.ts";

/** One REST request the fake received (path after `/api/v10`, `@original` decoded). */
export interface FakeCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  files: { name: string; text: string }[];
  /** The Authorization header (`Bot <token>` for bot calls, absent for interaction webhooks). */
  auth: string | undefined;
  status: number;
}

/** A message the fake holds, with every version it had (the first is the create). */
export interface FakeMessage {
  id: string;
  channelId: string;
  versions: Record<string, unknown>[];
  files: { name: string; text: string }[];
  flags: number;
  /** The token of the interaction whose reply or follow-up this is. */
  interaction?: string;
}

/** An interaction the fake sent: its callbacks and the messages answering it. */
export interface FakeInteraction {
  id: string;
  token: string;
  channelId: string;
  callbacks: Record<string, unknown>[];
  originalId?: string;
  followups: string[];
}

/** Options of a slash command, button or message sent through the fake. */
export interface From {
  user: FakeUser;
  channelId?: string;
  /** The channel object as Discord sends it; the fake knows its own channels and threads. */
  dm?: boolean;
}

/** A REST answer: status and JSON body. */
export type Reply = [number, unknown];

/** The fake's state and the message bookkeeping shared by the gateway and REST halves. */
export class DiscordState {
  readonly appId = snowflake();
  readonly botUser: FakeUser = { id: snowflake(), name: "Bosun" };
  readonly guildId = snowflake();
  /** Two text channels: `general` and `quiz`. */
  readonly channels = { general: snowflake(), quiz: snowflake() };
  readonly calls: FakeCall[] = [];
  readonly messages = new Map<string, FakeMessage>();
  readonly interactions = new Map<string, FakeInteraction>();
  /** Channels by id (text channels and threads), as the API returns them. */
  readonly channelData = new Map<string, Record<string, unknown>>();
  /** Commands registered with PUT, by route. */
  readonly registered = new Map<string, unknown>();
  /** Emits "call" after every REST call (what `waitFor` re-checks on). */
  readonly events = new EventEmitter();

  constructor(readonly port: number) {
    this.events.setMaxListeners(100);
    for (const [name, id] of Object.entries(this.channels))
      this.channelData.set(id, textChannel(id, this.guildId, name));
  }

  /** A channel or thread by id (an unknown id reads as a text channel). */
  channelOf(id: string): Record<string, unknown> {
    return this.channelData.get(id) ?? textChannel(id, this.guildId, "unknown");
  }

  /** Keeps a new message. */
  store(
    id: string,
    channelId: string,
    body: Record<string, unknown>,
    files: FakeCall["files"],
    flags: number,
    interaction?: string,
  ): FakeMessage {
    const msg: FakeMessage = {
      id,
      channelId,
      versions: [body],
      files: [...files],
      flags,
      ...(interaction ? { interaction } : {}),
    };
    this.messages.set(id, msg);
    return msg;
  }

  /** Applies an edit (checked against the limits) to a held message. */
  edit(id: string, body: Record<string, unknown>, files: FakeCall["files"]): Reply {
    const msg = this.messages.get(id);
    if (!msg) return [404, { message: "Unknown Message", code: 10008 }];
    const problem = messageProblem(body, files.length, true);
    if (problem) return invalid(problem);
    const prev = msg.versions[msg.versions.length - 1] ?? {};
    msg.versions.push({ ...prev, ...body });
    if (files.length > 0) msg.files = [...files];
    return [200, this.view(id)];
  }

  /** A held message as the API returns it. */
  view(id: string): Record<string, unknown> {
    const msg = this.messages.get(id);
    const latest = msg?.versions[msg.versions.length - 1] ?? {};
    return apiMessage({
      id,
      channelId: msg?.channelId ?? "",
      author: apiUser(this.botUser, true),
      content: String(latest.content ?? ""),
      embeds: (latest.embeds as unknown[]) ?? [],
      components: (latest.components as unknown[]) ?? [],
      attachments: (msg?.files ?? []).map((f, n) => ({
        id: String(n),
        filename: f.name,
        size: f.text.length,
      })),
      flags: msg?.flags ?? 0,
    });
  }
}
