// `lesson` words: list the course, start a lesson on a fresh sandbox, skip ahead, and say where you are.

import { Sim } from "@bosun/sim";
import type { Lesson } from "../content/schema.ts";
import { currentStep, sayGoal } from "./step.ts";
import { ACTIONS, offer, say, type Turn } from "./turn.ts";

/** A new cluster from the same seed and profile, its clock going on from the old one's. */
export function freshSim(turn: Turn): Sim {
  const { seed, profile } = turn.s.sim;
  return Sim.create({ seed, profile, start: turn.sim.now });
}

/** The lesson the learner should take next: after the current one, else the first not done. */
function nextLesson(turn: Turn): Lesson | undefined {
  const { lessons } = turn.ctx.content;
  const cur = lessons.find((l) => l.id === turn.s.lesson?.id);
  if (cur) return lessons.find((l) => l.number > cur.number);
  return lessons.find((l) => !turn.s.progress.lessonsDone.includes(l.id)) ?? lessons[0];
}

/** `lesson list`: every lesson with ✓ when done and ▶ for the current one. */
export function listLessons(turn: Turn): void {
  const p = turn.s.progress;
  const lines = turn.ctx.content.lessons.map((l) => {
    const mark = p.lessonsDone.includes(l.id) ? "✓" : turn.s.lesson?.id === l.id ? "▶" : " ";
    const partial = p.steps[l.id]?.length ? `, ${p.steps[l.id]?.length} done` : "";
    return `${mark} ${String(l.number).padStart(2)}. ${l.title} (${l.steps.length} steps${partial})`;
  });
  say(turn, { kind: "text", text: `Lessons:\n${lines.join("\n")}` });
  say(turn, { kind: "text", text: "Type `lesson start N` to begin one." });
  const next = nextLesson(turn);
  if (next) offer(turn, ACTIONS.start(next.number));
}

/**
 * `lesson start N`: the lesson begins on a fresh sandbox, because every lesson is written for a
 * new cluster (leftovers such as a pod labelled app=web from lesson 4 would be adopted by lesson
 * 5's ReplicaSet and change what the learner sees).
 */
export function startLesson(turn: Turn, number: number | undefined): void {
  const { content } = turn.ctx;
  const lesson = number === undefined ? nextLesson(turn) : content.lessons.find((l) => l.number === number);
  if (!lesson) {
    const last = content.lessons[content.lessons.length - 1]?.number ?? 0;
    say(turn, {
      kind: "warning",
      text: `There is no lesson ${number}: lessons go from 1 to ${last}. Type \`lesson list\` to see them.`,
    });
    return;
  }
  turn.sim = freshSim(turn);
  turn.s.lesson = { id: lesson.id, step: 0, failures: 0, hintLevel: 0 };
  delete turn.s.pendingReset;
  const again = turn.s.progress.lessonsDone.includes(lesson.id)
    ? " You finished this one before: this run is practice."
    : "";
  say(turn, { kind: "text", text: `Lesson ${lesson.number}: ${lesson.title}\n${lesson.summary}` });
  say(turn, { kind: "text", text: `You have a fresh sandbox: a three-node cluster.${again}` });
  sayGoal(turn, lesson, 0);
}

/** `lesson next` (the Next button): the next lesson once this one is over; mid-lesson, skip this step. */
export function nextStep(turn: Turn): void {
  const at = currentStep(turn);
  if (!at) {
    startLesson(turn, undefined);
    return;
  }
  const { lesson, cursor } = at;
  say(turn, {
    kind: "text",
    text: `Skipped step ${cursor.step + 1} (no XP). Later steps may build on it: \`solution\` shows what it needed.`,
  });
  cursor.step += 1;
  cursor.failures = 0;
  cursor.hintLevel = 0;
  if (cursor.step < lesson.steps.length) sayGoal(turn, lesson, cursor.step);
  else {
    say(turn, {
      kind: "text",
      text: `That was the last step of lesson ${lesson.number}. Type \`lesson start ${lesson.number}\` to do it again, or \`lesson next\` to go on.`,
    });
    offer(turn, ACTIONS.nextLesson);
  }
}

/** `lesson` / `lesson status`: the current lesson and step, or the list when none is started. */
export function lessonStatus(turn: Turn): void {
  const cursor = turn.s.lesson;
  const lesson = turn.ctx.content.lessons.find((l) => l.id === cursor?.id);
  if (!cursor || !lesson) {
    say(turn, { kind: "text", text: "You have not started a lesson yet." });
    listLessons(turn);
    return;
  }
  if (cursor.step >= lesson.steps.length) {
    say(turn, {
      kind: "text",
      text: `Lesson ${lesson.number}, ${lesson.title}, is over. Type \`lesson next\` for the next one.`,
    });
    offer(turn, ACTIONS.nextLesson);
    return;
  }
  say(turn, { kind: "text", text: `Lesson ${lesson.number}: ${lesson.title}` });
  sayGoal(turn, lesson, cursor.step);
}
