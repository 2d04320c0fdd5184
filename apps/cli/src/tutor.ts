// `bosun start`: the interactive terminal tutor, the same engine as chat, with colour on a terminal.

import { createInterface } from "node:readline";
import { type Content, handle, newSession, renderText, type Session, type TutorEvent } from "@bosun/tutor";

export interface TutorOptions {
  seed: number;
  user: string;
  content: Content;
  profile?: string;
}

const HEREDOC = /^(.*?)\s*<<-?\s*(['"]?)([A-Za-z_]\w*)\2\s*$/;

/** Greets a new learner, starts lesson 1, then runs the loop until `exit` or the end of input. */
export async function tutor(opts: TutorOptions): Promise<void> {
  const tty = process.stdout.isTTY === true;
  const paint = (code: string, s: string) => (tty ? `\u001b[${code}m${s}\u001b[0m` : s);
  const prompt = paint("1;36", `${opts.user}> `);
  let session: Session = newSession({
    seed: opts.seed,
    now: Date.now(),
    ...(opts.profile ? { profile: opts.profile } : {}),
  });
  const send = (event: TutorEvent) => {
    // The engine reads no clock: the terminal passes real time in, and the sandbox follows it.
    const r = handle(session, event, {
      now: Date.now(),
      actor: { id: opts.user, name: opts.user },
      content: opts.content,
    });
    session = r.session;
    process.stdout.write(`${renderText(r.reply, { colour: tty })}\n`);
  };
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: tty,
    historySize: 500,
    prompt,
  });
  process.stdout.write(
    `${paint("1", `Welcome to Bosun, ${opts.user}!`)} You have your own simulated Kubernetes cluster (three AKS-like nodes).\n` +
      `Type kubectl commands as you would on a real one; type ${paint("1", "hint")} when stuck, ${paint("1", "help")} for everything else, ${paint("1", "exit")} to leave.\n\n`,
  );
  send({ type: "lesson", action: "start", lesson: 1 });
  let heredoc: { line: string; end: string; body: string[] } | undefined;
  rl.prompt();
  for await (const input of rl) {
    if (heredoc) {
      if (input.trim() === heredoc.end) {
        send({
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
    } else if (line !== "") send({ type: "text", text: line });
    rl.prompt();
  }
  rl.close();
}
