// Lifecycle timings and failure injection as data (kwok-style stages): every delay the simulator waits.
import { z } from "zod";

/** A delay in ms and a jitter fraction: the wait is drawn from [ms·(1−jitter), ms·(1+jitter)]. */
export const delaySchema = z
  .object({ ms: z.number().int().nonnegative(), jitter: z.number().min(0).max(1) })
  .strict();
export type Delay = z.infer<typeof delaySchema>;

const ms = z.number().int().nonnegative();
const backoffSchema = z
  .object({ initial: ms, max: ms })
  .strict()
  .refine((b) => b.initial <= b.max, { message: "initial back-off exceeds max" });

/** "graceful": the process exits on SIGTERM after `graceful`; "gracePeriod": it ignores SIGTERM. */
const stopSchema = z.enum(["graceful", "gracePeriod"]);

export const profileSchema = z
  .object({
    scheduler: z.object({ bindDelay: delaySchema }).strict(),
    kubelet: z
      .object({
        /** Registry round trips of a pull (resolve, manifest, config), also the time a failing pull takes. */
        pullBase: delaySchema,
        /**
         * Download and unpack rate. Pull time = pullBase + size / rate; worked example, realistic:
         * nginx at 72,404,038 bytes → 1,500 ms + 72,404,038 / 30,000,000 s ≈ 1.5 s + 2.4 s = 3.9 s.
         */
        pullBytesPerSecond: z.number().positive(),
        /** The image is already on the node ("Container image … already present on machine"). */
        pullCachedDelay: delaySchema,
        createDelay: delaySchema,
        startDelay: delaySchema,
        /** How often a pod in CreateContainerConfigError (missing ConfigMap or Secret) re-checks. */
        configErrorRetry: delaySchema,
        /** Doubling from initial, capped at max (kubelet: 10 s to 300 s). */
        imagePullBackoff: backoffSchema,
        /**
         * Restart back-off, doubling from initial to max; forgotten once the container has run
         * resetAfter without crashing (kubelet: 10 s, 300 s, and 2 × max = 600 s).
         */
        crashLoopBackoff: z.object({ initial: ms, max: ms, resetAfter: ms }).strict(),
        /**
         * Stopping a running container of a deleted pod. `graceful` is how long a process that
         * handles SIGTERM takes (nginx quits in well under a second); `byBehaviour` says which image
         * behaviours do that by default. A shell as PID 1 ignores SIGTERM, so the pod lingers in
         * Terminating for its whole terminationGracePeriodSeconds (30 s by default), then SIGKILL.
         */
        terminationDelay: z
          .object({
            graceful: delaySchema,
            byBehaviour: z.object({ server: stopSchema, shell: stopSchema, exit: stopSchema }).strict(),
          })
          .strict(),
        /** Fraction of a pod's terminationGracePeriodSeconds actually waited (1 in real time). */
        gracePeriodScale: z.number().positive().max(1),
        /** From container start to the Ready condition when the pod has no readiness probe. */
        readinessAfterStart: delaySchema,
        /**
         * After a container exits the kubelet restarts it at its next sync: PLEG relists every
         * second, so a first crash is back within about a second (then back-off applies).
         */
        restartDelay: delaySchema,
        /** From start until a process over its memory limit is OOM-killed (allocating takes a moment). */
        oomKillAfter: delaySchema,
        /**
         * Fraction of probe periods and initial delays actually waited (1 in real time). Worked
         * example, fast profile: periodSeconds 10 → a probe every 1 s.
         */
        probePeriodScale: z.number().positive().max(1),
      })
      .strict(),
    services: z
      .object({
        /** A LoadBalancer Service's EXTERNAL-IP stays <pending> this long (AKS: about 10–40 s). */
        loadBalancerIpDelay: delaySchema,
      })
      .strict(),
    node: z
      .object({
        /** A silent node turns NotReady after node-monitor-grace-period (50 s since Kubernetes 1.32). */
        notReadyAfter: delaySchema,
        /** Its pods are evicted when the default not-ready/unreachable tolerations (300 s) run out. */
        podEvictionAfter: delaySchema,
      })
      .strict(),
    chaos: z
      .object({
        /** Node outages: the time between them, and how long a node stays down. */
        nodeFailure: z.object({ meanTimeBetween: delaySchema, downFor: delaySchema }).strict().nullable(),
        /** Crashes per running container per hour. */
        podCrashRate: z.number().nonnegative(),
        /** Probability that a pull of an image that exists fails anyway (registry hiccup). */
        pullFailureRate: z.number().min(0).max(1),
      })
      .strict(),
  })
  .strict();

