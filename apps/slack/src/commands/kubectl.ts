// `/kubectl <args>` and `/k <args>` → the kubectl line to run, or the pasted-manifest modal.

import { unslack, words } from "./text.ts";

/** What a `/kubectl` invocation asks for. */
export type KubectlIntent =
  /** Run `text` (a full `kubectl …` line) in the sandbox. */
  | { kind: "run"; text: string }
  /** `apply` with nothing to read: open the modal, then run `command` (ends in `-f -`) with the YAML. */
  | { kind: "apply-modal"; command: string }
  /** Nothing to run: tell the person how to use the command. */
  | { kind: "usage"; message: string };

/** The longest line we pass on; the simulator refuses longer ones itself, but Slack caps at 4,000. */
const MAX_LINE = 4000;

const USAGE =
  "Type a kubectl command after `/kubectl` (or `/k`), for example `/kubectl get pods` or " +
  "`/k create deployment web --image=nginx:1.25`. `/kubectl apply` opens a box to paste a manifest.";

/**
 * Reads the text after `/kubectl` (as Slack sends it). A leading `kubectl` is dropped, so
 * `/kubectl kubectl get pods` works too.
 */
export function parseKubectl(raw: string): KubectlIntent {
  let line = unslack(raw);
  line = line.replace(/^(kubectl|k)(\s+|$)/, "");
  if (line === "") return { kind: "usage", message: USAGE };
  if (line.length > MAX_LINE)
    return {
      kind: "usage",
      message: `That command is ${line.length} characters long; the limit is ${MAX_LINE}.`,
    };
  const text = `kubectl ${line}`;
  const modal = applyNeedsManifest(line);
  if (modal !== undefined) return { kind: "apply-modal", command: `kubectl ${modal}` };
  return { kind: "run", text };
}

/**
 * When `line` is an `apply` that would read standard input (no `-f`, or `-f -`), the same line with
 * `-f -` made explicit; undefined otherwise. `apply -f <url or file>`, `apply -k`, `--help` and the
 * `*-last-applied` subcommands run as typed.
 */
function applyNeedsManifest(line: string): string | undefined {
  const { words: w } = words(line);
  if (w[0] !== "apply") return undefined;
  let readsStdin = false;
  let hasFile = false;
  for (let i = 1; i < w.length; i++) {
    const word = w[i] ?? "";
    if (/^(view|edit|set)-last-applied$/.test(word) || word === "--help" || word === "-h") return undefined;
    if (word === "-k" || word.startsWith("--kustomize")) return undefined;
    let value: string | undefined;
    if (word === "-f" || word === "--filename") value = w[i + 1];
    else if (word.startsWith("--filename=")) value = word.slice("--filename=".length);
    else if (word.startsWith("-f=")) value = word.slice(3);
    else if (/^-f\S/.test(word)) value = word.slice(2);
    else continue;
    hasFile = true;
    if (value === "-") readsStdin = true;
  }
  if (hasFile && !readsStdin) return undefined;
  return readsStdin ? line : `${line} -f -`;
}
