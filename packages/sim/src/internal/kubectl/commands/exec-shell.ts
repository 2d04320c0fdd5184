// A small POSIX-ish shell for kubectl exec and exec probes: words, quotes, $VARS, ;, &&, ||, |, >.

import { resolveImage } from "../../data/images.ts";
import { containerEnv, type ShellTarget } from "./exec-env.ts";
import { ContainerFs } from "./exec-fs.ts";
import { BUILTINS, type Io, toolbox } from "./exec-tools.ts";

/** What a command printed and its exit status. */
export interface ShellResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** The process a shell runs in: its files, environment and the tools its image ships. */
export interface Proc {
  target: ShellTarget;
  fs: ContainerFs;
  env: Map<string, string>;
  tools: ReturnType<typeof toolbox>;
  /** Shell words are at virtual time t (the script's files as they are then). */
  t: number;
  /** The shell's name in its error lines: "sh" (busybox ash, dash) or "bash". */
  shell: string;
  status: number;
}

type Token = { op: string } | { word: string };

/** Splits a script into words and operators, expanding $VAR, ${VAR} and $? outside single quotes. */
export function tokenize(script: string, env: Map<string, string>, status = 0): Token[] {
  const out: Token[] = [];
  let word: string | undefined;
  const push = () => {
    if (word !== undefined) out.push({ word });
    word = undefined;
  };
  const expand = (s: string, i: number): [string, number] => {
    const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*)|(\?))/.exec(s.slice(i));
    if (!m) return ["$", i + 1];
    const name = m[1] ?? m[2];
    return [name ? (env.get(name) ?? "") : String(status), i + m[0].length];
  };
  for (let i = 0; i < script.length; ) {
    const c = script[i] ?? "";
    const two = script.slice(i, i + 2);
    if (c === "'") {
      const end = script.indexOf("'", i + 1);
      word = (word ?? "") + script.slice(i + 1, end < 0 ? script.length : end);
      i = end < 0 ? script.length : end + 1;
    } else if (c === '"') {
      let j = i + 1;
      word ??= "";
      while (j < script.length && script[j] !== '"') {
        if (script[j] === "\\" && j + 1 < script.length) {
          word += script[j + 1];
          j += 2;
        } else if (script[j] === "$") {
          const [v, next] = expand(script, j);
          word += v;
          j = next;
        } else word += script[j++];
      }
      i = j + 1;
    } else if (c === "$") {
      const [v, next] = expand(script, i);
      word = (word ?? "") + v;
      i = next;
    } else if (c === "\\" && i + 1 < script.length) {
      word = (word ?? "") + script[i + 1];
      i += 2;
    } else if (two === "&&" || two === "||" || two === ">>" || two === "2>") {
      push();
      const amp = two === "2>" && script.slice(i, i + 4) === "2>&1";
      out.push({ op: amp ? "2>&1" : two });
      i += amp ? 4 : 2;
    } else if (c === ";" || c === "|" || c === ">" || c === "<" || c === "\n" || c === "&") {
      push();
      out.push({ op: c === "\n" || c === "&" ? ";" : c });
      i += 1;
    } else if (c === " " || c === "\t") {
      push();
      i += 1;
    } else if (c === "#" && word === undefined) {
      while (i < script.length && script[i] !== "\n") i++;
    } else {
      word = (word ?? "") + c;
      i += 1;
    }
  }
  push();
  return out;
}

/** The basename a command is looked up by: `/bin/sh` → `sh`. */
function binary(name: string): string {
  return name.slice(name.lastIndexOf("/") + 1);
}

/** Runs one simple command (argv after expansion) with stdin; `inShell` words errors as a shell does. */
export function runCommand(p: Proc, argv: string[], stdin: string, inShell: boolean): ShellResult {
  const [name = "", ...args] = argv;
  const bin = binary(name);
  if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(name) && inShell) {
    const eq = name.indexOf("=");
    p.env.set(name.slice(0, eq), name.slice(eq + 1));
    return args.length ? runCommand(p, args, stdin, inShell) : { stdout: "", stderr: "", code: 0 };
  }
  if ((bin === "sh" || bin === "bash" || bin === "ash") && p.tools.has(bin)) {
    const c = args.indexOf("-c");
    if (c < 0) return { stdout: "", stderr: "", code: 0 };
    return runScript({ ...p, shell: bin === "bash" ? "bash" : "sh" }, args[c + 1] ?? "", stdin);
  }
  const tool = BUILTINS[bin];
  if (!tool || !p.tools.has(bin)) {
    if (!inShell)
      return { stdout: "", stderr: `exec: "${name}": executable file not found in $PATH`, code: -1 };
    const msg =
      p.shell === "bash"
        ? `bash: line 1: ${name}: command not found`
        : p.tools.has("busybox")
          ? `sh: ${name}: not found`
          : `sh: 1: ${name}: not found`;
    return { stdout: "", stderr: `${msg}\n`, code: 127 };
  }
  const io: Io = { out: "", err: "", stdin };
  const code = tool(p, args, io);
  return { stdout: io.out, stderr: io.err, code };
}

