// Exact resource.Quantity arithmetic and canonical String(), for sums kubectl prints (node describe).

/** A quantity held exactly in nano-units, with the format Go keeps for String(). */
export interface Qty {
  nano: bigint;
  format: "BinarySI" | "DecimalSI";
}

const BIN: Record<string, bigint> = { Ki: 1n, Mi: 2n, Gi: 3n, Ti: 4n, Pi: 5n, Ei: 6n };
const DEC: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;
const NANO = 1_000_000_000n;

/** The zero quantity, DecimalSI. */
export const ZERO: Qty = { nano: 0n, format: "DecimalSI" };

/** Parses "250m", "64Mi", "1.5", "2e3"; undefined when malformed. Sub-nano digits are rounded up. */
export function parseQty(text: unknown): Qty | undefined {
  if (typeof text === "number") return parseQty(String(text));
  if (typeof text !== "string") return undefined;
  const m = RE.exec(text.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return undefined;
  const sign = m[1] === "-" ? -1n : 1n;
  const frac = m[3] ?? "";
  const digits = BigInt(`${m[2] || "0"}${frac}`);
  let scale = -frac.length; // value = digits * 10^scale
  let mult = 1n;
  let format: Qty["format"] = "DecimalSI";
  const suffix = m[4];
  if (suffix !== undefined && BIN[suffix] !== undefined) {
    mult = 1024n ** BIN[suffix];
    format = "BinarySI";
  } else if (suffix !== undefined) scale += DEC[suffix] ?? 0;
  else if (m[5] !== undefined) scale += Number(m[5]);
  let nano = digits * mult;
  const shift = scale + 9;
  if (shift >= 0) nano *= 10n ** BigInt(shift);
  else {
    const d = 10n ** BigInt(-shift);
    nano = nano / d + (nano % d === 0n ? 0n : 1n);
  }
  return { nano: sign * nano, format };
}

/** a + b, keeping a's format as Quantity.Add does. */
export function addQty(a: Qty, b: Qty): Qty {
  return { nano: a.nano + b.nano, format: a.format };
}

/** Quantity.MilliValue(): rounded up. */
export function milliValue(q: Qty): bigint {
  const d = 1_000_000n;
  return q.nano >= 0n ? (q.nano + d - 1n) / d : q.nano / d;
}

/** Quantity.Value(): rounded up. */
export function value(q: Qty): bigint {
  return q.nano >= 0n ? (q.nano + NANO - 1n) / NANO : q.nano / NANO;
}

function decimalString(nano: bigint): string {
  if (nano === 0n) return "0";
  const neg = nano < 0n;
  const abs = neg ? -nano : nano;
  const suffixes: [number, string][] = [
    [18, "E"],
    [15, "P"],
    [12, "T"],
    [9, "G"],
    [6, "M"],
    [3, "k"],
    [0, ""],
    [-3, "m"],
    [-6, "u"],
    [-9, "n"],
  ];
  for (const [exp, suffix] of suffixes) {
    const unit = 10n ** BigInt(exp + 9);
    if (abs % unit === 0n) return `${neg ? "-" : ""}${abs / unit}${suffix}`;
  }
  return `${neg ? "-" : ""}${abs}n`;
}

/** Quantity.String(): the canonical form ("500m", "1", "128Mi", "1k" for 1000 binary bytes). */
export function qtyString(q: Qty): string {
  if (q.format === "BinarySI" && q.nano % NANO === 0n) {
    const bytes = q.nano / NANO;
    const abs = bytes < 0n ? -bytes : bytes;
    if (abs >= 1024n) {
      const units = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
      let i = 0;
      let v = bytes;
      while (i < 6 && v % 1024n === 0n) {
        v /= 1024n;
        i++;
      }
      return `${v}${units[i]}`;
    }
  }
  return decimalString(q.nano);
}

/** Canonical String() of a stored quantity string, or the text itself when it does not parse. */
export function canonical(text: unknown): string {
  const q = parseQty(text);
  return q ? qtyString(q) : typeof text === "string" ? text : "0";
}
