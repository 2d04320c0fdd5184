// pflag/cobra-compatible flag parsing with the exact error texts kubectl 1.32 prints.

/** Value kinds, mirroring the pflag value types kubectl uses. */
export type FlagType = "bool" | "string" | "int" | "stringArray" | "stringSlice" | "duration";
/** A parsed flag value: durations are milliseconds, ints are numbers. */
export type FlagValue = string | number | boolean | string[];

/** One flag definition. */
export interface FlagSpec {
  /** Long name without dashes, e.g. "namespace". */
  name: string;
  /** One ASCII letter, e.g. "n". */
  short?: string;
  type: FlagType;
  /** Filled into `flags` when the user did not set the flag (durations: ms number or Go string). */
  default?: FlagValue;
  /** pflag NoOptDefVal: value used for a bare `--flag` (bools always use "true"), e.g. `--dry-run` → "unchanged". */
  noOptDefVal?: string;
  /** Go integer width for `int`: 64 (Go int, default) or 32 (klog's `-v`). */
  bitSize?: 32 | 64;
  /** strconv base for `int`: 0 (pflag, accepts 0x/0o/0b/_; default) or 10 (klog's `-v`). */
  base?: 0 | 10;
  /** Extra check on the raw text, run first; returns the error detail printed after "flag: ". */
  validate?: (raw: string) => string | undefined;
}

/** Result of {@link parseFlags}. */
export interface ParsedArgs {
  positionals: string[];
  /** Values by long name: set flags plus defaults of unset ones. */
  flags: Record<string, FlagValue>;
  /** Long names of the flags the user actually set. */
  set: ReadonlySet<string>;
  /** Arguments after a bare `--`, or undefined when there was none. */
  dashDash: string[] | undefined;
}

/** A flag parsing failure; `message` is the full stderr text kubectl prints (two lines, no trailing newline). */
export class FlagError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FlagError";
  }
}

// ---- Go formatting helpers -------------------------------------------------------------------

/** UTF-8 bytes of a string (lone surrogates encode as U+FFFD). */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    let cp = ch.codePointAt(0) ?? 0xfffd;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const ESCAPABLE = "\x07\b\f\n\r\t\v";
const hex = (n: number, w: number) => n.toString(16).padStart(w, "0");

function quoteWith(s: string, q: string): string {
  let out = q;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === q || ch === "\\") out += `\\${ch}`;
    else if (PRINTABLE.test(ch)) out += ch;
    else if (ESCAPABLE.includes(ch)) out += `\\${"abfnrtv"[ESCAPABLE.indexOf(ch)]}`;
    else if (cp < 0x80) out += `\\x${hex(cp, 2)}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += "\\ufffd";
    else out += cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
  }
  return out + q;
}

/** Go's strconv.Quote / fmt `%q` of a string. */
export const goQuote = (s: string): string => quoteWith(s, '"');

/** Go's `%q` of a byte taken from the first UTF-8 byte of `ch`, as pflag prints shorthands ('Ã' for "é"). */
function quoteFirstByte(ch: string): string {
  const b = utf8Bytes(ch)[0] ?? 0;
  return quoteWith(String.fromCharCode(b), "'");
}

/** The time package's own quoting: non-ASCII and control bytes become \xNN. */
function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x80 || cp < 0x20) for (const b of utf8Bytes(ch)) out += `\\x${hex(b, 2)}`;
    else out += ch === '"' || ch === "\\" ? `\\${ch}` : ch;
  }
  return `${out}"`;
}

// ---- strconv.ParseInt / ParseBool, time.ParseDuration -------------------------------------------

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Go's underscoreOK for digit-validated input: `_` only between digits or after a base prefix. */
function underscoreOK(s: string): boolean {
  const body = /^[+-]?0[box]/i.test(s) ? `0${s.replace(/^[+-]?0./, "")}` : s.replace(/^[+-]/, "");
  return !/^_|_$|__/.test(body);
}

