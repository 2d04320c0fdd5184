// The bot's error codes and the words a Discord user sees for each (never a stack trace).

/** Why the bot could not do what it was asked. */
export type BotErrorCode =
  | "queue-unavailable"
  | "invalid-input"
  | "guild-only"
  | "not-a-text-channel"
  | "not-a-study-group"
  | "forbidden-schedule"
  | "forbidden-end"
  | "bad-cron"
  | "bad-duration"
  | "thread-failed"
  | "unknown-button"
  | "internal";

/** What the user reads for each code. */
export const USER_TEXT: Record<BotErrorCode, string> = {
  "queue-unavailable":
    "Bosun could not take that just now (its queue is unavailable). Please try again in a moment.",
  "invalid-input": "Bosun cannot take that input (it is too long or malformed).",
  "guild-only": "That works in a server channel, not in direct messages.",
  "not-a-text-channel": "Start a study group from a text channel (not from a thread).",
  "not-a-study-group": "This is not a study-group thread. Open one with `/studygroup start name:<name>`.",
  "forbidden-schedule": "Scheduling quiz rounds needs the **Manage Server** permission.",
  "forbidden-end":
    "Only the member who started this study group (or someone who can manage threads) can end it.",
  "bad-cron":
    "That is not a five-field cron expression (minute hour day-of-month month day-of-week), e.g. `0 9 * * 1-5`.",
  "bad-duration": "`reveal_after` takes a duration from 1m to 7d, e.g. `30m`, `2h` or `1d`.",
  "thread-failed": "Bosun could not open a thread here (does it have the Create Public Threads permission?).",
  "unknown-button": "That button is no longer in use.",
  internal: "Something went wrong on Bosun's side; it has been logged.",
};

/** An error whose code maps to words for the user. */
export class BotError extends Error {
  constructor(
    readonly code: BotErrorCode,
    options?: { cause?: unknown },
  ) {
    super(USER_TEXT[code], options);
    this.name = "BotError";
  }
}
