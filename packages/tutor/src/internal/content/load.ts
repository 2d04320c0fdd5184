// Parses and validates course content from files the caller read; pure, so it never touches fs.

import { parseDocument } from "yaml";
import type { z } from "zod";
import { crossReferenceIssues } from "./cross-refs.ts";
import { TutorError } from "./errors.ts";
import {
  type Content,
  type Coverage,
  coverageSchema,
  type Lesson,
  lessonSchema,
  type QuizQuestion,
  quizFileSchema,
} from "./schema.ts";

/** A content file: its path relative to content/ (`lessons/04-pods.yaml`) and its text. */
export interface ContentFile {
  path: string;
  text: string;
}

/** One problem, located by file and field: `lessons/05-deployments.yaml: steps[2].hints: expected 3 items`. */
export interface ContentIssue {
  file: string;
  /** The field, as `steps[2].hints`; empty for the file as a whole. */
  field: string;
  message: string;
}

/** The content, or every problem found in it. */
export type LoadResult = { ok: true; content: Content } | { ok: false; issues: ContentIssue[] };

/** "lessons/04-pods.yaml: steps[0].check: …". */
export function formatIssue(issue: ContentIssue): string {
  return issue.field ? `${issue.file}: ${issue.field}: ${issue.message}` : `${issue.file}: ${issue.message}`;
}

/** ["steps", 2, "hints"] → "steps[2].hints"; keys that are not plain words are quoted. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(String(part))) out += out ? `.${String(part)}` : String(part);
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

/** Parses YAML then validates it; problems are pushed to `issues`, located in `file`. */
function parseFile<T>(file: ContentFile, schema: z.ZodType<T>, issues: ContentIssue[]): T | undefined {
  const doc = parseDocument(file.text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = file.text.slice(0, e.pos[0]).split("\n").length;
      issues.push({ file: file.path, field: `line ${line}`, message: e.message.split("\n")[0] ?? "" });
    }
    return undefined;
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  for (const i of parsed.error.issues)
    issues.push({ file: file.path, field: fieldPath(i.path), message: i.message });
  return undefined;
}

const LESSON_FILE = /^lessons\/(\d{2})-([a-z0-9-]+)\.yaml$/;
const QUIZ_FILE = /^quiz\/[a-z0-9-]+\.yaml$/;

/**
 * Loads content from files (paths relative to content/): lessons/NN-<id>.yaml, quiz/*.yaml and
 * coverage.yaml. Validates every file with its schema, then cross-references ids (concepts,
 * lesson steps, questions) and coverage. Never throws; see `loadContentOrThrow`.
 */
export function loadContent(files: readonly ContentFile[]): LoadResult {
  const issues: ContentIssue[] = [];
  const lessons: { file: string; lesson: Lesson }[] = [];
  const questions: { file: string; index: number; question: QuizQuestion }[] = [];
  let coverage: { file: string; coverage: Coverage } | undefined;
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const lessonName = LESSON_FILE.exec(file.path);
    if (lessonName) {
      const lesson = parseFile(file, lessonSchema, issues);
      if (!lesson) continue;
      if (lesson.number !== Number(lessonName[1]))
        issues.push({
          file: file.path,
          field: "number",
          message: `expected ${Number(lessonName[1])}, as in the file name`,
        });
      if (lesson.id !== lessonName[2])
        issues.push({
          file: file.path,
          field: "id",
          message: `expected "${lessonName[2]}", as in the file name`,
        });
      lessons.push({ file: file.path, lesson });
    } else if (QUIZ_FILE.test(file.path)) {
      const quiz = parseFile(file, quizFileSchema, issues);
      quiz?.questions.forEach((question, index) => {
        questions.push({ file: file.path, index, question });
      });
    } else if (file.path === "coverage.yaml") {
      const parsed = parseFile(file, coverageSchema, issues);
      if (parsed) coverage = { file: file.path, coverage: parsed };
    } else {
      issues.push({
        file: file.path,
        field: "",
        message: "unexpected file: expected lessons/NN-<id>.yaml, quiz/<name>.yaml or coverage.yaml",
      });
    }
  }
  if (!coverage) {
    if (issues.length === 0) issues.push({ file: "coverage.yaml", field: "", message: "missing file" });
    return { ok: false, issues };
  }
  issues.push(...crossReferenceIssues({ lessons, questions, coverage }));
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    content: {
      lessons: lessons.map((l) => l.lesson).sort((a, b) => a.number - b.number),
      questions: questions.map((q) => q.question),
      coverage: coverage.coverage,
    },
  };
}

/** `loadContent`, throwing a TutorError("content-invalid") that lists every issue. */
export function loadContentOrThrow(files: readonly ContentFile[]): Content {
  const result = loadContent(files);
  if (result.ok) return result.content;
  const lines = result.issues.map(formatIssue);
  throw new TutorError("content-invalid", `invalid course content:\n${lines.join("\n")}`, lines);
}
