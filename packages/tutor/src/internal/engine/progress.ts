// XP, streaks and badges, and the `progress` reply: what a learner has done, in numbers.

import type { Content } from "../content/schema.ts";
import type { Progress, ReplyBlock } from "../model.ts";

/**
 * XP per step by the help taken: a step solved alone (or after the first nudge) is worth 10,
 * after the pointer 7, after the third hint 5, after reading the solution 2. A finished lesson
 * adds 25; a right quiz answer 5. Redoing a finished lesson earns nothing.
 */
export const XP = { step: [10, 10, 7, 5, 2], lesson: 25, quizRight: 5 } as const;

/** XP for a step finished with hint level `hintLevel` (0–4). */
export function stepXp(hintLevel: number): number {
  return XP.step[Math.max(0, Math.min(4, hintLevel))] ?? 0;
}

/** The last day `dayOf` worked out (days since the epoch), and its text: most events fall on it. */
let lastDay = Number.NaN;
let lastDayText = "";

/** Largest time a Date holds (ms either side of the epoch); beyond it `toISOString` throws. */
const MAX_TIME = 8.64e15;

/** "2025-01-06": the UTC day of `now`, the unit of a streak. */
export function dayOf(now: number): string {
  // A Date drops the fraction of a millisecond, and a UTC day is exactly 86,400,000 of them.
  const day = Math.floor(Math.trunc(now) / 86_400_000);
  if (day === lastDay && Math.abs(now) <= MAX_TIME) return lastDayText;
  const text = new Date(now).toISOString().slice(0, 10);
  lastDay = day;
  lastDayText = text;
  return text;
}

/** Counts today in the streak: the same day changes nothing, the next day adds one, a gap restarts at 1. */
export function touchStreak(p: Progress, now: number): void {
  const today = dayOf(now);
  if (p.streak.lastDay === today) return;
  const yesterday = dayOf(now - 86_400_000);
  p.streak = { days: p.streak.lastDay === yesterday ? p.streak.days + 1 : 1, lastDay: today };
}

/** Badges beyond one per finished lesson (those follow from `lessonsDone` and are not stored). */
const BADGES: readonly { id: string; name: string; earned: (p: Progress, c: Content) => boolean }[] = [
  { id: "first-step", name: "First step", earned: (p) => p.xp > 0 },
  { id: "five-lessons", name: "Five lessons", earned: (p) => p.lessonsDone.length >= 5 },
  { id: "all-lessons", name: "Course complete", earned: (p, c) => p.lessonsDone.length >= c.lessons.length },
  { id: "quiz-10", name: "Ten right answers", earned: (p) => p.quiz.correct >= 10 },
  { id: "streak-3", name: "Three-day streak", earned: (p) => p.streak.days >= 3 },
  { id: "streak-7", name: "Seven-day streak", earned: (p) => p.streak.days >= 7 },
];

/** Adds every badge now earned and not yet held; returns their names. */
export function awardBadges(p: Progress, content: Content): string[] {
  const won: string[] = [];
  for (const b of BADGES)
    if (!p.badges.includes(b.id) && b.earned(p, content)) {
      p.badges.push(b.id);
      won.push(b.name);
    }
  return won;
}

/** The badge a finished lesson gives: "Lesson 5: Deployments and ReplicaSets". */
export function lessonBadge(content: Content, lessonId: string): string {
  const l = content.lessons.find((x) => x.id === lessonId);
  return l ? `Lesson ${l.number}: ${l.title}` : lessonId;
}

/** Steps done over all steps in the course, counting a finished lesson as all its steps. */
export function courseSteps(p: Progress, content: Content): { done: number; total: number } {
  let done = 0;
  let total = 0;
  for (const l of content.lessons) {
    total += l.steps.length;
    done += p.lessonsDone.includes(l.id) ? l.steps.length : (p.steps[l.id]?.length ?? 0);
  }
  return { done, total };
}

/** The `progress` reply: lessons, steps, XP, streak, quiz record and badges. */
export function progressBlocks(p: Progress, content: Content): ReplyBlock[] {
  const { done, total } = courseSteps(p, content);
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  const names = BADGES.filter((b) => p.badges.includes(b.id)).map((b) => b.name);
  const lessonBadges = content.lessons
    .filter((l) => p.lessonsDone.includes(l.id))
    .map((l) => `Lesson ${l.number}`);
  const started = content.lessons
    .filter((l) => !p.lessonsDone.includes(l.id) && (p.steps[l.id]?.length ?? 0) > 0)
    .map((l) => `${l.number}. ${l.title} (${p.steps[l.id]?.length ?? 0} of ${l.steps.length} steps)`);
  const lines = [
    `Lessons done: ${p.lessonsDone.length} of ${content.lessons.length}`,
    ...(started.length ? [`In progress: ${started.join("; ")}`] : []),
    `XP: ${p.xp}`,
    `Streak: ${p.streak.days} ${p.streak.days === 1 ? "day" : "days"}`,
    `Quiz: ${p.quiz.correct} right of ${p.quiz.answered}`,
    `Badges: ${[...lessonBadges, ...names].join(", ") || "none yet"}`,
  ];
  return [
    { kind: "progress", text: `${done} of ${total} steps done`, percent },
    { kind: "text", text: lines.join("\n") },
  ];
}
