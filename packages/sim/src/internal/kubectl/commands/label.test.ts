// Tests for kubectl label and annotate against a simulated cluster.

import { describe, expect, it } from "vitest";
import { Cluster } from "../../api/cluster.ts";
import { createFromManifest } from "../../api/operations.ts";
import { findResource } from "../../api/resources.ts";
import { type Command, Output, reportError } from "../command.ts";
import { GLOBAL_FLAGS, parseFlags } from "../flags.ts";
import {
  annotateCommand,
  labelChangeMessage,
  labelCommand,
  parseLabelPairs,
  splitResourcesAndPairs,
} from "./label.ts";

function exec(cluster: Cluster, command: Command, argv: string[]) {
  const out = new Output();
  const path = `kubectl ${command.name}`;
  const args = parseFlags(argv, [...GLOBAL_FLAGS, ...(command.flags ?? [])], path);
  const ctx = { cluster, args, namespace: "default", explicitNamespace: false, stdin: undefined, out, path };
  let code: number;
  try {
    code = command.run?.(ctx) ?? 0;
  } catch (e) {
    reportError(out, e);
    code = 1;
  }
  return { code, stdout: out.stdout, stderr: out.stderr };
}

function setup() {
  const cluster = Cluster.create({ seed: 1, profile: "fast" });
  const pods = findResource("pods");
  const deploy = findResource("deployments");
  if (!pods || !deploy) throw new Error("registry");
  for (const name of ["a", "b"]) {
    const manifest = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, labels: { app: "web" } },
      spec: { containers: [{ name: "c", image: "nginx" }] },
    };
    createFromManifest(cluster, pods, manifest, "default");
  }
  const template = {
    metadata: { labels: { app: "shop" } },
    spec: { containers: [{ name: "c", image: "nginx" }] },
  };
  const spec = { replicas: 2, selector: { matchLabels: { app: "shop" } }, template };
  createFromManifest(
    cluster,
    deploy,
    { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "shop" }, spec },
    "default",
  );
  cluster.advance(60_000);
  return cluster;
}

describe("label argument parsing", () => {
  it("splits resources from pairs and rejects resources after a pair", () => {
    expect(splitResourcesAndPairs(["pod", "a", "x=y", "z-"], "label")).toEqual({
      resources: ["pod", "a"],
      pairs: ["x=y", "z-"],
    });
    expect(() => splitResourcesAndPairs(["pod", "a", "x=y", "b"], "label")).toThrow(
      "all resources must be specified before label changes: b",
    );
  });

  it("validates label values like kubectl", () => {
    expect(() => parseLabelPairs(["a=b=c"])).toThrow("error: invalid label spec: a=b=c");
    expect(() => parseLabelPairs(["a=b c"])).toThrow(
      'error: invalid label value: "a=b c": a valid label must be an empty string',
    );
    expect(() => parseLabelPairs(["a=b", "a-"])).toThrow(
      "can not both modify and remove a label in the same command",
    );
  });

  it("words the change as kubectl 1.32 does", () => {
    expect(labelChangeMessage({ app: "web" }, { app: "web" }, false)).toBe("not labeled");
    expect(labelChangeMessage({ app: "web" }, { app: "web", tier: "fe" }, false)).toBe("labeled");
    expect(labelChangeMessage({ app: "web" }, {}, false)).toBe("unlabeled");
    expect(labelChangeMessage({ app: "web" }, {}, true)).toBe("labeled");
    expect(labelChangeMessage({ app: "web" }, { tier: "x" }, false)).toBe("unlabeled");
    expect(labelChangeMessage(undefined, {}, false)).toBe("labeled");
  });
});