type Cmd = { argv: string[]; redirects: { op: string; to: string }[] };
type Item = { connector: string; pipeline: Cmd[] };

/** Groups tokens into and-or lists of pipelines: `a | b && c; d` → [a|b], &&[c], ;[d]. */
function parse(tokens: Token[]): Item[] {
  const items: Item[] = [];
  let item: Item = { connector: ";", pipeline: [] };
  let cmd: Cmd = { argv: [], redirects: [] };
  const endCmd = () => {
    if (cmd.argv.length || cmd.redirects.length) item.pipeline.push(cmd);
    cmd = { argv: [], redirects: [] };
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    if ("word" in tok) cmd.argv.push(tok.word);
    else if (tok.op === "2>&1") cmd.redirects.push({ op: tok.op, to: "" });
    else if ([">", ">>", "2>", "<"].includes(tok.op)) {
      const next = tokens[i + 1];
      cmd.redirects.push({ op: tok.op, to: next && "word" in next ? next.word : "" });
      i += 1;
    } else if (tok.op === "|") endCmd();
    else {
      endCmd();
      if (item.pipeline.length) items.push(item);
      item = { connector: tok.op, pipeline: [] };
    }
  }
  endCmd();
  if (item.pipeline.length) items.push(item);
  return items;
}

/** Runs a script: lists joined by ;, && and ||, pipelines joined by |, with >, >>, 2>, 2>&1 and <. */
export function runScript(p: Proc, script: string, stdin = ""): ShellResult {
  let stdout = "";
  let stderr = "";
  for (const item of parse(tokenize(script, p.env, p.status))) {
    if ((item.connector === "&&" && p.status !== 0) || (item.connector === "||" && p.status === 0)) continue;
    let input = stdin;
    for (const [i, cmd] of item.pipeline.entries()) {
      const from = cmd.redirects.find((r) => r.op === "<");
      if (from) input = p.fs.read(from.to) ?? "";
      if (cmd.argv[0] === "exit") {
        const code = Number(cmd.argv[1] ?? p.status);
        return { stdout, stderr, code: Number.isFinite(code) ? code & 255 : 2 };
      }
      const r = runCommand(p, cmd.argv, input, true);
      if (r.code === -1) r.code = 127;
      let out = r.stdout;
      let err = r.stderr;
      for (const red of cmd.redirects) {
        if (red.op === "2>&1") {
          out += err;
          err = "";
        } else if (red.op === "2>") err = "";
        else if (red.op === ">" || red.op === ">>") {
          if (red.to === "/dev/stderr") err += out;
          out = "";
        }
      }
      stderr += err;
      p.status = r.code;
      if (i < item.pipeline.length - 1) input = out;
      else stdout += out;
    }
  }
  return { stdout, stderr, code: p.status };
}

/** A process in the container at virtual time `t` (exec's and probes' common setup). */
export function newProc(target: ShellTarget, t: number, tty = false): Proc {
  const res = resolveImage(target.spec.image);
  return {
    target,
    fs: new ContainerFs(target, t),
    env: new Map(containerEnv(target, tty)),
    tools: toolbox(res.ok ? res.image : undefined),
    t,
    shell: "sh",
    status: 0,
  };
}

/**
 * An exec probe at time `t`: the command runs directly (no shell unless it names one); output is
 * stdout and stderr together, as the kubelet's CombinedOutput reads it. `until` is when the
 * container's own script next changes a file, the earliest the outcome may differ.
 */
export function runProbeCommand(
  target: ShellTarget,
  argv: string[],
  t: number,
): { code: number; output: string; until: number } {
  const p = newProc(target, t);
  const r = runCommand(p, argv, "", false);
  if (r.code === -1) {
    const output = `OCI runtime exec failed: exec failed: unable to start container process: ${r.stderr}: unknown`;
    return { code: 126, output, until: p.fs.nextChange };
  }
  return { code: r.code, output: (r.stdout + r.stderr).replace(/\n$/, ""), until: p.fs.nextChange };
}
