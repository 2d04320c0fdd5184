// A simulated cluster: the store plus controllers run to a fixpoint as virtual time passes.

import type { Controller, ControllerContext } from "../controllers/context.ts";
import { cronJobController } from "../controllers/cronjob.ts";
import { daemonSetController } from "../controllers/daemonset.ts";
import { deploymentController } from "../controllers/deployment.ts";
import { endpointsController } from "../controllers/endpoints.ts";
import { garbageCollector } from "../controllers/garbage-collector.ts";
import { hpaController } from "../controllers/hpa.ts";
import { jobController } from "../controllers/job.ts";
import { kubeletController } from "../controllers/kubelet.ts";
import { namespaceController } from "../controllers/namespace.ts";
import { nodeLifecycleController } from "../controllers/node-lifecycle.ts";
import { quotaController } from "../controllers/quota.ts";
import { replicaSetController } from "../controllers/replicaset.ts";
import { schedulerController } from "../controllers/scheduler.ts";
import { serviceController } from "../controllers/service.ts";
import { statefulSetController } from "../controllers/statefulset.ts";
import { timings } from "../controllers/timings.ts";
import { volumeController } from "../controllers/volumes.ts";
import { DEFAULT_PROFILE, PROFILES, type Profile } from "../data/profiles.ts";
import { bootstrap, DEFAULT_START } from "./bootstrap.ts";
import type { ClusterState } from "./state.ts";
import { Store } from "./store.ts";

/** Controllers in the order one reconcile pass runs them. */
const CONTROLLERS: readonly Controller[] = [
  namespaceController,
  nodeLifecycleController,
  hpaController,
  cronJobController,
  jobController,
  deploymentController,
  replicaSetController,
  statefulSetController,
  daemonSetController,
  volumeController,
  garbageCollector,
  quotaController,
  schedulerController,
  kubeletController,
  endpointsController,
  serviceController,
];

/** A pass that keeps changing things this many times in a row is cut off (a guard, not a limit users meet). */
const MAX_PASSES = 50;
/** Granularity of virtual-time steps (see Cluster.nextStep). */
const STEP_MS = 1000;
/** Virtual-time steps in one advance, again a guard against runaway timers. */
const MAX_STEPS = 20_000;

export interface ClusterOptions {
  seed?: number;
  profile?: string;
  /** Virtual start time (epoch ms). */
  start?: number;
}

export class Cluster {
  readonly store: Store;
  readonly ctx: ControllerContext;

  constructor(readonly state: ClusterState) {
    this.store = new Store(state);
    const profile: Profile =
      (PROFILES as Record<string, Profile>)[state.profile] ?? PROFILES[DEFAULT_PROFILE];
    this.ctx = { store: this.store, profile, timings: timings(profile, this.store.rng) };
  }

  static create(opts: ClusterOptions = {}): Cluster {
    const state = bootstrap({
      seed: opts.seed ?? 1,
      profile: opts.profile ?? DEFAULT_PROFILE,
      start: opts.start ?? DEFAULT_START,
    });
    const cluster = new Cluster(state);
    cluster.reconcile();
    return cluster;
  }

  get now(): number {
    return this.state.now;
  }

  /** Per controller, the input key of its last sync that changed nothing. */
  private readonly quiet = new Map<Controller, { versions: number[]; now: number | undefined; rv: number }>();

  /** The versions of what a controller reads: the kinds it watches and the resources' membership. */
  private versionsOf(c: Controller): number[] {
    const out: number[] = [];
    for (const kind of c.watches ?? []) out.push(this.store.kindVersion(kind));
    for (const resource of c.membership ?? []) out.push(this.store.membershipVersion(resource));
    return out;
  }

  /** Whether `versions` still equals versionsOf(c), compared without building a new array. */
  private sameVersions(c: Controller, versions: readonly number[]): boolean {
    const watches = c.watches ?? [];
    const membership = c.membership ?? [];
    if (versions.length !== watches.length + membership.length) return false;
    let i = 0;
    for (const kind of watches) if (versions[i++] !== this.store.kindVersion(kind)) return false;
    for (const resource of membership)
      if (versions[i++] !== this.store.membershipVersion(resource)) return false;
    return true;
  }

  /**
   * Whether a controller can be skipped: its last sync changed nothing and none of its inputs moved
   * since (for clock-dependent controllers, neither did the time). The clock predicate is only
   * evaluated when everything else is unchanged.
   */
  private isQuiet(c: Controller): boolean {
    const last = this.quiet.get(c);
    // Every write (and every change of membership) raises state.rv: while it stands still, no
    // input version can have moved. invalidate() forgets these records when objects are swapped.
    if (!last || (last.rv !== this.state.rv && !this.sameVersions(c, last.versions))) return false;
    if (last.now === undefined || last.now === this.state.now) return true;
    const clock = typeof c.clock === "function" ? c.clock(this.ctx) : c.clock === true;
    return !clock;
  }

