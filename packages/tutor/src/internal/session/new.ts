// Creating sessions and sandboxes: a fresh learner, and a fresh cluster for a lesson or a reset.

import { Sim, type StoredCluster } from "@bosun/sim";
import type { Progress, Session } from "../model.ts";

/** Options of `newSession`. `now` is the real time (epoch ms) the learner arrives. */
export interface NewSessionOptions {
  /** Seed of the sandbox (and of the tutor's own picks). */
  seed: number;
  now: number;
  /** Simulator lifecycle profile: `realistic` (default), `fast` or `chaos`. */
  profile?: string;
}

/** A fresh simulated cluster whose virtual clock starts at `now`, in stored form. */
export function freshSandbox(seed: number, now: number, profile?: string): StoredCluster {
  return Sim.create({ seed, start: now, ...(profile ? { profile } : {}) }).save();
}

/** Progress of someone who has done nothing yet. */
export function emptyProgress(): Progress {
  return {
    steps: {},
    lessonsDone: [],
    xp: 0,
    streak: { days: 0 },
    badges: [],
    quiz: { answered: 0, correct: 0 },
  };
}

/** A new learner's (or group's) session: a fresh sandbox, no lesson started, no progress. */
export function newSession(opts: NewSessionOptions): Session {
  return {
    v: 1,
    sim: freshSandbox(opts.seed, opts.now, opts.profile),
    progress: emptyProgress(),
    quiz: { cards: {} },
    n: 0,
    lastEventAt: opts.now,
  };
}
