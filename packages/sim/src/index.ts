// @bosun/sim: a simulated Kubernetes cluster with a kubectl front end. Pure: no I/O, no clock.

export { Sim, MAX_SLEEP_MS } from "./internal/sim.ts";
export type { ExecResult, SimOptions } from "./internal/sim.ts";
export type { StoredCluster } from "./internal/api/serialize.ts";
export type { KObject, ObjectMeta } from "./internal/api/types.ts";
export type { EventRecord } from "./internal/api/events.ts";
export { IMAGE_RULE } from "./internal/data/images.ts";
export { PROFILES, DEFAULT_PROFILE } from "./internal/data/profiles.ts";
export { humanDuration, parseDuration } from "./internal/util/time.ts";
