// A fake Slack Web API and response_url endpoint on 127.0.0.1 that enforces Block Kit's limits.

import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { BLOCK_LIMITS, blockProblem } from "./slack-blocks.ts";

/** A Web API call as the fake received it; `blocks` and `view` are parsed back from JSON. */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  /** The bearer token it carried. */
  token: string | undefined;
}

/** A POST to a response_url. */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
}

/** A request the fake refused because its blocks broke a Block Kit limit. */
export interface Violation {
  where: string;
  problem: string;
}

export interface FakeUser {
  id: string;
  name: string;
  is_admin?: boolean;
  is_owner?: boolean;
}

export interface FakeChannel {
  id: string;
  name: string;
  creator: string;
}

/** Options of the fake. */
export interface FakeSlackOptions {
  team?: string;
  users?: FakeUser[];
  channels?: FakeChannel[];
}

const JSON_FIELDS = new Set(["blocks", "view", "attachments", "files", "metadata"]);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseArgs(req: IncomingMessage, raw: string): Record<string, unknown> {
  const type = req.headers["content-type"] ?? "";
  if (type.startsWith("application/json"))
    return raw === "" ? {} : (JSON.parse(raw) as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (JSON_FIELDS.has(k)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // kept as text: the check below reports it
      }
    }
    out[k] = v;
  }
  return out;
}

