// Durations as people type them in a slash command: "90s", "30m", "2h", "1d", "1h30m".

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds of a duration like "2h" or "1h30m"; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const s = text.trim().toLowerCase().replace(/\s+/g, "");
  if (!/^(\d{1,6}[smhd])+$/.test(s)) return undefined;
  let ms = 0;
  for (const m of s.matchAll(/(\d{1,6})([smhd])/g))
    ms += Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
  return ms;
}

/** A five-field cron expression, checked for shape only (the worker's scheduler checks the rest). */
export function looksLikeCron(text: string): boolean {
  const fields = text.trim().split(/\s+/);
  return fields.length === 5 && fields.every((f) => /^[0-9A-Za-z*,/\-?LW#]+$/.test(f));
}
