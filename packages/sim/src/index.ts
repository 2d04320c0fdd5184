// @bosun/sim: a simulated Kubernetes cluster with a kubectl front end. Pure: no I/O, no clock.

export type { EventRecord } from "./internal/api/events.ts";
export type { StoredCluster } from "./internal/api/serialize.ts";
export type { KObject, ObjectMeta } from "./internal/api/types.ts";
export { IMAGE_RULE } from "./internal/data/images.ts";
export { DEFAULT_PROFILE, PROFILES } from "./internal/data/profiles.ts";
export type { ExecResult, SimOptions } from "./internal/sim.ts";
export { MAX_SLEEP_MS, Sim } from "./internal/sim.ts";
export { humanDuration, parseDuration } from "./internal/util/time.ts";
