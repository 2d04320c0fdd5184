// Tests for the az front end as a whole: exit codes, login gating, and hostile input.

import { describe, expect, it } from "vitest";
import { Sim } from "../sim.ts";

describe("az front end", () => {
  it("asks for az login first, then answers", () => {
    const sim = Sim.create({ seed: 3 });
    expect(sim.exec("az aks list")).toMatchObject({
      stderr: "Please run 'az login' to setup account.\n",
      exitCode: 1,
    });
    sim.exec("az login");
    expect(sim.exec("az aks list --query [].name -o tsv")).toMatchObject({
      stdout: "bosun-aks\n",
      exitCode: 0,
    });
  });

  it("exits 2 for usage errors and 3 for missing resources, as azure-cli does", () => {
    const sim = Sim.create({ seed: 3 });
    sim.exec("az login");
    expect(sim.exec("az akss list").exitCode).toBe(2);
    expect(sim.exec("az aks show -g bosun-rg").exitCode).toBe(2);
    expect(sim.exec("az aks show -g bosun-rg -n nope").exitCode).toBe(3);
    expect(sim.exec("az aks delete -g bosun-rg -n bosun-aks").exitCode).toBe(1);
  });

  it("never throws, whatever follows az", () => {
    const sim = Sim.create({ seed: 3 });
    const words = [
      "aks",
      "nodepool",
      "add",
      "scale",
      "-g",
      "bosun-rg",
      "-n",
      "--name",
      "-c",
      "-1",
      "x",
      "--query",
      "[?",
      "{a:",
      "-o",
      "tsv",
      "--no-wait",
      "login",
      "group",
      "delete",
      "--yes",
      "bosun-aks",
      "--cluster-name",
      "get-credentials",
      "=",
      "--node-count=3",
    ];
    let seed = 1;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 400; i++) {
      const n = 1 + (next() % 7);
      const line = ["az", ...Array.from({ length: n }, () => words[next() % words.length])].join(" ");
      const r = sim.exec(line);
      expect(r.stderr).not.toMatch(/unexpected error|TypeError|undefined/);
    }
  });
});
