// One event's working state: the session being changed, the open sandbox, and the reply being built.

import type { Sim } from "@bosun/sim";
import type { Content } from "../content/schema.ts";
import type { Snapshot } from "../diff/index.ts";
import type { Action, Actor, ReplyBlock, Session } from "../model.ts";

/** What `handle` needs besides the session and the event. Time is an input: the engine reads no clock. */
export interface HandleContext {
  /** Real time of the event (epoch ms). */
  now: number;
  actor: Actor;
  content: Content;
  /** A shared group sandbox: every reply starts with who ran what. */
  group?: boolean;
}

/** A handler's view of the event being processed. Handlers change `s` and `sim` and append to the reply. */
export interface Turn {
  /** A private copy of the session: handlers may change it freely. */
  s: Session;
  /** The sandbox, restored from `s.sim`; saved back into `s.sim` when the turn ends. */
  sim: Sim;
  ctx: HandleContext;
  blocks: ReplyBlock[];
  actions: Action[];
  /**
   * The snapshot taken right after a command ran, with the sandbox state it shows: the next event
   * may reuse it as its "before".
   */
  after?: SnapshotAt;
}

/**
 * A snapshot with the sandbox state it shows: its resourceVersion counter and object map. Every
 * object write moves the counter and `az aks get-credentials` swaps the map, so while both are as
 * recorded the cluster still looks exactly like `snap`.
 */
export interface SnapshotAt {
  sim: Sim;
  objects: unknown;
  rv: number;
  snap: Snapshot;
}

/** Whether `at` still shows `sim` as it stands. */
export function stillShows(at: SnapshotAt, sim: Sim): boolean {
  const state = sim.cluster.state;
  return at.sim === sim && at.objects === state.objects && at.rv === state.rv;
}

/** A snapshot of `sim` now, with the state it shows. */
export function snapshotAt(sim: Sim, snap: Snapshot): SnapshotAt {
  const state = sim.cluster.state;
  return { sim, objects: state.objects, rv: state.rv, snap };
}

/** Appends blocks to the reply. */
export function say(turn: Turn, ...blocks: ReplyBlock[]): void {
  turn.blocks.push(...blocks);
}

/** Adds buttons, once each. */
export function offer(turn: Turn, ...actions: Action[]): void {
  for (const a of actions) if (!turn.actions.some((b) => b.id === a.id)) turn.actions.push(a);
}

/** The standard buttons. */
export const ACTIONS = {
  hint: { id: "hint", label: "Hint" },
  solution: { id: "solution", label: "Solution" },
  next: { id: "next", label: "Next step" },
  nextLesson: { id: "next", label: "Next lesson", style: "primary" },
  quiz: { id: "quiz", label: "Quiz me" },
  progress: { id: "progress", label: "Progress" },
  resetConfirm: { id: "reset:confirm", label: "Yes, reset", style: "danger" },
  resetAllConfirm: { id: "reset:all:confirm", label: "Yes, reset everything", style: "danger" },
  start: (n: number): Action => ({ id: `lesson:start:${n}`, label: `Start lesson ${n}`, style: "primary" }),
} as const satisfies Record<string, Action | ((n: number) => Action)>;
