// The serialisable state of one simulated cluster: everything a session stores.

import type { AzureState } from "../az/state.ts";
import type { EventRecord } from "./events.ts";
import type { KObject } from "./types.ts";

/** Per-container runtime bookkeeping the kubelet keeps (not part of the API object). */
export interface ContainerRuntime {
  /**
   * The next step: pull → (pulled) → config → create → start → running → exit, with the detours
   * pullFailed → pullBackoff (ImagePullBackOff) and crashBackoff (CrashLoopBackOff); done at the end.
   */
  step:
    | "pull"
    | "pulled"
    | "pullFailed"
    | "pullBackoff"
    | "config"
    | "create"
    | "start"
    | "running"
    | "exit"
    | "crashBackoff"
    | "done";
  /** Virtual time at which the next step happens. */
  at: number;
  /** Restarts so far (RESTARTS column). */
  restarts: number;
  /** Consecutive image pull failures (for ImagePullBackOff). */
  pullFailures: number;
  /** Consecutive crashes (for CrashLoopBackOff). */
  crashes: number;
  /** When the container last started running. */
  startedAt?: number;
  /** When a started container without a readiness probe reports Ready. */
  readyAt?: number;
  /** When the pull now in progress started (for "Successfully pulled … in 3.2s"). */
  pullStart?: number;
  /** Waiting reason and message to show (ContainerCreating, ErrImagePull, CrashLoopBackOff, …). */
  waiting?: string;
  message?: string;
  /** The last finished run: exit code, start and finish times. */
  last?: { code: number; start: number; end: number; reason: string };
  /** The runtime's id for the current container instance (64 hex). */
  id?: string;
  /** Restart back-off (the kubelet's flowcontrol.Backoff entry): current delay and when it was last raised. */
  backoff?: { delay: number; updated: number };
  /** A stop in progress (liveness or startup probe failure): the exit the runtime will report. */
  kill?: { code: number; reason: string };
  /** Probe workers of the current instance, by probe type (see controllers/probes.ts). */
  probes?: Partial<Record<"liveness" | "readiness" | "startup", ProbeWorkerState>>;
}

/** One prober worker: its next tick, the run of equal outcomes and the result it last published. */
export interface ProbeWorkerState {
  /** Virtual time of the next probe. */
  next: number;
  /** Outcome of the last probe and how many in a row gave it. */
  last?: "ok" | "fail";
  run: number;
  /** Result handed to the kubelet once a threshold was reached. */
  result?: "ok" | "fail";
  /** After a liveness or startup failure the worker waits for a new container instance. */
  hold?: boolean;
}

/** Per-pod runtime bookkeeping: the kubelet's view of the pod. */
export interface PodRuntime {
  /** Time at which the scheduler may try to bind the pod next. */
  bindAt?: number;
  /** Last FailedScheduling message, to avoid repeating identical events. */
  schedMsg?: string;
  /** Whether the pod's volumes are mounted (pod sandbox ready). */
  sandbox?: number;
  /** When the pod may next retry a failed volume mount. */
  mountAt?: number;
  init: ContainerRuntime[];
  containers: ContainerRuntime[];
  /** When a terminating pod's containers have all stopped. */
  goneAt?: number;
}

export interface KubeContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
}

/** Everything that makes up one cluster. Plain JSON: it is stored in Redis between commands. */
export interface ClusterState {
  v: 1;
  seed: number;
  profile: string;
  /** Virtual time the session started at (the bootstrap objects derive from seed and start). */
  start: number;
  /** Virtual wall clock, epoch milliseconds. */
  now: number;
  /** RNG state (uint32). */
  rng: number;
  /** Last resourceVersion handed out. */
  rv: number;
  /** The 8 digits in AKS node names (`aks-nodepool1-<id>-vmss000000`). */
  clusterId: string;
  /** objects[resource]["namespace/name" or "name"] */
  objects: Record<string, Record<string, KObject>>;
  /** Kubelet bookkeeping by pod uid. */
  pods: Record<string, PodRuntime>;
  /** Images already pulled, by node name. */
  images: Record<string, string[]>;
  /** Last pod IP host number handed out per node (host-local IPAM allocates round-robin). */
  ipam: Record<string, number>;
  events: EventRecord[];
  /** Timed work of controllers other than the kubelet, by `<purpose>:<uid>` (e.g. `lb:<uid>`). */
  timers: Record<string, number>;
  kubeconfig: { current: string; contexts: KubeContext[] };
  /** The simulated Azure subscription (az front end); absent until the first az command. */
  azure?: AzureState;
  /** Simulated resource use and load (HPA, kubectl top); absent until something needs it. */
  metrics?: Record<string, unknown>;
  /** Node runtime bookkeeping (NotReady, outages) by node name; absent until needed. */
  nodeRuntime?: Record<string, unknown>;
  /**
   * Per workload uid, the inputs at which admission last refused one of its creates (see
   * controllers/pod-create.ts): it retries once they change. Absent while nothing is refused.
   */
  refused?: Record<string, string>;
}