/**
 * The fake: `apiUrl` for Bolt's `slackApiUrl`, `responseUrl(id)` for slash commands and buttons.
 * Records every call; `waitFor` resolves when a condition over the records holds.
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  readonly violations: Violation[] = [];
  readonly uploads = new Map<string, string>();
  readonly team: string;
  private readonly users = new Map<string, FakeUser>();
  private readonly channels = new Map<string, FakeChannel>();
  private readonly waiters = new Set<() => void>();
  private ts = 0;
  /** Socket Mode: the app's connections, and envelopes waiting for their acknowledgement. */
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly pendingAcks = new Map<string, (payload: unknown) => void>();
  private constructor(
    private readonly server: Server,
    readonly url: string,
    opts: FakeSlackOptions,
  ) {
    this.team = opts.team ?? "T0FAKE";
    for (const u of opts.users ?? []) this.users.set(u.id, u);
    for (const c of opts.channels ?? []) this.channels.set(c.id, c);
    this.wss = new WebSocketServer({ server });
    this.wss.on("connection", (ws) => {
      this.sockets.add(ws);
      ws.on("close", () => this.sockets.delete(ws));
      ws.on("message", (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
        if (msg.envelope_id !== undefined) this.pendingAcks.get(msg.envelope_id)?.(msg.payload ?? {});
      });
      ws.send(
        JSON.stringify({
          type: "hello",
          num_connections: 1,
          debug_info: { host: "fake-slack" },
          connection_info: { app_id: "A0FAKE" },
        }),
      );
      this.notify();
    });
  }

  /** Socket Mode: connections the app holds open. */
  get socketCount(): number {
    return this.sockets.size;
  }

  /**
   * Socket Mode: sends an envelope (`slash_commands`, `interactive`, `events_api`) with `payload`
   * to the app and resolves with the payload of its acknowledgement.
   */
  sendEnvelope(type: string, payload: Record<string, unknown>): Promise<unknown> {
    const [ws] = this.sockets;
    if (!ws) return Promise.reject(new Error("no Socket Mode connection"));
    const id = randomBytes(8).toString("hex");
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingAcks.delete(id);
        reject(new Error(`envelope ${type} was not acknowledged`));
      }, 10_000);
      this.pendingAcks.set(id, (ack) => {
        clearTimeout(timer);
        this.pendingAcks.delete(id);
        resolve(ack);
      });
      ws.send(JSON.stringify({ envelope_id: id, type, accepts_response_payload: true, payload }));
    });
  }

  /** Starts a fake on a free port of 127.0.0.1. */
  static async start(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
    let fake: FakeSlack | undefined;
    const server = createServer((req, res) => {
      void fake?.route(req, res).catch((err: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" }).end(String(err));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeSlack(server, `http://127.0.0.1:${port}`, opts);
    return fake;
  }

  /** The Web API base URL (with its trailing slash). */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A fresh response_url. */
  responseUrl(id = randomBytes(6).toString("hex")): string {
    return `${this.url}/response/${id}`;
  }

  /** The calls of one Web API method. */
  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /**
   * Resolves with `probe()`'s first truthy result, re-checked after every request the fake
   * records; rejects after `timeoutMs` with `what` and a summary of what did arrive.
   */
  waitFor<T>(probe: () => T | undefined | false | null, what: string, timeoutMs = 20_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        let value: T | undefined | false | null;
        try {
          value = probe();
        } catch (err) {
          finish();
          reject(err);
          return;
        }
        if (value) {
          finish();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        finish();
        const seen = [
          ...this.calls.map((c) => c.method),
          ...this.responses.map((r) => `response/${r.id}`),
        ].join(", ");
        const bad = this.violations.map((v) => `${v.where}: ${v.problem}`).join("; ");
        reject(new Error(`timed out waiting for ${what}; saw [${seen}]${bad ? `; refused: ${bad}` : ""}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }

  private nextTs(): string {
    this.ts += 1;
    return `1700000000.${String(this.ts).padStart(6, "0")}`;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const response = /^\/response\/([^/]+)$/.exec(path);
    if (response) {
      const body = JSON.parse(raw) as Record<string, unknown>;
      const problem = body.blocks !== undefined ? blockProblem(body.blocks, BLOCK_LIMITS.message) : undefined;
      if (problem) {
        this.violations.push({ where: `response/${response[1]}`, problem });
        res.writeHead(400, { "content-type": "text/plain" }).end("invalid_blocks");
      } else {
        this.responses.push({ id: response[1] ?? "", body });
        res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      }
      this.notify();
      return;
    }
    const upload = /^\/upload\/([^/]+)$/.exec(path);
    if (upload) {
      this.uploads.set(upload[1] ?? "", raw);
      res.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${raw.length}`);
      this.notify();
      return;
    }
    const api = /^\/api\/([A-Za-z.]+)$/.exec(path);
    if (!api) {
      this.send(res, 404, { ok: false, error: "not_found" });
      return;
    }
    const method = api[1] ?? "";
    const args = parseArgs(req, raw);
    const auth = req.headers.authorization;
    const call: ApiCall = { method, args, token: auth?.replace(/^Bearer /, "") };
    const result = this.answer(method, args);
    if (result.ok) this.calls.push(call);
    this.send(res, 200, result);
    this.notify();
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> & { ok: boolean } {
    const refuse = (where: string, problem: string) => {
      this.violations.push({ where, problem });
      return { ok: false, error: "invalid_blocks", problem };
    };
    switch (method) {
      case "apps.connections.open":
        return { ok: true, url: `${this.url.replace(/^http/, "ws")}/link?ticket=fake` };
      case "auth.test":
        return {
          ok: true,
          user_id: "U0BOT",
          bot_id: "B0BOT",
          team_id: this.team,
          user: "bosun",
          team: "Fake",
        };
      case "chat.postMessage":
      case "chat.postEphemeral":
      case "chat.update": {
        if (typeof args.channel !== "string" || args.channel === "")
          return { ok: false, error: "channel_not_found" };
        if (method === "chat.postEphemeral" && typeof args.user !== "string")
          return { ok: false, error: "user_not_found" };
        if (args.blocks !== undefined) {
          const problem = blockProblem(args.blocks, BLOCK_LIMITS.message);
          if (problem) return refuse(method, problem);
        } else if (typeof args.text !== "string" || args.text === "") return { ok: false, error: "no_text" };
        const ts = typeof args.ts === "string" ? args.ts : this.nextTs();
        return method === "chat.postEphemeral"
          ? { ok: true, message_ts: ts }
          : { ok: true, channel: args.channel, ts, message: { text: args.text, blocks: args.blocks } };
      }
      case "views.open":
      case "views.publish": {
        const view = args.view as { type?: string; blocks?: unknown } | undefined;
        if (!view || typeof view !== "object") return { ok: false, error: "invalid_arguments" };
        if (method === "views.open" && typeof args.trigger_id !== "string")
          return { ok: false, error: "invalid_trigger_id" };
        if (method === "views.publish" && typeof args.user_id !== "string")
          return { ok: false, error: "invalid_arguments" };
        const problem = blockProblem(
          view.blocks,
          view.type === "home" ? BLOCK_LIMITS.home : BLOCK_LIMITS.modal,
        );
        if (problem) return refuse(method, problem);
        return { ok: true, view: { id: `V${randomBytes(4).toString("hex").toUpperCase()}`, ...view } };
      }
      case "users.info": {
        const user = this.users.get(String(args.user));
        return user
          ? { ok: true, user: { ...user, team_id: this.team } }
          : { ok: false, error: "user_not_found" };
      }
      case "conversations.info": {
        const ch = this.channels.get(String(args.channel));
        return ch
          ? { ok: true, channel: { ...ch, is_channel: true } }
          : { ok: false, error: "channel_not_found" };
      }
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args.users ?? "X")}` } };
      case "files.getUploadURLExternal": {
        const id = `F${randomBytes(4).toString("hex").toUpperCase()}`;
        return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
      }
      case "files.completeUploadExternal":
        return { ok: true, files: args.files };
      default:
        return { ok: false, error: "unknown_method" };
    }
  }
}
