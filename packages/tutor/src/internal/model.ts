// The tutor's platform-neutral vocabulary: events in, replies out, and the session they act on.

import type { StoredCluster } from "@bosun/sim";

/** Who sent an event (for group sandboxes every reply says who ran what). */
export interface Actor {
  id: string;
  name: string;
}

/**
 * Everything a learner (or a scheduler) can ask of the tutor. Chat adapters map messages, slash
 * commands and button presses to these; `text` is a raw line the engine parses itself (a kubectl
 * or az command, `sleep 30s`, `lesson start 3`, `hint`, an answer like `b`).
 */
export type TutorEvent =
  | { type: "text"; text: string; stdin?: string }
  | { type: "command"; text: string; stdin?: string }
  | { type: "help" }
  | { type: "lesson"; action: "list" | "start" | "next" | "status"; lesson?: number }
  | { type: "hint" }
  | { type: "solution" }
  | { type: "quiz" }
  | { type: "answer"; questionId: string; answer: string }
  | { type: "review" }
  | { type: "progress" }
  | { type: "reset"; confirm?: boolean; all?: boolean }
  | { type: "skip" };

/** One piece of a reply; adapters render each kind in their platform's way. */
export type ReplyBlock =
  | { kind: "text"; text: string }
  | { kind: "code"; text: string; command?: string; exitCode?: number }
  | { kind: "diff"; lines: string[] }
  | { kind: "hint"; level: 1 | 2 | 3; text: string }
  | { kind: "success"; text: string }
  | { kind: "warning"; text: string; lesson?: number }
  /** A best-practice tip from the coach, with the lesson that teaches it. */
  | { kind: "tip"; text: string; lesson?: number }
  | { kind: "progress"; text: string; percent?: number }
  | { kind: "quiz"; questionId: string; prompt: string; choices?: string[] };

/**
 * A button. `id` is what comes back when pressed: `hint`, `next`, `solution`, `quiz`, `progress`,
 * `reset:confirm`, `lesson:start:<n>`, `quiz:<questionId>:<answer>` (see `actionEvent`).
 */
export interface Action {
  id: string;
  label: string;
  style?: "primary" | "danger";
}

/** A rendering-neutral reply: blocks in order, then buttons. */
export interface TutorReply {
  blocks: ReplyBlock[];
  actions: Action[];
}

/** Spaced-repetition memory of one question (compact FSRS card). */
export interface QuizCard {
  /** Due time (epoch ms). */
  due: number;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  /** FSRS state: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  last?: number;
}

/** Where a learner is in the course, and how many tries the current step has taken. */
export interface LessonCursor {
  id: string;
  /** Index of the current step; equal to the number of steps once the lesson is complete. */
  step: number;
  /** Failed attempts at the current step (failed commands, pods in trouble): drives hint escalation. */
  failures: number;
  /** Highest hint shown on this step (asked for, or after a failed try): 0 none, 1–3 the hints, 4 the solution. */
  hintLevel: number;
  /** The learner's last command (not `sleep`), for `command:` checks. */
  last?: { tokens: string[]; exitCode: number };
}

export interface Progress {
  /** Completed step ids per lesson id, for lessons not yet done (a done lesson is only its id). */
  steps: Record<string, string[]>;
  lessonsDone: string[];
  xp: number;
  streak: { days: number; lastDay?: string };
  badges: string[];
  quiz: { answered: number; correct: number };
}

/** One learner's (or group's) state: the sandbox plus where they are in the course. Plain JSON. */
export interface Session {
  v: 1;
  sim: StoredCluster;
  lesson?: LessonCursor;
  progress: Progress;
  quiz: { pending?: { questionId: string; askedAt: number }; cards: Record<string, QuizCard> };
  /** A `reset` waiting for `reset confirm`: true for the sandbox, "all" for sandbox and progress. */
  pendingReset?: boolean | "all";
  /** Events handled so far: with the sandbox seed, the seed of anything random the tutor picks. */
  n?: number;
  /** Real time of the last event, to advance the sandbox's clock by the time elapsed. */
  lastEventAt?: number;
}
