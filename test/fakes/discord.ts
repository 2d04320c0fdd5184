// A fake Discord on 127.0.0.1: REST and gateway on one port, enough of both for discord.js 14 and our bot.
// The parts live in ./discord/: state, gateway, REST routes, interaction builders and message limits.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeGateway } from "./discord/gateway.ts";
import {
  autocompleteInteraction,
  clickInteraction,
  type Dispatch,
  memberMessage,
  slashInteraction,
} from "./discord/interactions.ts";
import { FakeRest } from "./discord/rest.ts";
import { DiscordState, type FakeMessage, type From } from "./discord/state.ts";
import type { FakeUser } from "./discord-payloads.ts";

export type { FakeCall, FakeMessage, From } from "./discord/state.ts";
export type { FakeUser } from "./discord-payloads.ts";
export { MANAGER_PERMISSIONS, MEMBER_PERMISSIONS, snowflake } from "./discord-payloads.ts";

/** The fake server. Start with `FakeDiscord.start()`; `close()` in afterAll. */
export class FakeDiscord extends DiscordState {
  private gateway!: FakeGateway;

  private constructor(
    private readonly server: Server,
    port: number,
  ) {
    super(port);
  }

  /** Starts the fake on a free port of 127.0.0.1. */
  static async start(): Promise<FakeDiscord> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const fake = new FakeDiscord(server, (server.address() as AddressInfo).port);
    fake.gateway = new FakeGateway(server, fake);
    const rest = new FakeRest(fake, fake.gateway);
    server.on("request", (req, res) => {
      rest.handle(req, res).catch((err: unknown) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: String(err), code: 0 }));
      });
    });
    return fake;
  }

  /** The REST base URL for discord.js' `rest.api` (discord.js appends `/v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Sends a dispatch to every connected client. */
  dispatch(t: string, d: unknown): void {
    this.gateway.dispatch(t, d);
  }

  private send(x: Dispatch): { id: string; token: string } {
    this.dispatch(x.t, x.d);
    return { id: x.id, token: x.token };
  }

  /**
   * Sends a slash command. `options` are Discord's option objects (`{ name, type, value }`, with
   * `type: 1` and nested `options` for a subcommand); channel options are resolved by the fake.
   */
  slash(name: string, options: Record<string, unknown>[], from: From): { id: string; token: string } {
    return this.send(slashInteraction(this, name, options, from));
  }

  /** Sends an autocomplete request for the focused option. */
  autocomplete(name: string, options: Record<string, unknown>[], from: From): { id: string; token: string } {
    return this.send(autocompleteInteraction(this, name, options, from));
  }

  /** Presses a button `customId` on message `messageId` (a message the fake holds). */
  click(customId: string, messageId: string, from: From): { id: string; token: string } {
    return this.send(clickInteraction(this, customId, messageId, from));
  }

  /** A member (or a bot, with `bot: true`) posts a plain message, optionally as a reply to another. */
  say(
    channelId: string,
    content: string,
    user: FakeUser,
    opts: { bot?: boolean; replyTo?: string } = {},
  ): string {
    const m = memberMessage(this, channelId, content, user, opts);
    this.dispatch("MESSAGE_CREATE", m.d);
    return m.id;
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
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
