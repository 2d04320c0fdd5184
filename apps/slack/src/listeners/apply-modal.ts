// `/kubectl apply` with nothing to read: a modal to paste the manifest; submitting it runs `apply -f -`.

import type { App, types } from "@slack/bolt";
import { z } from "zod";
import { channelMode, sessionRef } from "../channel-mode.ts";
import { eventJob, type Origin } from "../jobs.ts";
import { enqueue, type ListenerDeps } from "./deps.ts";

export const APPLY_CALLBACK_ID = "bosun-apply";
const BLOCK = "manifest";
const INPUT = "yaml";
/** Slack caps a plain_text_input at 3,000 characters. */
export const MANIFEST_MAX = 3000;

/** What the modal carries from the slash command to its submission (private_metadata, ≤ 3,000 chars). */
const metadataSchema = z.object({
  c: z.string().min(1).max(64),
  cmd: z.string().min(1).max(1000),
  r: z.string().max(1500).optional(),
});

/** The modal for `command` (a `kubectl apply … -f -` line) opened from `o`. */
export function applyModal(o: Origin, command: string): types.ModalView {
  const meta: z.infer<typeof metadataSchema> = { c: o.channel ?? o.user, cmd: command.slice(0, 1000) };
  if (o.responseUrl !== undefined && o.responseUrl.length <= 1500) meta.r = o.responseUrl;
  return {
    type: "modal",
    callback_id: APPLY_CALLBACK_ID,
    title: { type: "plain_text", text: "kubectl apply" },
    submit: { type: "plain_text", text: "Apply" },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: JSON.stringify(meta),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `Paste a YAML manifest (several documents separated by \`---\` are fine). Bosun runs \`${command
            .replace(/`/g, "'")
            .replace(/&/g, "&amp;")
            .replace(/</g, "&lt;")
            .replace(/>/g, "&gt;")}\` with it in your sandbox.`,
        },
      },
      {
        type: "input",
        block_id: BLOCK,
        label: { type: "plain_text", text: "Manifest" },
        element: {
          type: "plain_text_input",
          action_id: INPUT,
          multiline: true,
          max_length: MANIFEST_MAX,
          placeholder: { type: "plain_text", text: "apiVersion: apps/v1\nkind: Deployment\n…" },
        },
      },
    ],
  };
}

export function registerApplyModal(app: App, deps: ListenerDeps): void {
  app.view({ callback_id: APPLY_CALLBACK_ID, type: "view_submission" }, async ({ ack, body, view }) => {
    if (body.type !== "view_submission") return void (await ack());
    const yaml = view.state.values[BLOCK]?.[INPUT]?.value ?? "";
    if (yaml.trim() === "")
      return void (await ack({ response_action: "errors", errors: { [BLOCK]: "Paste a manifest first." } }));
    let meta: z.infer<typeof metadataSchema>;
    try {
      meta = metadataSchema.parse(JSON.parse(view.private_metadata));
    } catch {
      return void (await ack({
        response_action: "errors",
        errors: { [BLOCK]: "This box is out of date. Close it and run `/kubectl apply` again." },
      }));
    }
    const team = body.team?.id ?? body.user.team_id ?? "";
    const o: Origin = {
      team,
      user: body.user.id,
      userName: body.user.name || body.user.id,
      channel: meta.c,
      eventId: body.trigger_id || `${view.id}-${view.hash}`,
      ...(meta.r !== undefined ? { responseUrl: meta.r } : {}),
    };
    const mode = await channelMode(deps.store, team, meta.c).catch(() => "personal" as const);
    const ok = await enqueue(
      deps,
      eventJob(o, sessionRef(team, o.user, meta.c, mode), { type: "command", text: meta.cmd, stdin: yaml }),
    );
    if (!ok)
      return void (await ack({
        response_action: "errors",
        errors: { [BLOCK]: "Bosun could not take that just now. Please try again in a minute." },
      }));
    await ack();
  });
}
