// A channel's group quiz as stored in Redis: the open round, scores and streaks, kept small and bounded.

import { z } from "zod";

/** Players kept on a channel's board; the lowest scores drop off when a round closes with more. */
export const MAX_PLAYERS = 200;
/** Answers kept per round; later ones are turned away, so one round never grows without bound. */
export const MAX_ROUND_ANSWERS = 500;

const idText = z.string().min(1).max(200);

/** One learner's first answer in a round, as graded then (the display name as it was then). */
export const roundAnswerSchema = z.object({
  user: idText,
  name: z.string().max(200),
  /** The answer as understood (`b`, `true`, a canonical command), for the record. */
  answer: z.string().max(2000),
  correct: z.boolean(),
  /** Epoch ms. */
  at: z.number(),
});
export type RoundAnswer = z.infer<typeof roundAnswerSchema>;

/** The round being played: which question (by id only), when it opened and closes, and the answers. */
export const openRoundSchema = z.object({
  /** Round number in this channel, from 1. */
  n: z.number().int().positive(),
  questionId: idText,
  openedAt: z.number(),
  closesAt: z.number(),
  /** First answer per user, in the order they arrived. */
  answers: z.array(roundAnswerSchema).max(MAX_ROUND_ANSWERS),
});
export type OpenRound = z.infer<typeof openRoundSchema>;

/** A learner on the board. */
export const playerSchema = z.object({
  name: z.string().max(200),
  points: z.number().int().nonnegative(),
  /** Consecutive rounds answered right, as of round `lastCorrect`. */
  streak: z.number().int().nonnegative(),
  /** Number of the last round this learner got right; 0 for none. */
  lastCorrect: z.number().int().nonnegative(),
  correct: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
});
export type Player = z.infer<typeof playerSchema>;

/** A channel's quiz: plain JSON, validated with `channelQuizSchema` when read back from storage. */
export const channelQuizSchema = z.object({
  v: z.literal(1),
  /** Rounds opened so far; the open or last round is number `rounds`. */
  rounds: z.number().int().nonnegative(),
  round: openRoundSchema.optional(),
  /** Players by user id, at most MAX_PLAYERS. */
  players: z.record(idText, playerSchema),
});

/**
 * Per channel: the open round (question id, opened at, closes at, first answer by user id), the
 * leaderboard (points and display names by user id, bounded to MAX_PLAYERS), per-user streaks of
 * consecutive correct rounds, and the round counter. No question text is stored, only ids.
 */
export type ChannelQuiz = z.infer<typeof channelQuizSchema>;

/** A channel that has never played. */
export function newChannelQuiz(): ChannelQuiz {
  return { v: 1, rounds: 0, players: {} };
}

/** Points for a right answer, the bonus for the first right answer, and the streak bonus cap. */
export const SCORING = { correct: 10, first: 5, streakStep: 2, streakMax: 10 } as const;

/**
 * The streak bonus for a right answer that makes a streak of `streak` rounds: 2 points per round
 * beyond the first, at most 10. Streak 1 → 0, 2 → 2, 3 → 4, 6 and more → 10. So the first right
 * answer of a learner's third round in a row scores 10 + 5 + 4 = 19, and a later one 10 + 4 = 14.
 */
export function streakBonus(streak: number): number {
  return Math.min(SCORING.streakStep * Math.max(0, streak - 1), SCORING.streakMax);
}

/** The number of the last round that closed. */
export function lastClosedRound(ch: ChannelQuiz): number {
  return ch.round ? ch.round.n - 1 : ch.rounds;
}

/** A player's streak as it stands: a round missed or answered wrong since ends it. */
export function currentStreak(ch: ChannelQuiz, p: Player): number {
  return p.lastCorrect > 0 && p.lastCorrect === lastClosedRound(ch) ? p.streak : 0;
}

/** Players best first: points, then the most recent right answer, then user id (for a stable order). */
export function rankedPlayers(ch: ChannelQuiz): [string, Player][] {
  return Object.entries(ch.players).sort(
    ([ida, a], [idb, b]) => b.points - a.points || b.lastCorrect - a.lastCorrect || (ida < idb ? -1 : 1),
  );
}

/** The board cut to MAX_PLAYERS, keeping the best. */
export function prunePlayers(ch: ChannelQuiz): ChannelQuiz {
  const ranked = rankedPlayers(ch);
  if (ranked.length <= MAX_PLAYERS) return ch;
  return { ...ch, players: Object.fromEntries(ranked.slice(0, MAX_PLAYERS)) };
}
