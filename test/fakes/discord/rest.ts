// The fake's REST API: request parsing (JSON and multipart), the routes discord.js and the bot use, answers.

import type { IncomingMessage, ServerResponse } from "node:http";
import { snowflake, threadChannel } from "../discord-payloads.ts";
import type { FakeGateway } from "./gateway.ts";
import { invalid, messageProblem } from "./limits.ts";
import type { DiscordState, FakeCall, Reply } from "./state.ts";

/** The REST half of the fake. */
export class FakeRest {
  constructor(
    private readonly state: DiscordState,
    private readonly gateway: FakeGateway,
  ) {}

  /** Answers one REST request and records it in `calls`. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
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
    this.state.calls.push(call);
    // No body (and so no JSON content type, which discord.js would try to parse) on a 204.
    if (status === 204) res.writeHead(204).end();
    else res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(out));
    this.state.events.emit("call", call);
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
          url: `ws://127.0.0.1:${this.state.port}`,
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
        return typeof id === "string" ? [200, this.state.view(id)] : id;
      },
    ],
    [
      "PATCH",
      /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/,
      (m, c, body) => {
        const id = this.webhookMessage(m);
        return typeof id === "string" ? this.state.edit(id, body, c.files) : id;
      },
    ],
    [
      "POST",
      /^\/webhooks\/(\d+)\/([^/]+)$/,
      (m, c, body) => {
        const i = this.state.interactions.get(m[2] ?? "");
        if (!i || m[1] !== this.state.appId) return [404, { message: "Unknown Webhook", code: 10015 }];
        const problem = messageProblem(body, c.files.length, false);
        if (problem) return invalid(problem);
        const msg = this.state.store(
          snowflake(),
          i.channelId,
          body,
          c.files,
          Number(body.flags ?? 0),
          i.token,
        );
        i.followups.push(msg.id);
        return [200, this.state.view(msg.id)];
      },
    ],
    [
      "POST",
      /^\/channels\/(\d+)\/messages$/,
      (m, c, body) => {
        if (!this.state.channelData.has(m[1] ?? ""))
          return [404, { message: "Unknown Channel", code: 10003 }];
        if (c.auth === undefined) return [401, { message: "401: Unauthorized", code: 0 }];
        const problem = messageProblem(body, c.files.length, false);
        if (problem) return invalid(problem);
        const msg = this.state.store(snowflake(), m[1] ?? "", body, c.files, 0);
        return [200, this.state.view(msg.id)];
      },
    ],
    [
      "PATCH",
      /^\/channels\/(\d+)\/messages\/(\d+)$/,
      (m, c, body) =>
        this.state.messages.get(m[2] ?? "")?.channelId === m[1]
          ? this.state.edit(m[2] ?? "", body, c.files)
          : [404, { message: "Unknown Message", code: 10008 }],
    ],
    [
      "POST",
      /^\/channels\/(\d+)\/threads$/,
      (m, _c, body) => {
        const parent = this.state.channelData.get(m[1] ?? "");
        if (parent?.type !== 0) return [400, { message: "Cannot start a thread here", code: 50024 }];
        const id = snowflake();
        const thread = threadChannel(
          id,
          this.state.guildId,
          m[1] ?? "",
          String(body.name ?? "thread"),
          this.state.botUser.id,
        );
        this.state.channelData.set(id, thread);
        this.gateway.dispatch("THREAD_CREATE", { ...thread, newly_created: true });
        return [201, thread];
      },
    ],
    ["DELETE", /^\/channels\/(\d+)\/thread-members\/(\d+|@me)$/, () => [204, undefined]],
    ["PUT", /^\/channels\/(\d+)\/thread-members\/(\d+|@me)$/, () => [204, undefined]],
    [
      "GET",
      /^\/channels\/(\d+)$/,
      (m) => {
        const ch = this.state.channelData.get(m[1] ?? "");
        return ch ? [200, ch] : [404, { message: "Unknown Channel", code: 10003 }];
      },
    ],
    [
      "PATCH",
      /^\/channels\/(\d+)$/,
      (m, _c, body) => {
        const ch = this.state.channelData.get(m[1] ?? "");
        if (!ch) return [404, { message: "Unknown Channel", code: 10003 }];
        const meta = { ...(ch.thread_metadata as Record<string, unknown>) };
        if (typeof body.archived === "boolean") meta.archived = body.archived;
        if (typeof body.locked === "boolean") meta.locked = body.locked;
        const next = {
          ...ch,
          ...(typeof body.name === "string" ? { name: body.name } : {}),
          thread_metadata: meta,
        };
        this.state.channelData.set(m[1] ?? "", next);
        this.gateway.dispatch("THREAD_UPDATE", next);
        return [200, next];
      },
    ],
    [
      "PUT",
      /^\/applications\/(\d+)(\/guilds\/\d+)?\/commands$/,
      (m, c) => {
        if (m[1] !== this.state.appId || c.auth === undefined)
          return [401, { message: "401: Unauthorized", code: 0 }];
        const list = (Array.isArray(c.body) ? c.body : []) as Record<string, unknown>[];
        const withIds = list.map((cmd) => ({
          ...cmd,
          id: snowflake(),
          application_id: this.state.appId,
          version: snowflake(),
        }));
        this.state.registered.set(c.path, withIds);
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
    const i = this.state.interactions.get(m[2] ?? "");
    if (!i || m[1] !== this.state.appId) return [404, { message: "Unknown Webhook", code: 10015 }];
    const id = m[3] === "@original" ? i.originalId : m[3];
    return id ?? [404, { message: "Unknown Message", code: 10008 }];
  }

  private callback(token: string, body: Record<string, unknown>, files: FakeCall["files"]): Reply {
    const i = this.state.interactions.get(token);
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
      const msg = this.state.store(
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
}

function collect(req: IncomingMessage): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(chunks));
    req.on("error", reject);
  });
}
