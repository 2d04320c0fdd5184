// Plain messages in a study-group thread: which are commands, and the manifest pasted with `apply -f -`.

/** A command read from a message: the line, and standard input from a pasted code block. */
export interface GroupCommand {
  text: string;
  stdin?: string;
}

const COMMAND = /^(kubectl|az)\s/;
/** `apply -f -` (or `create -f -`, `replace -f -`): the manifest comes on standard input. */
const READS_STDIN = /\s(-f|--filename)(\s+|=)-(\s|$)/;
const CODE_BLOCK = /```[a-zA-Z0-9_-]*[ \t]*\n([\s\S]*?)```/;

/**
 * The command a thread message stands for, or undefined for chat. The first line is the command
 * (`kubectl …` or `az …`); when it reads a file from `-`, the first ``` code block of the message
 * (```yaml or bare) is its standard input.
 *
 * Example: "kubectl apply -f -\n```yaml\nkind: Pod\n```" → { text: "kubectl apply -f -", stdin: "kind: Pod\n" }.
 */
export function parseGroupMessage(content: string): GroupCommand | undefined {
  const trimmed = content.replace(/^\s+/, "");
  if (!COMMAND.test(trimmed)) return undefined;
  const firstLine = (trimmed.split("\n")[0] ?? "").split("```")[0]?.trim() ?? "";
  if (!READS_STDIN.test(` ${firstLine} `)) return { text: firstLine };
  const block = CODE_BLOCK.exec(trimmed.slice(firstLine.length));
  return block ? { text: firstLine, stdin: block[1] ?? "" } : { text: firstLine };
}

/**
 * The command line of `/kubectl command:`: "get pods" and "kubectl get pods" both give
 * "kubectl get pods"; "az aks …" stays as typed.
 */
export function slashCommandLine(typed: string): string {
  const line = typed.trim();
  if (/^(kubectl|k|az)(\s|$)/.test(line)) return line.replace(/^k(\s|$)/, "kubectl$1");
  return `kubectl ${line}`;
}