/** A ParseInt failure (a module-level function: closures made per call are costly under tsx's keepNames). */
function intFail(s: string, why: string): Parsed<number> {
  return { ok: false, error: `strconv.ParseInt: parsing ${goQuote(s)}: ${why}` };
}

/** Go's strconv.ParseInt(s, base, bitSize); the error is the full `strconv.ParseInt: parsing "x": …` text. */
export function parseGoInt(s: string, base: 0 | 10 = 0, bitSize: 32 | 64 = 64): Parsed<number> {
  const neg = s[0] === "-";
  let u = s[0] === "+" || neg ? s.slice(1) : s;
  if (u === "") return intFail(s, "invalid syntax");
  let b = 10;
  if (base === 0 && u[0] === "0") {
    const p = u[1]?.toLowerCase();
    const pre = u.length >= 3 ? { b: 2, o: 8, x: 16 }[p ?? ""] : undefined;
    [b, u] = pre !== undefined ? [pre, u.slice(2)] : [8, u.slice(1)];
  }
  const max = (1n << BigInt(bitSize)) - 1n;
  let n = 0n;
  let underscores = false;
  for (const c of u) {
    if (c === "_" && base === 0) {
      underscores = true;
      continue;
    }
    const cc = c.charCodeAt(0);
    const d =
      cc >= 48 && cc <= 57 ? cc - 48 : (cc | 0x20) >= 97 && (cc | 0x20) <= 122 ? (cc | 0x20) - 87 : 99;
    if (d >= b) return intFail(s, "invalid syntax");
    n = n * BigInt(b) + BigInt(d);
    if (n > max) return intFail(s, "value out of range");
  }
  if (underscores && !underscoreOK(neg || s[0] === "+" ? s.slice(1) : s)) return intFail(s, "invalid syntax");
  const cutoff = 1n << BigInt(bitSize - 1);
  if ((!neg && n >= cutoff) || (neg && n > cutoff)) return intFail(s, "value out of range");
  return { ok: true, value: Number(neg ? -n : n) };
}

/** Go's strconv.ParseBool. */
export function parseGoBool(s: string): Parsed<boolean> {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(s)) return { ok: true, value: true };
  if (["0", "f", "F", "FALSE", "false", "False"].includes(s)) return { ok: true, value: false };
  return { ok: false, error: `strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax` };
}

const SECOND = 1_000_000_000n;
const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  µs: 1000n, // U+00B5 micro sign
  μs: 1000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: SECOND,
  m: 60n * SECOND,
  h: 3600n * SECOND,
};
const LIMIT = 1n << 63n;

/** Go's time.ParseDuration, in milliseconds (fractional below 1 ms). */
export function parseGoDuration(orig: string): Parsed<number> {
  const invalid: Parsed<number> = { ok: false, error: `time: invalid duration ${timeQuote(orig)}` };
  let s = orig;
  const neg = s[0] === "-";
  if (s[0] === "-" || s[0] === "+") s = s.slice(1);
  if (s === "0") return { ok: true, value: 0 };
  if (s === "") return invalid;
  let d = 0n;
  while (s !== "") {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s);
    const [whole = "", int = "", frac] = m ?? [];
    if (whole === "" || whole === ".") return invalid;
    let v = 0n;
    for (const c of int) {
      if (v > LIMIT / 10n) return invalid;
      v = v * 10n + BigInt(c.charCodeAt(0) - 48);
      if (v > LIMIT) return invalid;
    }
    let f = 0n;
    let scale = 1;
    for (const c of frac ?? "") {
      const y = f * 10n + BigInt(c.charCodeAt(0) - 48);
      if (f > (LIMIT - 1n) / 10n || y > LIMIT) break;
      [f, scale] = [y, scale * 10];
    }
    s = s.slice(whole.length);
    const unitText = /^[^.0-9]*/.exec(s)?.[0] ?? "";
    if (unitText === "") return { ok: false, error: `time: missing unit in duration ${timeQuote(orig)}` };
    s = s.slice(unitText.length);
    const unit = UNITS[unitText];
    if (unit === undefined) {
      return { ok: false, error: `time: unknown unit ${timeQuote(unitText)} in duration ${timeQuote(orig)}` };
    }
    if (v > LIMIT / unit) return invalid;
    v *= unit;
    if (f > 0n) v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
    d += v;
    if (v > LIMIT || d > LIMIT) return invalid;
  }
  if (!neg && d > LIMIT - 1n) return invalid;
  return { ok: true, value: Number(neg ? -d : d) / 1e6 };
}

