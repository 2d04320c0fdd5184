// Reviews a kubectl command line the learner typed: what it creates, and the images and values it names.

import { type Finding, finding } from "./finding.ts";
import { imageProblem, isToolImage } from "./image.ts";
import { isLiteralCredential } from "./sensitive.ts";

/** kubectl flags that take the next word as their value when written without "=". */
const VALUE_FLAGS = new Set([
  "-n",
  "--namespace",
  "-o",
  "--output",
  "-l",
  "--labels",
  "--selector",
  "-f",
  "--filename",
  "-c",
  "--container",
  "--context",
  "--image",
  "--port",
  "--replicas",
  "--env",
  "-e",
  "--restart",
  "--overrides",
  "--from-literal",
  "--from-file",
  "--from-env-file",
  "--type",
  "--schedule",
  "--serviceaccount",
  "--annotations",
  "--pull-policy",
  "--field-manager",
]);

/** Short and plural resource names a learner may type, as kinds. */
const KIND_ALIASES: Readonly<Record<string, string>> = {
  deploy: "deployment",
  deployments: "deployment",
  "deployment.apps": "deployment",
  po: "pod",
  pods: "pod",
  sts: "statefulset",
  statefulsets: "statefulset",
  ds: "daemonset",
  daemonsets: "daemonset",
  rs: "replicaset",
  replicasets: "replicaset",
  cj: "cronjob",
  cronjobs: "cronjob",
  jobs: "job",
};

interface Parsed {
  /** Words that are not flags, before "--". */
  words: string[];
  /** Every value of each flag, in order ("--image=a" and "--image a" alike). */
  flags: Map<string, string[]>;
  /** Words after "--": the container's command. */
  command: string[];
}

function parse(tokens: readonly string[]): Parsed {
  const words: string[] = [];
  const flags = new Map<string, string[]>();
  const add = (k: string, v: string) => flags.set(k, [...(flags.get(k) ?? []), v]);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    if (t === "--") return { words, flags, command: tokens.slice(i + 1) };
    const eq = t.indexOf("=");
    if (t.startsWith("-") && t.length > 1 && eq > 0) add(t.slice(0, eq), t.slice(eq + 1));
    else if (t.startsWith("-") && t.length > 1)
      add(t, VALUE_FLAGS.has(t) && i + 1 < tokens.length ? (tokens[++i] ?? "") : "");
    else words.push(t);
  }
  return { words, flags, command: [] };
}

function imageFindings(images: readonly string[], object: string): Finding[] {
  return images.flatMap((image) => {
    const problem = imageProblem(image);
    return problem ? [finding("image-tag", object, problem)] : [];
  });
}

/** "NAME=value" pairs whose name looks like a credential and whose value is not empty. */
function literalCredentials(pairs: readonly string[]): string[] {
  return pairs
    .map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)] as const)
    .filter(([k, v]) => k && isLiteralCredential(k, v))
    .map(([k]) => k);
}

function credentialFinding(keys: readonly string[], object: string, where: string): Finding[] {
  return keys.map((k) =>
    finding(
      "secret-literal",
      object,
      `${k} looks like a credential but goes into ${where} as plain text; keep it in a Secret.`,
    ),
  );
}

/** `kubectl run`: a bare pod; worth a Deployment when it is a long-lived app rather than a one-off. */
function reviewRun(p: Parsed, name: string): Finding[] {
  const object = `pod/${name}`;
  const image = p.flags.get("--image")?.[0] ?? "";
  const out = imageFindings([image], object);
  out.push(
    ...credentialFinding(
      literalCredentials([...(p.flags.get("--env") ?? []), ...(p.flags.get("-e") ?? [])]),
      object,
      "the pod spec",
    ),
  );
  const restart = p.flags.get("--restart")?.[0] ?? "Always";
  const interactive = ["-i", "-t", "-it", "-ti", "--stdin", "--tty", "--rm"].some((f) => p.flags.has(f));
  const hasCommand = p.command.length > 0 || p.words.length > 2;
  const served = p.flags.has("--port") || (!hasCommand && image !== "" && !isToolImage(image));
  if (restart === "Always" && !interactive && !p.flags.has("--dry-run") && served)
    out.unshift(
      finding(
        "deployment-not-pod",
        object,
        `kubectl run makes a bare Pod that nothing recreates if it fails; for an app you want kept up, use kubectl create deployment ${name} --image=${image}.`,
      ),
    );
  return out;
}

/**
 * Reviews a kubectl command line, split into words as a shell would (`kubectl` first, `k` too):
 * `kubectl run` of a long-lived app (suggest a Deployment), an untagged or `latest` image in
 * `run`, `create deployment|job|cronjob` or `set image`, and credentials given as literal values
 * in `run --env`, `set env` or `create configmap --from-literal`. Anything else gives [].
 */
export function reviewCommand(tokens: string[]): Finding[] {
  const [program, ...rest] = tokens;
  if (program !== "kubectl" && program !== "k") return [];
  const p = parse(rest);
  const [verb, sub, third] = p.words;
  if (verb === "run" && sub) return reviewRun(p, sub);
  if (
    verb === "create" &&
    (sub === "deployment" || sub === "deploy" || sub === "job" || sub === "cronjob") &&
    third
  ) {
    const kind = KIND_ALIASES[sub] ?? sub;
    return imageFindings(p.flags.get("--image") ?? [], `${kind}/${third}`);
  }
  if (verb === "create" && (sub === "configmap" || sub === "cm") && third)
    return credentialFinding(
      literalCredentials(p.flags.get("--from-literal") ?? []),
      `configmap/${third}`,
      "a ConfigMap",
    );
  if (verb === "set" && (sub === "image" || sub === "env") && third) {
    // "deployment/web c=img" or "deployment web c=img".
    const slash = third.indexOf("/");
    const kindWord = slash >= 0 ? third.slice(0, slash) : third;
    const kind = KIND_ALIASES[kindWord] ?? kindWord;
    const name = slash >= 0 ? third.slice(slash + 1) : (p.words[3] ?? "");
    const pairs = p.words.slice(slash >= 0 ? 3 : 4).filter((w) => w.includes("="));
    const object = `${kind}/${name}`;
    if (sub === "image")
      return imageFindings(
        pairs.map((w) => w.slice(w.indexOf("=") + 1)),
        object,
      );
    return credentialFinding(
      literalCredentials([...pairs, ...(p.flags.get("--env") ?? []), ...(p.flags.get("-e") ?? [])]),
      object,
      "the pod template",
    );
  }
  return [];
}
