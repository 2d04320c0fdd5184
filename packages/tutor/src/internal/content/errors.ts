// The tutor package's error: a closed set of codes, so callers map each to words in one table.

/** What went wrong: content that does not validate, or a lookup of content that does not exist. */
export type TutorErrorCode = "content-invalid" | "content-missing";

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
