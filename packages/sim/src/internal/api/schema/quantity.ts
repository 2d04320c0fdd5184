// resource.Quantity as apimachinery parses, compares and prints it (errors and canonical form included).

export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

/** An exact quantity: the value in nano-units (every parsed quantity is rounded to 1n, away from zero). */
export interface Quantity {
  readonly nanos: bigint;
  readonly format: QuantityFormat;
  /** The input kept verbatim when it was already canonical, as ParseQuantity does. */
  readonly cached: string | undefined;
}

export const ERR_FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const ERR_SUFFIX = "unable to parse quantity's suffix";

const DEC_SUFFIX: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  "": 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BIN_SUFFIX: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DEC_BY_EXP = new Map(Object.entries(DEC_SUFFIX).map(([s, e]) => [e, s]));
const BIN_NAMES = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
const SUFFIX_CHARS = "eEinumkKMGTP";
const NANO = 1_000_000_000n;
const MAX_INT64 = 2n ** 63n - 1n;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

interface Scanned {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

/** A port of apimachinery's parseQuantityString: splits sign, digits, fraction and suffix. */
function scan(s: string): Scanned | undefined {
  let positive = true;
  let pos = 0;
  const end = s.length;
  if (s[0] === "-") {
    positive = false;
    pos++;
  } else if (s[0] === "+") pos++;
  while (s[pos] === "0") pos++;
  if (pos >= end) return { positive, value: "0", num: "0", denom: "", suffix: "" };
  let i = pos;
  while (i < end && isDigit(s[i])) i++;
  let num = s.slice(pos, i);
  if (i >= end) return { positive, value: s, num, denom: "", suffix: "" };
  pos = i;
  if (num === "") num = "0";
  let denom = "";
  if (s[pos] === ".") {
    pos++;
    i = pos;
    while (i < end && isDigit(s[i])) i++;
    denom = s.slice(pos, i);
    if (i >= end) return { positive, value: s, num, denom, suffix: "" };
    pos = i;
  }
  const value = s.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(s[pos] as string)) pos++;
  if (pos < end && (s[pos] === "-" || s[pos] === "+")) pos++;
  while (pos < end && isDigit(s[pos])) pos++;
  if (pos < end) return undefined;
  return { positive, value, num, denom, suffix: s.slice(suffixStart) };
}

function interpret(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  const dec = DEC_SUFFIX[suffix];
  if (dec !== undefined) return { base: 10, exponent: dec, format: "DecimalSI" };
  const bin = BIN_SUFFIX[suffix];
  if (bin !== undefined) return { base: 2, exponent: bin, format: "BinarySI" };
  if (suffix.length > 1 && (suffix[0] === "e" || suffix[0] === "E")) {
    const rest = suffix.slice(1);
    if (!/^[+-]?\d+$/.test(rest)) return undefined;
    return { base: 10, exponent: Number(rest), format: "DecimalExponent" };
  }
  return undefined;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);
const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

/** ParseQuantity, returning apimachinery's error text on failure. */
export function parseQuantity(input: string): { ok: true; q: Quantity } | { ok: false; error: string } {
  if (input.length === 0) return { ok: false, error: ERR_FORMAT_WRONG };
  if (input === "0") return { ok: true, q: { nanos: 0n, format: "DecimalSI", cached: "0" } };
  const sc = scan(input);
  if (!sc) return { ok: false, error: ERR_FORMAT_WRONG };
  const how = interpret(sc.suffix);
  if (!how) return { ok: false, error: ERR_SUFFIX };
  const { base, exponent } = how;
  let format = how.format;
  const digits = BigInt(sc.num + sc.denom);
  // value = digits * base^exponent / 10^len(denom), rounded up to whole nanos.
  let nanos: bigint;
  if (base === 10) {
    const shift = exponent - sc.denom.length + 9;
    nanos = shift >= 0 ? digits * pow10(shift) : ceilDiv(digits, pow10(-shift));
  } else {
    nanos = ceilDiv(digits * 2n ** BigInt(exponent) * NANO, pow10(sc.denom.length));
    if (nanos > MAX_INT64 * NANO) nanos = MAX_INT64 * NANO;
    if (nanos > 0n && nanos < NANO) format = "DecimalSI";
  }
  if (!sc.positive) nanos = -nanos;
  return { ok: true, q: { nanos, format, cached: keepsInput(input, sc, how) ? input : undefined } };
}

/** Whether ParseQuantity's fast path stores the input string as the quantity's printed form. */
function keepsInput(input: string, sc: Scanned, how: { exponent: number; format: QuantityFormat }): boolean {
  const shifted = sc.num + sc.denom;
  if (how.format === "BinarySI") {
    if (how.exponent < 0 || sc.denom.length > 0) return false;
    if (15 - sc.num.length - Math.trunc((how.exponent * 3) / 10) - 1 < 0) return false;
    const value = BigInt(sc.num);
    if (value * 2n ** BigInt(how.exponent) > MAX_INT64) return false;
    return how.exponent % 10 === 0 && (value & 7n) !== 0n;
  }
  if (18 - shifted.length < 0) return false;
  const scale = how.exponent - sc.denom.length;
  if (scale < -9) return false;
  return input.length > 0 && scale % 3 === 0 && !shifted.endsWith("000") && shifted[0] !== "0";
}

/** Quantity.String(): the kept input, or the canonical form ("1.5" → "1500m", "1536Mi", "1k"). */
export function quantityString(q: Quantity): string {
  if (q.cached !== undefined) return q.cached;
  if (q.nanos === 0n) return "0";
  const neg = q.nanos < 0n;
  const abs = neg ? -q.nanos : q.nanos;
  const sign = neg ? "-" : "";
  if (q.format === "BinarySI" && abs >= 1024n * NANO && abs % NANO === 0n) {
    let v = abs / NANO;
    let exp = 0;
    while (v % 1024n === 0n && exp < 6) {
      v /= 1024n;
      exp++;
    }
    return `${sign}${v}${BIN_NAMES[exp]}`;
  }
  let m = abs;
  let e = -9;
  while (m % 10n === 0n) {
    m /= 10n;
    e++;
  }
  while (e % 3 !== 0) {
    m *= 10n;
    e--;
  }
  const dec = q.format === "DecimalExponent" ? undefined : DEC_BY_EXP.get(e);
  const suffix = dec ?? (e === 0 ? "" : `e${e}`);
  return `${sign}${m}${suffix}`;
}

export const cmpQuantity = (a: Quantity, b: Quantity): number =>
  a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;

/** Whether the quantity has no fraction below 1 (MilliValue() % 1000 == 0). */
export const isWholeQuantity = (q: Quantity): boolean => q.nanos % NANO === 0n;

/** Quantity.Value(): rounded up (away from zero) to a whole unit. */
export function quantityValue(q: Quantity): bigint {
  const neg = q.nanos < 0n;
  const whole = ceilDiv(neg ? -q.nanos : q.nanos, NANO);
  return neg ? -whole : whole;
}

/** The text Quantity.UnmarshalJSON parses for a JSON value: a string's content, or the raw JSON number. */
export function quantityInput(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return goJSONNumber(v);
  return JSON.stringify(v) ?? "";
}

/** How Go's encoding/json writes a float64 (what kubectl sends for a YAML number). */
export function goJSONNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}