/** First record of Go's encoding/csv reader, as pflag's stringSlice reads a value. */
function readCsv(val: string): Parsed<string[]> {
  if (val === "") return { ok: true, value: [] };
  const lines = val.replace(/\r\n/g, "\n").match(/[^\n]*\n|[^\n]+$/g) ?? [];
  let ln = 1;
  for (; lines[0] === "\n"; ln++) lines.shift(); // Go skips leading empty lines
  const start = ln;
  const err = (at: number, col: number, what: string): Parsed<string[]> => {
    const msg = `parse error on line ${at}, column ${col}: ${what}`;
    return { ok: false, error: at === start ? msg : `record on line ${start}; ${msg}` };
  };
  let line = lines.shift();
  if (line === undefined) return { ok: false, error: "EOF" };
  const fields: string[] = [];
  let col = 1;
  for (;;) {
    if (!line.startsWith('"')) {
      const i = line.indexOf(",");
      const field = i >= 0 ? line.slice(0, i) : line.replace(/\n$/, "");
      const j = field.indexOf('"');
      if (j >= 0) return err(ln, col + utf8Bytes(field.slice(0, j)).length, 'bare " in non-quoted-field');
      fields.push(field);
      if (i < 0) return { ok: true, value: fields };
      col += utf8Bytes(line.slice(0, i + 1)).length;
      line = line.slice(i + 1);
      continue;
    }
    let buf = "";
    [line, col] = [line.slice(1), col + 1];
    for (;;) {
      const i = line.indexOf('"');
      if (i >= 0) {
        buf += line.slice(0, i);
        col += utf8Bytes(line.slice(0, i + 1)).length;
        line = line.slice(i + 1);
        if (line.startsWith('"')) [buf, line, col] = [`${buf}"`, line.slice(1), col + 1];
        else if (line.startsWith(",") || line === "" || line === "\n") break;
        else return err(ln, col - 1, 'extraneous or missing " in quoted-field');
      } else if (line.length > 0) {
        [buf, col] = [buf + line, col + utf8Bytes(line).length];
        const next = lines.shift() ?? "";
        if (next !== "") [ln, col] = [ln + 1, 1];
        line = next;
      } else return err(ln, col, 'extraneous or missing " in quoted-field');
    }
    fields.push(buf);
    if (!line.startsWith(",")) return { ok: true, value: fields };
    [line, col] = [line.slice(1), col + 1];
  }
}

// ---- the parser --------------------------------------------------------------------------------

const normalize = (name: string) => name.replace(/_/g, "-");

function convert(spec: FlagSpec, raw: string): Parsed<FlagValue> {
  const custom = spec.validate?.(raw);
  if (custom !== undefined) return { ok: false, error: custom };
  switch (spec.type) {
    case "bool":
      return parseGoBool(raw);
    case "int":
      return parseGoInt(raw, spec.base ?? 0, spec.bitSize ?? 64);
    case "duration":
      return parseGoDuration(raw);
    case "stringSlice":
      return readCsv(raw);
    case "stringArray":
      return { ok: true, value: [raw] };
    default:
      return { ok: true, value: raw };
  }
}

function defaultValue(spec: FlagSpec): FlagValue | undefined {
  const d = spec.default;
  if (typeof d === "string" && (spec.type === "duration" || spec.type === "int")) {
    const p = spec.type === "int" ? parseGoInt(d) : parseGoDuration(d);
    return p.ok ? p.value : undefined;
  }
  return Array.isArray(d) ? [...d] : d;
}

