// `/bosun <verb>` → a tutor event, a channel setting, a quiz schedule, or help text.

import type { TutorEvent } from "@bosun/tutor";
import { unslack, words } from "./text.ts";

/** What a `/bosun` invocation asks for. */
export type BosunIntent =
  | { kind: "event"; event: TutorEvent }
  | { kind: "group"; mode: "on" | "off" | "status" }
  | { kind: "leaderboard" }
  | { kind: "quiz-schedule"; cron: string; revealAfterMs: number; tz?: string }
  | { kind: "quiz-unschedule" }
  /** Help text; `problem` says what was wrong with the input, when something was. */
  | { kind: "help"; problem?: string };

/** How long a round takes answers when `reveal-after` is not given. */
export const DEFAULT_REVEAL_AFTER_MS = 3600_000;
const MIN_REVEAL_MS = 60_000;
const MAX_REVEAL_MS = 7 * 24 * 3600_000;

/** The help text of the Slack app (the commands, not the course). */
export const HELP_TEXT = [
  "*Bosun: a Kubernetes tutor on a simulated cluster*",
  "`/kubectl <args>` (or `/k`) runs a command in your sandbox, e.g. `/kubectl get pods`.",
  "`/kubectl apply` opens a box to paste a YAML manifest.",
  "`/bosun lesson [list | start N | next | status]` — the course.",
  "`/bosun hint`, `/bosun solution`, `/bosun quiz`, `/bosun progress`, `/bosun reset`.",
  "`/bosun group on|off` — this channel shares one sandbox; replies go to the channel.",
  "`/bosun leaderboard` — this channel's quiz scores.",
  '`/bosun quiz schedule "0 9 * * 1-5" [reveal-after 2h] [tz Europe/Paris]` and `/bosun quiz unschedule` — quiz rounds in this channel (workspace admins and the channel\'s creator).',
].join("\n");

/** Reads the text after `/bosun` (as Slack sends it). */
export function parseBosun(raw: string): BosunIntent {
  const line = unslack(raw);
  if (line.length > 2000) return { kind: "help", problem: "That is too long for a `/bosun` command." };
  const { words: w, unclosed } = words(line);
  if (unclosed) return { kind: "help", problem: "A quote is not closed." };
  const lower = w.map((x) => x.toLowerCase());
  const [verb = "help", a1, a2] = lower;
  const rest = lower.length - 1;
  const event = (e: TutorEvent): BosunIntent => ({ kind: "event", event: e });
  const unknown = (): BosunIntent => ({
    kind: "help",
    problem: `I do not know \`/bosun ${clip(line)}\`.`,
  });
  switch (verb) {
    case "help":
    case "?":
      return { kind: "help" };
    case "hint":
      return rest === 0 ? event({ type: "hint" }) : unknown();
    case "solution":
    case "solve":
      return rest === 0 ? event({ type: "solution" }) : unknown();
    case "progress":
    case "stats":
      return rest === 0 ? event({ type: "progress" }) : unknown();
    case "review":
      return rest === 0 ? event({ type: "review" }) : unknown();
    case "skip":
      return rest === 0 ? event({ type: "skip" }) : unknown();
    case "next":
      return rest === 0 ? event({ type: "lesson", action: "next" }) : unknown();
    case "lessons":
      return rest === 0 ? event({ type: "lesson", action: "list" }) : unknown();
    case "lesson":
      return parseLesson(a1, a2, rest) ?? unknown();
    case "reset": {
      const all = a1 === "all";
      const confirm = (all ? a2 : a1) === "confirm";
      if (rest !== (all ? 1 : 0) + (confirm ? 1 : 0)) return unknown();
      return event({ type: "reset", ...(confirm ? { confirm } : {}), ...(all ? { all } : {}) });
    }
    case "answer":
      // The engine knows the pending question; it reads `answer b` itself.
      return rest > 0 ? event({ type: "text", text: `answer ${w.slice(1).join(" ")}` }) : unknown();
    case "group":
      if (rest === 0) return { kind: "group", mode: "status" };
      if (rest === 1 && (a1 === "on" || a1 === "off")) return { kind: "group", mode: a1 };
      return { kind: "help", problem: "Use `/bosun group on` or `/bosun group off`." };
    case "leaderboard":
    case "board":
      return rest === 0 ? { kind: "leaderboard" } : unknown();
    case "quiz":
      if (rest === 0) return event({ type: "quiz" });
      if (a1 === "schedule") return parseSchedule(w.slice(2));
      if (a1 === "unschedule" && rest === 1) return { kind: "quiz-unschedule" };
      return unknown();
  }
  // A lone choice (`/bosun b`) answers the pending quiz question.
  if (rest === 0 && /^([a-e]|true|false)$/.test(verb)) return event({ type: "text", text: verb });
  return unknown();
}

