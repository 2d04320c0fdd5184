// @bosun/cli: the terminal front end's functions, for the end-to-end suites in test/.

export type { CliArgs, Profile } from "./args.ts";
export { isProfile, PROFILES, parseArgs, USAGE } from "./args.ts";
export type { ChatOptions, ChatTurn } from "./chat.ts";
export { CHAT_START, CHAT_STEP_MS, chat, chatTurns } from "./chat.ts";
export type { CliErrorCode } from "./errors.ts";
export { CliError, messageOf, safeUrl } from "./errors.ts";
export type { Pipeline, PipelineOptions, SendInput } from "./pipeline.ts";
export { DefaultPipelineOptions, openPipeline, resolvePrefix } from "./pipeline.ts";
export type { PlayOptions, PlayTurn } from "./play.ts";
export { play, playTurns } from "./play.ts";
export type { RemoteScriptOptions } from "./remote-scripts.ts";
export { chatRemote, PLAY_AT, playRemote } from "./remote-scripts.ts";
export type { RemoteTutorOptions } from "./remote-tutor.ts";
export { terminalSession, tutorRemote } from "./remote-tutor.ts";
