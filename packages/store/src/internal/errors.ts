// StoreError: the one error the store throws, with a closed set of codes callers can branch on.

/**
 * Why a store call failed.
 * - `invalid-argument`: the caller passed something the store refuses (an empty event id, a
 *   sequence number that is not a positive integer, a key name with `{` or `}`).
 * - `corrupt-record`: a stored record cannot be read (a field that is not a number, a key of the
 *   wrong Redis type); the record is left as it is for someone to look at.
 * - `backend`: Redis failed or could not be reached.
 * - `closed`: the store was closed.
 */
export type StoreErrorCode = "invalid-argument" | "corrupt-record" | "backend" | "closed";

/** The store's error: `code` says what went wrong, `cause` carries the underlying error if any. */
export class StoreError extends Error {
  override readonly name = "StoreError";
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
