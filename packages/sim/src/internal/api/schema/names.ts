// apimachinery's string format checks (util/validation): DNS names, label keys and values, ports, env names.

const utf8Len = (s: string): number => new TextEncoder().encode(s).length;

export const maxLenError = (n: number): string => `must be no more than ${n} characters`;
export const inclusiveRangeError = (lo: number, hi: number): string =>
  `must be between ${lo} and ${hi}, inclusive`;
export const EMPTY_ERROR = "must be non-empty";

/** RegexError: "<msg> (e.g. 'a',  or 'b', regex used for validation is '<fmt>')". */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((ex, i) => {
    if (i > 0) out += " or ";
    out += `'${ex}', `;
  });
  return `${out}regex used for validation is '${fmt}')`;
}

const DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
const QNAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_VALUE_FMT = `(${QNAME_FMT})?`;
const CONFIG_MAP_KEY_FMT = "[-._a-zA-Z0-9]+";
const PERCENT_FMT = "[0-9]+%";
const HTTP_HEADER_FMT = "[-A-Za-z0-9]+";
const WILDCARD_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;

const full = (fmt: string) => new RegExp(`^${fmt}$`);
const DNS1123_LABEL_RE = full(DNS1123_LABEL_FMT);
const DNS1123_SUBDOMAIN_RE = full(DNS1123_SUBDOMAIN_FMT);
const DNS1035_LABEL_RE = full(DNS1035_LABEL_FMT);
const QNAME_RE = full(QNAME_FMT);
const LABEL_VALUE_RE = full(LABEL_VALUE_FMT);

const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const QNAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

export function isDNS1123Label(v: string): string[] {
  const errs: string[] = [];
  if (utf8Len(v) > 63) errs.push(maxLenError(63));
  if (!DNS1123_LABEL_RE.test(v)) {
    if (DNS1123_SUBDOMAIN_RE.test(v)) errs.push("must not contain dots");
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, "my-name", "123-abc"));
  }
  return errs;
}

export function isDNS1123Subdomain(v: string): string[] {
  const errs: string[] = [];
  if (utf8Len(v) > 253) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN_RE.test(v))
    errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
  return errs;
}

export function isDNS1035Label(v: string): string[] {
  const errs: string[] = [];
  if (utf8Len(v) > 63) errs.push(maxLenError(63));
  if (!DNS1035_LABEL_RE.test(v))
    errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, "my-name", "abc-123"));
  return errs;
}

export function isWildcardDNS1123Subdomain(v: string): string[] {
  const errs: string[] = [];
  if (utf8Len(v) > 253) errs.push(maxLenError(253));
  if (!full(WILDCARD_FMT).test(v)) {
    const msg =
      "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";
    errs.push(regexError(msg, WILDCARD_FMT, "*.example.com"));
  }
  return errs;
}

/** The name checks object kinds use; `prefix` is true for generateName (a trailing dash is allowed). */
export type NameFn = (name: string, prefix: boolean) => string[];
const maskTrailingDash = (n: string, prefix: boolean) =>
  prefix && n.endsWith("-") ? `${n.slice(0, -2)}a` : n;
export const nameIsDNSSubdomain: NameFn = (n, p) => isDNS1123Subdomain(maskTrailingDash(n, p));
export const nameIsDNSLabel: NameFn = (n, p) => isDNS1123Label(maskTrailingDash(n, p));
export const nameIsDNS1035Label: NameFn = (n, p) => isDNS1035Label(maskTrailingDash(n, p));

