// @bosun/tutor: course content (lessons, quiz bank, coverage) and outcome checks over @bosun/sim.

export type { CommandContext } from "./internal/checks/command.ts";
export { commandContext, tokenize } from "./internal/checks/command.ts";
export { clusterErrorFamilies, errorFamilyOfOutput } from "./internal/checks/error-family.ts";
export { evaluate } from "./internal/checks/evaluate.ts";
export type { CheckResult } from "./internal/checks/result.ts";
export type { Check, Count, FieldExpect } from "./internal/checks/schema.ts";
export { checkSchema } from "./internal/checks/schema.ts";
// The best-practice coach.
export type { Finding, RuleId, RuleInfo } from "./internal/coach/index.ts";
export { RULES, reviewCommand, reviewManifests } from "./internal/coach/index.ts";
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
// State diffs: what a command changed in the cluster.
export type { DiffLine, FormatDiffOptions, Snapshot, SnapshotEntry } from "./internal/diff/index.ts";
export { DefaultFormatDiffOptions, diffSnapshots, formatDiff, snapshot } from "./internal/diff/index.ts";
// The tutor engine: sessions, events in, replies out.
export { actionEvent } from "./internal/engine/actions.ts";
export { handle, MAX_CATCH_UP_MS } from "./internal/engine/handle.ts";
export { LiveSession, openSession } from "./internal/engine/live.ts";
export type { ParsedText } from "./internal/engine/parse.ts";
export { parseText } from "./internal/engine/parse.ts";
export { XP } from "./internal/engine/progress.ts";
export type { HandleContext } from "./internal/engine/turn.ts";
export type {
  Action,
  Actor,
  LessonCursor,
  Progress,
  QuizCard,
  ReplyBlock,
  Session,
  TutorEvent,
  TutorReply,
} from "./internal/model.ts";
export type { RoundScore } from "./internal/quiz/channel.ts";
export { answerRound, closeRound, leaderboard, openRound } from "./internal/quiz/channel.ts";
// Group quiz rounds in a channel, and the leaderboard.
export type { ChannelQuiz, OpenRound, Player, RoundAnswer } from "./internal/quiz/channel-state.ts";
export { channelQuizSchema, newChannelQuiz } from "./internal/quiz/channel-state.ts";
// Quiz: grading, spaced repetition, picking and prompts.
export type { Grade } from "./internal/quiz/grade.ts";
export { gradeAnswer } from "./internal/quiz/grade.ts";
export type { PickOptions } from "./internal/quiz/pick.ts";
export { pickQuestion } from "./internal/quiz/pick.ts";
export { answerFeedback, quizPromptBlocks } from "./internal/quiz/prompt.ts";
export { isDue, reviewCard } from "./internal/quiz/review.ts";
export type { RenderTextOptions } from "./internal/render/text.ts";
export { renderText } from "./internal/render/text.ts";
export type { NewSessionOptions } from "./internal/session/new.ts";
export { newSession } from "./internal/session/new.ts";
export { PACKED_PREFIX, packSession, unpackSession } from "./internal/session/pack.ts";
export type { SessionParse } from "./internal/session/schema.ts";
export { parseSession, sessionSchema } from "./internal/session/schema.ts";
