// wget, curl and nslookup inside a container, answered by simulated cluster DNS and pods.

import { httpGet, parseUrl, resolveName } from "./exec-net.ts";
import type { Proc } from "./exec-shell.ts";
import type { Io } from "./exec-tools.ts";

const REASONS: Record<number, string> = {
  200: "OK",
  403: "Forbidden",
  404: "Not Found",
  500: "Internal Server Error",
};

/** busybox's progress line: name, percentage, bar, size, ETA. */
function progress(name: string, size: number): string {
  const shown = size < 1000 ? String(size) : `${(size / 1024).toFixed(1)}k`;
  return `${name.padEnd(20)}100% |********************************| ${shown.padStart(5)}  0:00:00 ETA\n`;
}

function flagValue(args: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    for (const n of names) {
      if (a === n) return args[i + 1];
      if (n.startsWith("--") && a.startsWith(`${n}=`)) return a.slice(n.length + 1);
    }
  }
  return undefined;
}

/** The URL argument: the first word that is neither a flag nor a flag's value. */
function urlArg(args: string[], valued: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (valued.includes(a)) i++;
    else if (!a.startsWith("-")) return a;
  }
  return undefined;
}

/** busybox wget: `wget -qO- http://web` prints the page; errors as busybox words them. */
export function wget(p: Proc, args: string[], io: Io): number {
  const short = args.filter((a) => /^-[a-zA-Z]+-?$/.test(a)).join("");
  const quiet = short.includes("q");
  const toStdout = /O-/.test(args.join(" ")) || flagValue(args, "-O") === "-";
  const raw = urlArg(args, ["-O", "-T", "-U", "--header", "-Y"]);
  if (!raw) {
    io.err +=
      "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n";
    return 1;
  }
  const url = parseUrl(raw);
  const dns = url && resolveName(p.target, url.host);
  if (!url || !dns) {
    io.err += `wget: bad address '${url?.host ?? raw}'\n`;
    return 1;
  }
  if (!quiet)
    io.err += `Connecting to ${url.host}${url.port === 80 ? "" : `:${url.port}`} (${dns.ip}:${url.port})\n`;
  const r = httpGet(p.target, dns.ip, url.port, url.path, p.t);
  if (r.kind === "refused") {
    io.err += `wget: can't connect to remote host (${dns.ip}): Connection refused\n`;
    return 1;
  }
  if (r.kind === "timeout") {
    io.err += flagValue(args, "-T")
      ? "wget: download timed out\n"
      : `wget: can't connect to remote host (${dns.ip}): Connection timed out\n`;
    return 1;
  }
  if (r.status >= 400) {
    io.err += `wget: server returned error: HTTP/1.1 ${r.status} ${REASONS[r.status] ?? "Error"}\n`;
    return 1;
  }
  const size = new TextEncoder().encode(r.body).length;
  if (toStdout) {
    if (!quiet) io.err += "writing to stdout\n";
    io.out += r.body;
    if (!quiet) io.err += `${progress("-", size)}written to stdout\n`;
  } else {
    const file =
      flagValue(args, "-O") ??
      (url.path
        .replace(/[?#].*$/, "")
        .split("/")
        .pop() ||
        "index.html");
    if (!quiet) io.err += `saving to '${file}'\n${progress(file, size)}'${file}' saved\n`;
  }
  return 0;
}

/** curl: the body on stdout; with -s no progress meter or errors (unless -S); -f fails on HTTP errors. */
export function curl(p: Proc, args: string[], io: Io): number {
  const short = args.filter((a) => /^-[a-zA-Z]+$/.test(a)).join("");
  const silent = short.includes("s") || args.includes("--silent");
  const showErr = short.includes("S") || args.includes("--show-error") || !silent;
  const fail = (code: number, msg: string) => {
    if (showErr) io.err += `curl: (${code}) ${msg}\n`;
    return code;
  };
  const raw = urlArg(args, ["-o", "-m", "-H", "-X", "-d", "--connect-timeout", "--max-time", "-w", "-A"]);
  if (!raw) {
    io.err += "curl: try 'curl --help' or 'curl --manual' for more information\n";
    return 2;
  }
  const url = parseUrl(raw);
  if (!url) return fail(3, `URL rejected: Malformed input to a URL function`);
  const dns = resolveName(p.target, url.host);
  if (!dns) return fail(6, `Could not resolve host: ${url.host}`);
  const r = httpGet(p.target, dns.ip, url.port, url.path, p.t);
  if (r.kind === "refused")
    return fail(
      7,
      `Failed to connect to ${url.host} port ${url.port} after 1 ms: Couldn't connect to server`,
    );
  if (r.kind === "timeout") {
    const limit = flagValue(args, "-m", "--max-time", "--connect-timeout");
    const ms = limit ? Number(limit) * 1000 : 134_000;
    return fail(
      28,
      limit
        ? `Connection timed out after ${ms + 1} milliseconds`
        : `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: Couldn't connect to server`,
    );
  }
  if ((short.includes("f") || args.includes("--fail")) && r.status >= 400)
    return fail(22, `The requested URL returned error: ${r.status}`);
  const size = new TextEncoder().encode(r.body).length;
  const head = short.includes("I") || args.includes("--head");
  const headers = `HTTP/1.1 ${r.status} ${REASONS[r.status] ?? "Error"}\r\n${r.server ? `Server: ${r.server}\r\n` : ""}Date: ${new Date(p.t).toUTCString()}\r\nContent-Type: text/html\r\nContent-Length: ${size}\r\nConnection: keep-alive\r\n\r\n`;
  // Without -s and without a terminal, curl draws its progress meter on stderr.
  if (!silent && !p.env.has("TERM")) io.err += meter(head ? 0 : size);
  if (head) io.out += headers;
  else io.out += (short.includes("i") ? headers : "") + r.body;
  return 0;
}

/** curl's progress meter as it ends up once a small transfer is done (no terminal: one line per update). */
function meter(size: number): string {
  const n = String(size).padStart(6);
  const speed = `${Math.max(1, Math.round(size / 1024 / 0.002))}k`.padStart(6);
  return (
    "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n" +
    "                                 Dload  Upload   Total   Spent    Left  Speed\n" +
    `100${n}  100${n}    0     0  ${speed}      0 --:--:-- --:--:-- --:--:--${speed}\n`
  );
}

/** busybox nslookup: the cluster DNS server, then the name's A record or NXDOMAIN. */
export function nslookup(p: Proc, args: string[], io: Io): number {
  const name = args.find((a) => !a.startsWith("-"));
  if (!name) {
    io.err +=
      "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n";
    return 1;
  }
  io.out += "Server:\t\t10.0.0.10\nAddress:\t10.0.0.10:53\n\n";
  const dns = resolveName(p.target, name);
  if (!dns) {
    io.out += `** server can't find ${name}: NXDOMAIN\n\n`;
    return 1;
  }
  io.out += `Name:\t${dns.fqdn}\nAddress: ${dns.ip}\n\n`;
  return 0;
}
