// canManageChannel: admins, owners and the channel's creator may; anyone else, a failure or no answer may not.

import type { webApi } from "@slack/bolt";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { canManageChannel } from "./permissions.ts";

const logger = pino({ level: "silent" });

/** A stand-in for Slack's Web API answering users.info and conversations.info as given. */
function client(user: () => Promise<unknown>, channel: () => Promise<unknown>): webApi.WebClient {
  return { users: { info: user }, conversations: { info: channel } } as unknown as webApi.WebClient;
}

const never = () => new Promise<never>(() => {});

describe("canManageChannel", () => {
  it("lets workspace admins and the channel's creator manage it, and nobody else", async () => {
    const admin = client(async () => ({ user: { is_admin: true } }), never);
    expect(await canManageChannel(admin, "U1", "C1", logger)).toBe(true);
    const creator = client(
      async () => ({ user: {} }),
      async () => ({ channel: { creator: "U1" } }),
    );
    expect(await canManageChannel(creator, "U1", "C1", logger)).toBe(true);
    expect(await canManageChannel(creator, "U2", "C1", logger)).toBe(false);
  });

  it("says no when Slack fails or does not answer in time", async () => {
    const failing = client(
      async () => Promise.reject(new Error("ratelimited")),
      async () => Promise.reject(new Error("ratelimited")),
    );
    expect(await canManageChannel(failing, "U1", "C1", logger)).toBe(false);
    const silent = client(never, never);
    expect(await canManageChannel(silent, "U1", "C1", logger, 50)).toBe(false);
  });
});
