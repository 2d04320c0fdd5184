// Standard cron schedules (robfig/cron's ParseStandard semantics) evaluated in a time zone, minute by minute.

import { DAYS, MONTHS } from "../api/schema/cron.ts";

/** One parsed schedule: a bit set per field plus whether day-of-month/day-of-week were `*`. */
export interface Schedule {
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  domStar: boolean;
  dowStar: boolean;
}

const DESCRIPTORS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

/** A field's values and whether it was a bare `*` or `?` (robfig's starBit, which a step over `*` clears). */
function field(
  expr: string,
  min: number,
  max: number,
  names?: Record<string, number>,
): { values: Set<number>; star: boolean } {
  const values = new Set<number>();
  let star = false;
  const num = (s: string) => names?.[s.toLowerCase()] ?? Number(s);
  for (const part of expr.split(",")) {
    const [range = "", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    let lo: number;
    let hi: number;
    if (range === "*" || range === "?") {
      lo = min;
      hi = max;
      if (step <= 1) star = true;
    } else {
      const [a = "", b] = range.split("-");
      lo = num(a);
      hi = b === undefined ? (stepText === undefined ? lo : max) : num(b);
    }
    for (let v = lo; v <= hi; v += Math.max(1, step)) values.add(v);
  }
  return { values, star };
}

/** Parses a schedule the API server already validated; undefined for what this evaluator cannot run (@every). */
export function parseSchedule(text: string): Schedule | undefined {
  const spec = DESCRIPTORS[text.trim()] ?? text.trim();
  const f = spec.split(/\s+/);
  if (f.length !== 5) return undefined;
  const dom = field(f[2] as string, 1, 31);
  const dow = field(f[4] as string, 0, 6, DAYS);
  // Day-of-week 7 is Sunday too in most crons, but robfig rejects it; the validator already has.
  return {
    minute: field(f[0] as string, 0, 59).values,
    hour: field(f[1] as string, 0, 23).values,
    dom: dom.values,
    month: field(f[3] as string, 1, 12, MONTHS).values,
    dow: dow.values,
    domStar: dom.star,
    dowStar: dow.star,
  };
}

interface Local {
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** Wall-clock fields of an instant in a time zone (UTC when none is given). */
function local(ms: number, tz: string | undefined): Local {
  if (!tz || tz === "UTC" || tz === "Etc/UTC") {
    const d = new Date(ms);
    return {
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      weekday: d.getUTCDay(),
    };
  }
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
    });
    formatters.set(tz, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? "Sun"] ?? 0,
  };
}

function dayMatches(s: Schedule, t: Local): boolean {
  const domMatch = s.dom.has(t.day);
  const dowMatch = s.dow.has(t.weekday);
  return s.domStar || s.dowStar ? domMatch && dowMatch : domMatch || dowMatch;
}

const MINUTE = 60_000;

/**
 * The first scheduled minute strictly after `after` (epoch ms), searching at most about a year
 * ahead. It skips a whole day when the month or day does not match and a whole hour when the
 * hour does not, so "0 9 * * 1" from a Tuesday takes a few dozen steps, not 10,000.
 */
export function nextAfter(s: Schedule, after: number, tz: string | undefined): number | undefined {
  let t = Math.floor(after / MINUTE) * MINUTE + MINUTE;
  const limit = after + 370 * 24 * 60 * MINUTE;
  while (t <= limit) {
    const l = local(t, tz);
    if (!s.month.has(l.month) || !dayMatches(s, l)) {
      t += (24 * 60 - (l.hour * 60 + l.minute)) * MINUTE;
      continue;
    }
    if (!s.hour.has(l.hour)) {
      t += (60 - l.minute) * MINUTE;
      continue;
    }
    if (!s.minute.has(l.minute)) {
      t += MINUTE;
      continue;
    }
    return t;
  }
  return undefined;
}

/** The latest scheduled time in (after, now], or undefined when none fell in that window. */
export function mostRecent(
  s: Schedule,
  after: number,
  now: number,
  tz: string | undefined,
): number | undefined {
  let last: number | undefined;
  let t = nextAfter(s, after, tz);
  for (let guard = 0; t !== undefined && t <= now && guard < 100_000; guard++) {
    last = t;
    t = nextAfter(s, t, tz);
  }
  return last;
}

/** RFC 3339 of an instant as seen in a time zone ("2025-01-06T10:05:00+01:00"), for the scheduled-timestamp annotation. */
export function rfc3339In(ms: number, tz: string | undefined): string {
  if (!tz || tz === "UTC" || tz === "Etc/UTC") return new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
  const f = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  const p: Record<string, string> = {};
  for (const x of f.formatToParts(new Date(ms))) p[x.type] = x.value;
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour) % 24,
    Number(p.minute),
    Number(p.second),
  );
  const offMin = Math.round((wall - ms) / MINUTE);
  if (offMin === 0) return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}Z`;
  const sign = offMin < 0 ? "-" : "+";
  const abs = Math.abs(offMin);
  const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${p.year}-${p.month}-${p.day}T${String(Number(p.hour) % 24).padStart(2, "0")}:${p.minute}:${p.second}${off}`;
}
