// Chooses a learner's next quiz question: due reviews first, then the current lesson, then earlier ones.

import { TutorError } from "../content/errors.ts";
import type { Content, QuizQuestion } from "../content/schema.ts";
import type { Session } from "../model.ts";
import { isDue } from "./review.ts";

/** Inputs to `pickQuestion` beyond the content and the learner's quiz state. */
export interface PickOptions {
  /** Number of the lesson the learner is on, if any. */
  lesson?: number;
  /** Ids of the lessons the learner has finished. */
  lessonsDone: readonly string[];
  /** Epoch ms. */
  now: number;
  /** Any integer; the same seed and state give the same question. */
  seed: number;
}

/** How many of the most overdue reviews the seed chooses among, so reviews vary a little. */
const REVIEW_SPREAD = 3;

/** FNV-1a over `seed:id`, then a murmur-style finaliser: a stable pseudo-random rank per question. */
export function seededRank(seed: number, id: string): number {
  let h = 0x811c9dc5;
  const text = `${seed}:${id}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The candidate the seed ranks first; independent of the candidates' order. */
function seededPick(seed: number, candidates: readonly QuizQuestion[]): QuizQuestion | undefined {
  let best: QuizQuestion | undefined;
  let bestRank = -1;
  for (const q of candidates) {
    const rank = seededRank(seed, q.id);
    if (rank > bestRank || (rank === bestRank && best && q.id < best.id)) {
      best = q;
      bestRank = rank;
    }
  }
  return best;
}

/**
 * The next question for a learner. In order of preference:
 * 1. a review that is due (FSRS card due by `now`), chosen by the seed among the 3 most overdue;
 * 2. an unseen question of the current lesson (lesson 1 when no lesson is started and none is done);
 * 3. an unseen question of a finished or earlier lesson;
 * 4. the seen question of a reached lesson whose review comes soonest;
 * 5. any other question, unseen ones first.
 * The pending question is never picked again unless it is the only question in the bank.
 */
export function pickQuestion(content: Content, quiz: Session["quiz"], opts: PickOptions): QuizQuestion {
  const { now, seed } = opts;
  const pendingId = quiz.pending?.questionId;
  const others = content.questions.filter((q) => q.id !== pendingId);
  const pool = others.length > 0 ? others : content.questions;
  const first = pool[0];
  if (!first) throw new TutorError("content-missing", "the quiz bank has no questions");

  const done = new Set(content.lessons.filter((l) => opts.lessonsDone.includes(l.id)).map((l) => l.number));
  const firstLesson = content.lessons[0]?.number ?? 1;
  const current = opts.lesson ?? (done.size === 0 ? firstLesson : undefined);
  const reached = (q: QuizQuestion) =>
    q.lesson === current || done.has(q.lesson) || (current !== undefined && q.lesson < current);
  const cardOf = (q: QuizQuestion) => quiz.cards[q.id];
  const unseen = (q: QuizQuestion) => cardOf(q) === undefined;
  const dueAt = (q: QuizQuestion) => cardOf(q)?.due ?? Number.POSITIVE_INFINITY;
  const byDue = (a: QuizQuestion, b: QuizQuestion) => dueAt(a) - dueAt(b) || (a.id < b.id ? -1 : 1);

  const due = pool.filter((q) => {
    const card = cardOf(q);
    return card !== undefined && isDue(card, now);
  });
  if (due.length > 0) {
    const mostOverdue = [...due].sort(byDue).slice(0, REVIEW_SPREAD);
    const pick = seededPick(seed, mostOverdue);
    if (pick) return pick;
  }
  const tiers: QuizQuestion[][] = [
    pool.filter((q) => q.lesson === current && unseen(q)),
    pool.filter((q) => q.lesson !== current && reached(q) && unseen(q)),
  ];
  for (const tier of tiers) {
    const pick = seededPick(seed, tier);
    if (pick) return pick;
  }
  const soonest = pool.filter((q) => reached(q) && !unseen(q)).sort(byDue)[0];
  if (soonest) return soonest;
  const unseenAnywhere = pool.filter(unseen);
  const lowestLesson = Math.min(...unseenAnywhere.map((q) => q.lesson));
  return (
    seededPick(
      seed,
      unseenAnywhere.filter((q) => q.lesson === lowestLesson),
    ) ??
    [...pool].sort(byDue)[0] ??
    first
  );
}
