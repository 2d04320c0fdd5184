// The Slack app manifest parses and declares exactly the commands, events and scopes the app uses.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SLASH_COMMANDS } from "@bosun/slack";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const path = fileURLToPath(new URL("../../infra/slack/manifest.yaml", import.meta.url));

interface Manifest {
  display_information: { name: string };
  features: {
    app_home: { home_tab_enabled: boolean };
    slash_commands: Array<{ command: string; url: string; description: string; should_escape: boolean }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

describe("infra/slack/manifest.yaml", () => {
  const manifest = parse(readFileSync(path, "utf8")) as Manifest;

  it("declares the slash commands the app handles, unescaped, on Bolt's endpoint", () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual([...SLASH_COMMANDS].sort());
    for (const c of manifest.features.slash_commands) {
      expect(c.url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
      expect(c.should_escape).toBe(false);
      expect(c.description.length).toBeLessThanOrEqual(100);
    }
  });

  it("turns on interactivity, the Home tab and the events the app listens to, over HTTP", () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_home_opened", "app_mention"]);
    expect(manifest.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it("asks only for the scopes the app uses", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        "app_mentions:read",
        "channels:read",
        "chat:write",
        "chat:write.public",
        "commands",
        "groups:read",
        "users:read",
      ].sort(),
    );
  });
});
