// A compact data language describing the Go types behind each API kind, as the strict decoder needs them.

/**
 * One Go type. `go` is the name Go's reflect prints (`int32`, `v1.PullPolicy`, `v1.Container`), used in
 * "json: cannot unmarshal X into Go struct field S.path of type T" messages.
 */
export type Node =
  | { readonly t: "str"; readonly go: string }
  | { readonly t: "int"; readonly go: string; readonly min: number; readonly max: number }
  | { readonly t: "bool" }
  | { readonly t: "float" }
  /** resource.Quantity: decoded by its own UnmarshalJSON, errors are fatal. */
  | { readonly t: "qty" }
  /** intstr.IntOrString: a string, or an int32 decoded by encoding/json. */
  | { readonly t: "ios" }
  /** metav1.Time / MicroTime: an RFC 3339 string or null. */
  | { readonly t: "time" }
  /** []byte: a base64 string (or an array of bytes). */
  | { readonly t: "bytes" }
  /** Any content accepted (RawExtension, deep structures the lessons never need). */
  | { readonly t: "open" }
  | { readonly t: "obj"; readonly go: string; readonly f: Fields }
  | { readonly t: "arr"; readonly of: Node }
  | { readonly t: "map"; readonly of: Node; readonly go: string };

export type Fields = Readonly<Record<string, Node>>;

const INT32 = { min: -2147483648, max: 2147483647 };

export const str = (go = "string"): Node => ({ t: "str", go });
export const S: Node = str();
export const I32: Node = { t: "int", go: "int32", ...INT32 };
export const I64: Node = { t: "int", go: "int64", min: -(2 ** 63), max: 2 ** 63 - 1 };
export const B: Node = { t: "bool" };
export const F64: Node = { t: "float" };
export const Q: Node = { t: "qty" };
export const IOS: Node = { t: "ios" };
export const TIME: Node = { t: "time" };
export const BYTES: Node = { t: "bytes" };
export const OPEN: Node = { t: "open" };

export const obj = (go: string, f: Fields): Node => ({ t: "obj", go, f });
export const arr = (of: Node): Node => ({ t: "arr", of });
export const map = (of: Node, go?: string): Node => ({ t: "map", of, go: go ?? `map[string]${goType(of)}` });

/** map[string]string, []string and the core/v1 ResourceList. */
export const SMAP: Node = map(S);
export const SARR: Node = arr(S);
export const RLIST: Node = map(Q, "v1.ResourceList");

/** The Go type name reflect would print for a node. */
export function goType(n: Node): string {
  switch (n.t) {
    case "str":
    case "int":
    case "obj":
    case "map":
      return n.go;
    case "bool":
      return "bool";
    case "float":
      return "float64";
    case "qty":
      return "resource.Quantity";
    case "ios":
      return "intstr.IntOrString";
    case "time":
      return "v1.Time";
    case "bytes":
      return "[]uint8";
    case "open":
      return "interface {}";
    case "arr":
      return `[]${goType(n.of)}`;
  }
}

/** The struct name in "Go struct field Container.spec.containers.image": the type name without its package. */
export function structName(n: Node): string {
  const go = goType(n);
  return go.slice(go.lastIndexOf(".") + 1);
}

/** A top-level kind: TypeMeta, ObjectMeta and the rest of the fields. */
export function kindNode(goName: string, meta: Node, f: Fields): Node {
  return obj(goName, { apiVersion: S, kind: S, metadata: meta, ...f });
}
