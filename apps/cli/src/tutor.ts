// `bosun start`: the interactive terminal tutor, the same engine as chat, with colour on a terminal.

import { createInterface } from "node:readline";
import {
  type Content,
  handle,
  newSession,
  renderText,
  type Session,
  type TutorEvent,
  type TutorReply,
} from "@bosun/tutor";

export interface TutorOptions {
  seed: number;
  user: string;
  content: Content;
  profile?: string;
}

/** What the terminal loop talks to: the engine in this process, or the pipeline (`--redis`). */
export interface TutorLoopOptions {
  user: string;
  /** The learner's sandbox already existed (`--redis`): greet them back instead of starting lesson 1. */
  returning: boolean;
  /** Runs one event and gives its reply; the terminal passes real time, so the sandbox follows it. */
  send(event: TutorEvent): Promise<TutorReply>;
}

const HEREDOC = /^(.*?)\s*<<-?\s*(['"]?)([A-Za-z_]\w*)\2\s*$/;

/** Greets a new learner and starts lesson 1, on a fresh sandbox in this process. */
export async function tutor(opts: TutorOptions): Promise<void> {
  let session: Session = newSession({
    seed: opts.seed,
    now: Date.now(),
    ...(opts.profile ? { profile: opts.profile } : {}),
  });
  await tutorLoop({
    user: opts.user,
    returning: false,
    async send(event) {
      // The engine reads no clock: the terminal passes real time in, and the sandbox follows it.
      const r = handle(session, event, {
        now: Date.now(),
        actor: { id: opts.user, name: opts.user },
        content: opts.content,
      });
      session = r.session;
      return r.reply;
    },
  });
}

/** The prompt loop: greets, then sends each line (heredocs included) until `exit` or the end of input. */
export async function tutorLoop(opts: TutorLoopOptions): Promise<void> {
  const tty = process.stdout.isTTY === true;
  const paint = (code: string, s: string) => (tty ? `\u001b[${code}m${s}\u001b[0m` : s);
  const prompt = paint("1;36", `${opts.user}> `);
  const send = async (event: TutorEvent) => {
    process.stdout.write(`${renderText(await opts.send(event), { colour: tty })}\n`);
  };
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: tty,
    historySize: 500,
    prompt,
  });
  // Taken now: lines that arrive while the greeting's reply is awaited must queue, not be lost.
  const lines = rl[Symbol.asyncIterator]();
  // Ctrl-C ends the session like `exit`, so a `--redis` session still closes its connections.
  rl.on("SIGINT", () => rl.close());
  const keys = `type ${paint("1", "hint")} when stuck, ${paint("1", "help")} for everything else, ${paint("1", "exit")} to leave.`;
  if (opts.returning) {
    process.stdout.write(
      `${paint("1", `Welcome back, ${opts.user}!`)} Your simulated cluster is as you left it.\n` +
        `Type kubectl commands as before; ${keys}\n\n`,
    );
    await send({ type: "lesson", action: "status" });
  } else {
    process.stdout.write(
      `${paint("1", `Welcome to Bosun, ${opts.user}!`)} You have your own simulated Kubernetes cluster (three AKS-like nodes).\n` +
        `Type kubectl commands as you would on a real one; ${keys}\n\n`,
    );
    await send({ type: "lesson", action: "start", lesson: 1 });
  }
  let heredoc: { line: string; end: string; body: string[] } | undefined;
  rl.prompt();
  for await (const input of { [Symbol.asyncIterator]: () => lines }) {
    if (heredoc) {
      if (input.trim() === heredoc.end) {
        await send({
          type: "text",
          text: heredoc.line,
          stdin: heredoc.body.length ? `${heredoc.body.join("\n")}\n` : "",
        });
        heredoc = undefined;
        rl.setPrompt(prompt);
      } else heredoc.body.push(input);
      rl.prompt();
      continue;
    }
    const line = input.trim();
    if (line === "exit" || line === "quit") break;
    const m = HEREDOC.exec(line);
    if (m) {
      heredoc = { line: m[1] ?? "", end: m[3] ?? "EOF", body: [] };
      rl.setPrompt("> ");
    } else if (line !== "") await send({ type: "text", text: line });
    rl.prompt();
  }
  rl.close();
}
