// Grades a learner's answer to a quiz question: choice letters or text, true/false words, typed commands.

import type { QuizQuestion } from "../content/schema.ts";
import { canonicalCommand } from "./command-form.ts";

/** The result of grading: whether the answer is right, and the answer as understood. */
export interface Grade {
  correct: boolean;
  /**
   * The answer as understood: a choice letter (`b`), `true`/`false`, or the command's canonical form.
   * An answer that names no option is returned trimmed and lower-cased.
   */
  normalized: string;
}

const LETTERS = "abcdefghij";

/** The letter of choice `index`: 0 → "a". */
export function choiceLetter(index: number): string {
  return LETTERS[index] ?? String(index + 1);
}

/** Lower-cased, single-spaced, without surrounding quotes or trailing full stops. */
function simplify(text: string): string {
  return text
    .trim()
    .replace(/^["'`]+|["'`]+$/g, "")
    .replace(/[.!]+$/, "")
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/**
 * The choice index an answer names, or undefined: the choice's text in any case and spacing, a
 * letter (`b`, `B`, `b)`, `(b)`, `b.`), a 1-based number (`2`), or a letter and the text (`b) A Service`).
 */
export function choiceIndex(choices: readonly string[], answer: string): number | undefined {
  const text = simplify(answer);
  // The text first: when the choices are numbers (2, 3, 4, 10), "4" means the choice "4", not the 4th.
  const byText = choices.findIndex((c) => simplify(c) === text);
  if (byText >= 0) return byText;
  const inRange = (i: number) => (i >= 0 && i < choices.length ? i : undefined);
  const letter = /^\(?([a-j])\)?[).:]?$/.exec(text);
  if (letter) return inRange(LETTERS.indexOf(letter[1] ?? ""));
  const number = /^\(?(\d{1,2})\)?[).:]?$/.exec(text);
  if (number) return inRange(Number(number[1]) - 1);
  const prefixed = /^\(?([a-j])[).:]\s*(.+)$/.exec(text);
  if (prefixed) {
    const i = LETTERS.indexOf(prefixed[1] ?? "");
    if (simplify(choices[i] ?? "") === prefixed[2]) return i;
  }
  return undefined;
}

const TRUE_WORDS = new Set(["true", "t", "yes", "y"]);
const FALSE_WORDS = new Set(["false", "f", "no", "n"]);

/** The truth value an answer names (`true`, `False`, `yes`, `n`…), or undefined. */
export function truthValue(answer: string): boolean | undefined {
  const text = simplify(answer);
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  return undefined;
}

/**
 * Whether an answer names one of the question's options at all (a choice, true or false, or a
 * kubectl/az command). Group rounds use it to ignore stray messages rather than count them as wrong.
 */
export function isAnswerShaped(q: QuizQuestion, answer: string): boolean {
  if (q.kind === "choice") return choiceIndex(q.choices ?? [], answer) !== undefined;
  if (q.kind === "truefalse") return truthValue(answer) !== undefined;
  return canonicalCommand(answer) !== undefined;
}

/**
 * Grades `answer` against `q`.
 * - choice: `b`, `B`, `2`, `b)`, or the choice's text, case- and space-insensitive;
 * - truefalse: true/false, yes/no, t/f, y/n;
 * - command: compared with every accepted form after both are put in canonical form (`k` for
 *   `kubectl`, short resource names, flag order, `--flag value` or `--flag=value`, quotes).
 */
export function gradeAnswer(q: QuizQuestion, answer: string): Grade {
  if (q.kind === "choice") {
    const index = choiceIndex(q.choices ?? [], answer);
    if (index === undefined) return { correct: false, normalized: simplify(answer) };
    return { correct: index === q.answer, normalized: choiceLetter(index) };
  }
  if (q.kind === "truefalse") {
    const value = truthValue(answer);
    if (value === undefined) return { correct: false, normalized: simplify(answer) };
    return { correct: value === q.answer, normalized: String(value) };
  }
  const typed = canonicalCommand(answer);
  if (typed === undefined) return { correct: false, normalized: answer.trim().replace(/\s+/g, " ") };
  const accepted = Array.isArray(q.answer) ? q.answer : [];
  return { correct: accepted.some((form) => canonicalCommand(form) === typed), normalized: typed };
}

/** The right answer as a learner would read it: `b) A Service`, `True`, or the first accepted command. */
export function rightAnswerText(q: QuizQuestion): string {
  if (q.kind === "choice" && typeof q.answer === "number")
    return `${choiceLetter(q.answer)}) ${q.choices?.[q.answer] ?? ""}`;
  if (q.kind === "truefalse") return q.answer === true ? "True" : "False";
  return Array.isArray(q.answer) ? `\`${q.answer[0] ?? ""}\`` : "";
}
