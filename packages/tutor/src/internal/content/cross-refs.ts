// Cross-file checks on content: duplicate ids, unknown concepts, dangling coverage, uncovered concepts.

import type { ContentIssue } from "./load.ts";
import type { Coverage, Lesson, QuizQuestion } from "./schema.ts";

/** The parsed files, each remembered with where it came from so issues can name file and field. */
export interface ParsedContent {
  lessons: readonly { file: string; lesson: Lesson }[];
  questions: readonly { file: string; index: number; question: QuizQuestion }[];
  coverage: { file: string; coverage: Coverage };
}

/** Every cross-reference problem; an empty list means the content hangs together. */
export function crossReferenceIssues(parsed: ParsedContent): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const add = (file: string, field: string, message: string) => issues.push({ file, field, message });
  const covFile = parsed.coverage.file;
  const concepts = parsed.coverage.coverage.concepts;

  const conceptIndex = new Map<string, number>();
  concepts.forEach((c, i) => {
    if (conceptIndex.has(c.id)) add(covFile, `concepts[${i}].id`, `duplicate concept id "${c.id}"`);
    else conceptIndex.set(c.id, i);
  });

  const lessonsById = new Map<string, { file: string; lesson: Lesson }>();
  const numbers = new Set<number>();
  for (const entry of parsed.lessons) {
    const { file, lesson } = entry;
    if (lessonsById.has(lesson.id)) add(file, "id", `duplicate lesson id "${lesson.id}"`);
    lessonsById.set(lesson.id, entry);
    if (numbers.has(lesson.number)) add(file, "number", `duplicate lesson number ${lesson.number}`);
    numbers.add(lesson.number);
    const stepIds = new Set<string>();
    lesson.steps.forEach((s, i) => {
      if (stepIds.has(s.id)) add(file, `steps[${i}].id`, `duplicate step id "${s.id}"`);
      stepIds.add(s.id);
    });
    lesson.concepts.forEach((c, i) => {
      if (!conceptIndex.has(c))
        add(file, `concepts[${i}]`, `unknown concept id "${c}" (not in coverage.yaml)`);
    });
  }

  const questionsById = new Map<string, QuizQuestion>();
  for (const { file, index, question } of parsed.questions) {
    const at = `questions[${index}]`;
    if (questionsById.has(question.id)) add(file, `${at}.id`, `duplicate question id "${question.id}"`);
    questionsById.set(question.id, question);
    if (!numbers.has(question.lesson)) add(file, `${at}.lesson`, `no lesson number ${question.lesson}`);
    question.concepts.forEach((c, i) => {
      if (!conceptIndex.has(c))
        add(file, `${at}.concepts[${i}]`, `unknown concept id "${c}" (not in coverage.yaml)`);
      else if (!concepts[conceptIndex.get(c) ?? 0]?.quiz.includes(question.id))
        add(
          covFile,
          `concepts[${conceptIndex.get(c)}].quiz`,
          `missing "${question.id}", which is tagged with "${c}"`,
        );
    });
  }

  concepts.forEach((c, i) => {
    c.lessonSteps.forEach((ref, j) => {
      const [lessonId = "", stepId = ""] = ref.split("/");
      const entry = lessonsById.get(lessonId);
      const field = `concepts[${i}].lessonSteps[${j}]`;
      if (!entry) add(covFile, field, `no lesson with id "${lessonId}"`);
      else if (!entry.lesson.steps.some((s) => s.id === stepId))
        add(covFile, field, `lesson "${lessonId}" has no step "${stepId}"`);
      else if (!entry.lesson.concepts.includes(c.id))
        add(entry.file, "concepts", `missing "${c.id}", which coverage.yaml maps to ${ref}`);
    });
    c.quiz.forEach((qid, j) => {
      const q = questionsById.get(qid);
      if (!q) add(covFile, `concepts[${i}].quiz[${j}]`, `no question with id "${qid}"`);
      else if (!q.concepts.includes(c.id))
        add(covFile, `concepts[${i}].quiz[${j}]`, `question "${qid}" is not tagged with "${c.id}"`);
    });
    if (c.lessonSteps.length === 0 && c.quiz.length === 0)
      add(
        covFile,
        `concepts[${i}]`,
        `concept "${c.id}" is taught by no lesson step and asked by no question`,
      );
  });

  for (const { file, lesson } of parsed.lessons) {
    lesson.concepts.forEach((c, i) => {
      const concept = concepts[conceptIndex.get(c) ?? -1];
      if (concept && !concept.lessonSteps.some((r) => r.startsWith(`${lesson.id}/`)))
        add(file, `concepts[${i}]`, `"${c}" is listed but coverage.yaml maps it to no step of this lesson`);
    });
  }
  return issues;
}
