// Button presses back to events: an adapter gets an action id and hands the engine this event.

import type { TutorEvent } from "../model.ts";

/**
 * The event a pressed button stands for, or undefined for an id the engine never issued.
 * `hint`, `solution`, `next`, `quiz`, `review`, `progress`, `reset:confirm`, `reset:all:confirm`,
 * `lesson:start:<n>`, `quiz:<questionId>:<answer>`.
 */
export function actionEvent(id: string): TutorEvent | undefined {
  switch (id) {
    case "hint":
      return { type: "hint" };
    case "solution":
      return { type: "solution" };
    case "next":
      return { type: "lesson", action: "next" };
    case "quiz":
      return { type: "quiz" };
    case "review":
      return { type: "review" };
    case "progress":
      return { type: "progress" };
    case "skip":
      return { type: "skip" };
    case "reset:confirm":
      return { type: "reset", confirm: true };
    case "reset:all:confirm":
      return { type: "reset", confirm: true, all: true };
  }
  const start = /^lesson:start:(\d{1,3})$/.exec(id);
  if (start) return { type: "lesson", action: "start", lesson: Number(start[1]) };
  const answer = /^quiz:([a-z0-9-]+):(.+)$/.exec(id);
  if (answer) return { type: "answer", questionId: answer[1] ?? "", answer: answer[2] ?? "" };
  return undefined;
}
