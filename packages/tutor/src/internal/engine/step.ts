// The current lesson step: checking it after a command, passing it (XP, explanation, next goal) and hints.

import type { CommandContext } from "../checks/command.ts";
import { clusterErrorFamilies, errorFamilyOfOutput } from "../checks/error-family.ts";
import { evaluate } from "../checks/evaluate.ts";
import type { CheckResult } from "../checks/result.ts";
import type { Lesson, Step } from "../content/schema.ts";
import type { LessonCursor } from "../model.ts";
import { awardBadges, lessonBadge, stepXp, XP } from "./progress.ts";
import { ACTIONS, offer, say, type Turn } from "./turn.ts";

/** The lesson, cursor and step being worked on, or undefined when none is (or the lesson is over). */
export function currentStep(turn: Turn): { lesson: Lesson; cursor: LessonCursor; step: Step } | undefined {
  const cursor = turn.s.lesson;
  if (!cursor) return undefined;
  const lesson = turn.ctx.content.lessons.find((l) => l.id === cursor.id);
  const step = lesson?.steps[cursor.step];
  return lesson && step ? { lesson, cursor, step } : undefined;
}

/** Evaluates the current step's check against the sandbox and the learner's last command. */
export function checkStep(turn: Turn, step: Step, cursor: LessonCursor): CheckResult {
  const ctx: CommandContext = cursor.last ? { lastCommand: cursor.last } : {};
  return evaluate(step.check, turn.sim, ctx);
}

/** "Step 2 of 5: <goal>", with the Hint button. */
export function sayGoal(turn: Turn, lesson: Lesson, index: number): void {
  const step = lesson.steps[index];
  if (!step) return;
  say(turn, { kind: "text", text: `Step ${index + 1} of ${lesson.steps.length}: ${step.goal}` });
  offer(turn, ACTIONS.hint);
}

/** Whether the learner is redoing a lesson already finished: practice earns no XP. */
function practising(turn: Turn, lesson: Lesson): boolean {
  return turn.s.progress.lessonsDone.includes(lesson.id);
}

/** The step passed: XP, the explanation, then the next goal or the end of the lesson. */
export function passStep(turn: Turn, lesson: Lesson, cursor: LessonCursor, step: Step): void {
  const p = turn.s.progress;
  const practice = practising(turn, lesson);
  const done = p.steps[lesson.id] ?? [];
  p.steps[lesson.id] = done;
  const fresh = !practice && !done.includes(step.id);
  const xp = fresh ? stepXp(cursor.hintLevel) : 0;
  if (fresh) done.push(step.id);
  p.xp += xp;
  const helped = cursor.hintLevel >= 4 ? " with the solution" : "";
  const award = xp > 0 ? ` (+${xp} XP)` : practice ? " (practice run: no XP)" : "";
  say(turn, {
    kind: "success",
    text: `Step ${cursor.step + 1} of ${lesson.steps.length} done${helped}${award}.`,
  });
  say(turn, { kind: "text", text: step.explain });
  cursor.step += 1;
  cursor.failures = 0;
  cursor.hintLevel = 0;
  if (cursor.step < lesson.steps.length) sayGoal(turn, lesson, cursor.step);
  else finishLesson(turn, lesson, practice);
}

/** Every step passed: summary, badge, and what to do next. Only step ids of unfinished lessons are stored. */
function finishLesson(turn: Turn, lesson: Lesson, practice: boolean): void {
  const p = turn.s.progress;
  const { content } = turn.ctx;
  const next = content.lessons.find((l) => l.number === lesson.number + 1);
  if (practice) {
    say(turn, { kind: "success", text: `Lesson ${lesson.number} complete again: ${lesson.title}.` });
  } else {
    p.lessonsDone.push(lesson.id);
    delete p.steps[lesson.id];
    p.xp += XP.lesson;
    const badges = [lessonBadge(content, lesson.id), ...awardBadges(p, content)];
    say(turn, {
      kind: "success",
      text: `Lesson ${lesson.number} complete: ${lesson.title} (+${XP.lesson} XP, ${p.xp} XP in all). Badge earned: ${badges.join(", ")}.`,
    });
  }
  say(turn, { kind: "text", text: `What you covered: ${lesson.summary}` });
  if (next) {
    say(turn, {
      kind: "text",
      text: `Next: lesson ${next.number}, ${next.title}. Type \`lesson next\`, or \`quiz\` to test yourself.`,
    });
    offer(turn, ACTIONS.nextLesson, ACTIONS.quiz);
  } else {
    say(turn, { kind: "text", text: "That was the last lesson. Type `quiz` to keep what you learnt fresh." });
    offer(turn, ACTIONS.quiz, ACTIONS.progress);
  }
}

/**
 * After a command: passes the step, or says what is missing. A failed command, or pods in a state
 * the step has a hint for, counts as a failed try; tries escalate the hint from nudge to pointer to
 * the solution in words, and an error with a hint of its own (`errorHints`) gets that one.
 */
export function afterCommand(turn: Turn, output: string, exitCode: number): void {
  const at = currentStep(turn);
  if (!at) return;
  const { lesson, cursor, step } = at;
  const result = checkStep(turn, step, cursor);
  if (result.pass) {
    passStep(turn, lesson, cursor, step);
    return;
  }
  const outputFamily = errorFamilyOfOutput(output, exitCode);
  const clusterFamily = clusterErrorFamilies(turn.sim, turn.sim.currentNamespace).find(
    (f) => step.errorHints?.[f],
  );
  const family = outputFamily ?? clusterFamily;
  if (exitCode === 0 && !clusterFamily) {
    say(turn, { kind: "text", text: `Not done yet: ${result.detail}` });
    offer(turn, ACTIONS.hint);
    return;
  }
  cursor.failures += 1;
  const targeted = family ? step.errorHints?.[family] : undefined;
  // Never back down from a hint already shown, never jump more than one level at a time.
  const level = Math.min(3, Math.max(cursor.failures, cursor.hintLevel, 1)) as 1 | 2 | 3;
  if (!targeted) cursor.hintLevel = Math.max(cursor.hintLevel, level);
  say(turn, { kind: "hint", level, text: targeted ?? step.hints[level - 1] ?? step.goal });
  offer(turn, ACTIONS.hint, ACTIONS.solution);
}

/** The solution items as one code block, heredocs as they would be pasted. */
export function solutionText(step: Step): string {
  return step.solution.map((s) => s.replace(/\n+$/, "")).join("\n");
}
