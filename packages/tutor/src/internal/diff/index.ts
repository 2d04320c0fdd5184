// The state diff's public surface: snapshot the cluster, compare two snapshots, format the lines.

export type { DiffLine } from "./diff.ts";
export { diffSnapshots } from "./diff.ts";
export type { FormatDiffOptions } from "./format.ts";
export { DefaultFormatDiffOptions, formatDiff } from "./format.ts";
export type { Snapshot, SnapshotEntry } from "./snapshot.ts";
export { snapshot } from "./snapshot.ts";
