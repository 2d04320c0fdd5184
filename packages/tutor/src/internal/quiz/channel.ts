// Group quiz rounds in a channel: open with a question, collect first answers, close with the reveal.

import type { Content, QuizQuestion } from "../content/schema.ts";
import type { Actor, TutorReply } from "../model.ts";
import {
  type ChannelQuiz,
  MAX_ROUND_ANSWERS,
  type Player,
  prunePlayers,
  type RoundAnswer,
  SCORING,
  streakBonus,
} from "./channel-state.ts";
import { formatWindow, leaderboardText, pointsList } from "./channel-text.ts";
import { gradeAnswer, isAnswerShaped, rightAnswerText } from "./grade.ts";
import { parseAnswerActionId, quizPromptBlocks } from "./prompt.ts";

/** Lines of the leaderboard shown when a round closes. */
const REVEAL_TOP = 5;

const note = (text: string): TutorReply => ({ blocks: [{ kind: "warning", text }], actions: [] });

/** How to answer a question in words, for a message that is not an answer. */
function howToAnswer(q: QuizQuestion): string {
  if (q.kind === "choice")
    return `Answer with a letter from a to ${String.fromCharCode(96 + (q.choices?.length ?? 2))}.`;
  if (q.kind === "truefalse") return "Answer true or false.";
  return "Answer with the command, starting with kubectl or az.";
}

/**
 * Opens round `rounds + 1` with `q`, taking answers until `now + windowMs`: the reply is the question
 * with its answer buttons. When a round is already open the channel is unchanged and the reply says so.
 */
export function openRound(
  ch: ChannelQuiz,
  q: QuizQuestion,
  now: number,
  windowMs: number,
): { channel: ChannelQuiz; reply: TutorReply } {
  if (ch.round)
    return {
      channel: ch,
      reply: note(`Quiz round ${ch.round.n} is still open; close it before starting another.`),
    };
  if (!Number.isFinite(windowMs) || windowMs <= 0)
    return { channel: ch, reply: note("A quiz round needs an answer window longer than zero.") };
  const n = ch.rounds + 1;
  const channel: ChannelQuiz = {
    ...ch,
    rounds: n,
    round: { n, questionId: q.id, openedAt: now, closesAt: now + windowMs, answers: [] },
  };
  const how = q.kind === "command" ? " Reply with the command." : "";
  const prompt = quizPromptBlocks(q);
  return {
    channel,
    reply: {
      blocks: [
        {
          kind: "text",
          text: `Quiz round ${n}! You have ${formatWindow(windowMs)}; only your first answer counts.${how}`,
        },
        ...prompt.blocks,
      ],
      actions: prompt.actions,
    },
  };
}

/**
 * Records `actor`'s answer to the open round. `answer` is what they typed (`b`, `true`, a command) or
 * a button id (`quiz:<qid>:b`, checked against the round's question). Only the first answer per learner
 * counts; an answer after the window, a second answer, or text that names no option gets a short note
 * meant for that learner alone, and `accepted: false`. Nothing is revealed until the round closes.
 */
export function answerRound(
  ch: ChannelQuiz,
  actor: Actor,
  answer: string,
  content: Content,
  now: number,
): { channel: ChannelQuiz; reply: TutorReply; accepted: boolean } {
  const rejected = (text: string) => ({ channel: ch, reply: note(text), accepted: false });
  const round = ch.round;
  if (!round) return rejected("No quiz round is open right now.");
  // The board is keyed by user id, and JSON parsers (zod's included) drop a "__proto__" key.
  if (actor.id === "__proto__") return rejected("This user id cannot take part in group quizzes.");
  const button = parseAnswerActionId(answer);
  if (button && button.questionId !== round.questionId)
    return rejected("That button belongs to an earlier question; answer the current one.");
  if (now >= round.closesAt) return rejected(`Too late, ${actor.name}: round ${round.n} has closed.`);
  if (round.answers.some((a) => a.user === actor.id))
    return rejected(`You already answered round ${round.n}, ${actor.name}; only your first answer counts.`);
  const q = content.questions.find((x) => x.id === round.questionId);
  if (!q) return rejected("This round's question is no longer in the question bank.");
  const text = button ? button.answer : answer;
  if (!isAnswerShaped(q, text)) return rejected(howToAnswer(q));
  if (round.answers.length >= MAX_ROUND_ANSWERS)
    return rejected("This round has taken all the answers it can.");
  const grade = gradeAnswer(q, text);
  const entry: RoundAnswer = {
    user: actor.id,
    name: actor.name,
    answer: grade.normalized,
    correct: grade.correct,
    at: now,
  };
  return {
    channel: { ...ch, round: { ...round, answers: [...round.answers, entry] } },
    reply: {
      blocks: [
        {
          kind: "text",
          text: `Got your answer, ${actor.name}. The answer is revealed when round ${round.n} closes.`,
        },
      ],
      actions: [],
    },
    accepted: true,
  };
}