function parseLesson(a1: string | undefined, a2: string | undefined, rest: number): BosunIntent | undefined {
  const num = (s: string | undefined) => (s !== undefined && /^\d{1,3}$/.test(s) ? Number(s) : undefined);
  const lesson = (action: "list" | "start" | "next" | "status", n?: number): BosunIntent => ({
    kind: "event",
    event: { type: "lesson", action, ...(n !== undefined ? { lesson: n } : {}) },
  });
  if (rest === 0 || (a1 === "status" && rest === 1)) return lesson("status");
  if (a1 === "list" && rest === 1) return lesson("list");
  if (a1 === "next" && rest === 1) return lesson("next");
  if (a1 === "start" && rest === 1) return lesson("start");
  if (a1 === "start" && rest === 2 && num(a2) !== undefined) return lesson("start", num(a2));
  if (rest === 1 && num(a1) !== undefined) return lesson("start", num(a1));
  return undefined;
}

/** `"<cron>" [reveal-after 2h] [tz Zone]` (the cron may also be five bare words). */
function parseSchedule(args: string[]): BosunIntent {
  const usage = 'Use `/bosun quiz schedule "0 9 * * 1-5" [reveal-after 2h] [tz Europe/Paris]`.';
  const fields: string[] = [];
  let i = 0;
  while (i < args.length && !isKeyword(args[i] ?? "")) {
    fields.push(...(args[i] ?? "").split(/\s+/).filter(Boolean));
    i++;
  }
  if (fields.length !== 5)
    return {
      kind: "help",
      problem: `A schedule is a cron expression of five fields (minute hour day month weekday), got ${fields.length}. ${usage}`,
    };
  const bad = fields.find((f) => !/^[0-9A-Za-z*/,?-]{1,40}$/.test(f));
  if (bad !== undefined) return { kind: "help", problem: `\`${clip(bad)}\` is not a cron field. ${usage}` };
  let revealAfterMs = DEFAULT_REVEAL_AFTER_MS;
  let tz: string | undefined;
  while (i < args.length) {
    const key = (args[i] ?? "").toLowerCase().replace(/=.*$/, "");
    const inline = (args[i] ?? "").includes("=") ? (args[i] ?? "").replace(/^[^=]*=/, "") : undefined;
    const value = inline ?? args[i + 1];
    i += inline !== undefined ? 1 : 2;
    if (value === undefined) return { kind: "help", problem: `\`${key}\` needs a value. ${usage}` };
    if (key === "reveal-after") {
      const ms = parseDuration(value);
      if (ms === undefined || ms < MIN_REVEAL_MS || ms > MAX_REVEAL_MS)
        return {
          kind: "help",
          problem: `\`reveal-after ${clip(value)}\`: give a duration from 1m to 7d, like \`30m\` or \`2h\`.`,
        };
      revealAfterMs = ms;
    } else {
      if (!isTimeZone(value))
        return { kind: "help", problem: `\`${clip(value)}\` is not a time zone I know.` };
      tz = value;
    }
  }
  return {
    kind: "quiz-schedule",
    cron: fields.join(" "),
    revealAfterMs,
    ...(tz !== undefined ? { tz } : {}),
  };
}

function isKeyword(word: string): boolean {
  return /^(reveal-after|tz)(=|$)/i.test(word);
}

/** `90s`, `30m`, `2h`, `1d`, `1h30m` → ms; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const unit: Record<string, number> = { s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 };
  if (!/^(\d{1,5}[smhd])+$/i.test(text)) return undefined;
  let ms = 0;
  for (const m of text.toLowerCase().matchAll(/(\d+)([smhd])/g))
    ms += Number(m[1]) * (unit[m[2] ?? "s"] ?? 0);
  return ms;
}

function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z0-9_+/-]{1,64}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Echoes user input safely: short, no backticks to break out of the code span. */
function clip(text: string): string {
  const t = text.replace(/`/g, "'");
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}
