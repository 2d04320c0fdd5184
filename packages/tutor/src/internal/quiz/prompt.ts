// The quiz as a learner sees it: the question with its answer buttons, and the feedback after an answer.

import type { QuizQuestion } from "../content/schema.ts";
import type { Action, ReplyBlock } from "../model.ts";
import { choiceLetter, rightAnswerText } from "./grade.ts";

/** Slack caps button text at 75 characters (Discord at 80); labels are cut to fit both. */
const MAX_LABEL = 75;

function label(text: string): string {
  return text.length <= MAX_LABEL ? text : `${text.slice(0, MAX_LABEL - 1).trimEnd()}…`;
}

/** The id a button sends back: `quiz:<questionId>:<answer>`, the answer being `a`, `b`… or `true`/`false`. */
export function answerActionId(questionId: string, answer: string): string {
  return `quiz:${questionId}:${answer}`;
}

/** Splits an answer button id into question id and answer; undefined for any other text. */
export function parseAnswerActionId(id: string): { questionId: string; answer: string } | undefined {
  const m = /^quiz:([a-z0-9]+(?:-[a-z0-9]+)*):([a-z]+)$/.exec(id);
  return m?.[1] && m[2] ? { questionId: m[1], answer: m[2] } : undefined;
}

/** The answer buttons of a question: one per choice, True and False, or none for a command question. */
export function answerActions(q: QuizQuestion): Action[] {
  if (q.kind === "choice")
    return (q.choices ?? []).map((c, i) => ({
      id: answerActionId(q.id, choiceLetter(i)),
      label: label(`${choiceLetter(i)}) ${c}`),
    }));
  if (q.kind === "truefalse")
    return [
      { id: answerActionId(q.id, "true"), label: "True" },
      { id: answerActionId(q.id, "false"), label: "False" },
    ];
  return [];
}

/** The question block: prompt and, for a choice question, the choices (adapters letter them a, b, c…). */
export function quizBlock(q: QuizQuestion): ReplyBlock {
  return q.kind === "choice" && q.choices
    ? { kind: "quiz", questionId: q.id, prompt: q.prompt, choices: [...q.choices] }
    : { kind: "quiz", questionId: q.id, prompt: q.prompt };
}

/**
 * A question as a reply: the quiz block and its answer buttons (ids `quiz:<qid>:a|b|c…` or
 * `quiz:<qid>:true|false`). A command question has no buttons; the learner types the command.
 */
export function quizPromptBlocks(q: QuizQuestion): { blocks: ReplyBlock[]; actions: Action[] } {
  return { blocks: [quizBlock(q)], actions: answerActions(q) };
}

/** What follows an answer: success or a warning naming the right answer, then the explanation. */
export function answerFeedback(q: QuizQuestion, correct: boolean): ReplyBlock[] {
  const verdict: ReplyBlock = correct
    ? { kind: "success", text: "Correct!" }
    : {
        kind: "warning",
        text:
          q.kind === "command"
            ? `Not quite. One accepted answer: ${rightAnswerText(q)}`
            : `Not quite. The answer is ${rightAnswerText(q)}.`,
      };
  return [verdict, { kind: "text", text: q.explanation }];
}
