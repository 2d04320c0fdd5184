// The worker's scrubbing rules: the shared ones (URL passwords, token/secret-like keys) and nothing more.

import { createRedactor, REDACTED } from "@bosun/runtime";

const redactor = createRedactor();

/** Replaces the password of every URL in `text`. */
export const scrubText: (text: string) => string = redactor.scrubText;

/** A copy of `value` safe to log (see `Redactor.scrubValue` in @bosun/runtime). */
export const scrubValue: (value: unknown) => unknown = redactor.scrubValue;

export { REDACTED, redactor };
