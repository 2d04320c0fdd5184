// `quiz`, answers, `review` and `skip`: spaced-repetition questions between (or instead of) lessons.

import type { QuizQuestion } from "../content/schema.ts";
import { answerFeedback, gradeAnswer, isDue, pickQuestion, quizPromptBlocks, reviewCard } from "./deps.ts";
import { awardBadges, touchStreak, XP } from "./progress.ts";
import { ACTIONS, offer, say, type Turn } from "./turn.ts";

/** A seed for the tutor's own picks: the sandbox seed and the event count, so no two asks repeat it. */
function turnSeed(turn: Turn): number {
  return (Math.imul(turn.s.sim.seed, 31) + (turn.s.n ?? 0)) >>> 0;
}

function currentLessonNumber(turn: Turn): number | undefined {
  return turn.ctx.content.lessons.find((l) => l.id === turn.s.lesson?.id)?.number;
}

function ask(turn: Turn, q: QuizQuestion, intro: string): void {
  const { blocks, actions } = quizPromptBlocks(q);
  turn.s.quiz.pending = { questionId: q.id, askedAt: turn.ctx.now };
  say(turn, { kind: "text", text: intro }, ...blocks);
  if (q.kind === "command") say(turn, { kind: "text", text: "Type the command as your answer (or `skip`)." });
  offer(turn, ...actions);
}

/** `quiz`: a due review first, else a new question from the current lesson or one already reached. */
export function askQuiz(turn: Turn): void {
  const lesson = currentLessonNumber(turn);
  const q = pickQuestion(turn.ctx.content, turn.s.quiz, {
    ...(lesson !== undefined ? { lesson } : {}),
    lessonsDone: turn.s.progress.lessonsDone,
    now: turn.ctx.now,
    seed: turnSeed(turn),
  });
  const card = turn.s.quiz.cards[q.id];
  ask(
    turn,
    q,
    card && isDue(card, turn.ctx.now) ? `Review (lesson ${q.lesson}):` : `Quiz (lesson ${q.lesson}):`,
  );
}

/** `review`: the most overdue question, or when the next one falls due. */
export function askReview(turn: Turn): void {
  const { now, content } = turn.ctx;
  const cards = turn.s.quiz.cards;
  const due = Object.entries(cards)
    .filter(([, c]) => isDue(c, now))
    .sort(([a, x], [b, y]) => x.due - y.due || (a < b ? -1 : 1));
  const first = due[0] && content.questions.find((q) => q.id === due[0]?.[0]);
  if (!first) {
    const next = Object.values(cards)
      .filter((c) => c.state !== 0)
      .sort((x, y) => x.due - y.due)[0];
    const when = next ? ` The next review is due on ${new Date(next.due).toISOString().slice(0, 10)}.` : "";
    say(turn, {
      kind: "text",
      text: `Nothing to review right now.${when} Type \`quiz\` for a new question.`,
    });
    offer(turn, ACTIONS.quiz);
    return;
  }
  ask(turn, first, `Review 1 of ${due.length} due (lesson ${first.lesson}):`);
}

/** An answer to the pending question: graded, the card rescheduled, XP for a right one. */
export function answerQuiz(turn: Turn, questionId: string, answer: string): void {
  const pending = turn.s.quiz.pending;
  const q = turn.ctx.content.questions.find((x) => x.id === questionId);
  if (!pending || pending.questionId !== questionId || !q) {
    say(turn, { kind: "text", text: "That question is closed. Type `quiz` for a new one." });
    offer(turn, ACTIONS.quiz);
    return;
  }
  const { correct } = gradeAnswer(q, answer);
  const p = turn.s.progress;
  turn.s.quiz.cards[q.id] = reviewCard(turn.s.quiz.cards[q.id], correct, turn.ctx.now);
  delete turn.s.quiz.pending;
  p.quiz.answered += 1;
  if (correct) {
    p.quiz.correct += 1;
    p.xp += XP.quizRight;
  }
  touchStreak(p, turn.ctx.now);
  say(turn, ...answerFeedback(q, correct));
  const badges = awardBadges(p, turn.ctx.content);
  const gain = correct ? `+${XP.quizRight} XP. ` : "";
  say(turn, {
    kind: "text",
    text: `${gain}${p.quiz.correct} right of ${p.quiz.answered} so far.${badges.length ? ` Badge earned: ${badges.join(", ")}.` : ""}`,
  });
  offer(turn, ACTIONS.quiz);
}

/** `skip`: drops the pending question without grading it. */
export function skipQuiz(turn: Turn): void {
  if (!turn.s.quiz.pending) {
    say(turn, {
      kind: "text",
      text: "There is no question to skip. To skip a lesson step, type `lesson next`.",
    });
    return;
  }
  delete turn.s.quiz.pending;
  say(turn, { kind: "text", text: "Skipped. Type `quiz` for another question." });
  offer(turn, ACTIONS.quiz);
}
