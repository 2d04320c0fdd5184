// The shape of one kind's `kubectl get` table: column definitions plus a row function.
import type { KObject } from "../../api/types.ts";

/** One column definition, named as the server's table printer names it ("Up-to-date", "Port(s)"). */
export interface Column {
  name: string;
  /** Priority 1: shown only with `-o wide`. */
  wide?: boolean;
}

/** A kind's table: `row` returns one cell per column, wide ones included. */
export interface KindTable {
  columns: Column[];
  row(obj: KObject, now: number): string[];
}
