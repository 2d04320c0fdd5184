// The commands a container's image ships (busybox applets or Debian's coreutils) and what they print.

import type { ImageInfo } from "../../data/images.ts";
import { podHostname } from "./exec-fs.ts";
import { curl, nslookup, wget } from "./exec-http.ts";
import type { Proc } from "./exec-shell.ts";

/** A command's streams: stdin in, stdout and stderr out. */
export interface Io {
  out: string;
  err: string;
  stdin: string;
}
type Tool = (p: Proc, args: string[], io: Io) => number;

const CORE = [
  "sh",
  "echo",
  "cat",
  "ls",
  "env",
  "printenv",
  "hostname",
  "pwd",
  "true",
  "false",
  "sleep",
  "test",
  "[",
  "grep",
  "head",
  "tail",
  "wc",
  "sort",
  "id",
  "whoami",
  "date",
  "mkdir",
  "touch",
  "rm",
  "cd",
  "export",
];
/** Images built FROM scratch or distroless: no shell, nothing to exec but their own binary. */
const NO_SHELL = /\/(pause|liveness|goproxy|serve_hostname|hello-app|http-echo|vish\/stress)[:@]/;
const BUSYBOX =
  /\/(library\/(busybox|alpine)|busybox|curlimages\/curl|radial\/busyboxplus|polinux\/stress|e2e-test-images\/agnhost)[:@]|alpine/;

/**
 * What an image has on its PATH. busybox and Alpine images: busybox applets (wget, nslookup, no
 * bash, no curl); Debian-based images (nginx, postgres, redis, httpd…): dash as sh, bash, coreutils,
 * and curl only where the image installs it (nginx, curlimages/curl, full python and node).
 */
export function toolbox(image: ImageInfo | undefined): Set<string> {
  if (!image || NO_SHELL.test(image.ref)) return new Set();
  const tools = new Set(CORE);
  if (BUSYBOX.test(image.ref)) {
    for (const t of ["busybox", "ash", "wget", "nslookup", "ps"]) tools.add(t);
  } else tools.add("bash");
  const slim = /slim/.test(image.tag);
  if (/nginx|curlimages\/curl|busyboxplus:curl/.test(image.ref)) tools.add("curl");
  if (/\/library\/(python|node):/.test(image.ref) && !slim && !/alpine/.test(image.tag)) {
    tools.add("curl");
    tools.add("wget");
  }
  if (/dnsutils/.test(image.ref)) tools.add("nslookup");
  return tools;
}

const busybox = (p: Proc) => p.tools.has("busybox");
const lines = (s: string) => (s === "" ? [] : s.replace(/\n$/, "").split("\n"));
const join = (l: string[]) => (l.length ? `${l.join("\n")}\n` : "");

function cat(p: Proc, args: string[], io: Io): number {
  const files = args.filter((a) => !a.startsWith("-") || a === "-");
  if (files.length === 0) {
    io.out += io.stdin;
    return 0;
  }
  let code = 0;
  for (const f of files) {
    const text = f === "-" ? io.stdin : p.fs.read(f);
    if (text !== undefined) io.out += text;
    else if (p.fs.isDir(f)) {
      io.err += busybox(p) ? "cat: read error: Is a directory\n" : `cat: ${f}: Is a directory\n`;
      code = 1;
    } else {
      io.err += busybox(p)
        ? `cat: can't open '${f}': No such file or directory\n`
        : `cat: ${f}: No such file or directory\n`;
      code = 1;
    }
  }
  return code;
}

function ls(p: Proc, args: string[], io: Io): number {
  const all = args.some((a) => /^-[a-zA-Z]*a/.test(a));
  const paths = args.filter((a) => !a.startsWith("-"));
  let code = 0;
  const targets = paths.length ? paths : ["."];
  for (const [i, path] of targets.entries()) {
    const entries = p.fs.list(path === "." ? "/" : path);
    if (entries === undefined) {
      if (p.fs.read(path) !== undefined) {
        io.out += `${path}\n`;
        continue;
      }
      io.err += busybox(p)
        ? `ls: ${path}: No such file or directory\n`
        : `ls: cannot access '${path}': No such file or directory\n`;
      code = busybox(p) ? 1 : 2;
      continue;
    }
    if (targets.length > 1) io.out += `${i > 0 ? "\n" : ""}${path}:\n`;
    io.out += join([...(all ? [".", ".."] : []), ...entries]);
  }
  return code;
}

function printenv(p: Proc, args: string[], io: Io): number {
  if (args.length === 0) {
    io.out += join([...p.env].map(([k, v]) => `${k}=${v}`));
    return 0;
  }
  let code = 0;
  for (const a of args) {
    const v = p.env.get(a);
    if (v === undefined) code = 1;
    else io.out += `${v}\n`;
  }
  return code;
}

