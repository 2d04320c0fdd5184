// Tests for kubectl explain: layout (checked against kubectl 1.32 rendering the same schema) and data.

import { describe, expect, it } from "vitest";
import { Cluster } from "../../api/cluster.ts";
import { RESOURCES } from "../../api/resources.ts";
import { type Command, Output, reportError } from "../command.ts";
import { GLOBAL_FLAGS, parseFlags } from "../flags.ts";
import { EXPLAIN_TYPES, explainCommand, parseField, wrap } from "./explain.ts";

function exec(command: Command, argv: string[]) {
  const out = new Output();
  const path = `kubectl ${command.name}`;
  const args = parseFlags(argv, [...GLOBAL_FLAGS, ...(command.flags ?? [])], path);
  const cluster = Cluster.create({ seed: 1, profile: "fast" });
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

const explain = (...argv: string[]) => exec(explainCommand, argv);

describe("kubectl explain layout", () => {
  it("prints a field with its type's description and fields", () => {
    expect(explain("deployment.spec.strategy").stdout).toBe(
      [
        "GROUP:      apps",
        "KIND:       Deployment",
        "VERSION:    v1",
        "",
        "FIELD: strategy <DeploymentStrategy>",
        "",
        "",
        "DESCRIPTION:",
        "    How old pods are replaced by new ones.",
        "    How a Deployment replaces old pods with new ones.",
        "    ",
        "FIELDS:",
        "  rollingUpdate\t<RollingUpdateDeployment>",
        "    Limits for a rolling update. Only with type RollingUpdate.",
        "",
        "  type\t<string>",
        "  enum: Recreate, RollingUpdate",
        "    Recreate stops all old pods first; RollingUpdate swaps a few at a time.",
        "",
        "",
        "",
      ].join("\n"),
    );
  });

  it("lists an enum field's values and a kind's top-level fields", () => {
    const restart = explain("po.spec.restartPolicy").stdout;
    expect(restart).toMatch(
      /^KIND: {7}Pod\nVERSION: {4}v1\n\nFIELD: restartPolicy <string>\nENUM:\n {4}Always\n {4}Never\n {4}OnFailure\n\nDESCRIPTION:\n/,
    );
    const pods = explain("pods").stdout;
    expect(pods).toMatch(/^KIND: {7}Pod\nVERSION: {4}v1\n\nDESCRIPTION:\n {4}A pod is /);
    expect(pods).toContain("\nFIELDS:\n  apiVersion\t<string>\n");
    expect(pods).toContain("  metadata\t<ObjectMeta>\n");
    expect(pods).toContain("  spec\t<PodSpec>\n");
    expect(explain("pods.spec").stdout).toContain("  containers\t<[]Container> -required-\n");
    expect(explain("pods.spec.containers.resources").stdout).toContain("  limits\t<map[string]Quantity>\n");
  });

  it("prints names only with --recursive, nested by two spaces", () => {
    const out = explain("deploy.spec.strategy", "--recursive").stdout;
    expect(out.slice(out.indexOf("FIELDS:"))).toBe(
      "FIELDS:\n  rollingUpdate\t<RollingUpdateDeployment>\n    maxSurge\t<IntOrString>\n    maxUnavailable\t<IntOrString>\n  type\t<string>\n  enum: Recreate, RollingUpdate\n\n",
    );
  });

  it("wraps like go-wordwrap", () => {
    expect(wrap("aaa bbb ccc", 7)).toBe("aaa bbb\nccc");
    expect(wrap("one\ntwo three", 5)).toBe("one\ntwo\nthree");
  });

  it("reports unknown resources and fields as kubectl does", () => {
    expect(explain("foo")).toMatchObject({
      code: 1,
      stdout: "",
      stderr: 'the server doesn\'t have a resource type "foo"\n',
    });
    expect(explain("pods.spec.foo.bar")).toMatchObject({
      code: 1,
      stdout: "KIND:       Pod\nVERSION:    v1\n\n",
      stderr: 'error: field "bar" does not exist\n',
    });
    expect(explain().stderr).toBe(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
    expect(explain("pods", "svc").stderr).toBe("error: We accept only this format: explain RESOURCE\n");
    expect(explain("pods", "-o", "yaml").stderr).toBe("error: unrecognized format: yaml\n");
    expect(explain("pods", "--api-version=apps/v1").stderr).toBe(
      'error: couldn\'t find resource for "apps/v1, Resource=pods"\n',
    );
  });
});

describe("kubectl explain data", () => {
  it("describes every kind the API serves", () => {
    for (const r of RESOURCES) expect(EXPLAIN_TYPES[r.kind]?.desc, r.kind).toBeTruthy();
  });

  it("parses every field and refers only to types that have descriptions or are external", () => {
    for (const [name, def] of Object.entries(EXPLAIN_TYPES)) {
      expect(def.desc.length, name).toBeGreaterThan(10);
      for (const [field, spec] of Object.entries(def.fields ?? {})) {
        const f = parseField(spec);
        expect(f.desc.length, `${name}.${field}`).toBeGreaterThan(3);
        expect(f.type, `${name}.${field}`).toMatch(/^(\[\]|map\[string\])*[A-Za-z]+$/);
      }
    }
  });

  it("covers the fields lessons use", () => {
    const paths = [
      "pods.spec.containers.livenessProbe.httpGet.port",
      "pods.spec.containers.envFrom.configMapRef",
      "pods.spec.volumes.persistentVolumeClaim.claimName",
      "deploy.spec.strategy.rollingUpdate.maxSurge",
      "deploy.spec.progressDeadlineSeconds",
      "svc.spec.ports.nodePort",
      "svc.spec.externalName",
      "hpa.spec.metrics.resource.target.averageUtilization",
      "hpa.spec.behavior.scaleDown.stabilizationWindowSeconds",
      "cj.spec.jobTemplate.spec.template",
      "ing.spec.rules.http.paths.backend.service.port.number",
      "pvc.spec.resources.requests",
      "quota.spec.hard",
      "limits.spec.limits.defaultRequest",
      "secret.stringData",
      "cm.data",
      "ns.status.phase",
    ];
    for (const p of paths) expect(explain(p).code, p).toBe(0);
  });
});
