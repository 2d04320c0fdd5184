// The shape of an az command: its arguments, what it returns, and how -o table shows it.

import type { Cluster } from "../api/cluster.ts";
import type { TableRow } from "./output.ts";
import type { ArgSpec, ArgValues } from "./parse.ts";
import type { AzureState } from "./state.ts";

/** What a command sees while it runs. */
export interface AzContext {
  cluster: Cluster;
  az: AzureState;
  values: ArgValues;
  /** "az aks create", for messages. */
  prog: string;
  /** A warning az's logger prints on stderr (before the result). */
  warn(message: string): void;
}

/** One az command (a leaf of the command tree). */
export interface AzCommand {
  /** Words after `az`, e.g. "aks nodepool add". */
  path: string;
  /** First line of its help. */
  summary: string;
  args: readonly ArgSpec[];
  /** Runs without `az login` (login itself). */
  anonymous?: boolean;
  /** The result az formats with --output (undefined: nothing printed). Throws AzError. */
  run(ctx: AzContext): unknown;
  /** azure-cli's table transformer for -o table. */
  table?: (result: unknown) => TableRow[];
}