/** What one learner scored in a round, for the reveal. */
export interface RoundScore {
  user: string;
  name: string;
  points: number;
  first: boolean;
  streak: number;
}

/** Applies round `n`'s answers to the board; see `streakBonus` for a worked example of the points. */
function score(ch: ChannelQuiz, n: number, answers: readonly RoundAnswer[]) {
  // A Map, not an object: a user id such as "constructor" or "__proto__" must stay an ordinary key.
  const players = new Map<string, Player>(Object.entries(ch.players));
  const firstCorrect = answers
    .filter((a) => a.correct)
    .reduce<RoundAnswer | undefined>(
      (best, a) => (best === undefined || a.at < best.at ? a : best),
      undefined,
    );
  const scores: RoundScore[] = [];
  for (const a of answers) {
    const before = players.get(a.user) ?? {
      name: a.name,
      points: 0,
      streak: 0,
      lastCorrect: 0,
      correct: 0,
      answered: 0,
    };
    if (!a.correct) {
      players.set(a.user, { ...before, name: a.name, streak: 0, answered: before.answered + 1 });
      continue;
    }
    const streak = (before.lastCorrect === n - 1 ? before.streak : 0) + 1;
    const first = a === firstCorrect;
    const points = SCORING.correct + (first ? SCORING.first : 0) + streakBonus(streak);
    players.set(a.user, {
      name: a.name,
      points: before.points + points,
      streak,
      lastCorrect: n,
      correct: before.correct + 1,
      answered: before.answered + 1,
    });
    scores.push({ user: a.user, name: a.name, points, first, streak });
  }
  return { players: Object.fromEntries(players), scores };
}

/**
 * Closes the open round (at or before its deadline; answers came in only until then) and scores it:
 * 10 points per right answer, 5 more for the first right one, and a streak bonus. The reply reveals the
 * answer and its explanation, names who got it right, and shows the top 5 of the leaderboard.
 */
export function closeRound(
  ch: ChannelQuiz,
  content: Content,
  now: number,
): { channel: ChannelQuiz; reply: TutorReply } {
  const round = ch.round;
  if (!round) return { channel: ch, reply: note("No quiz round is open, so there is nothing to close.") };
  const { round: _closed, ...rest } = ch;
  const q = content.questions.find((x) => x.id === round.questionId);
  if (!q)
    return {
      channel: rest,
      reply: note(
        `Round ${round.n} is closed without scores: its question is no longer in the question bank.`,
      ),
    };
  const counted = round.answers;
  const { players, scores } = score(rest, round.n, counted);
  const channel = prunePlayers({ ...rest, players });
  const wrong = counted.length - scores.length;
  const who =
    counted.length === 0
      ? "Nobody answered this round."
      : scores.length === 0
        ? `Nobody got it right this time (${counted.length} ${counted.length === 1 ? "answer" : "answers"}).`
        : `Right: ${pointsList(scores)}.${wrong > 0 ? ` ${wrong} wrong.` : ""}`;
  return {
    channel,
    reply: {
      blocks: [
        {
          kind: "text",
          text: `Round ${round.n} is closed${now < round.closesAt ? " early" : ""}. The answer: ${rightAnswerText(q)}`,
        },
        { kind: "text", text: q.explanation },
        { kind: scores.length > 0 ? "success" : "text", text: who },
        { kind: "text", text: leaderboardText(channel, REVEAL_TOP) },
      ],
      actions: [],
    },
  };
}

/** The channel's leaderboard, best first (10 lines unless `top` says otherwise), with live streaks. */
export function leaderboard(ch: ChannelQuiz, top = 10): TutorReply {
  return { blocks: [{ kind: "text", text: leaderboardText(ch, top) }], actions: [] };
}
