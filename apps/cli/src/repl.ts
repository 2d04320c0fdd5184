// The interactive terminal session: a prompt, history, colour, and virtual time that follows real time.

import { createInterface } from "node:readline";
import { Sim } from "@bosun/sim";

export interface ReplOptions {
  seed: number;
  profile?: string;
}

const HELP = `Type kubectl commands as you would on a real cluster, for example:
  kubectl get nodes
  kubectl create deployment web --image=nginx:1.25 --replicas=3
  kubectl get pods -w
  kubectl apply -f - <<EOF      (then paste YAML, end with a line "EOF")
Other commands:
  sleep 30s     let 30 seconds of cluster time pass at once
  help          this text
  exit          leave (the cluster is not kept)`;

/** Runs the interactive loop until the user leaves or input ends. */
export async function repl(opts: ReplOptions): Promise<void> {
  const sim = Sim.create({
    seed: opts.seed,
    start: Date.now(),
    ...(opts.profile ? { profile: opts.profile } : {}),
  });
  const tty = process.stdout.isTTY === true;
  const colour = (code: string, s: string) => (tty ? `\u001b[${code}m${s}\u001b[0m` : s);
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: tty,
    historySize: 500,
    prompt: colour("1;36", "bosun$ "),
  });
  process.stdout.write(
    `${colour("1", "Bosun")}: a simulated AKS cluster with 3 nodes is ready. Type ${colour("1", "help")} for what works.\n`,
  );
  let last = Date.now();
  let heredoc: { line: string; end: string; body: string[] } | undefined;
  rl.prompt();
  for await (const input of rl) {
    if (heredoc) {
      if (input.trim() === heredoc.end) {
        run(heredoc.line, `${heredoc.body.join("\n")}\n`);
        heredoc = undefined;
        rl.setPrompt(colour("1;36", "bosun$ "));
      } else heredoc.body.push(input);
      rl.prompt();
      continue;
    }
    const line = input.trim();
    if (line === "exit" || line === "quit") break;
    if (line === "help") process.stdout.write(`${HELP}\n`);
    else if (line !== "") {
      const m = /^(.*?)\s*<<-?\s*(['"]?)([A-Za-z_]\w*)\2\s*$/.exec(line);
      if (m) {
        heredoc = { line: m[1] ?? "", end: m[3] ?? "EOF", body: [] };
        rl.setPrompt("> ");
      } else run(line, undefined);
    }
    rl.prompt();
  }
  rl.close();

  function run(line: string, stdin: string | undefined): void {
    // Virtual time follows the wall clock between commands, as it does in chat.
    const now = Date.now();
    sim.advance(Math.min(now - last, 24 * 3600 * 1000));
    last = now;
    const r = sim.exec(line, stdin);
    for (const chunk of r.chunks)
      process.stdout.write(chunk.stream === "err" ? colour("31", chunk.text) : chunk.text);
  }
}
