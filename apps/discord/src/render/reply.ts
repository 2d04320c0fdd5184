// The Discord renderer: a TutorReply becomes one or more messages within Discord's limits (pure).

import type { Action, ReplyBlock, TutorReply } from "@bosun/tutor";
import { type APIEmbed, ButtonStyle, ComponentType } from "discord.js";
import { escapeFence, fencedBlocks, splitLines, tailLines } from "./chunk.ts";
import { ATTACH_OVER, DiscordLimits, PREVIEW_LINES } from "./limits.ts";
import type { ButtonRow, OutFile, OutMessage } from "./types.ts";

const COLOURS = { hint: 0xf1c40f, diff: 0x3498db, progress: 0x2ecc71, quiz: 0x9b59b6 } as const;
const LETTERS = "abcdefghij";
const NO_MENTIONS = { parse: [] as [] };

/**
 * A piece of message content: text (with the file it announces, for a long output's preview), or
 * command output that becomes one or more code blocks.
 */
type Piece = { text: string; file?: OutFile } | { code: string };

function bar(percent: number): string {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  const filled = Math.round(p / 10);
  return `\`[${"#".repeat(filled)}${"-".repeat(10 - filled)}]\` ${p}%`;
}

function lessonRef(lesson: number | undefined): string {
  return lesson === undefined ? "" : ` (lesson ${lesson})`;
}

/** Embeds for one long text: split at line ends so that no description passes Discord's limit. */
function textEmbeds(title: string, colour: number, description: string): APIEmbed[] {
  return splitLines(description, DiscordLimits.embedDescription).map((d, i) => ({
    title: i === 0 ? title : `${title} (continued)`,
    description: d,
    color: colour,
  }));
}

function quizDescription(b: Extract<ReplyBlock, { kind: "quiz" }>): string {
  const choices = (b.choices ?? []).map((c, i) => `**${(LETTERS[i] ?? String(i + 1)).toUpperCase()})** ${c}`);
  return choices.length > 0 ? `${b.prompt}\n\n${choices.join("\n")}` : b.prompt;
}

function collect(reply: TutorReply): { pieces: Piece[]; embeds: APIEmbed[] } {
  const pieces: Piece[] = [];
  const embeds: APIEmbed[] = [];
  let files = 0;
  for (const b of reply.blocks) {
    switch (b.kind) {
      case "text":
        if (b.text.trim() !== "") pieces.push({ text: b.text });
        break;
      case "code": {
        const body = b.text.endsWith("\n") ? b.text.slice(0, -1) : b.text;
        if (body === "") break;
        if (body.length > ATTACH_OVER) {
          files++;
          const name = files === 1 ? "output.txt" : `output-${files}.txt`;
          const lines = body.split("\n");
          const preview = lines.slice(0, PREVIEW_LINES).join("\n");
          const shown = Math.min(PREVIEW_LINES, lines.length);
          const note = `-# Output: ${lines.length} lines, ${body.length} characters; the first ${shown} are shown, all of it is in \`${name}\`.`;
          const [first = ""] = fencedBlocks(preview, DiscordLimits.content - note.length - 1);
          pieces.push({ text: `${first}\n${note}`, file: { name, text: b.text } });
        } else {
          pieces.push({ code: escapeFence(body) });
        }
        break;
      }
      case "diff": {
        if (b.lines.length === 0) break;
        const room = DiscordLimits.embedDescription - "```diff\n\n```".length;
        const parts = splitLines(b.lines.join("\n"), room);
        parts.forEach((part, i) => {
          embeds.push({
            title: i === 0 ? "Changes" : "Changes (continued)",
            description: `\`\`\`diff\n${part.replace(/```/g, "`\u200b``")}\n\`\`\``,
            color: COLOURS.diff,
          });
        });
        break;
      }
      case "hint":
        embeds.push(...textEmbeds(b.level === 3 ? "Hint (last one)" : "Hint", COLOURS.hint, b.text));
        break;
      case "success":
        pieces.push({ text: `✅ ${b.text}` });
        break;
      case "warning":
        pieces.push({ text: `⚠️ **Warning${lessonRef(b.lesson)}:** ${b.text}` });
        break;
      case "tip":
        pieces.push({ text: `💡 **Tip${lessonRef(b.lesson)}:** ${b.text}` });
        break;
      case "progress": {
        const text = b.percent !== undefined ? `${bar(b.percent)}\n${b.text}` : b.text;
        embeds.push(...textEmbeds("Progress", COLOURS.progress, text));
        break;
      }
      case "quiz":
        embeds.push(...textEmbeds("Quiz", COLOURS.quiz, quizDescription(b)));
        break;
    }
  }
  return { pieces, embeds };
}

const FENCE = "```\n";
const FENCE_END = "\n```";
const FENCES = FENCE.length + FENCE_END.length;
/** Below this much room, output starts a new message rather than a sliver of a code block. */
const MIN_CODE_ROOM = 200;

/**
 * The longest head of `body` of at most `limit` characters that ends at a line end, and the rest
 * (undefined when nothing is left). With `hard`, a first line longer than `limit` is cut; without,
 * such a body gives an empty head.
 */
function takeLines(body: string, limit: number, hard: boolean): [string, string | undefined] {
  if (body.length <= limit) return [body, undefined];
  const cut = body.lastIndexOf("\n", limit);
  if (cut > 0) return [body.slice(0, cut), body.slice(cut + 1)];
  return hard ? [body.slice(0, limit), body.slice(limit)] : ["", body];
}

type Packed = { content: string; files: OutFile[] };