function echo(_p: Proc, args: string[], io: Io): number {
  const noNewline = args[0] === "-n";
  const text = (noNewline ? args.slice(1) : args.filter((a, i) => !(i === 0 && a === "-e"))).join(" ");
  io.out += noNewline ? text : `${text}\n`;
  return 0;
}

function grep(_p: Proc, args: string[], io: Io): number {
  const flags = args.filter((a) => /^-[a-zA-Z]+$/.test(a)).join("");
  const [pattern = "", ...files] = args.filter((a) => !/^-[a-zA-Z]+$/.test(a));
  let re: RegExp;
  try {
    re = new RegExp(pattern, flags.includes("i") ? "i" : "");
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  }
  void files;
  const hits = lines(io.stdin).filter((l) => re.test(l) !== flags.includes("v"));
  if (!flags.includes("q")) io.out += flags.includes("c") ? `${hits.length}\n` : join(hits);
  return hits.length ? 0 : 1;
}

function count(args: string[], fallback: number): number {
  const i = args.indexOf("-n");
  const n =
    i >= 0 ? Number(args[i + 1]) : Number((args.find((a) => /^-\d+$/.test(a)) ?? "").slice(1) || fallback);
  return Number.isFinite(n) ? n : fallback;
}

function testCmd(p: Proc, args: string[]): number {
  const a = args[args.length - 1] === "]" ? args.slice(0, -1) : args;
  const [x = "", y = "", z = ""] = a;
  if (a.length === 2 && x === "-f") return p.fs.read(y) !== undefined ? 0 : 1;
  if (a.length === 2 && x === "-d") return p.fs.isDir(y) ? 0 : 1;
  if (a.length === 2 && x === "-e") return p.fs.read(y) !== undefined || p.fs.isDir(y) ? 0 : 1;
  if (a.length === 2 && x === "-z") return y === "" ? 0 : 1;
  if (a.length === 2 && x === "-n") return y !== "" ? 0 : 1;
  if (a.length === 3 && (y === "=" || y === "==")) return x === z ? 0 : 1;
  if (a.length === 3 && y === "!=") return x !== z ? 0 : 1;
  return a.length === 1 && x !== "" ? 0 : 1;
}

function date(p: Proc, _args: string[], io: Io): number {
  const d = new Date(p.t);
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()];
  const mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
    d.getUTCMonth()
  ];
  const time = d.toISOString().slice(11, 19);
  io.out += `${day} ${mon} ${String(d.getUTCDate()).padStart(2, " ")} ${time} UTC ${d.getUTCFullYear()}\n`;
  return 0;
}

/** busybox ps: PID 1 is the container's process (sh -c with one command execs it), then ps itself. */
function ps(p: Proc, _args: string[], io: Io): number {
  const { spec } = p.target;
  let argv = [...(spec.command ?? []), ...(spec.args ?? [])];
  if (/^(\/bin\/)?sh$/.test(argv[0] ?? "") && argv[1] === "-c" && !/[;&|]/.test(argv[2] ?? ""))
    argv = [argv[2] ?? ""];
  const main = argv.join(" ") || "sh";
  io.out += `PID   USER     TIME  COMMAND\n    1 root      0:00 ${main}\n    7 root      0:00 ps\n`;
  return 0;
}

const ok: Tool = () => 0;

/** A command that always prints the same text. */
const says =
  (text: (p: Proc) => string): Tool =>
  (p, _args, io) => {
    io.out += text(p);
    return 0;
  };

/** A filter over stdin's lines (head, tail, wc, sort). */
const filterLines =
  (f: (l: string[], args: string[]) => string[]): Tool =>
  (_p, args, io) => {
    io.out += join(f(lines(io.stdin), args));
    return 0;
  };

/** Every command the simulated shell knows; an image offers the subset its toolbox lists. */
export const BUILTINS: Record<string, Tool> = {
  cat,
  ls,
  printenv,
  env: (p, args, io) => (args.length ? 0 : printenv(p, [], io)),
  echo,
  grep,
  head: filterLines((l, args) => l.slice(0, count(args, 10))),
  tail: filterLines((l, args) => l.slice(-count(args, 10))),
  wc: filterLines((l) => [String(l.length)]),
  sort: filterLines((l) => [...l].sort()),
  hostname: says((p) => `${podHostname(p.target.pod)}\n`),
  pwd: says(() => "/\n"),
  whoami: says(() => "root\n"),
  id: says(() => "uid=0(root) gid=0(root) groups=0(root)\n"),
  date,
  true: ok,
  false: () => 1,
  sleep: ok,
  cd: ok,
  export: ok,
  mkdir: ok,
  touch: ok,
  rm: ok,
  test: testCmd,
  "[": testCmd,
  wget,
  curl,
  nslookup,
  ps,
};
