// Splits a script into steps: one command line each, with an optional heredoc body as its stdin.

export type Step =
  | { kind: "command"; line: string; stdin?: string }
  | { kind: "comment"; text: string }
  | { kind: "error"; line: string; message: string };

const HEREDOC = /\s*<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2\s*$/;

/**
 * Reads `text` into steps. A line ending in `<<EOF` (or `<<'EOF'`, `<<-EOF`) takes the following
 * lines up to a line that is exactly the terminator as its standard input.
 */
export function parseScript(text: string): Step[] {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const steps: Step[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const line = raw.trim();
    if (line === "") continue;
    if (line.startsWith("#")) {
      steps.push({ kind: "comment", text: line });
      continue;
    }
    const m = HEREDOC.exec(raw);
    if (!m) {
      steps.push({ kind: "command", line });
      continue;
    }
    const stripTabs = m[1] === "-";
    const end = m[3] ?? "EOF";
    const body: string[] = [];
    let closed = false;
    for (i = i + 1; i < lines.length; i++) {
      const l = lines[i] ?? "";
      if ((stripTabs ? l.replace(/^\t+/, "") : l) === end || l.trim() === end) {
        closed = true;
        break;
      }
      body.push(stripTabs ? l.replace(/^\t+/, "") : l);
    }
    const cmd = raw.slice(0, m.index).trim();
    if (!closed) {
      steps.push({
        kind: "error",
        line: cmd,
        message: `here-document at the end of the script is not closed by ${end}`,
      });
      break;
    }
    steps.push({ kind: "command", line: cmd, stdin: body.length ? `${body.join("\n")}\n` : "" });
  }
  return steps;
}