export type Profile = z.infer<typeof profileSchema>;
export type ProfileName = "fast" | "realistic" | "chaos";

const NO_CHAOS: Profile["chaos"] = { nodeFailure: null, podCrashRate: 0, pullFailureRate: 0 };

const d = (msValue: number, jitter = 0): Delay => ({ ms: msValue, jitter });

/** Close to an AKS cluster pulling from Docker Hub: nginx pulls in about 3.5–4.5 s, starts in about 1 s. */
const REALISTIC: Profile = {
  scheduler: { bindDelay: d(40, 0.5) },
  kubelet: {
    pullBase: d(1_500, 0.3),
    pullBytesPerSecond: 30_000_000,
    pullCachedDelay: d(50, 0.5),
    createDelay: d(600, 0.3),
    startDelay: d(400, 0.3),
    // The pod worker requeues a failed sync after 10 s plus up to 50 % jitter: 10–15 s.
    configErrorRetry: d(12_500, 0.2),
    imagePullBackoff: { initial: 10_000, max: 300_000 },
    crashLoopBackoff: { initial: 10_000, max: 300_000, resetAfter: 600_000 },
    terminationDelay: {
      graceful: d(400, 0.75),
      byBehaviour: { server: "graceful", shell: "gracePeriod", exit: "graceful" },
    },
    gracePeriodScale: 1,
    readinessAfterStart: d(500, 0.5),
    restartDelay: d(1_000, 0.3),
    oomKillAfter: d(900, 0.3),
    probePeriodScale: 1,
  },
  services: { loadBalancerIpDelay: d(25_000, 0.6) },
  // The node lifecycle controller looks every 5 s, so NotReady lands 50–55 s after the last heartbeat.
  node: { notReadyAfter: d(52_500, 0.05), podEvictionAfter: d(300_000) },
  chaos: NO_CHAOS,
};

/** About a tenth of every realistic delay and no jitter: quick, repeatable tests. */
const FAST: Profile = {
  scheduler: { bindDelay: d(4) },
  kubelet: {
    pullBase: d(150),
    pullBytesPerSecond: 300_000_000,
    pullCachedDelay: d(5),
    createDelay: d(60),
    startDelay: d(40),
    configErrorRetry: d(1_250),
    imagePullBackoff: { initial: 1_000, max: 30_000 },
    crashLoopBackoff: { initial: 1_000, max: 30_000, resetAfter: 60_000 },
    terminationDelay: {
      graceful: d(40),
      byBehaviour: { server: "graceful", shell: "gracePeriod", exit: "graceful" },
    },
    gracePeriodScale: 0.1,
    readinessAfterStart: d(50),
    restartDelay: d(100),
    oomKillAfter: d(90),
    probePeriodScale: 0.1,
  },
  services: { loadBalancerIpDelay: d(2_500) },
  node: { notReadyAfter: d(5_250), podEvictionAfter: d(30_000) },
  chaos: NO_CHAOS,
};

/** Realistic timings with failures switched on: the only profile that injects any. */
const CHAOS: Profile = {
  ...REALISTIC,
  kubelet: { ...REALISTIC.kubelet, pullBase: d(1_500, 0.6) },
  chaos: {
    nodeFailure: { meanTimeBetween: d(1_800_000, 0.5), downFor: d(180_000, 0.5) },
    podCrashRate: 2,
    pullFailureRate: 0.15,
  },
};

/** The three profiles, validated when this module loads. */
export const PROFILES: Record<ProfileName, Profile> = {
  fast: profileSchema.parse(FAST),
  realistic: profileSchema.parse(REALISTIC),
  chaos: profileSchema.parse(CHAOS),
};

export const DEFAULT_PROFILE: ProfileName = "realistic";
