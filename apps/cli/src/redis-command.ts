// `bosun start|chat|play --redis URL`: opens the pipeline, runs the command through it, and closes it.

import type { Content } from "@bosun/tutor";
import type { Profile } from "./args.ts";
import { CliError } from "./errors.ts";

/** What `main` has parsed for a `--redis` run. */
export interface RedisCommand {
  command: "start" | "chat" | "play";
  redisUrl: string;
  queuePrefix: string | undefined;
  storePrefix: string | undefined;
  seed: number | undefined;
  profile?: Profile;
  user: string;
  group: boolean;
  colour: boolean;
  /** The script on standard input (empty for `start`, which reads its own input). */
  script: string;
  content: () => Content;
}

/**
 * Runs the command and returns its exit code; throws CliError for what the user must be told.
 * The pipeline modules load here, so the local commands never pay for BullMQ and ioredis.
 */
export async function runWithRedis(cmd: RedisCommand): Promise<number> {
  const { DefaultPipelineOptions, openPipeline, resolvePrefix } = await import("./pipeline.ts");
  const { chatRemote, playRemote } = await import("./remote-scripts.ts");
  const { tutorRemote } = await import("./remote-tutor.ts");
  const queuePrefix = resolvePrefix(cmd.queuePrefix, "QUEUE_PREFIX", DefaultPipelineOptions.queuePrefix);
  const storePrefix = resolvePrefix(cmd.storePrefix, "STORE_PREFIX", DefaultPipelineOptions.storePrefix);
  const pipeline = await openPipeline({
    redisUrl: cmd.redisUrl,
    queuePrefix,
    storePrefix,
    content: cmd.content,
    note: (line) => process.stderr.write(`${line}\n`),
  });
  const profile = cmd.profile ? { profile: cmd.profile } : {};
  // Interrupted mid-script: still delete the private reply queue and close the connections. (A
  // terminal `start` turns Ctrl-C into the end of input itself and never gets here.)
  const interrupted = (signal: NodeJS.Signals) => {
    void pipeline.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    if (cmd.command === "play") {
      const opts = { seed: cmd.seed ?? 1, ...profile, colour: cmd.colour };
      try {
        process.stdout.write(await playRemote(cmd.script, pipeline, opts));
      } catch (err) {
        if (err instanceof CliError && err.partial) process.stdout.write(err.partial);
        throw err;
      }
    } else if (cmd.command === "chat") {
      const opts = { seed: cmd.seed ?? 1, ...profile, colour: cmd.colour, user: cmd.user, group: cmd.group };
      process.stdout.write(await chatRemote(cmd.script, pipeline, opts));
    } else {
      const init = { seed: cmd.seed ?? Date.now() % 2 ** 32, ...profile };
      await tutorRemote(pipeline, { user: cmd.user, init });
    }
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    await pipeline.close();
  }
  return 0;
}
