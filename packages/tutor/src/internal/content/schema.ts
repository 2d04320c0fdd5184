// Schemas of the course content: lessons and their steps, quiz questions and the concept coverage map.

import { z } from "zod";
import { checkSchema } from "../checks/schema.ts";
import { parseScriptItem } from "./script.ts";

const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case id (a-z, 0-9 and single dashes)");
const textSchema = z.string().trim().min(1, "expected non-empty text");

/**
 * The kinds of trouble a step can give a targeted hint for. The first six are recognised in a
 * command's output, the last three in the state of the cluster (see checks/error-family.ts).
 */
export const ERROR_FAMILIES = [
  "NotFound",
  "AlreadyExists",
  "Invalid",
  "selector-mismatch",
  "unknown-command",
  "unknown-flag",
  "ImagePullBackOff",
  "CrashLoopBackOff",
  "Pending",
] as const;
export const errorFamilySchema = z.enum(ERROR_FAMILIES);
export type ErrorFamily = z.infer<typeof errorFamilySchema>;

/**
 * One solution item: a single command line (`kubectl scale deployment web --replicas=5`,
 * `sleep 30s`) or a heredoc, several lines whose first ends in `<<EOF` and whose last is `EOF`,
 * with the manifest between them; exactly what a learner pastes in chat or in `bosun play`.
 */
export const scriptItemSchema = z.string().superRefine((item, ctx) => {
  const parsed = parseScriptItem(item);
  if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
});

export const stepSchema = z
  .object({
    id: idSchema,
    /** What to achieve, in one or two sentences addressed to the learner. */
    goal: textSchema,
    check: checkSchema,
    /** Nudge, then a pointer to the command or doc, then the solution in words. */
    hints: z.array(textSchema).length(3, "expected 3 items (nudge, pointer, solution)"),
    solution: z.array(scriptItemSchema).min(1, "expected at least one command"),
    /** Shown once the step passes: 2–5 sentences on what just happened and why it matters. */
    explain: textSchema,
    errorHints: z.partialRecord(errorFamilySchema, textSchema).optional(),
  })
  .strict();
export type Step = z.infer<typeof stepSchema>;

export const lessonSchema = z
  .object({
    id: idSchema,
    number: z.number().int().positive(),
    title: textSchema,
    summary: textSchema,
    /** Concept ids (from coverage.yaml) the lesson teaches. */
    concepts: z.array(idSchema).min(1),
    steps: z.array(stepSchema).min(3, "expected 3 to 8 steps").max(8, "expected 3 to 8 steps"),
  })
  .strict();
export type Lesson = z.infer<typeof lessonSchema>;

export const quizQuestionSchema = z
  .object({
    id: idSchema,
    concepts: z.array(idSchema).min(1),
    /** The number of the lesson the question belongs with. */
    lesson: z.number().int().positive(),
    kind: z.enum(["choice", "truefalse", "command"]),
    prompt: textSchema,
    choices: z.array(textSchema).min(2).max(5).optional(),
    /** Index of the right choice, the truth of the statement, or the accepted command forms. */
    answer: z.union([z.number().int().nonnegative(), z.boolean(), z.array(textSchema).min(1)]),
    explanation: textSchema,
  })
  .strict()
  .superRefine((q, ctx) => {
    const bad = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (q.kind === "choice") {
      if (!q.choices) bad("choices", "a choice question needs 2 to 5 choices");
      else if (typeof q.answer !== "number" || q.answer >= q.choices.length)
        bad("answer", `expected the index of one of the ${q.choices.length} choices`);
    } else if (q.choices) bad("choices", `a ${q.kind} question has no choices`);
    if (q.kind === "truefalse" && typeof q.answer !== "boolean") bad("answer", "expected true or false");
    if (q.kind === "command" && !Array.isArray(q.answer))
      bad("answer", "expected a list of accepted commands");
  });
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

/** A quiz file: a list of questions under `questions:`. */
export const quizFileSchema = z.object({ questions: z.array(quizQuestionSchema).min(1) }).strict();

export const conceptSchema = z
  .object({
    id: idSchema,
    title: textSchema,
    /** Where the seed teaches it: "<seed file> § <section heading>". */
    seed: z.string().regex(/^\S+ § .+$/, 'expected "<seed file> § <section heading>"'),
    /** "lessonId/stepId" references. */
    lessonSteps: z.array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'expected "lessonId/stepId"')),
    quiz: z.array(idSchema),
  })
  .strict();
export type Concept = z.infer<typeof conceptSchema>;

export const coverageSchema = z.object({ concepts: z.array(conceptSchema).min(1) }).strict();
export type Coverage = z.infer<typeof coverageSchema>;

/** Everything under content/, validated and cross-checked. Lessons are sorted by number. */
export interface Content {
  lessons: Lesson[];
  questions: QuizQuestion[];
  coverage: Coverage;
}
