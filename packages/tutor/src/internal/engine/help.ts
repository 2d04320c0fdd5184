// `help`: what the tutor understands, in one short message.

import { ACTIONS, offer, say, type Turn } from "./turn.ts";

const HELP = `I run your commands on your own simulated Kubernetes cluster and coach you through the course.
Commands: kubectl … (or k …), az aks …, sleep 30s (let cluster time pass).
  For YAML: kubectl apply -f - with the manifest after it (a heredoc ending in EOF, or a code block).
Course: lesson (where am I), lesson list, lesson start N, lesson next, hint, solution
Quiz: quiz, review (questions due again); answer with a, b, true, false or a command; skip
You: progress; reset (fresh sandbox, progress kept); reset all (everything)`;

/** `help`: the list of what works, with buttons for the usual next moves. */
export function giveHelp(turn: Turn): void {
  say(turn, { kind: "text", text: HELP });
  offer(turn, ACTIONS.hint, ACTIONS.quiz, ACTIONS.progress);
}
