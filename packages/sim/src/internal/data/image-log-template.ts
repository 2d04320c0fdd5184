// Fills the placeholders of catalogue log lines: one instant, printed in each program's own format.

/** Values for a log line; `timeMs` is virtual time (ms since the epoch, UTC). */
export interface LogContext {
  timeMs: number;
  pid?: number;
  hostname?: string;
  podIP?: string;
  clientIP?: string;
  agent?: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * Every placeholder, shown for 2024-01-02T03:04:05.678Z. `{nginxTime}` is also Go's `log` format.
 * Unknown `{names}` are left as they are, so a caller can fill its own afterwards.
 */
export const LOG_PLACEHOLDERS = {
  time: "2024-01-02T03:04:05Z",
  microTime: "2024-01-02T03:04:05.678000Z",
  nginxTime: "2024/01/02 03:04:05",
  pgTime: "2024-01-02 03:04:05.678 UTC",
  redisTime: "02 Jan 2024 03:04:05.678",
  apacheTime: "Tue Jan 02 03:04:05.678000 2024",
  clfTime: "02/Jan/2024:03:04:05 +0000",
  spaceTime: "2024-01-02 03:04:05+00:00",
  commaTime: "2024-01-02 03:04:05,678",
  mariaTime: "2024-01-02  3:04:05",
  fpmTime: "02-Jan-2024 03:04:05",
  clockTime: "03:04:05.67",
  klogTime: "0102 03:04:05.678000",
  pid: "1",
  hostname: "localhost",
  podIP: "127.0.0.1",
  clientIP: "10.244.0.1",
  agent: "kube-probe/1.32",
} as const;

export type LogPlaceholder = keyof typeof LOG_PLACEHOLDERS;

function values(ctx: LogContext): Record<LogPlaceholder, string> {
  const d = new Date(ctx.timeMs);
  const Y = d.getUTCFullYear();
  const Mo = pad(d.getUTCMonth() + 1);
  const Mon = MONTHS[d.getUTCMonth()] ?? "Jan";
  const D = pad(d.getUTCDate());
  const h = d.getUTCHours();
  const hms = `${pad(h)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const ms = pad(d.getUTCMilliseconds(), 3);
  return {
    time: `${Y}-${Mo}-${D}T${hms}Z`,
    microTime: `${Y}-${Mo}-${D}T${hms}.${ms}000Z`,
    nginxTime: `${Y}/${Mo}/${D} ${hms}`,
    pgTime: `${Y}-${Mo}-${D} ${hms}.${ms} UTC`,
    redisTime: `${D} ${Mon} ${Y} ${hms}.${ms}`,
    apacheTime: `${DAYS[d.getUTCDay()] ?? "Sun"} ${Mon} ${D} ${hms}.${ms}000 ${Y}`,
    clfTime: `${D}/${Mon}/${Y}:${hms} +0000`,
    spaceTime: `${Y}-${Mo}-${D} ${hms}+00:00`,
    commaTime: `${Y}-${Mo}-${D} ${hms},${ms}`,
    mariaTime: `${Y}-${Mo}-${D} ${String(h).padStart(2, " ")}${hms.slice(2)}`,
    fpmTime: `${D}-${Mon}-${Y} ${hms}`,
    clockTime: `${hms}.${ms.slice(0, 2)}`,
    klogTime: `${Mo}${D} ${hms}.${ms}000`,
    pid: String(ctx.pid ?? 1),
    hostname: ctx.hostname ?? LOG_PLACEHOLDERS.hostname,
    podIP: ctx.podIP ?? LOG_PLACEHOLDERS.podIP,
    clientIP: ctx.clientIP ?? LOG_PLACEHOLDERS.clientIP,
    agent: ctx.agent ?? LOG_PLACEHOLDERS.agent,
  };
}

/** Replaces the known `{placeholders}` of one template line. */
export function renderLogLine(template: string, ctx: LogContext): string {
  const v = values(ctx);
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) =>
    Object.hasOwn(v, name) ? v[name as LogPlaceholder] : whole,
  );
}