/**
 * Parses arguments as pflag does for a cobra command (interspersed flags, `--` terminator, grouped
 * shorthands, `_` normalised to `-` in names). Throws {@link FlagError} with kubectl's exact text.
 * When two specs share a name or shorthand, the first wins (list the command's own flags first).
 */
interface SpecIndex {
  byName: Map<string, FlagSpec>;
  byShort: Map<string, FlagSpec>;
  defaults: [string, FlagValue][];
  /** Makes a fresh object holding every default (list defaults copied), see {@link defaultsFactory}. */
  fresh: () => Record<string, FlagValue>;
}

/** Lookup tables per spec list, built once: commands parse their flags on every line. */
const INDEXES = new WeakMap<readonly FlagSpec[], SpecIndex>();

function indexOf(specs: readonly FlagSpec[]): SpecIndex {
  const hit = INDEXES.get(specs);
  if (hit) return hit;
  const byName = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  const defaults: [string, FlagValue][] = [];
  const seen = new Set<string>();
  for (const s of specs) {
    if (!byName.has(normalize(s.name))) byName.set(normalize(s.name), s);
    if (s.short !== undefined && !byShort.has(s.short)) byShort.set(s.short, s);
    const d = defaultValue(s);
    if (d !== undefined && !seen.has(s.name)) defaults.push([s.name, d]);
    seen.add(s.name);
  }
  const index = { byName, byShort, defaults, fresh: defaultsFactory(defaults) };
  INDEXES.set(specs, index);
  return index;
}

/**
 * A function returning a new object with every default, built as one object literal: a command has
 * fifty-odd flags, and adding them one by one under computed keys costs more than the rest of the
 * parse. List defaults are copied so that no parse shares them. Only the keys (our own flag
 * names, JSON-quoted) are in the generated source; the values are passed in.
 */
function defaultsFactory(defaults: readonly [string, FlagValue][]): () => Record<string, FlagValue> {
  const values = defaults.map(([, d]) => d);
  const fields = defaults.map(
    ([name, d], i) => `${JSON.stringify(name)}: ${Array.isArray(d) ? `[...v[${i}]]` : `v[${i}]`}`,
  );
  const make = new Function("v", `return { ${fields.join(", ")} };`) as (
    v: FlagValue[],
  ) => Record<string, FlagValue>;
  return () => make(values);
}

// The helpers of parseFlags live at module level: closures made on every call are costly under
// tsx, whose keepNames names each one with Object.defineProperty.

function flagFail(commandPath: string, msg: string): never {
  throw new FlagError(`Error: ${msg}\nSee '${commandPath} --help' for usage.`);
}

function applyFlag(
  flags: Record<string, FlagValue>,
  set: Set<string>,
  commandPath: string,
  spec: FlagSpec,
  raw: string,
): void {
  const r = convert(spec, raw);
  if (!r.ok) {
    const shown = spec.short !== undefined ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
    flagFail(commandPath, `invalid argument ${goQuote(raw)} for ${goQuote(shown)} flag: ${r.error}`);
  }
  const prev = flags[spec.name];
  const accumulate = set.has(spec.name) && Array.isArray(prev) && Array.isArray(r.value);
  flags[spec.name] = accumulate ? [...prev, ...(r.value as string[])] : r.value;
  set.add(spec.name);
}

function noOpt(spec: FlagSpec): string | undefined {
  return spec.type === "bool" ? "true" : spec.noOptDefVal || undefined;
}

