// The `az` front end: az login, az group, az aks … against the session's simulated subscription (issue 3, AKS).

import type { Cluster } from "../api/cluster.ts";
import { Output } from "../kubectl/command.ts";

/** Runs `az <argv…>`; `argv` excludes the word "az". */
export function runAz(cluster: Cluster, argv: string[]): { output: Output; exitCode: number } {
  void cluster;
  const out = new Output();
  out.err(`ERROR: 'az ${argv[0] ?? ""}' is not supported yet in Bosun`);
  return { output: out, exitCode: 2 };
}
