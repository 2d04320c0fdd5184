// `hint` and `solution`: help with the current step, each level costing a little of the step's XP.

import { checkStep, currentStep, passStep, solutionText } from "./step.ts";
import { ACTIONS, offer, say, type Turn } from "./turn.ts";

/** The current step, or a reply saying there is none. Passes a step the cluster already satisfies. */
function stepForHelp(turn: Turn) {
  const at = currentStep(turn);
  if (!at) {
    const over = turn.s.lesson !== undefined;
    say(turn, {
      kind: "text",
      text: over
        ? "This lesson is over: type `lesson next` for the next one."
        : "No lesson is running: type `lesson start 1` to begin.",
    });
    offer(turn, over ? ACTIONS.nextLesson : ACTIONS.start(1));
    return undefined;
  }
  // Time may have done the rest (pods became ready while the learner was reading): no hint needed.
  if (checkStep(turn, at.step, at.cursor).pass) {
    passStep(turn, at.lesson, at.cursor, at.step);
    return undefined;
  }
  return at;
}

/** `hint`: the next of the step's three hints (nudge, pointer, solution in words). */
export function giveHint(turn: Turn): void {
  const at = stepForHelp(turn);
  if (!at) return;
  const { cursor, step } = at;
  const level = Math.min(3, Math.max(cursor.hintLevel, 0) + 1) as 1 | 2 | 3;
  cursor.hintLevel = Math.max(cursor.hintLevel, level);
  say(turn, { kind: "hint", level, text: step.hints[level - 1] ?? step.goal });
  offer(turn, level < 3 ? ACTIONS.hint : ACTIONS.solution);
}

/** `solution`: the commands that solve the step. The step then counts as solved with help. */
export function giveSolution(turn: Turn): void {
  const at = stepForHelp(turn);
  if (!at) return;
  const { cursor, step, lesson } = at;
  cursor.hintLevel = 4;
  say(turn, {
    kind: "text",
    text: `The solution to step ${cursor.step + 1} of ${lesson.steps.length}: run these lines.`,
  });
  say(turn, { kind: "code", text: `${solutionText(step)}\n` });
}
