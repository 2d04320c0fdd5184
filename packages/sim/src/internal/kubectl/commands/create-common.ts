// What every `kubectl create <kind>` generator shares: its flags and the metadata of a new object.

import type { KObject } from "../../api/types.ts";
import { DRY_RUN_FLAG, OUTPUT_FLAG } from "../command.ts";
import type { FlagSpec } from "../flags.ts";

/** The flags all generators accept besides their own. */
export const GENERATOR_FLAGS: readonly FlagSpec[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  { name: "save-config", type: "bool", default: false },
  { name: "validate", type: "string", default: "strict", noOptDefVal: "strict" },
  { name: "field-manager", type: "string", default: "kubectl-create" },
  { name: "show-managed-fields", type: "bool", default: false },
  { name: "template", type: "string", default: "" },
  { name: "allow-missing-template-keys", type: "bool", default: true },
];

/** Metadata of an object a generator builds (the server fills in the rest). */
export function generatedMeta(name: string, extra: Partial<KObject["metadata"]> = {}): KObject["metadata"] {
  return { name, uid: "", resourceVersion: "", creationTimestamp: "", ...extra };
}
