// Benchmark output: one JSON object per line per figure, ratios against a baseline from the same run.

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  target?: string;
}

export function report(f: Figure): void {
  const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 1000) / 1000);
  const out: Figure = { name: f.name, value: round(f.value), unit: f.unit };
  if (f.baseline !== undefined) {
    out.baseline = round(f.baseline);
    out.ratio = round(f.ratio ?? f.value / f.baseline);
  }
  if (f.target) out.target = f.target;
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/** Runs `fn` repeatedly for about `ms` and returns operations per second (after a warm-up). */
export function opsPerSecond(fn: (i: number) => void, ms = 1500): number {
  for (let i = 0; i < 50; i++) fn(i);
  const start = process.hrtime.bigint();
  let n = 0;
  while (Number(process.hrtime.bigint() - start) / 1e6 < ms) {
    fn(n);
    n++;
  }
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** CPU time (user + system) spent in `fn`, in milliseconds. */
export function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
}
