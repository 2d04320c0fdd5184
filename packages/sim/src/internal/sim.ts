// The simulator's front door: run a command line against a cluster, advance time, save and restore.

import { Cluster, type ClusterOptions } from "./api/cluster.ts";
import type { EventRecord } from "./api/events.ts";
import { fromStored, type StoredCluster, toStored } from "./api/serialize.ts";
import type { KObject } from "./api/types.ts";
import { runAz } from "./az/run.ts";
import { runKubectl } from "./kubectl/dispatch.ts";
import { tokenize } from "./kubectl/tokenize.ts";
import { parseDuration } from "./util/time.ts";

export interface ExecResult {
  /** What the terminal would show: stdout and stderr interleaved in the order written. */
  output: string;
  /** The same, piece by piece, with the stream each piece went to (for colouring errors). */
  chunks: readonly { stream: "out" | "err"; text: string }[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

export type SimOptions = ClusterOptions;

/** Longest `sleep` one line may ask for: a day of virtual time. */
export const MAX_SLEEP_MS = 24 * 3600 * 1000;

function result(stdout: string, stderr: string, exitCode: number): ExecResult {
  const chunks = [
    ...(stdout ? [{ stream: "out" as const, text: stdout }] : []),
    ...(stderr ? [{ stream: "err" as const, text: stderr }] : []),
  ];
  return { output: stdout + stderr, chunks, stdout, stderr, exitCode };
}

/**
 * One learner's simulated cluster. Pure: time and randomness come from the state, so the same
 * seed and the same commands give the same output.
 */
export class Sim {
  private constructor(readonly cluster: Cluster) {}

  static create(opts: SimOptions = {}): Sim {
    return new Sim(Cluster.create(opts));
  }

  /** Restores a cluster saved with `save()`; throws when the data is malformed. */
  static restore(stored: unknown): Sim {
    // A copy: the restored cluster must never share objects with whoever holds `stored`.
    return new Sim(new Cluster(fromStored(structuredClone(stored))));
  }

  /** The compact, JSON-serialisable state. */
  save(): StoredCluster {
    this.cluster.store.sync();
    return toStored(this.cluster.state);
  }

  get now(): number {
    return this.cluster.now;
  }

  /** Objects of a resource (plural name, e.g. "deployments"), optionally in one namespace, as the API lists them. */
  list(resource: string, namespace?: string): readonly KObject[] {
    return this.cluster.store.list(resource, namespace);
  }

  /** One object, or undefined. */
  get(resource: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.cluster.store.get(resource, namespace, name);
  }

  /** The events the cluster keeps (oldest first). */
  events(): readonly EventRecord[] {
    return this.cluster.state.events;
  }

  /** The current kubeconfig context's name. */
  get currentContext(): string {
    return this.cluster.state.kubeconfig.current;
  }

  /** The namespace kubectl uses when none is given (the current context's). */
  get currentNamespace(): string {
    const kc = this.cluster.state.kubeconfig;
    return kc.contexts.find((c) => c.name === kc.current)?.namespace ?? "default";
  }

  /** Lets `ms` of virtual time pass. */
  advance(ms: number): void {
    this.cluster.advance(ms);
  }

  /**
   * Runs one line: `kubectl …` (or `k …`), or `sleep <duration>`. `stdin` is the text a heredoc
   * or a pasted manifest supplies to `-f -`. Never throws for anything a user can type.
   */
  exec(line: string, stdin?: string): ExecResult {
    const tok = tokenize(line);
    if (!tok.ok) return result("", `error: ${tok.error}\n`, 1);
    const [cmd, ...args] = tok.tokens;
    if (cmd === undefined) return result("", "", 0);
    if (cmd === "kubectl" || cmd === "k") {
      const r = runKubectl(this.cluster, args, stdin);
      const o = r.output;
      return { output: o.text, chunks: o.chunks, stdout: o.stdout, stderr: o.stderr, exitCode: r.exitCode };
    }
    if (cmd === "az") {
      const r = runAz(this.cluster, args);
      const o = r.output;
      return { output: o.text, chunks: o.chunks, stdout: o.stdout, stderr: o.stderr, exitCode: r.exitCode };
    }
    if (cmd === "sleep") {
      const ms =
        parseDuration(args[0] ?? "") ??
        (/^\d+(\.\d+)?$/.test(args[0] ?? "") ? Number(args[0]) * 1000 : undefined);
      if (ms === undefined || args.length !== 1)
        return result("", "sleep: invalid time interval; try `sleep 30s`\n", 1);
      this.cluster.advance(Math.min(ms, MAX_SLEEP_MS));
      return result("", "", 0);
    }
    return result("", `bosun: ${JSON.stringify(cmd).slice(1, -1)}: command not found (try kubectl)\n`, 127);
  }
}