export function parseFlags(args: string[], specs: readonly FlagSpec[], commandPath: string): ParsedArgs {
  const { byName, byShort, fresh } = indexOf(specs);
  // Every flag starts at its default and a flag given on the line replaces it (nothing iterates
  // the flags, so their order does not matter).
  const flags = fresh();
  const set = new Set<string>();
  const positionals: string[] = [];
  let dashDash: string[] | undefined;
  let i = 0;
  while (i < args.length) {
    const s = args[i++] ?? "";
    if (s.length < 2 || s[0] !== "-") {
      positionals.push(s);
    } else if (s[1] === "-") {
      if (s.length === 2) {
        dashDash = args.slice(i);
        break;
      }
      const body = s.slice(2);
      if (body[0] === "-" || body[0] === "=") flagFail(commandPath, `bad flag syntax: ${s}`);
      const eq = body.indexOf("=");
      const name = eq < 0 ? body : body.slice(0, eq);
      const spec = byName.get(normalize(name)) ?? flagFail(commandPath, `unknown flag: --${name}`);
      const dflt = noOpt(spec);
      if (eq >= 0) applyFlag(flags, set, commandPath, spec, body.slice(eq + 1));
      else if (dflt !== undefined) applyFlag(flags, set, commandPath, spec, dflt);
      else if (i < args.length) applyFlag(flags, set, commandPath, spec, args[i++] ?? "");
      else flagFail(commandPath, `flag needs an argument: ${s}`);
    } else {
      let sh = s.slice(1);
      while (sh.length > 0) {
        const c = String.fromCodePoint(sh.codePointAt(0) ?? 0);
        const spec =
          byShort.get(c) ?? flagFail(commandPath, `unknown shorthand flag: ${quoteFirstByte(c)} in -${sh}`);
        const dflt = noOpt(spec);
        const rest = sh.slice(c.length);
        if (sh.length > 2 && sh[1] === "=") {
          applyFlag(flags, set, commandPath, spec, sh.slice(2)); // -f=value
          break;
        }
        if (dflt !== undefined) applyFlag(flags, set, commandPath, spec, dflt);
        else if (rest.length > 0) {
          applyFlag(flags, set, commandPath, spec, rest); // -fvalue
          break;
        } else if (i < args.length) applyFlag(flags, set, commandPath, spec, args[i++] ?? "");
        else flagFail(commandPath, `flag needs an argument: ${quoteFirstByte(c)} in -${sh}`);
        sh = rest;
      }
    }
  }
  return { positionals, flags, set, dashDash };
}

const vmodule = (raw: string): string | undefined => {
  for (const pat of raw.split(",")) {
    if (pat === "") continue;
    const [file = "", level = "", ...more] = pat.split("=");
    const n = parseGoInt(level, 10, 32);
    if (more.length > 0 || file === "" || level === "" || !n.ok) {
      return "syntax error: expect comma-separated list of filename=N";
    }
    if (n.value < 0) return "negative value for vmodule level";
  }
  return undefined;
};

/**
 * kubectl's persistent flags (`kubectl options`) plus cobra's `-h/--help`. Validation that kubectl
 * does after parsing (e.g. `--request-timeout`, `--profile`) is left to the command.
 */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  ...(
    "as as-uid certificate-authority client-certificate client-key cluster context kubeconfig password " +
    "tls-server-name token user username"
  )
    .split(" ")
    .map((name): FlagSpec => ({ name, type: "string", default: "" })),
  { name: "vmodule", type: "string", default: "", validate: vmodule },
  { name: "as-group", type: "stringArray", default: [] },
  { name: "cache-dir", type: "string", default: "/root/.kube/cache" },
  { name: "namespace", short: "n", type: "string", default: "" },
  { name: "server", short: "s", type: "string", default: "" },
  { name: "profile", type: "string", default: "none" },
  { name: "profile-output", type: "string", default: "profile.pprof" },
  { name: "request-timeout", type: "string", default: "0" },
  ...["disable-compression", "insecure-skip-tls-verify", "match-server-version", "warnings-as-errors"].map(
    (name): FlagSpec => ({ name, type: "bool", default: false }),
  ),
  { name: "v", short: "v", type: "int", default: 0, bitSize: 32, base: 10 },
  {
    name: "log-flush-frequency",
    type: "duration",
    default: "5s",
    validate: (raw) => (parseGoDuration(raw).ok ? undefined : "parse error"),
  },
  { name: "help", short: "h", type: "bool", default: false },
];
