// `kubectl get` tables: the entry point lives in columns/index.ts; this module re-exports it.
export { type Column, eventTable, type KindTable, type TableOptions, tableFor } from "./columns/index.ts";