/** Adds command output as code blocks: it fills the current message, then as many more as it needs. */
function packCode(out: Packed[], code: string): void {
  let rest: string | undefined = code;
  while (rest !== undefined) {
    const last = out[out.length - 1];
    const room = last ? DiscordLimits.content - last.content.length - 1 - FENCES : 0;
    if (last && room >= MIN_CODE_ROOM) {
      const [head, more] = takeLines(rest, room, false);
      if (head !== "") {
        last.content += `\n${FENCE}${head}${FENCE_END}`;
        rest = more;
        continue;
      }
    }
    const [head, more] = takeLines(rest, DiscordLimits.content - FENCES, true);
    out.push({ content: `${FENCE}${head}${FENCE_END}`, files: [] });
    rest = more;
  }
}

/** Packs pieces into message contents of at most 2,000 characters, joined by newlines. */
function packPieces(pieces: Piece[]): Packed[] {
  const out: Packed[] = [];
  for (const p of pieces) {
    if ("code" in p) {
      packCode(out, p.code);
      continue;
    }
    for (const text of splitLines(p.text, DiscordLimits.content)) {
      const last = out[out.length - 1];
      if (last && last.content.length + 1 + text.length <= DiscordLimits.content) last.content += `\n${text}`;
      else out.push({ content: text, files: [] });
    }
    if (p.file) out[out.length - 1]?.files.push(p.file);
  }
  return out;
}

function embedSize(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
}

/** Groups embeds into messages: at most 10 per message and 6,000 characters together. */
function packEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const groups: APIEmbed[][] = [];
  let size = 0;
  for (const e of embeds) {
    const last = groups[groups.length - 1];
    const s = embedSize(e);
    if (last && last.length < DiscordLimits.embeds && size + s <= DiscordLimits.embedTotal) {
      last.push(e);
      size += s;
    } else {
      groups.push([e]);
      size = s;
    }
  }
  return groups;
}

/** Answer buttons shrink to their letter: the choices are spelled out in the quiz embed above. */
function buttonLabel(a: Action): string {
  const answer = /^(?:quiz|round):[^:]+:([a-j])$/.exec(a.id)?.[1];
  const label = answer ? answer.toUpperCase() : a.label;
  return label.length > DiscordLimits.buttonLabel
    ? `${label.slice(0, DiscordLimits.buttonLabel - 1)}…`
    : label;
}

/**
 * Buttons as action rows: five to a row, at most five rows. Ids Discord would refuse (too long, or
 * repeated in one message) are left out; the schema already caps a reply at 25 actions.
 */
export function renderButtons(actions: readonly Action[]): ButtonRow[] {
  const seen = new Set<string>();
  const usable = actions.filter((a) => {
    if (a.id.length === 0 || a.id.length > DiscordLimits.customId || seen.has(a.id)) return false;
    seen.add(a.id);
    return true;
  });
  const max = DiscordLimits.actionRows * DiscordLimits.buttonsPerRow;
  const rows: ButtonRow[] = [];
  usable.slice(0, max).forEach((a, i) => {
    if (i % DiscordLimits.buttonsPerRow === 0) rows.push({ type: ComponentType.ActionRow, components: [] });
    rows[rows.length - 1]?.components.push({
      type: ComponentType.Button,
      custom_id: a.id,
      label: buttonLabel(a),
      style:
        a.style === "primary"
          ? ButtonStyle.Primary
          : a.style === "danger"
            ? ButtonStyle.Danger
            : ButtonStyle.Secondary,
    });
  });
  return rows;
}

/**
 * Renders a reply as Discord messages, in order: the first answers (or edits) the original
 * message, the rest follow it. Text and command output go in the content (output in code blocks,
 * split at line ends across messages when longer than 2,000 characters, attached as a file with a
 * preview past 6,000); the diff, hints, progress and quiz questions are embeds; buttons are action
 * rows on the last message. Nothing is cut: every character of the reply is in some message or file.
 */
export function renderReply(reply: TutorReply): OutMessage[] {
  const { pieces, embeds } = collect(reply);
  const contents = packPieces(pieces);
  const embedGroups = packEmbeds(embeds);
  const messages: OutMessage[] = contents.map((c) => ({
    content: c.content,
    ...(c.files.length > 0 ? { files: c.files } : {}),
    allowed_mentions: NO_MENTIONS,
  }));
  embedGroups.forEach((group, i) => {
    const last = messages[messages.length - 1];
    if (i === 0 && last) last.embeds = group;
    else messages.push({ embeds: group, allowed_mentions: NO_MENTIONS });
  });
  const rows = renderButtons(reply.actions);
  if (messages.length === 0) messages.push({ content: "Done.", allowed_mentions: NO_MENTIONS });
  if (rows.length > 0) {
    const last = messages[messages.length - 1];
    if (last) last.components = rows;
  }
  return messages;
}

/**
 * One frame of a progressive command (`rollout status`, `--watch`) as a single message. A frame
 * too long for one message shows its last lines and says how many came before; the final reply
 * that follows the frames carries the whole output.
 */
export function renderFrame(frame: string): OutMessage {
  const body = frame.endsWith("\n") ? frame.slice(0, -1) : frame;
  const overhead = "```\n\n```".length;
  if (body.length + overhead <= DiscordLimits.content) {
    return {
      content: fencedBlocks(body === "" ? "…" : body, DiscordLimits.content)[0] ?? "…",
      allowed_mentions: NO_MENTIONS,
    };
  }
  const noteRoom = 80;
  const { tail, hidden } = tailLines(body, DiscordLimits.content - overhead - noteRoom);
  const note = `-# ${hidden} earlier line${hidden === 1 ? "" : "s"} above; the whole output follows when it settles.`;
  const [block = ""] = fencedBlocks(tail, DiscordLimits.content - note.length - 1);
  return { content: `${note}\n${block}`, allowed_mentions: NO_MENTIONS };
}
