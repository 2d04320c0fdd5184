// How long Azure's CSI drivers take to provision a volume, per lifecycle profile (data, validated with zod).

import { z } from "zod";
import { type Delay, delaySchema } from "../data/profiles.ts";
import type { ControllerContext } from "./context.ts";

const storageDelaysSchema = z
  .object({
    /** Azure Disk: the disk exists about 3–8 s after the claim asks (ProvisioningSucceeded). */
    diskProvision: delaySchema,
    /** Azure Files: creating the share takes a little longer. */
    fileProvision: delaySchema,
    /** A released dynamically provisioned disk is deleted (reclaimPolicy Delete). */
    reclaim: delaySchema,
  })
  .strict();

type StorageDelays = z.infer<typeof storageDelaysSchema>;

const d = (ms: number, jitter = 0): Delay => ({ ms, jitter });

/** Per profile: realistic (and chaos) as on AKS, fast at about a tenth without jitter. */
const STORAGE_DELAYS: Record<string, StorageDelays> = {
  realistic: storageDelaysSchema.parse({
    diskProvision: d(5_000, 0.4),
    fileProvision: d(8_000, 0.4),
    reclaim: d(10_000, 0.3),
  }),
  chaos: storageDelaysSchema.parse({
    diskProvision: d(5_000, 0.6),
    fileProvision: d(8_000, 0.6),
    reclaim: d(10_000, 0.5),
  }),
  fast: storageDelaysSchema.parse({ diskProvision: d(500), fileProvision: d(800), reclaim: d(1_000) }),
};

/** A jittered storage delay for the session's profile. */
export function storageDelay(ctx: ControllerContext, which: keyof StorageDelays): number {
  const table = STORAGE_DELAYS[ctx.store.state.profile] ?? STORAGE_DELAYS.realistic;
  const delay = (table as StorageDelays)[which];
  return ctx.store.rng.jitter(delay.ms, delay.jitter);
}
