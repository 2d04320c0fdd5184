// `reset`: two steps, so a stray word never wipes a sandbox. `reset all` also erases progress.

import { emptyProgress } from "../session/new.ts";
import { freshSim } from "./lesson.ts";
import { sayGoal } from "./step.ts";
import { ACTIONS, offer, say, type Turn } from "./turn.ts";

/**
 * `reset` asks; `reset confirm` (the next event) replaces the sandbox with a fresh cluster and sends
 * the current lesson back to its first step, keeping progress, XP and quiz history. `reset all`
 * then `reset all confirm` also erases those. Any other event in between cancels the request.
 */
export function reset(
  turn: Turn,
  confirm: boolean,
  all: boolean,
  pending: boolean | "all" | undefined,
): void {
  const want = all ? "all" : true;
  if (!confirm || pending !== want) {
    turn.s.pendingReset = want;
    if (confirm)
      say(turn, { kind: "text", text: "No reset was waiting for confirmation, so nothing was reset." });
    say(turn, {
      kind: "warning",
      text: all
        ? "This deletes your sandbox AND your progress: lessons, XP, badges and quiz history. Type `reset all confirm` to go ahead."
        : "This replaces your sandbox with a fresh cluster; everything you created in it is lost. Your progress and XP stay. Type `reset confirm` to go ahead.",
    });
    offer(turn, all ? ACTIONS.resetAllConfirm : ACTIONS.resetConfirm);
    return;
  }
  delete turn.s.pendingReset;
  turn.sim = freshSim(turn);
  if (all) {
    turn.s.progress = emptyProgress();
    turn.s.quiz = { cards: {} };
    delete turn.s.lesson;
    say(turn, { kind: "success", text: "Everything is reset: a fresh sandbox and a clean record." });
    offer(turn, ACTIONS.start(1));
    return;
  }
  say(turn, { kind: "success", text: "Your sandbox is a fresh three-node cluster again." });
  const lesson = turn.ctx.content.lessons.find((l) => l.id === turn.s.lesson?.id);
  const cursor = turn.s.lesson;
  if (lesson && cursor && cursor.step < lesson.steps.length) {
    turn.s.lesson = { id: lesson.id, step: 0, failures: 0, hintLevel: 0 };
    say(turn, {
      kind: "text",
      text: `Lesson ${lesson.number} starts again from its first step (steps you finished keep their XP).`,
    });
    sayGoal(turn, lesson, 0);
  }
}
