// The secret-literal rule's test of a name: does it look like it holds a password, token or key?

/** Words that mark a credential. */
const SECRET_WORDS = new Set([
  "PASSWORD",
  "PASSWD",
  "PASS",
  "PASSPHRASE",
  "SECRET",
  "TOKEN",
  "KEY",
  "APIKEY",
  "CREDENTIAL",
  "CREDENTIALS",
]);

/** Last words that make the name a reference to a credential rather than the credential. */
const REFERENCE_WORDS = new Set([
  "FILE",
  "PATH",
  "DIR",
  "NAME",
  "REF",
  "URL",
  "URI",
  "HOST",
  "ID",
  "PREFIX",
  "TYPE",
]);

/** The words of a name: DB_PASSWORD, db-password, dbPassword and db.password all give [DB, PASSWORD]. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

/**
 * True when a name looks like it holds a credential: DB_PASSWORD, API_TOKEN, CLIENT_SECRET,
 * apiKey. Not PASSWORD_FILE or SECRET_NAME (they point at one), nor KEYCLOAK_URL (KEY is not a word).
 */
export function isSensitiveName(name: string): boolean {
  const w = words(name);
  const last = w[w.length - 1];
  if (last === undefined || (w.length > 1 && REFERENCE_WORDS.has(last))) return false;
  return w.some((x) => SECRET_WORDS.has(x));
}

/**
 * True when `name=value` puts a credential in plain text: a sensitive name with a real value.
 * Not an empty value, a "$(OTHER_VAR)" reference, or a switch such as MYSQL_ALLOW_EMPTY_PASSWORD=1.
 */
export function isLiteralCredential(name: string, value: string): boolean {
  const v = value.trim();
  if (!v || /^\$\([^)]*\)$/.test(v) || /^(true|false|yes|no|on|off|0|1)$/i.test(v)) return false;
  return isSensitiveName(name);
}
