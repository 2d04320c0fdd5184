// Command-line arguments of `bosun`: the subcommand and its few options.

export interface CliArgs {
  command: "start" | "play" | "chat" | "sandbox" | "help";
  /** Undefined when not given: play and chat use 1, the interactive sessions a fresh seed. */
  seed: number | undefined;
  profile: string | undefined;
  /** The learner's name in `chat` transcripts and the interactive tutor. */
  user: string | undefined;
  /** `chat --group`: lines may start with `name: ` to say who typed them; replies say who ran what. */
  group: boolean;
  /** `--redis URL`: run through the real queue, a worker and a session stored in that Redis. */
  redis: string | undefined;
  /** `--queue-prefix`: BullMQ key prefix (else QUEUE_PREFIX, else the worker's default). */
  queuePrefix: string | undefined;
  /** `--store-prefix`: session key prefix (else STORE_PREFIX, else the worker's default). */
  storePrefix: string | undefined;
  error?: string;
}

export const USAGE = `Usage:
  bosun [start] [--user NAME]   the interactive tutor: lessons, hints and quizzes on a fresh simulated cluster
  bosun chat [--user NAME] [--seed N] [--group] < script
                                run a script through the tutor and print each reply as plain text
  bosun play [--seed N] [--profile fast|realistic|chaos] < script
                                run a script (kubectl lines, sleep 30s, # comments, heredocs) and print a transcript
  bosun sandbox                 a bare simulated cluster, no tutor
  bosun help                    this text
Options of start, chat and play:
  --redis URL                   go through the real pipeline: the commands queue on that Redis, a worker
                                (in-process unless one is running there) and a session stored in Redis;
                                with start, --user NAME picks up NAME's sandbox where it was left
  --queue-prefix P              BullMQ key prefix (default: $QUEUE_PREFIX, else bosun)
  --store-prefix P              session key prefix (default: $STORE_PREFIX, else bosun)`;

/** Simulator lifecycle profiles (`--profile`). */
export const PROFILES = ["fast", "realistic", "chaos"] as const;
export type Profile = (typeof PROFILES)[number];
export const isProfile = (p: string): p is Profile => (PROFILES as readonly string[]).includes(p);

const COMMANDS = new Set(["start", "play", "chat", "sandbox", "help"]);

/** A key prefix, as the worker accepts it: `{bosun}` (a Redis Cluster hash tag) is allowed. */
export const PREFIX = /^[A-Za-z0-9_.:{}-]{1,64}$/;

export function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = {
    command: "start",
    seed: undefined,
    profile: undefined,
    user: undefined,
    group: false,
    redis: undefined,
    queuePrefix: undefined,
    storePrefix: undefined,
  };
  const rest = [...argv];
  const first = rest[0];
  if (first && !first.startsWith("-")) {
    rest.shift();
    if (COMMANDS.has(first)) out.command = first as CliArgs["command"];
    else return { ...out, command: "help", error: `unknown command "${first}"` };
  }
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? "";
    const [flag, inline] = a.includes("=")
      ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
      : [a, undefined];
    const value = () => inline ?? rest[++i];
    if (flag === "--seed") {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 0 || v > 2 ** 32 - 1)
        return { ...out, command: "help", error: "--seed takes a whole number from 0 to 4294967295" };
      out.seed = v;
    } else if (flag === "--profile") {
      out.profile = value();
    } else if (flag === "--user") {
      const v = value() ?? "";
      if (!/^[\w.-]{1,32}$/.test(v))
        return {
          ...out,
          command: "help",
          error: "--user takes a name of 1 to 32 letters, digits, dots, dashes or underscores",
        };
      out.user = v;
    } else if (flag === "--group") {
      out.group = true;
    } else if (flag === "--redis") {
      const v = value() ?? "";
      if (!/^rediss?:\/\/\S+$/.test(v))
        return { ...out, command: "help", error: "--redis takes a URL: redis://host:port or rediss://…" };
      out.redis = v;
    } else if (flag === "--queue-prefix" || flag === "--store-prefix") {
      const v = value() ?? "";
      if (!PREFIX.test(v))
        return {
          ...out,
          command: "help",
          error: `${flag} takes 1 to 64 characters: letters, digits and _ - . : { }`,
        };
      if (flag === "--queue-prefix") out.queuePrefix = v;
      else out.storePrefix = v;
    } else if (flag === "-h" || flag === "--help") {
      out.command = "help";
    } else {
      return { ...out, command: "help", error: `unknown option "${a}"` };
    }
  }
  if (out.redis !== undefined && out.command === "sandbox")
    return {
      ...out,
      command: "help",
      error: "--redis works with start, chat and play; sandbox runs locally only",
    };
  if ((out.queuePrefix !== undefined || out.storePrefix !== undefined) && out.redis === undefined)
    return { ...out, command: "help", error: "--queue-prefix and --store-prefix need --redis URL" };
  return out;
}
