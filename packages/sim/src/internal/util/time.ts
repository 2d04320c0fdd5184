// Virtual time helpers: durations as kubectl and Go print and parse them.

/** Go's `time.ParseDuration` for the units people type: ms, s, m, h (e.g. "1m30s", "90s", "2h"). */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (t === "0") return 0;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  let m: RegExpExecArray | null = re.exec(t);
  while (m) {
    const n = Number(m[1]);
    const unit = m[2];
    total += n * (unit === "ms" ? 1 : unit === "s" ? 1000 : unit === "m" ? 60_000 : 3_600_000);
    matched = re.lastIndex;
    m = re.exec(t);
  }
  if (matched === 0 || matched !== t.length) return undefined;
  return Math.round(total);
}

/**
 * apimachinery's `duration.HumanDuration`, the AGE column. Worked examples: 59s → "59s",
 * 119s → "119s", 150s → "2m30s", 600s → "10m", 3h05m → "3h5m", 30h → "30h", 50h → "2d2h".
 */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    const y = Math.floor(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

/** RFC 3339 at second precision, as the API server writes timestamps. */
export function isoSeconds(ms: number): string {
  const second = Math.floor(ms / 1000);
  let text = isoTexts.get(second);
  if (text === undefined) {
    text = new Date(second * 1000).toISOString().replace(".000Z", "Z");
    remember(isoTexts, second, text);
  }
  return text;
}

/** Date.parse, remembered: controllers parse the same stored timestamps on every pass. */
export function parseTimestamp(text: string): number {
  let ms = parsedTimes.get(text);
  if (ms === undefined) {
    ms = Date.parse(text);
    remember(parsedTimes, text, ms);
  }
  return ms;
}

// Small memo tables for the two conversions above (pure functions), bounded so a long session
// does not grow them without end.
const isoTexts = new Map<number, string>();
const parsedTimes = new Map<string, number>();

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size >= 4096) map.clear();
  map.set(key, value);
}

/** Go's `time.Duration.String()` for whole seconds and above: "5m0s", "1h0m0s", "30s". */
export function goDuration(ms: number): string {
  if (ms === 0) return "0s";
  let s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}
