// @bosun/queue: queue names, job payload schemas, and the producer and consumer wiring on BullMQ.

export type { QuizScheduleDoc } from "./internal/channel-quiz-doc.ts";
export { getQuizSchedule, quizSchedulerIdOf } from "./internal/channel-quiz-doc.ts";
export type { ConsumeRepliesOptions, ReplyConsumer } from "./internal/consume-replies.ts";
export { consumeReplies } from "./internal/consume-replies.ts";
export type { EnginePool } from "./internal/engine-pool.ts";
export { defaultEngineThreads, engineThreadOf, isLongTurn } from "./internal/engine-pool.ts";
export type { QueueErrorCode } from "./internal/errors.ts";
export { QueueError } from "./internal/errors.ts";
export { framesOf, isProgressive } from "./internal/frames.ts";
export type { SandboxSize, SessionLimits } from "./internal/limits.ts";
export { DefaultSessionLimits } from "./internal/limits.ts";
export type { Logger } from "./internal/logger.ts";
export {
  COMMANDS_QUEUE,
  DEFAULT_QUEUE_PREFIX,
  jobIdOf,
  REPLY_QUEUE_PATTERN,
  ROUND_ACTION_PREFIX,
  repliesQueue,
} from "./internal/names.ts";
export { replyJobIdOf } from "./internal/process-event.ts";
export type { ProducerOptions, SendResult } from "./internal/producer.ts";
export { Producer } from "./internal/producer.ts";
export type {
  CommandJob,
  EventJob,
  LeaderboardJob,
  QuizScheduleJob,
  QuizUnscheduleJob,
  ReplyJob,
  ReplyTarget,
  RoundAnswerJob,
  RoundCloseJob,
  RoundOpenJob,
} from "./internal/schemas.ts";
export {
  actionSchema,
  actorSchema,
  commandJobSchema,
  eventJobSchema,
  leaderboardJobSchema,
  quizScheduleJobSchema,
  quizUnscheduleJobSchema,
  replyBlockSchema,
  replyJobSchema,
  replyTargetSchema,
  roundAnswerJobSchema,
  roundCloseJobSchema,
  roundOpenJobSchema,
  sessionInitSchema,
  tutorEventSchema,
  tutorReplySchema,
} from "./internal/schemas.ts";
export { LOG_MAX_BYTES, LOG_MAX_ENTRIES, readStoredSession } from "./internal/session-log.ts";
export type { BosunWorker, JobInfo, WorkerOptions } from "./internal/worker.ts";
export { DefaultWorkerOptions, startWorker } from "./internal/worker.ts";
