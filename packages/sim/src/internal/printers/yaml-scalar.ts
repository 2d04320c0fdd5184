// go-yaml v2 scalar rules: which strings need quotes (resolve) and which styles the emitter allows.

const RESOLVE_MAP = new Set([
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "true",
  "True",
  "TRUE",
  "on",
  "On",
  "ON",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "false",
  "False",
  "FALSE",
  "off",
  "Off",
  "OFF",
  "",
  "~",
  "null",
  "Null",
  "NULL",
  ".nan",
  ".NaN",
  ".NAN",
  ".inf",
  ".Inf",
  ".INF",
  "+.inf",
  "+.Inf",
  "+.INF",
  "-.inf",
  "-.Inf",
  "-.INF",
]); // prettier-ignore

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const INT_SYNTAX = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/;

/** strconv.ParseInt(s, 0, 64) or ParseUint succeeds. */
function parsesAsInt(s: string): boolean {
  const m = INT_SYNTAX.exec(s);
  if (!m) return false;
  const body = m[2] ?? "0";
  let v: bigint;
  if (/^0[xXoObB]/.test(body)) v = BigInt(body.toLowerCase());
  else if (body.length > 1 && body.startsWith("0")) v = BigInt(`0o${body.slice(1)}`);
  else v = BigInt(body);
  if (m[1] === "-") return v <= 2n ** 63n;
  return v < 2n ** 64n;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** go-yaml's parseTimestamp over its allowed layouts. */
function isTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return false;
  const h = Number(m[4] ?? m[7] ?? 0);
  const mi = Number(m[5] ?? m[8] ?? 0);
  const se = Number(m[6] ?? m[9] ?? 0);
  return h < 24 && mi < 60 && se < 60;
}

/**
 * True when go-yaml v2 would resolve the unquoted string to a non-string (bool, null, int, float,
 * timestamp) or it is a base-60 float, so yaml.Marshal double-quotes it.
 */
export function needsQuotes(s: string): boolean {
  if (BASE60_FLOAT.test(s)) return true;
  const c = s[0] ?? "";
  const hint =
    s === ""
      ? "N"
      : /[+-]/.test(c)
        ? "S"
        : /[0-9]/.test(c)
          ? "D"
          : /[yYnNtTfFoO~]/.test(c)
            ? "M"
            : c === "."
              ? "."
              : "";
  if (hint === "") return false;
  if (RESOLVE_MAP.has(s)) return true;
  if (hint === ".") return YAML_FLOAT.test(s);
  if (hint === "D" || hint === "S") {
    if (isTimestamp(s)) return true;
    const plain = s.replaceAll("_", "");
    return parsesAsInt(plain) || YAML_FLOAT.test(plain);
  }
  return false;
}

/** What libyaml's analyze_scalar allows for a value. */
export interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** libyaml printable: LF, 0x20–0x7E, 0xA0–0xD7FF, 0xE000–0xFFFD except the BOM. */
export function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

/** libyaml line breaks: CR, LF, NEL, LS, PS. */
export function isBreak(cp: number): boolean {
  return cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

const isBlank = (ch: string | undefined) => ch === " " || ch === "\t";

/** yaml_emitter_analyze_scalar for block context (go-yaml v2, unicode output on). */
export function analyzeScalar(value: string): ScalarAnalysis {
  const chars = [...value];
  if (chars.length === 0) {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = value.startsWith("---") || value.startsWith("...");
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  let precededByWhitespace = true;
  chars.forEach((ch, i) => {
    const next = chars[i + 1];
    const followedByWhitespace = next === undefined || isBlank(next);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) blockIndicators = true;
      else if ((ch === "?" || ch === ":" || ch === "-") && followedByWhitespace) blockIndicators = true;
    } else if (ch === ":" && followedByWhitespace) blockIndicators = true;
    else if (ch === "#" && precededByWhitespace) blockIndicators = true;
    const cp = ch.codePointAt(0) ?? 0;
    if (!isPrintable(cp)) special = true;
    const last = i === chars.length - 1;
    if (ch === " ") {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(cp)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWhitespace = isBlank(ch) || isBreak(cp);
  });
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks || blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

/** strconv.FormatFloat(f, 'g', -1, 64), as go-yaml writes floats. */
export function goFloatG(n: number): string {
  if (Number.isNaN(n)) return ".nan";
  if (!Number.isFinite(n)) return n > 0 ? ".inf" : "-.inf";
  const [mant = "0", expText = "0"] = n.toExponential().split("e");
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? "-" : "+";
    return `${mant}e${sign}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return String(n);
}
