// The engine's one seam onto its sibling modules (state diff, best-practice coach, quiz), imported here only.

export type { Finding } from "../coach/index.ts";
export { reviewCommand, reviewManifests } from "../coach/index.ts";
export type { DiffLine, Snapshot } from "../diff/index.ts";
export { diffSnapshots, formatDiff, snapshot } from "../diff/index.ts";
export { gradeAnswer } from "../quiz/grade.ts";
export { pickQuestion } from "../quiz/pick.ts";
export { answerFeedback, quizPromptBlocks } from "../quiz/prompt.ts";
export { isDue, reviewCard } from "../quiz/review.ts";
