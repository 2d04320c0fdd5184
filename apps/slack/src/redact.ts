// Keeps secrets out of logs: the shared rules plus Slack tokens, request signatures and response_url paths.

import { createRedactor, REDACTED } from "@bosun/runtime";

/** Slack bot, user and app-level tokens. */
const SLACK_TOKEN = /\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/g;
/** A response_url is a bearer capability for 30 minutes: keep only its host. */
const RESPONSE_URL = /\b(https?:\/\/[^\s/]+)\/(commands|actions)\/\S+/g;

/** The Slack app's redactor (for the logger). */
export const redactor = createRedactor({
  secretKeyWords: ["signature"],
  textRules: [
    { pattern: SLACK_TOKEN, replacement: "$1-***" },
    { pattern: RESPONSE_URL, replacement: "$1/$2/***" },
  ],
});

/** Removes tokens, URL passwords and response_url paths from `text`. */
export const scrubText: (text: string) => string = redactor.scrubText;

/** A copy of `value` safe to log (see `Redactor.scrubValue` in @bosun/runtime). */
export const scrubValue: (value: unknown) => unknown = redactor.scrubValue;

export { REDACTED };
