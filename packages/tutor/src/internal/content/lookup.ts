// Finds lessons, steps and questions in loaded content by the ids and references content uses.

import { TutorError } from "./errors.ts";
import type { Content, Lesson, QuizQuestion, Step } from "./schema.ts";

/** The lesson with that id or number, or undefined. */
export function findLesson(content: Content, idOrNumber: string | number): Lesson | undefined {
  return content.lessons.find((l) => l.id === idOrNumber || l.number === idOrNumber);
}

/** The step a "lessonId/stepId" reference names; throws TutorError("content-missing") when there is none. */
export function stepByRef(content: Content, ref: string): { lesson: Lesson; step: Step; index: number } {
  const [lessonId = "", stepId = ""] = ref.split("/");
  const lesson = findLesson(content, lessonId);
  const index = lesson?.steps.findIndex((s) => s.id === stepId) ?? -1;
  const step = lesson?.steps[index];
  if (!lesson || !step) throw new TutorError("content-missing", `no lesson step "${ref}"`);
  return { lesson, step, index };
}

/** The questions that belong with a lesson, in bank order. */
export function questionsForLesson(content: Content, lessonNumber: number): QuizQuestion[] {
  return content.questions.filter((q) => q.lesson === lessonNumber);
}
