// `bosun play --redis` and `bosun chat --redis`: the same transcripts, with every line going through the pipeline.

import { randomBytes } from "node:crypto";
import type { SessionRef } from "@bosun/store";
import { renderText } from "@bosun/tutor";
import { CHAT_START, chatTurns } from "./chat.ts";
import { CliError } from "./errors.ts";
import type { Pipeline, SendInput } from "./pipeline.ts";
import { playTurns } from "./play.ts";

type Profile = NonNullable<SendInput["init"]>["profile"];

/** Options of the scripted commands over the pipeline. */
export interface RemoteScriptOptions {
  seed: number;
  profile?: Profile;
  colour?: boolean;
}

/**
 * The time every `play` event is sent at. No real time passes between a play script's lines, and
 * this is where `Sim.create({ seed })` starts its clock, so a fresh sandbox created at this time is
 * the cluster `play` runs on, and the tutor's clock catch-up never moves it.
 */
export const PLAY_AT = CHAT_START;

/**
 * A session of its own for one run: a script always starts from a fresh sandbox, as without --redis.
 * `actor(name)` gives the run's own actor ids too: a worker's rate limit keeps one token bucket per
 * actor id, timed by `sentAt`, and a script's times start again at CHAT_START on every run, so a
 * bucket shared across runs (or with `start --user`, at real time) would look used up. The engine
 * shows names, never actor ids, so transcripts do not change.
 */
function scriptRun(scope: SessionRef["scope"]): {
  session: SessionRef;
  actor(name: string): SendInput["actor"];
} {
  const run = randomBytes(8).toString("hex");
  return {
    session: { platform: "cli", workspace: "local", scope, id: `script-${run}` },
    actor: (name) => ({ id: `${name}.${run}`, name }),
  };
}

/** Runs `body` with a fresh session and deletes that session afterwards, whatever happened. */
async function withScriptSession(
  pipeline: Pipeline,
  scope: SessionRef["scope"],
  body: (run: ReturnType<typeof scriptRun>) => Promise<string>,
): Promise<string> {
  const run = scriptRun(scope);
  const { session } = run;
  try {
    return await body(run);
  } finally {
    await pipeline.store.remove(session).catch(() => undefined);
  }
}

/**
 * `play` through the pipeline: each command is a `command` event (no tutor parsing) and the
 * transcript shows only the command's output, the reply's code block, so it matches `play()` byte
 * for byte. With colour, errors are not told apart from output (a reply does not keep streams).
 */
export function playRemote(script: string, pipeline: Pipeline, opts: RemoteScriptOptions): Promise<string> {
  return withScriptSession(pipeline, "user", async ({ session, actor }) => {
    const init = { seed: opts.seed, ...(opts.profile ? { profile: opts.profile } : {}) };
    let out = "";
    for (const turn of playTurns(script, opts.colour === true)) {
      out += turn.echo;
      if (!turn.run) continue;
      const { reply } = await pipeline.send({
        session,
        actor: actor("player"),
        event: {
          type: "command",
          text: turn.run.line,
          ...(turn.run.stdin !== undefined ? { stdin: turn.run.stdin } : {}),
        },
        sentAt: PLAY_AT,
        init,
      });
      const code = reply.blocks.filter((b) => b.kind === "code");
      // A command's reply always carries its output, if any; a lone warning without a lesson is the
      // worker refusing to run it (rate or sandbox limit): the transcript cannot match, so stop.
      const refusal = reply.blocks.find((b) => b.kind === "warning" && b.lesson === undefined);
      if (code.length === 0 && refusal?.kind === "warning")
        throw new CliError("refused", `the worker did not run "${turn.run.line}": ${refusal.text}`, {
          partial: out,
        });
      for (const block of code) out += block.text;
    }
    return out;
  });
}

/**
 * `chat` through the pipeline: the same turns and times as `chat()`, each reply rendered as plain
 * text. A group script uses a channel session, so replies say who ran what.
 */
export function chatRemote(
  script: string,
  pipeline: Pipeline,
  opts: RemoteScriptOptions & { user: string; group?: boolean },
): Promise<string> {
  return withScriptSession(pipeline, opts.group ? "channel" : "user", async ({ session, actor }) => {
    const init = { seed: opts.seed, ...(opts.profile ? { profile: opts.profile } : {}) };
    let out = "";
    for (const turn of chatTurns(script, opts)) {
      out += turn.echo;
      if (!turn.send) continue;
      const { event, name, at } = turn.send;
      const { reply } = await pipeline.send({
        session,
        actor: actor(name),
        event,
        sentAt: at,
        init,
      });
      out += `${renderText(reply, { colour: opts.colour === true })}\n`;
    }
    return out;
  });
}
