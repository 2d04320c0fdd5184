// ReplyJob → Slack messages (pure): code output, diff, hints and buttons within Block Kit's limits.

import type { ReplyJob } from "@bosun/queue";
import type { Action, ReplyBlock } from "@bosun/tutor";
import {
  type ButtonElement,
  codeSections,
  context,
  escapeMrkdwn,
  header,
  LIMITS,
  packMessages,
  type SlackBlock,
  type SlackMessage,
  shorten,
  textSections,
} from "./blocks.ts";

/**
 * What a button's `value` says about where it was pressed: `p` a personal reply, `g` a group
 * sandbox's channel reply, `r` a channel quiz round, `h` the App Home tab. The click handler picks
 * the session and where the answer goes from it.
 */
export type ButtonScope = "p" | "g" | "r" | "h";

/** The parts of a reply the renderer reads. */
export type RenderInput = Pick<ReplyJob, "visibility" | "kind" | "reply"> & Partial<Pick<ReplyJob, "round">>;

const LETTERS = "abcdefghij";
const PROGRESS_CELLS = 10;

/** "▰▰▰▰▱▱▱▱▱▱ 40%". */
function bar(percent: number): string {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  const full = Math.round((p / 100) * PROGRESS_CELLS);
  return `${"▰".repeat(full)}${"▱".repeat(PROGRESS_CELLS - full)} ${p}%`;
}

const lessonNote = (lesson: number | undefined) => (lesson !== undefined ? ` _(lesson ${lesson})_` : "");

/** One tutor block as Slack blocks: long text becomes several sections, never a cut. */
export function renderBlock(b: ReplyBlock): SlackBlock[] {
  switch (b.kind) {
    case "text":
      return textSections(escapeMrkdwn(b.text));
    case "code": {
      const out: SlackBlock[] = [];
      if (b.command !== undefined) out.push(context(`\`$ ${escapeMrkdwn(b.command.replace(/`/g, "'"))}\``));
      if (b.text.replace(/\n+$/, "") === "") out.push(context("_(no output)_"));
      else out.push(...codeSections(b.text));
      if (b.exitCode !== undefined && b.exitCode !== 0) out.push(context(`:x: exit code ${b.exitCode}`));
      return out;
    }
    case "diff":
      return b.lines.length === 0 ? [] : codeSections(b.lines.join("\n"), "*Changes*");
    case "hint":
      return textSections(`:bulb: *${b.level === 3 ? "Hint (last one)" : "Hint"}:* ${escapeMrkdwn(b.text)}`);
    case "success":
      return textSections(`:white_check_mark: ${escapeMrkdwn(b.text)}`);
    case "warning":
      return textSections(`:warning: ${escapeMrkdwn(b.text)}${lessonNote(b.lesson)}`);
    case "tip":
      return textSections(`:memo: *Tip:* ${escapeMrkdwn(b.text)}${lessonNote(b.lesson)}`);
    case "progress":
      return textSections(
        `${b.percent !== undefined ? `\`${bar(b.percent)}\` ` : ":bar_chart: "}${escapeMrkdwn(b.text)}`,
      );
    case "quiz": {
      const choices = (b.choices ?? []).map((c, i) => `*${LETTERS[i] ?? i + 1})* ${escapeMrkdwn(c)}`);
      return textSections([`:question: *${escapeMrkdwn(b.prompt)}*`, ...choices].join("\n"));
    }
  }
}

/**
 * Buttons in actions blocks of at most 25. Slack refuses two buttons with one `action_id` in a
 * message, so a repeated id is dropped; labels over 75 characters are shortened (the full text of
 * a quiz choice is in the question above).
 */
export function renderActions(actions: Action[], scope: ButtonScope): SlackBlock[] {
  const seen = new Set<string>();
  const buttons: ButtonElement[] = [];
  for (const a of actions) {
    if (seen.has(a.id) || a.id.length > LIMITS.actionId) continue;
    seen.add(a.id);
    const button: ButtonElement = {
      type: "button",
      text: { type: "plain_text", text: shorten(a.label, LIMITS.buttonLabel), emoji: true },
      action_id: a.id,
      value: scope,
    };
    if (a.style !== undefined) button.style = a.style;
    buttons.push(button);
  }
  const out: SlackBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements)
    out.push({ type: "actions", elements: buttons.slice(i, i + LIMITS.actionsElements) });
  return out;
}

/** The first line of the reply's first text-like block: the notification text. */
function summary(input: RenderInput): string {
  if (input.kind === "round" && input.round) return `Quiz round ${input.round.n}`;
  for (const b of input.reply.blocks) {
    const t =
      b.kind === "code"
        ? (b.command ?? b.text)
        : b.kind === "diff"
          ? "Changes"
          : b.kind === "quiz"
            ? b.prompt
            : b.text;
    const line = t.split("\n").find((l) => l.trim() !== "");
    if (line !== undefined) return shorten(line.trim(), 150);
  }
  return "Bosun";
}

/** The blocks of a whole reply, before packing into messages. */
export function renderReplyBlocks(input: RenderInput): SlackBlock[] {
  const out: SlackBlock[] = [];
  if (input.kind === "round" && input.round) {
    out.push(header(`Quiz round ${input.round.n}`));
    const closes = Math.floor(input.round.closesAt / 1000);
    const fallback = new Date(input.round.closesAt).toISOString().replace(/\.\d+Z$/, "Z");
    out.push(
      context(
        `Answers until <!date^${closes}^{date_short_pretty} {time}|${fallback}>. Your first answer counts.`,
      ),
    );
  } else if (input.kind === "reveal")
    out.push(header(input.round ? `Round ${input.round.n}: the answer` : "The answer"));
  for (const b of input.reply.blocks) out.push(...renderBlock(b));
  const scope: ButtonScope = input.kind === "round" ? "r" : input.visibility === "channel" ? "g" : "p";
  out.push(...renderActions(input.reply.actions, scope));
  if (out.length === 0) out.push(context("_(nothing to show)_"));
  return out;
}

/**
 * A reply as one or more Slack messages, each within 50 blocks and 3,000 characters a section;
 * buttons stay with the last message. Nothing is dropped: long output continues in the next message.
 */
export function renderReply(input: RenderInput): SlackMessage[] {
  const blocks = renderReplyBlocks(input);
  const first = escapeMrkdwn(summary(input));
  return packMessages(blocks, (i, n) => (i === 0 ? first : `${first} (continued, ${i + 1}/${n})`));
}
