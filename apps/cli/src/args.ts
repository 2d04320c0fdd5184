// Command-line arguments of `bosun`: the subcommand and its few options.

export interface CliArgs {
  command: "start" | "play" | "help";
  /** Undefined when not given: play uses 1, the interactive session a fresh seed. */
  seed: number | undefined;
  profile: string | undefined;
  error?: string;
}

export const USAGE = `Usage:
  bosun [start]                 interactive terminal tutor on a fresh simulated cluster
  bosun play [--seed N] [--profile fast|realistic|chaos] < script
                                run a script (kubectl lines, sleep 30s, # comments, heredocs) and print a transcript
  bosun help                    this text`;

export function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = { command: "start", seed: undefined, profile: undefined };
  const rest = [...argv];
  const first = rest[0];
  if (first && !first.startsWith("-")) {
    rest.shift();
    if (first === "start" || first === "play" || first === "help") out.command = first;
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
    } else if (flag === "-h" || flag === "--help") {
      out.command = "help";
    } else {
      return { ...out, command: "help", error: `unknown option "${a}"` };
    }
  }
  return out;
}
