// @bosun/tutor: course content (lessons, quiz bank, coverage) and outcome checks over @bosun/sim.

export type { CommandContext } from "./internal/checks/command.ts";
export { commandContext, tokenize } from "./internal/checks/command.ts";
export { clusterErrorFamilies, errorFamilyOfOutput } from "./internal/checks/error-family.ts";
export { evaluate } from "./internal/checks/evaluate.ts";
export type { CheckResult } from "./internal/checks/result.ts";
export type { Check, Count, FieldExpect } from "./internal/checks/schema.ts";
export { checkSchema } from "./internal/checks/schema.ts";
export type { TutorErrorCode } from "./internal/content/errors.ts";
export { TutorError } from "./internal/content/errors.ts";
export { DEFAULT_CONTENT_DIR, readContentDir } from "./internal/content/fs.ts";
export type { ContentFile, ContentIssue, LoadResult } from "./internal/content/load.ts";
export { formatIssue, loadContent, loadContentOrThrow } from "./internal/content/load.ts";
export { findLesson, questionsForLesson, stepByRef } from "./internal/content/lookup.ts";
export type {
  Concept,
  Content,
  Coverage,
  ErrorFamily,
  Lesson,
  QuizQuestion,
  Step,
} from "./internal/content/schema.ts";
export { ERROR_FAMILIES } from "./internal/content/schema.ts";
export type { ScriptCommand, ScriptRun } from "./internal/content/script.ts";
export { parseScriptItem, runScript } from "./internal/content/script.ts";
