// Spaced repetition per learner: FSRS (ts-fsrs) over the compact QuizCard a session stores.

import { type Card, createEmptyCard, fsrs, generatorParameters, Rating, State } from "ts-fsrs";
import type { QuizCard } from "../model.ts";

const DAY_MS = 86_400_000;

/**
 * Day-based FSRS without fuzz. Short-term learning steps (1 min, 10 min) are off because QuizCard does
 * not store FSRS's learning-step index, and without it a card in learning would restart its steps on
 * every answer and never graduate. Fuzz is off so that scheduling is a pure function of its inputs.
 */
const scheduler = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));

function toCard(card: QuizCard, now: number): Card {
  const last = card.last ?? now;
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: Math.max(0, Math.floor((now - last) / DAY_MS)),
    scheduled_days: Math.max(0, Math.round((card.due - last) / DAY_MS)),
    learning_steps: 0,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    ...(card.last !== undefined ? { last_review: new Date(card.last) } : {}),
  };
}

/** Rounded so a stored session stays short: 4 significant decimals is far below FSRS's own precision. */
function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function fromCard(card: Card): QuizCard {
  return {
    due: card.due.getTime(),
    stability: round(card.stability),
    difficulty: round(card.difficulty),
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { last: card.last_review.getTime() } : {}),
  };
}

/**
 * The card after one answer at `now` (epoch ms): a right answer is rated Good, a wrong one Again.
 * `undefined` is a question never asked before. For example, a new card answered right is due 3 days
 * later, then 14, then 57; a wrong answer after that brings it back after 3 days and counts a lapse.
 */
export function reviewCard(card: QuizCard | undefined, correct: boolean, now: number): QuizCard {
  const before = card ? toCard(card, now) : createEmptyCard(new Date(now));
  const { card: after } = scheduler.next(before, new Date(now), correct ? Rating.Good : Rating.Again);
  return fromCard(after);
}

/** Whether a card is due for review at `now`. */
export function isDue(card: QuizCard, now: number): boolean {
  return card.state !== State.New && card.due <= now;
}
