// The fake's gateway: hello, heartbeats, identify → READY and GUILD_CREATE, and dispatches to every client (by its intents).

import type { Server } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";
import { apiUser, snowflake } from "../discord-payloads.ts";
import type { DiscordState } from "./state.ts";

const GUILD_NAME = "Bosun test guild";

/** Gateway intent bits the fake honours (Discord API reference: Gateway → Gateway Intents). */
const GUILD_MESSAGES = 1 << 9;
const MESSAGE_CONTENT = 1 << 15;
/** Message events that only clients with the GUILD_MESSAGES intent receive. */
const MESSAGE_EVENTS = new Set(["MESSAGE_CREATE", "MESSAGE_UPDATE"]);

/** The gateway half of the fake, on the REST server's port. */
export class FakeGateway {
  private readonly wss: WebSocketServer;
  /** Connected clients and the intents each identified with. */
  private readonly sockets = new Map<WebSocket, number>();
  private seq = 0;

  constructor(
    server: Server,
    private readonly state: DiscordState,
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on("connection", (ws) => this.onSocket(ws));
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.set(ws, 0);
    ws.on("close", () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    ws.on("message", (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (msg.op === 1) ws.send(JSON.stringify({ op: 11 }));
      else if (msg.op === 2) {
        this.sockets.set(ws, Number((msg.d as { intents?: unknown } | null)?.intents ?? 0));
        this.identify(ws);
      } else if (msg.op === 6) this.send(ws, "RESUMED", {});
    });
  }

  private send(ws: WebSocket, t: string, d: unknown): void {
    this.seq++;
    ws.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
  }

  private identify(ws: WebSocket): void {
    this.send(ws, "READY", {
      v: 10,
      session_id: `session-${snowflake()}`,
      resume_gateway_url: `ws://127.0.0.1:${this.state.port}`,
      user: apiUser(this.state.botUser, true),
      guilds: [{ id: this.state.guildId, unavailable: true }],
      application: { id: this.state.appId, flags: 0 },
      shard: [0, 1],
    });
    const channels = [...this.state.channelData.values()].filter((c) => c.type !== 11);
    const threads = [...this.state.channelData.values()].filter((c) => c.type === 11);
    this.send(ws, "GUILD_CREATE", {
      id: this.state.guildId,
      name: GUILD_NAME,
      icon: null,
      owner_id: snowflake(),
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      system_channel_flags: 0,
      preferred_locale: "en-US",
      roles: [
        {
          id: this.state.guildId,
          name: "@everyone",
          permissions: "1071698660929",
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      channels,
      threads,
      members: [],
      emojis: [],
      stickers: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      features: [],
      member_count: 3,
      large: false,
      unavailable: false,
      joined_at: "2024-01-01T00:00:00.000Z",
    });
  }

  /**
   * Sends a dispatch to every connected client, as Discord would by its intents: message events
   * only with GUILD_MESSAGES, and without MESSAGE_CONTENT a message that does not mention the bot
   * arrives with empty content, embeds, attachments and components.
   */
  dispatch(t: string, d: unknown): void {
    for (const [ws, intents] of this.sockets) {
      if (!MESSAGE_EVENTS.has(t)) this.send(ws, t, d);
      else if (intents & GUILD_MESSAGES) this.send(ws, t, this.withIntents(d, intents));
    }
  }

  private withIntents(d: unknown, intents: number): unknown {
    const m = d as { mentions?: { id: string }[] };
    if (intents & MESSAGE_CONTENT || m.mentions?.some((u) => u.id === this.state.botUser.id)) return d;
    return { ...m, content: "", embeds: [], attachments: [], components: [] };
  }

  /** Disconnects every client and stops accepting new ones. */
  async close(): Promise<void> {
    for (const ws of this.sockets.keys()) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
