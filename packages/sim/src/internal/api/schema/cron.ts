// CronJob schedule parsing errors, worded as github.com/robfig/cron/v3's ParseStandard words them.

interface Bounds {
  min: number;
  max: number;
  names?: Readonly<Record<string, number>>;
}

/** Month names robfig/cron accepts. */
export const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
/** Day-of-week names robfig/cron accepts. */
export const DAYS: Readonly<Record<string, number>> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};
const FIELDS: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];
const DESCRIPTORS = new Set([
  "@yearly",
  "@annually",
  "@monthly",
  "@weekly",
  "@daily",
  "@midnight",
  "@hourly",
]);

class CronError extends Error {}

/** strconv.Atoi plus cron's own negative check. */
function mustParseInt(expr: string): number {
  if (!/^[+-]?\d+$/.test(expr)) {
    throw new CronError(
      `failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`,
    );
  }
  const n = Number(expr);
  if (!Number.isSafeInteger(n)) {
    throw new CronError(
      `failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: value out of range`,
    );
  }
  if (n < 0) throw new CronError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, names: Bounds["names"]): number {
  const named = names?.[expr.toLowerCase()];
  return named ?? mustParseInt(expr);
}

function checkRange(expr: string, b: Bounds): void {
  const rangeAndStep = expr.split("/");
  const lowAndHigh = (rangeAndStep[0] ?? "").split("-");
  let start: number;
  let end: number;
  if (lowAndHigh[0] === "*" || lowAndHigh[0] === "?") {
    start = b.min;
    end = b.max;
  } else {
    start = parseIntOrName(lowAndHigh[0] ?? "", b.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1] ?? "", b.names);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1] ?? "");
    if (lowAndHigh.length === 1) end = b.max;
  } else if (rangeAndStep.length > 2) throw new CronError(`too many slashes: ${expr}`);
  if (start < b.min) throw new CronError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new CronError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
}

/** cron.ParseStandard's error for a schedule, or undefined when it parses. */
export function cronError(spec: string): string | undefined {
  if (spec.length === 0) return "empty spec string";
  let s = spec;
  if (s.startsWith("TZ=") || s.startsWith("CRON_TZ=")) {
    const i = s.indexOf(" ");
    if (i < 0) return undefined;
    s = s.slice(i).trim();
  }
  if (s.startsWith("@")) {
    if (DESCRIPTORS.has(s) || /^@every \S+$/.test(s)) return undefined;
    return `unrecognized descriptor: ${s}`;
  }
  const fields = s.split(/\s+/).filter((f) => f !== "");
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(" ")}]`;
  try {
    fields.forEach((f, i) => {
      for (const part of f.split(",")) checkRange(part, FIELDS[i] as Bounds);
    });
  } catch (e) {
    if (e instanceof CronError) return e.message;
    throw e;
  }
  return undefined;
}
