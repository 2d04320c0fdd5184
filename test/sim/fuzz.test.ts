// Hostile input: every case gets a clear error within the sandbox's limits, never a crash or a hang.

import { Sim } from "@bosun/sim";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

function apply(yaml: string) {
  return Sim.create({ seed: 1, profile: "fast" }).exec("kubectl apply -f -", yaml);
}

describe("hostile input", () => {
  it("rejects a huge command line", () => {
    const r = Sim.create().exec(`kubectl get pods ${"x".repeat(20_000)}`);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain("too long");
  });

  it("rejects binary bytes on the command line", () => {
    const r = Sim.create().exec("kubectl get pods \u0000\u0001\u0002");
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/NUL|control character/);
  });

  it("rejects deeply nested YAML", () => {
    const r = apply(`${"[".repeat(5000)}${"]".repeat(5000)}`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("nested more than 64 levels");
  });

  it("rejects deeply indented block YAML", () => {
    let doc = "";
    for (let i = 0; i < 200; i++) doc += `${"  ".repeat(i)}k${i}:\n`;
    const r = apply(
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n${doc.replace(/^/gm, "  ")}  end: x\n`,
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/nested more than 64 levels|error/);
  });

  it("stops a YAML alias bomb", () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(",")}]`,
      );
    const r = apply(`${bomb.join("\n")}\n`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: /);
  });

  it("refuses thousands of documents", () => {
    const docs = Array.from(
      { length: 5000 },
      (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`,
    ).join("---\n");
    const r = apply(docs);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/KiB|documents/);
  });

  it("refuses an oversized manifest", () => {
    const r = apply(
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  a: "${"x".repeat(300_000)}"\n`,
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("limited to 256 KiB");
  });

  it("answers random command lines without throwing", () => {
    const sim = Sim.create({ seed: 3, profile: "fast" });
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: "binary" }), (s) => {
        const r = sim.exec(`kubectl ${s}`);
        expect(typeof r.output).toBe("string");
      }),
      { numRuns: 400 },
    );
  });

  it("answers random manifests without throwing", () => {
    const sim = Sim.create({ seed: 4, profile: "fast" });
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: "small" },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("v"), { maxLength: 3 }),
        fc.dictionary(fc.string({ maxLength: 8 }), tie("v"), { maxKeys: 4 }),
      ),
    })).v;
    const manifest = fc.record({
      apiVersion: fc.constantFrom("v1", "apps/v1", "batch/v1", "foo/v9", ""),
      kind: fc.constantFrom(
        "Pod",
        "Deployment",
        "Service",
        "ConfigMap",
        "Secret",
        "Namespace",
        "Job",
        "Nope",
      ),
      metadata: fc.oneof(fc.record({ name: fc.string({ maxLength: 20 }) }), value),
      spec: value,
    });
    fc.assert(
      fc.property(manifest, (m) => {
        const r = sim.exec("kubectl apply -f -", JSON.stringify(m));
        expect(r.output).not.toMatch(/TypeError|ReferenceError|at .*\.ts:\d+/);
      }),
      { numRuns: 300 },
    );
  });
});
