// The API server's manifest decoding (strict) and field validation, with kube-apiserver 1.32's error wording.
import { decodeError } from "./decode.ts";
import type { FieldError } from "./errors.ts";
import { schemaFor, validatorFor } from "./kinds.ts";

export type { FieldError, FieldErrorType } from "./errors.ts";
export { errorBody, errorString, formatInvalid, GoRepr, goQuote, invalidStatusMessage } from "./errors.ts";
export { apiVersionFor, isServedApiVersion, SUPPORTED_KINDS } from "./kinds.ts";
export { parseQuantity, type Quantity, quantityString } from "./quantity.ts";

const versionOf = (apiVersion: string): string => apiVersion.slice(apiVersion.indexOf("/") + 1);

/**
 * Strict decoding, as kube-apiserver does with fieldValidation=Strict (kubectl's default). Returns the error
 * text kubectl prints after `Error from server (BadRequest): error when creating "STDIN": `, e.g.
 * `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"`.
 * Manifests of unknown kinds or unserved apiVersions decode as ok: the caller reports those.
 */
export function strictDecode(
  manifest: Record<string, unknown>,
): { ok: true } | { ok: false; message: string } {
  const kind = typeof manifest.kind === "string" ? manifest.kind : "";
  const apiVersion = typeof manifest.apiVersion === "string" ? manifest.apiVersion : "";
  const schema = schemaFor(apiVersion, kind);
  if (!schema) return { ok: true };
  const err = decodeError(manifest, schema);
  if (err === undefined) return { ok: true };
  return {
    ok: false,
    message: `${kind} in version ${JSON.stringify(versionOf(apiVersion))} cannot be handled as a ${kind}: ${err}`,
  };
}

/**
 * Field validation of a create, as kube-apiserver's validation does it on what the user sent (with the few
 * defaults validation depends on, such as restartPolicy "Always", taken into account). Call after strictDecode
 * succeeded. Unknown kinds validate as [].
 */
export function validateObject(manifest: Record<string, unknown>): FieldError[] {
  const kind = typeof manifest.kind === "string" ? manifest.kind : "";
  return validatorFor(kind)?.(manifest) ?? [];
}
