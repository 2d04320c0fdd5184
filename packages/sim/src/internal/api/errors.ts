// The simulator's one error type: a closed set of codes, worded as the API server words them.

export type ApiErrorCode =
  | "NotFound"
  | "AlreadyExists"
  | "Invalid"
  | "BadRequest"
  | "Forbidden"
  | "Conflict"
  | "MethodNotAllowed"
  | "NoKind"
  | "Limit";

/**
 * An API error. `message` is what follows `Error from server (<code>): ` in kubectl's output;
 * `NoKind` and `Limit` are client-side errors kubectl prints as `error: <message>`.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ApiError";
  }
}

export function notFound(qualified: string, name: string): ApiError {
  return new ApiError("NotFound", `${qualified} "${name}" not found`);
}

export function alreadyExists(qualified: string, name: string): ApiError {
  return new ApiError("AlreadyExists", `${qualified} "${name}" already exists`);
}
