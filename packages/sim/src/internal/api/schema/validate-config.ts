// ConfigMap and Secret validation: data keys, sizes, and the keys each Secret type requires.
import { type FieldError, invalid, required, tooLong } from "./errors.ts";
import { isConfigMapKey, nameIsDNSSubdomain } from "./names.ts";
import { key, keys, type R, rec, smap, str, validateObjectMeta } from "./validate-meta.ts";

const MAX_SECRET_SIZE = 1024 * 1024;
const utf8Len = (s: string): number => new TextEncoder().encode(s).length;

export function validateConfigMap(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSSubdomain);
  const data = smap(m.data) ?? {};
  const binary = rec(m.binaryData) ?? {};
  let size = 0;
  for (const k of keys(data)) {
    for (const msg of isConfigMapKey(k)) out.push(invalid(key("data", k), k, msg));
    if (Object.hasOwn(binary, k))
      out.push(invalid(key("data", k), k, "duplicate of key present in binaryData"));
    size += utf8Len(data[k] ?? "");
  }
  for (const k of keys(binary)) {
    for (const msg of isConfigMapKey(k)) out.push(invalid(key("binaryData", k), k, msg));
    size += decodedBytes(binary[k]).length;
  }
  if (size > MAX_SECRET_SIZE) out.push(tooLong("", MAX_SECRET_SIZE));
  return out;
}

/** The bytes of a []byte field: base64 (already checked by strict decoding) or a JSON array of bytes. */
function decodedBytes(v: unknown): Uint8Array {
  if (Array.isArray(v)) return Uint8Array.from(v.map((b) => Number(b)));
  if (typeof v !== "string") return new Uint8Array();
  const bin = atob(v.replace(/[\r\n]/g, ""));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** encoding/json's error for unmarshalling bytes into map[string]interface{} (the common cases). */
function jsonObjectError(bytes: Uint8Array): string | undefined {
  const text = new TextDecoder().decode(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const trimmed = text.trimStart();
    const first = trimmed[0];
    if (first === undefined) return "unexpected end of JSON input";
    if (!/[{["\-0-9tfn]/.test(first)) return `invalid character '${first}' looking for beginning of value`;
    for (const lit of ["true", "false", "null"]) {
      if (first !== lit[0]) continue;
      for (let i = 1; i < lit.length; i++) {
        const ch = trimmed[i];
        if (ch === undefined) return "unexpected end of JSON input";
        if (ch !== lit[i]) return `invalid character '${ch}' in literal ${lit} (expecting '${lit[i]}')`;
      }
    }
    return "unexpected end of JSON input";
  }
  if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return undefined;
  const kind = Array.isArray(parsed)
    ? "array"
    : parsed === null
      ? ""
      : typeof parsed === "boolean"
        ? "bool"
        : typeof parsed;
  return kind === ""
    ? undefined
    : `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
}

export function validateSecret(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSSubdomain);
  const data = new Map<string, Uint8Array>();
  const raw = rec(m.data) ?? {};
  for (const k of Object.keys(raw)) data.set(k, decodedBytes(raw[k]));
  const stringData = smap(m.stringData) ?? {};
  for (const k of Object.keys(stringData)) data.set(k, new TextEncoder().encode(stringData[k] ?? ""));
  let size = 0;
  for (const k of [...data.keys()].sort()) {
    for (const msg of isConfigMapKey(k)) out.push(invalid(key("data", k), k, msg));
    size += data.get(k)?.length ?? 0;
  }
  if (size > MAX_SECRET_SIZE) out.push(tooLong("data", MAX_SECRET_SIZE));
  const type = str(m.type) || "Opaque";
  const need = (k: string) => {
    if (!data.has(k)) out.push(required(key("data", k)));
    return data.get(k);
  };
  const jsonKey = (k: string) => {
    const bytes = need(k);
    const err = bytes && jsonObjectError(bytes);
    if (err) out.push(invalid(key("data", k), "<secret contents redacted>", err));
  };
  if (type === "kubernetes.io/service-account-token") {
    const sa = smap(rec(m.metadata)?.annotations)?.["kubernetes.io/service-account.name"] ?? "";
    if (sa === "") out.push(required(key("metadata.annotations", "kubernetes.io/service-account.name")));
  } else if (type === "kubernetes.io/dockercfg") jsonKey(".dockercfg");
  else if (type === "kubernetes.io/dockerconfigjson") jsonKey(".dockerconfigjson");
  else if (type === "kubernetes.io/basic-auth") {
    if (!data.has("username") && !data.has("password")) {
      out.push(required(key("data", "username")), required(key("data", "password")));
    }
  } else if (type === "kubernetes.io/ssh-auth") {
    if ((data.get("ssh-privatekey")?.length ?? 0) === 0) out.push(required(key("data", "ssh-privatekey")));
  } else if (type === "kubernetes.io/tls") {
    need("tls.crt");
    need("tls.key");
  }
  return out;
}
