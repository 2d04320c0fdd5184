// Every manifest from the kubernetes.io examples is taken as a real cluster would take it.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { Sim } from "@bosun/sim";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { SHARED_DIR } from "../support/paths.ts";

const CORPUS = SHARED_DIR ? join(SHARED_DIR, "corpus", "k8s-website-examples") : undefined;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.(ya?ml|json)$/.test(name)) out.push(p);
  }
  return out;
}

/**
 * Manifests a real API server rejects, with the reason. Each must be rejected here too, with the
 * given text in the error.
 */
const REJECTED: Record<string, string> = {
  // A template for sed: "$ITEM" is not a valid name until substituted.
  "application/job/job-tmpl.yaml": 'The Job "process-item-$ITEM" is invalid',
  // A server-side-apply fragment (replicas only): as a whole object it lacks selector and template.
  "application/ssa/nginx-deployment-replicas-only.yaml": "spec.selector: Required value",
  // spec.ipFamily was removed from the Service API in 1.20; strict decoding rejects it.
  "service/networking/dual-stack-ipv6-svc.yaml": 'strict decoding error: unknown field "spec.ipFamily"',
};

/** Namespaces a manifest expects to exist (the docs create them first). */
function namespacesOf(text: string): string[] {
  const out = new Set<string>();
  for (const doc of parseAllDocuments(text)) {
    const v = doc.toJS() as { metadata?: { namespace?: string } } | null;
    const ns = v?.metadata?.namespace;
    if (typeof ns === "string" && !["default", "kube-system", "kube-public", "kube-node-lease"].includes(ns))
      out.add(ns);
  }
  return [...out];
}

const files = CORPUS ? walk(CORPUS) : [];

describe.skipIf(!CORPUS)("the kubernetes.io example corpus", () => {
  it("has the files the corpus index lists", () => {
    expect(files.length).toBeGreaterThanOrEqual(217);
  });

  for (const file of files) {
    const rel = relative(CORPUS ?? "", file);
    it(`applies ${rel} as a real cluster would`, () => {
      const text = readFileSync(file, "utf8");
      const sim = Sim.create({ seed: 7, profile: "fast" });
      for (const ns of namespacesOf(text))
        expect(sim.exec(`kubectl create namespace ${ns}`).exitCode).toBe(0);
      const r = sim.exec("kubectl apply -f -", text);
      const lines = r.output.trim().split("\n");
      const expected = REJECTED[rel];
      if (expected) {
        expect(r.exitCode).toBe(1);
        expect(r.output).toContain(expected);
        return;
      }
      // Every kind in the corpus is simulated: nothing may come back "not supported yet".
      expect(r.output).not.toContain("not supported yet");
      for (const line of lines) expect(line).toMatch(/^[a-z0-9.]+\/[a-z0-9.-]+ created$/);
      // The cluster keeps running without errors once it holds the objects.
      sim.advance(120_000);
      for (const cmd of [
        "kubectl get all -A",
        "kubectl get events -A",
        "kubectl describe pods -A",
        "kubectl get nodes -o wide",
      ]) {
        const out = sim.exec(cmd);
        expect(out.stderr).not.toMatch(/internal error|TypeError|undefined|not supported yet/);
      }
    });
  }
});
