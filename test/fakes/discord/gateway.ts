// The fake's gateway: hello, heartbeats, identify → READY and GUILD_CREATE, and dispatches to every client.

import type { Server } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";
import { apiUser, snowflake } from "../discord-payloads.ts";
import type { DiscordState } from "./state.ts";

const GUILD_NAME = "Bosun test guild";

/** The gateway half of the fake, on the REST server's port. */
export class FakeGateway {
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private seq = 0;

  constructor(
    server: Server,
    private readonly state: DiscordState,
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on("connection", (ws) => this.onSocket(ws));
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on("close", () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    ws.on("message", (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (msg.op === 1) ws.send(JSON.stringify({ op: 11 }));
      else if (msg.op === 2) this.identify(ws);
      else if (msg.op === 6) this.send(ws, "RESUMED", {});
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

  /** Sends a dispatch to every connected client. */
  dispatch(t: string, d: unknown): void {
    for (const ws of this.sockets) this.send(ws, t, d);
  }

  /** Disconnects every client and stops accepting new ones. */
  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
