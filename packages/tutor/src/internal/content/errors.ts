// The tutor package's error: a closed set of codes, so callers map each to words in one table.

/**
 * What went wrong: content that does not validate, a lookup of content that does not exist, or a
 * stored session (or its sandbox) that does not parse.
 */
export type TutorErrorCode = "content-invalid" | "content-missing" | "session-invalid";

/** Thrown by the tutor package; `issues` lists every problem found, one "file: field: message" each. */
export class TutorError extends Error {
  override readonly name = "TutorError";
  constructor(
    readonly code: TutorErrorCode,
    message: string,
    readonly issues: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
