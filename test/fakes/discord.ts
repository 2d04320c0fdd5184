// A fake Discord on 127.0.0.1: REST and gateway on one port, enough of both for discord.js 14 and our bot.

import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import {
  apiMember,
  apiMessage,
  apiUser,
  type FakeUser,
  messageProblem,
  snowflake,
  textChannel,
  threadChannel,
} from "./discord-payloads.ts";

export type { FakeUser } from "./discord-payloads.ts";
export { MANAGER_PERMISSIONS, MEMBER_PERMISSIONS, snowflake } from "./discord-payloads.ts";

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

interface FakeInteraction {
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

const GUILD_NAME = "Bosun test guild";

/** A REST answer: status and JSON body. */
type Reply = [number, unknown];

/** The fake server. Start with `FakeDiscord.start()`; `close()` in afterAll. */
export class FakeDiscord {
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
  private readonly events = new EventEmitter();
  private readonly sockets = new Set<WebSocket>();
  private seq = 0;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    readonly port: number,
  ) {
    this.events.setMaxListeners(100);
    for (const [name, id] of Object.entries(this.channels))
      this.channelData.set(id, textChannel(id, this.guildId, name));
  }

  /** Starts the fake on a free port of 127.0.0.1. */
  static async start(): Promise<FakeDiscord> {
    const server = createServer();
    const wss = new WebSocketServer({ server });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const fake = new FakeDiscord(server, wss, (server.address() as AddressInfo).port);
    server.on("request", (req, res) => {
      fake.onRequest(req, res).catch((err: unknown) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: String(err), code: 0 }));
      });
    });
    wss.on("connection", (ws) => fake.onSocket(ws));
    return fake;
  }

  /** The REST base URL for discord.js' `rest.api` (discord.js appends `/v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  // ---------------------------------------------------------------- gateway

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
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      user: apiUser(this.botUser, true),
      guilds: [{ id: this.guildId, unavailable: true }],
      application: { id: this.appId, flags: 0 },
      shard: [0, 1],
    });
    const channels = [...this.channelData.values()].filter((c) => c.type !== 11);
    const threads = [...this.channelData.values()].filter((c) => c.type === 11);
    this.send(ws, "GUILD_CREATE", {
      id: this.guildId,
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
          id: this.guildId,
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

  private channelOf(id: string): Record<string, unknown> {
    return this.channelData.get(id) ?? textChannel(id, this.guildId, "unknown");
  }

  private interactionBase(from: From, type: number): Record<string, unknown> & { id: string; token: string } {
    const id = snowflake();
    const token = `itoken-${id}-${"x".repeat(120)}`;
    const base: Record<string, unknown> & { id: string; token: string } = {
      id,
      token,
      application_id: this.appId,
      type,
      version: 1,
      locale: "en-US",
      entitlements: [],
      attachment_size_limit: 10_485_760,
      app_permissions: "1071698660929",
    };
    const channelId = from.channelId ?? (from.dm ? snowflake() : this.channels.general);
    this.interactions.set(token, { id, token, channelId, callbacks: [], followups: [] });
    if (from.dm) {
      Object.assign(base, {
        user: apiUser(from.user),
        channel_id: channelId,
        channel: { id: channelId, type: 1, recipients: [apiUser(from.user)] },
        authorizing_integration_owners: { "1": from.user.id },
        context: 1,
      });
    } else {
      Object.assign(base, {
        guild_id: this.guildId,
        guild_locale: "en-US",
        member: apiMember(from.user),
        channel_id: channelId,
        channel: this.channelOf(channelId),
        authorizing_integration_owners: { "0": this.guildId },
        context: 0,
      });
    }
    return base;
  }

  /**
   * Sends a slash command. `options` are Discord's option objects (`{ name, type, value }`, with
   * `type: 1` and nested `options` for a subcommand); channel options are resolved by the fake.
   */
  slash(name: string, options: Record<string, unknown>[], from: From): { id: string; token: string } {
    const base = this.interactionBase(from, 2);
    const channelIds = flatOptions(options)
      .filter((o) => o.type === 7)
      .map((o) => String(o.value));
    const resolved =
      channelIds.length > 0
        ? {
            channels: Object.fromEntries(
              channelIds.map((id) => [id, { ...this.channelOf(id), permissions: "1071698660929" }]),
            ),
          }
        : undefined;
    this.dispatch("INTERACTION_CREATE", {
      ...base,
      data: { id: snowflake(), name, type: 1, options, ...(resolved ? { resolved } : {}) },
    });
    return { id: base.id, token: base.token };
  }

  /** Sends an autocomplete request for the focused option. */
  autocomplete(name: string, options: Record<string, unknown>[], from: From): { id: string; token: string } {
    const base = this.interactionBase(from, 4);
    this.dispatch("INTERACTION_CREATE", { ...base, data: { id: snowflake(), name, type: 1, options } });
    return { id: base.id, token: base.token };
  }

  /** Presses a button `customId` on message `messageId` (a message the fake holds). */
  click(customId: string, messageId: string, from: From): { id: string; token: string } {
    const held = this.messages.get(messageId);
    if (!held) throw new Error(`fake discord: no message ${messageId}`);
    const base = this.interactionBase({ ...from, channelId: held.channelId }, 3);
    const latest = held.versions[held.versions.length - 1] ?? {};
    const message = apiMessage({
      id: held.id,
      channelId: held.channelId,
      author: apiUser(this.botUser, true),
      content: String(latest.content ?? ""),
      components: (latest.components as unknown[]) ?? [],
      flags: held.flags,
    });
    this.dispatch("INTERACTION_CREATE", {
      ...base,
      message,
      data: { custom_id: customId, component_type: 2 },
    });
    return { id: base.id, token: base.token };
  }

  /** A member (or a bot, with `bot: true`) posts a plain message, optionally as a reply to another. */
  say(
    channelId: string,
    content: string,
    user: FakeUser,
    opts: { bot?: boolean; replyTo?: string } = {},
  ): string {
    const id = snowflake();
    const data = apiMessage({
      id,
      channelId,
      guildId: this.guildId,
      author: apiUser(user, opts.bot ?? false),
      member: { ...apiMember(user), user: undefined },
      content,
    });
    if (opts.replyTo) {
      data.type = 19;
      data.message_reference = {
        type: 0,
        message_id: opts.replyTo,
        channel_id: channelId,
        guild_id: this.guildId,
      };
    }
    this.dispatch("MESSAGE_CREATE", data);
    return id;
  }

  // ---------------------------------------------------------------- observing

  /**
   * Resolves with `check()`'s first defined result, re-checking whenever a REST call arrives.
   * Rejects after `timeoutMs` (a failure, not a way to wait).
   */
  waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const tryNow = (): boolean => {
        const v = check();
        if (v === undefined || v === false) return false;
        cleanup();
        resolve(v);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake discord: timed out waiting for ${what}`));
      }, timeoutMs);
      const onCall = () => void tryNow();
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off("call", onCall);
      };
      this.events.on("call", onCall);
      tryNow();
    });
  }

  /** The messages of an interaction: the original (deferred, then edited), then its follow-ups. */
  repliesTo(token: string): FakeMessage[] {
    const i = this.interactions.get(token);
    if (!i) return [];
    const ids = [...(i.originalId ? [i.originalId] : []), ...i.followups];
    return ids.flatMap((id) => this.messages.get(id) ?? []);
  }

  /** Messages posted in a channel or thread (not interaction replies), oldest first. */
  channelMessages(channelId: string): FakeMessage[] {
    return [...this.messages.values()].filter(
      (m) => m.channelId === channelId && m.interaction === undefined,
    );
  }

  /** Resolves when the interaction got its (first) callback. */
  acknowledged(token: string): Promise<Record<string, unknown>> {
    return this.waitFor(() => this.interactions.get(token)?.callbacks[0], "an interaction callback");
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- REST

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = Buffer.concat(await collect(req));
    const type = String(req.headers["content-type"] ?? "");
    let body: unknown;
    const files: { name: string; text: string }[] = [];
    if (type.startsWith("multipart/form-data")) {
      const form = await new Response(raw, { headers: { "content-type": type } }).formData();
      for (const [key, value] of form.entries()) {
        if (key === "payload_json") body = JSON.parse(String(value));
        else if (typeof value !== "string") files.push({ name: value.name, text: await value.text() });
      }
    } else if (raw.length > 0) body = JSON.parse(raw.toString("utf8"));
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, "");
    const call: FakeCall = {
      method: req.method ?? "GET",
      path,
      query: url.searchParams,
      body,
      files,
      auth: req.headers.authorization,
      status: 0,
    };
    const [status, out] = this.route(call);
    call.status = status;
    this.calls.push(call);
    // No body (and so no JSON content type, which discord.js would try to parse) on a 204.
    if (status === 204) res.writeHead(204).end();
    else res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(out));
    this.events.emit("call", call);
  }

  /** The REST routes: method, path pattern, handler (first match wins). */
  private readonly routes: [
    string,
    RegExp,
    (m: string[], c: FakeCall, body: Record<string, unknown>) => Reply,
  ][] = [
    [
      "GET",
      /^\/gateway\/bot$/,
      () => [
        200,
        {
          url: `ws://127.0.0.1:${this.port}`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 14_400_000, max_concurrency: 1 },
        },
      ],
    ],
    [
      "POST",
      /^\/interactions\/(\d+)\/([^/]+)\/callback$/,
      (m, c, body) => this.callback(m[2] ?? "", body, c.files),
    ],
    [
      "GET",
      /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/,
      (m) => {
        const id = this.webhookMessage(m);
        return typeof id === "string" ? [200, this.view(id)] : id;
      },
    ],
    [
      "PATCH",
      /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/,
      (m, c, body) => {
        const id = this.webhookMessage(m);
        return typeof id === "string" ? this.edit(id, body, c.files) : id;
      },
    ],
    [
      "POST",
      /^\/webhooks\/(\d+)\/([^/]+)$/,
      (m, c, body) => {
        const i = this.interactions.get(m[2] ?? "");
        if (!i || m[1] !== this.appId) return [404, { message: "Unknown Webhook", code: 10015 }];
        const problem = messageProblem(body, c.files.length, false);
        if (problem) return invalid(problem);
        const msg = this.store(snowflake(), i.channelId, body, c.files, Number(body.flags ?? 0), i.token);
        i.followups.push(msg.id);
        return [200, this.view(msg.id)];
      },
    ],
    [
      "POST",
      /^\/channels\/(\d+)\/messages$/,
      (m, c, body) => {
        if (!this.channelData.has(m[1] ?? "")) return [404, { message: "Unknown Channel", code: 10003 }];
        if (c.auth === undefined) return [401, { message: "401: Unauthorized", code: 0 }];
        const problem = messageProblem(body, c.files.length, false);
        if (problem) return invalid(problem);
        const msg = this.store(snowflake(), m[1] ?? "", body, c.files, 0);
        return [200, this.view(msg.id)];
      },
    ],
    [
      "PATCH",
      /^\/channels\/(\d+)\/messages\/(\d+)$/,
      (m, c, body) =>
        this.messages.get(m[2] ?? "")?.channelId === m[1]
          ? this.edit(m[2] ?? "", body, c.files)
          : [404, { message: "Unknown Message", code: 10008 }],
    ],
    [
      "POST",
      /^\/channels\/(\d+)\/threads$/,
      (m, _c, body) => {
        const parent = this.channelData.get(m[1] ?? "");
        if (parent?.type !== 0) return [400, { message: "Cannot start a thread here", code: 50024 }];
        const id = snowflake();
        const thread = threadChannel(
          id,
          this.guildId,
          m[1] ?? "",
          String(body.name ?? "thread"),
          this.botUser.id,
        );
        this.channelData.set(id, thread);
        this.dispatch("THREAD_CREATE", { ...thread, newly_created: true });
        return [201, thread];
      },
    ],
    ["DELETE", /^\/channels\/(\d+)\/thread-members\/(\d+|@me)$/, () => [204, undefined]],
    ["PUT", /^\/channels\/(\d+)\/thread-members\/(\d+|@me)$/, () => [204, undefined]],
    [
      "GET",
      /^\/channels\/(\d+)$/,
      (m) => {
        const ch = this.channelData.get(m[1] ?? "");
        return ch ? [200, ch] : [404, { message: "Unknown Channel", code: 10003 }];
      },
    ],
    [
      "PATCH",
      /^\/channels\/(\d+)$/,
      (m, _c, body) => {
        const ch = this.channelData.get(m[1] ?? "");
        if (!ch) return [404, { message: "Unknown Channel", code: 10003 }];
        const meta = { ...(ch.thread_metadata as Record<string, unknown>) };
        if (typeof body.archived === "boolean") meta.archived = body.archived;
        if (typeof body.locked === "boolean") meta.locked = body.locked;
        const next = {
          ...ch,
          ...(typeof body.name === "string" ? { name: body.name } : {}),
          thread_metadata: meta,
        };
        this.channelData.set(m[1] ?? "", next);
        this.dispatch("THREAD_UPDATE", next);
        return [200, next];
      },
    ],
    [
      "PUT",
      /^\/applications\/(\d+)(\/guilds\/\d+)?\/commands$/,
      (m, c) => {
        if (m[1] !== this.appId || c.auth === undefined)
          return [401, { message: "401: Unauthorized", code: 0 }];
        const list = (Array.isArray(c.body) ? c.body : []) as Record<string, unknown>[];
        const withIds = list.map((cmd) => ({
          ...cmd,
          id: snowflake(),
          application_id: this.appId,
          version: snowflake(),
        }));
        this.registered.set(c.path, withIds);
        return [200, withIds];
      },
    ],
  ];

  private route(c: FakeCall): Reply {
    const body = (c.body ?? {}) as Record<string, unknown>;
    for (const [method, pattern, handler] of this.routes) {
      const m = pattern.exec(c.path);
      if (m && method === c.method) return handler([...m], c, body);
    }
    return [404, { message: "404: Not Found", code: 0 }];
  }

  /** The message id an interaction webhook path names, or the error to answer. */
  private webhookMessage(m: string[]): string | Reply {
    const i = this.interactions.get(m[2] ?? "");
    if (!i || m[1] !== this.appId) return [404, { message: "Unknown Webhook", code: 10015 }];
    const id = m[3] === "@original" ? i.originalId : m[3];
    return id ?? [404, { message: "Unknown Message", code: 10008 }];
  }

  private callback(token: string, body: Record<string, unknown>, files: FakeCall["files"]): Reply {
    const i = this.interactions.get(token);
    if (!i) return [404, { message: "Unknown interaction", code: 10062 }];
    if (i.callbacks.length > 0)
      return [400, { message: "Interaction has already been acknowledged.", code: 40060 }];
    const data = (body.data ?? {}) as Record<string, unknown>;
    if (body.type === 4 || body.type === 7) {
      const problem = messageProblem(data, files.length, body.type === 7);
      if (problem) return invalid(problem);
    }
    i.callbacks.push(body);
    if (body.type === 4 || body.type === 5) {
      // A deferred reply is a "thinking…" message until it is edited.
      const msg = this.store(
        snowflake(),
        i.channelId,
        body.type === 4 ? data : {},
        files,
        Number(data.flags ?? 0),
        token,
      );
      i.originalId = msg.id;
    }
    return [204, undefined];
  }

  private store(
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

  private edit(id: string, body: Record<string, unknown>, files: FakeCall["files"]): Reply {
    const msg = this.messages.get(id);
    if (!msg) return [404, { message: "Unknown Message", code: 10008 }];
    const problem = messageProblem(body, files.length, true);
    if (problem) return invalid(problem);
    const prev = msg.versions[msg.versions.length - 1] ?? {};
    msg.versions.push({ ...prev, ...body });
    if (files.length > 0) msg.files = [...files];
    return [200, this.view(id)];
  }

  private view(id: string): Record<string, unknown> {
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

function invalid(problem: string): Reply {
  return [
    400,
    {
      message: "Invalid Form Body",
      code: 50035,
      errors: { _errors: [{ code: "BASE_TYPE", message: problem }] },
    },
  ];
}

function flatOptions(options: Record<string, unknown>[]): Record<string, unknown>[] {
  return options.flatMap((o) => [
    o,
    ...flatOptions((o.options as Record<string, unknown>[] | undefined) ?? []),
  ]);
}

function collect(req: IncomingMessage): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(chunks));
    req.on("error", reject);
  });
}
