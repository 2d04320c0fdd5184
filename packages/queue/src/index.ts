// @bosun/queue: queue names, job payload schemas, and the producer and consumer wiring on BullMQ.

export {
  COMMANDS_QUEUE,
  DEFAULT_QUEUE_PREFIX,
  jobIdOf,
  REPLY_QUEUE_PATTERN,
  ROUND_ACTION_PREFIX,
  repliesQueue,
} from "./internal/names.ts";
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