describe("kubectl label", () => {
  it("adds, refuses to overwrite, overwrites and removes", () => {
    const cluster = setup();
    expect(exec(cluster, labelCommand, ["pod", "a", "tier=fe"]).stdout).toBe("pod/a labeled\n");
    expect(cluster.store.get("pods", "default", "a")?.metadata.labels).toEqual({ app: "web", tier: "fe" });
    const clash = exec(cluster, labelCommand, ["pod", "a", "tier=be"]);
    expect(clash).toMatchObject({
      code: 1,
      stderr: "error: 'tier' already has a value (fe), and --overwrite is false\n",
    });
    expect(exec(cluster, labelCommand, ["pod", "a", "tier=fe"]).stdout).toBe("pod/a not labeled\n");
    expect(exec(cluster, labelCommand, ["pod", "a", "tier=be", "--overwrite"]).stdout).toBe(
      "pod/a labeled\n",
    );
    expect(exec(cluster, labelCommand, ["pod/a", "tier-"]).stdout).toBe("pod/a unlabeled\n");
    expect(exec(cluster, labelCommand, ["pod", "a", "nope-"]).stdout).toBe(
      'label "nope" not found.\npod/a not labeled\n',
    );
  });

  it("prints errors per object, one per line when there are several", () => {
    const cluster = setup();
    const r = exec(cluster, labelCommand, ["pods", "a", "b", "missing", "app=api"]);
    expect(r.stderr).toBe(
      "'app' already has a value (web), and --overwrite is false\n'app' already has a value (web), and --overwrite is false\nError from server (NotFound): pods \"missing\" not found\n",
    );
    expect(exec(cluster, labelCommand, ["pods", "missing", "x=y"]).stderr).toBe(
      'Error from server (NotFound): pods "missing" not found\n',
    );
  });

  it("checks arguments in kubectl's order", () => {
    const cluster = setup();
    expect(exec(cluster, labelCommand, ["pod", "a"]).stderr).toBe(
      "error: at least one label update is required\n",
    );
    expect(exec(cluster, labelCommand, ["x=y"]).stderr).toBe(
      "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n",
    );
    expect(exec(cluster, labelCommand, ["pods", "x=y"]).stderr).toBe(
      "error: resource(s) were provided, but no name was specified\n",
    );
    expect(exec(cluster, labelCommand, ["foo", "a", "x=y"]).stderr).toBe(
      'error: the server doesn\'t have a resource type "foo"\n',
    );
  });

  it("rejects invalid keys as the API server does", () => {
    const cluster = setup();
    const r = exec(cluster, labelCommand, ["pod", "a", "bad_=x"]);
    expect(r.stderr).toMatch(
      /^The Pod "a" is invalid: metadata\.labels: Invalid value: "bad_": name part must consist of/,
    );
  });

  it("lists, selects and dry-runs", () => {
    const cluster = setup();
    expect(exec(cluster, labelCommand, ["pod", "a", "--list"]).stdout).toBe("app=web\n");
    expect(exec(cluster, labelCommand, ["pods", "a", "b", "--list"]).stdout).toBe(
      "Listing labels for Pod./a:\n app=web\nListing labels for Pod./b:\n app=web\n",
    );
    expect(exec(cluster, labelCommand, ["pods", "-l", "app=web", "x=y", "--dry-run=client"]).stdout).toBe(
      "pod/a labeled (dry run)\npod/b labeled (dry run)\n",
    );
    expect(cluster.store.get("pods", "default", "a")?.metadata.labels).toEqual({ app: "web" });
    expect(exec(cluster, labelCommand, ["pod", "a", "x=y", "-o", "name"]).stdout).toBe("pod/a\n");
  });

  // Real Kubernetes releases the relabelled pod and creates a replacement; Bosun's ReplicaSet controller
  // still counts pods by owner reference, so this waits for that controller to follow the selector.
  it("takes a pod out of its ReplicaSet, which makes a replacement", () => {
    const cluster = setup();
    const shop = cluster.store.list("pods", "default").filter((p) => p.metadata.labels?.app === "shop");
    expect(shop).toHaveLength(2);
    const name = shop[0]?.metadata.name ?? "";
    expect(exec(cluster, labelCommand, ["pod", name, "app=debug", "--overwrite"]).stdout).toBe(
      `pod/${name} labeled\n`,
    );
    cluster.advance(30_000);
    const after = cluster.store.list("pods", "default");
    expect(after.filter((p) => p.metadata.labels?.app === "shop")).toHaveLength(2);
    expect(after.find((p) => p.metadata.name === name)?.metadata.labels?.app).toBe("debug");
  });
});

describe("kubectl annotate", () => {
  it("annotates, refuses to overwrite and removes", () => {
    const cluster = setup();
    expect(exec(cluster, annotateCommand, ["pod", "a", "note=hello world"]).stdout).toBe("pod/a annotated\n");
    expect(exec(cluster, annotateCommand, ["pod", "a", "note=x"]).stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hello world)\n",
    );
    expect(exec(cluster, annotateCommand, ["pod", "a", "note-"]).stdout).toBe("pod/a annotated\n");
    expect(cluster.store.get("pods", "default", "a")?.metadata.annotations).toBeUndefined();
    expect(exec(cluster, annotateCommand, ["pod", "a", "x=1", "x-"]).stderr).toBe(
      "error: can not both modify and remove the following annotation(s) in the same command: x\n",
    );
  });
});
