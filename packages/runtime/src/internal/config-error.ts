// Reading the environment through a zod schema, with one safe line per bad variable when it does not validate.

import type { z } from "zod";

/** A configuration that did not validate: one line per bad variable, safe to print (no secrets). */
export class ConfigError extends Error {
  readonly code = "invalid-config" as const;
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** How {@link readEnv} words a bad value. */
export interface ReadEnvOptions {
  /** Variables whose value is a secret: never echoed, even when malformed. */
  secrets?: Iterable<string>;
  /** Applied to a bad value before it is echoed (removes passwords and tokens). */
  scrub(text: string): string;
}

/**
 * Parses `env` with `schema`. On failure throws {@link ConfigError} with one line per bad variable,
 * `NAME message (got "value")`; the value is left out when it is empty or a secret.
 */
export function readEnv<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
  opts: ReadEnvOptions,
): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const secrets = new Set(opts.secrets ?? []);
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? "environment");
    if (seen.has(name)) continue;
    seen.add(name);
    const raw = env[name];
    const got =
      raw === undefined || raw.trim() === "" || secrets.has(name)
        ? ""
        : ` (got ${JSON.stringify(opts.scrub(raw))})`;
    problems.push(`${name} ${issue.message}${got}`);
  }
  throw new ConfigError(problems);
}