  /** State version and time of the last converged reconcile: nothing to do while both are unchanged. */
  private settled: { rv: number; now: number } | undefined;

  /** Forgets what controllers last saw: the state's objects were swapped for another AKS cluster's. */
  invalidate(): void {
    this.quiet.clear();
    this.settled = undefined;
    this.store.invalidate();
  }

  /** Runs every controller until none changes anything (level-triggered convergence). */
  reconcile(): void {
    if (this.settled && this.settled.rv === this.state.rv && this.settled.now === this.state.now) return;
    // Expired events go before the controllers look: one that re-records an event while its
    // condition lasts (a claim waiting for its first consumer) then does so in this same pass.
    this.store.pruneEvents();
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let changed = false;
      for (const c of CONTROLLERS) {
        const tracked = c.watches !== undefined || c.membership !== undefined;
        if (!tracked) {
          if (c.sync(this.ctx)) changed = true;
          continue;
        }
        if (this.isQuiet(c)) continue;
        // The inputs as the sync starts: a sync that changes nothing is quiet at these versions.
        const versions = this.versionsOf(c);
        const rv = this.state.rv;
        if (c.sync(this.ctx)) {
          changed = true;
          this.quiet.delete(c);
        } else {
          // Remember the time only for controllers that may depend on it.
          const now = c.clock ? this.state.now : undefined;
          const last = this.quiet.get(c);
          if (last) {
            last.versions = versions;
            last.now = now;
            last.rv = rv;
          } else this.quiet.set(c, { versions, now, rv });
        }
      }
      if (!changed) break;
    }
    this.store.pruneEvents();
    this.store.sync();
    this.settled = { rv: this.state.rv, now: this.state.now };
  }

  /** The next virtual time at which some controller has timed work, or an event expires. */
  nextWake(): number | undefined {
    let next: number | undefined;
    for (const c of CONTROLLERS) {
      const w = c.wake?.(this.ctx);
      if (w !== undefined && w > this.state.now && (next === undefined || w < next)) next = w;
    }
    const e = this.store.eventsExpireAt();
    if (e !== undefined && e > this.state.now && (next === undefined || e < next)) next = e;
    return next;
  }

  /** Moves virtual time forward by `ms`, letting every timed transition on the way happen in order. */
  advance(ms: number): void {
    this.advanceTo(this.state.now + Math.max(0, ms));
  }

  /**
   * The time of the next step: the next wake, rounded up to a whole second. Timestamps the API shows
   * have one-second resolution, so everything due within the same second is handled in one step —
   * controllers still see each transition's exact time (the kubelet steps by its own `at`). Example:
   * wakes at 12.040 s, 12.600 s and 12.950 s all run at 13.000 s, in one reconcile instead of three.
   */
  private nextStep(limit: number): number | undefined {
    const w = this.nextWake();
    if (w === undefined || w > limit) return undefined;
    return Math.min(Math.ceil(w / STEP_MS) * STEP_MS, limit);
  }

  /**
   * Moves the clock to `target`, stepping through every wake on the way. The last stretch, after
   * the last wake before `target`, has no timed work by definition (every controller names its
   * next timed work in `wake`, and event expiry is a wake too), so a converged cluster is still
   * converged at `target`: the clock moves without a pass, unless a controller catches up on work
   * whenever it runs (`catchesUp`). This is the common case of the catch-up before each command (a
   * few seconds since the learner's last one), where the pass cost more than the command.
   */
  advanceTo(target: number): void {
    this.reconcile();
    let steps = 0;
    for (; steps < MAX_STEPS; steps++) {
      const w = this.nextStep(target);
      if (w === undefined) break;
      this.state.now = w;
      this.reconcile();
    }
    if (target > this.state.now) {
      const converged =
        steps < MAX_STEPS &&
        this.settled?.rv === this.state.rv &&
        !CONTROLLERS.some((c) => c.catchesUp?.(this.ctx));
      this.state.now = target;
      if (converged) this.settled = { rv: this.state.rv, now: target };
      else this.reconcile();
    }
  }

  /**
   * Advances time until `done` holds (checked after each transition) or `maxMs` pass. Returns
   * whether it held. `onStep` sees each intermediate state (rollout status prints from it).
   */
  advanceUntil(done: () => boolean, maxMs: number, onStep?: () => void): boolean {
    const limit = this.state.now + maxMs;
    this.reconcile();
    if (done()) return true;
    for (let step = 0; step < MAX_STEPS; step++) {
      const w = this.nextStep(limit);
      if (w === undefined) break;
      this.state.now = w;
      this.reconcile();
      onStep?.();
      if (done()) return true;
    }
    this.state.now = Math.max(this.state.now, limit);
    this.reconcile();
    return done();
  }
}