/** IsQualifiedName: label keys, annotation keys, finalizers, resource names. */
export function isQualifiedName(v: string): string[] {
  const errs: string[] = [];
  const parts = v.split("/");
  let name: string;
  if (parts.length === 1) name = parts[0] as string;
  else if (parts.length === 2) {
    const prefix = parts[0] as string;
    name = parts[1] as string;
    if (prefix.length === 0) errs.push(`prefix part ${EMPTY_ERROR}`);
    else for (const m of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${m}`);
  } else {
    return [
      `a qualified name ${regexError(QNAME_MSG, QNAME_FMT, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push(`name part ${EMPTY_ERROR}`);
  else if (utf8Len(name) > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!QNAME_RE.test(name))
    errs.push(`name part ${regexError(QNAME_MSG, QNAME_FMT, "MyName", "my.name", "123-abc")}`);
  return errs;
}

export function isValidLabelValue(v: string): string[] {
  const errs: string[] = [];
  if (utf8Len(v) > 63) errs.push(maxLenError(63));
  if (!LABEL_VALUE_RE.test(v))
    errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
  return errs;
}

function chDirPrefix(v: string): string[] {
  if (v === ".") return ["must not be '.'"];
  if (v === "..") return ["must not be '..'"];
  if (v.startsWith("..")) return ["must not start with '..'"];
  return [];
}

export function isConfigMapKey(v: string): string[] {
  const errs: string[] = [];
  if (utf8Len(v) > 253) errs.push(maxLenError(253));
  if (!full(CONFIG_MAP_KEY_FMT).test(v)) {
    const msg = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
    errs.push(regexError(msg, CONFIG_MAP_KEY_FMT, "key.name", "KEY_NAME", "key-name"));
  }
  return [...errs, ...chDirPrefix(v)];
}

/** IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation is on by default in 1.32). */
export function isRelaxedEnvVarName(v: string): string[] {
  const errs: string[] = [];
  if (v.length === 0) errs.push(`environment variable name ${EMPTY_ERROR}`);
  for (const ch of v) {
    const c = ch.codePointAt(0) ?? 0;
    if (c > 0x7e || c < 0x20 || ch === "=") {
      errs.push(
        "a valid environment variable name must consist only of printable ASCII characters other than '='",
      );
      break;
    }
  }
  return errs;
}

export const isValidPortNum = (p: number): string[] =>
  p >= 1 && p <= 65535 ? [] : [inclusiveRangeError(1, 65535)];

export function isValidPortName(p: string): string[] {
  const errs: string[] = [];
  if (utf8Len(p) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(p))
    errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(p)) errs.push("must contain at least one letter (a-z)");
  if (p.includes("--")) errs.push("must not contain consecutive hyphens");
  if (p.length > 0 && (p.startsWith("-") || p.endsWith("-")))
    errs.push("must not begin or end with a hyphen");
  return errs;
}

export function isValidPercent(v: string): string[] {
  if (full(PERCENT_FMT).test(v)) return [];
  return [
    regexError(
      "a valid percent string must be a numeric string followed by an ending '%'",
      PERCENT_FMT,
      "1%",
      "93%",
    ),
  ];
}

export function isHTTPHeaderName(v: string): string[] {
  if (full(HTTP_HEADER_FMT).test(v)) return [];
  return [
    regexError(
      "a valid HTTP header must consist of alphanumeric characters or '-'",
      HTTP_HEADER_FMT,
      "X-Header-Name",
    ),
  ];
}

/** path.IsValidPathSegmentName: names that end up in a URL path (HPA target, Ingress resource backend). */
export function isValidPathSegmentName(v: string): string[] {
  if (v === ".") return ["may not be '.'"];
  if (v === "..") return ["may not be '..'"];
  const errs: string[] = [];
  if (v.includes("/")) errs.push("may not contain '/'");
  if (v.includes("%")) errs.push("may not contain '%'");
  return errs;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** A plain IPv4 or IPv6 address (netip syntax: no leading zeros, no zone). */
export function parseIP(v: string): "v4" | "v6" | undefined {
  if (IPV4.test(v)) return "v4";
  if (!v.includes(":") || v.includes("%")) return undefined;
  let s = v;
  const lastColon = s.lastIndexOf(":");
  let groupsNeeded = 8;
  if (s.slice(lastColon + 1).includes(".")) {
    if (!IPV4.test(s.slice(lastColon + 1))) return undefined;
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const groups = (h: string) => (h === "" ? [] : h.split(":"));
  const parts = halves.flatMap(groups);
  if (!parts.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  if (halves.length === 1) return parts.length === groupsNeeded ? "v6" : undefined;
  groupsNeeded -= 1;
  return parts.length <= groupsNeeded ? "v6" : undefined;
}

export const IP_ERROR = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
