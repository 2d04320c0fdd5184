// Load and metrics model constants as data: metrics-server timing, per-image costs, HPA controller flags.
import { z } from "zod";

const ms = z.number().int().nonnegative();
const millicores = z.number().nonnegative();

/** What serving one request costs an image, and what it uses when idle. */
const serverCostSchema = z
  .object({
    /** CPU time one request takes, in ms (= millicore-seconds): 1 rps at 45 ms → 45m. */
    cpuMsPerRequest: z.number().nonnegative(),
    /** Wall time from request to response seen by a client (the loop waits for it). */
    responseMs: z.number().positive(),
    /** Working-set growth per request per second (connection buffers, PHP workers). */
    memoryBytesPerRps: z.number().nonnegative(),
    /** Idle CPU, drawn per pod from [min, max] by a hash of its uid. */
    idleCpu: z.tuple([millicores, millicores]),
  })
  .strict();
export type ServerCost = z.infer<typeof serverCostSchema>;

export const loadModelSchema = z
  .object({
    metrics: z
      .object({
        /** metrics-server --metric-resolution: how often it scrapes the kubelets (AKS: 15 s… we use 15 s). */
        scrapeIntervalMs: ms,
        /** The `window` it reports: the time between the two samples a CPU rate comes from. */
        windowMs: ms,
        /** Relative noise on loaded CPU samples, ± this fraction (cAdvisor rates are never flat). */
        noise: z.number().min(0).max(0.5),
        /** Memory baseline spread: the image's minimum working set × [1, 1 + spread]. */
        memorySpread: z.number().min(0).max(2),
        /** Node system overhead (kubelet, containerd, AKS add-on pods), drawn per node from [min, max]. */
        nodeCpu: z.tuple([millicores, millicores]),
        nodeMemoryBytes: z.tuple([z.number().nonnegative(), z.number().nonnegative()]),
      })
      .strict(),
    client: z
      .object({
        /** Process start and connection set-up of one `wget`/`curl` in a shell loop. */
        overheadMs: z.number().nonnegative(),
        /** CPU the client spends per request (busybox wget: a fork and a TCP connection). */
        cpuMsPerRequest: z.number().nonnegative(),
      })
      .strict(),
    /** Costs by image repository as containerd names it (no tag), with a default for the rest. */
    servers: z.record(z.string(), serverCostSchema),
    defaultServer: serverCostSchema,
    /** Idle CPU of shells and one-shot images (busybox sleeping: 0m). */
    shellIdleCpu: z.tuple([millicores, millicores]),
    hpa: z
      .object({
        /** --horizontal-pod-autoscaler-sync-period. */
        syncPeriodMs: ms,
        /** --horizontal-pod-autoscaler-tolerance. */
        tolerance: z.number().min(0),
        /** --horizontal-pod-autoscaler-cpu-initialization-period. */
        cpuInitializationPeriodMs: ms,
        /** --horizontal-pod-autoscaler-initial-readiness-delay. */
        initialReadinessDelayMs: ms,
        /** --horizontal-pod-autoscaler-downscale-stabilization. */
        downscaleStabilisationMs: ms,
      })
      .strict(),
  })
  .strict();
export type LoadModel = z.infer<typeof loadModelSchema>;

const MiB = 1024 * 1024;

/**
 * The model. Worked example, the HPA walkthrough: `while sleep 0.01; do wget -q -O- http://php-apache;
 * done` loops every 10 + 5 + 55 = 70 ms → 14.3 requests/s; each costs php-apache 48 ms of CPU →
 * 686m of demand. One pod is capped by its 500m limit (250% of its 200m request); spread over 7 pods
 * it is 98m + 1m idle each (49%), inside the 10% tolerance of a 50% target — the walkthrough's 7.
 */
export const LOAD_MODEL: LoadModel = loadModelSchema.parse({
  metrics: {
    scrapeIntervalMs: 15_000,
    windowMs: 15_000,
    noise: 0.03,
    memorySpread: 0.25,
    nodeCpu: [95, 160],
    nodeMemoryBytes: [1150 * MiB, 1450 * MiB],
  },
  client: { overheadMs: 5, cpuMsPerRequest: 0.35 },
  servers: {
    "registry.k8s.io/hpa-example": {
      cpuMsPerRequest: 48,
      responseMs: 55,
      memoryBytesPerRps: 0.4 * MiB,
      idleCpu: [1, 1],
    },
    "docker.io/library/nginx": {
      cpuMsPerRequest: 0.25,
      responseMs: 2,
      memoryBytesPerRps: 8 * 1024,
      idleCpu: [0, 1],
    },
    "docker.io/library/httpd": {
      cpuMsPerRequest: 0.4,
      responseMs: 2,
      memoryBytesPerRps: 16 * 1024,
      idleCpu: [1, 1],
    },
  },
  defaultServer: { cpuMsPerRequest: 1, responseMs: 5, memoryBytesPerRps: 32 * 1024, idleCpu: [1, 2] },
  shellIdleCpu: [0, 0],
  hpa: {
    syncPeriodMs: 15_000,
    tolerance: 0.1,
    cpuInitializationPeriodMs: 5 * 60_000,
    initialReadinessDelayMs: 30_000,
    downscaleStabilisationMs: 5 * 60_000,
  },
});

/** The cost profile of an image repository (containerd name without tag). */
export function serverCost(repository: string): ServerCost {
  return LOAD_MODEL.servers[repository] ?? LOAD_MODEL.defaultServer;
}
