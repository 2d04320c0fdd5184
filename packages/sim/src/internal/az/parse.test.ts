// Tests for az's argparse-style parsing and its error texts.

import { describe, expect, it } from "vitest";
import { AzError } from "./errors.ts";
import { ARG, type ArgSpec, parseArgs } from "./parse.ts";

const SPECS: ArgSpec[] = [
  ARG.group,
  ARG.name,
  { dest: "count", options: ["--node-count", "-c"], kind: "int" },
  { dest: "mode", options: ["--mode"], kind: "string", choices: ["System", "User"] },
  ARG.yes,
];
const parse = (line: string) => parseArgs("az aks create", SPECS, line.split(" ").filter(Boolean));
const failure = (line: string) => {
  try {
    parse(line);
  } catch (e) {
    if (e instanceof AzError) return { message: e.message, code: e.exitCode, rec: e.recommendations };
    throw e;
  }
  throw new Error("parsed");
};

describe("az argument parsing", () => {
  it("reads long, short, --opt=value and flag arguments", () => {
    expect(parse("-g rg --name=aks -c 3 --yes -o table")).toEqual({
      group: "rg",
      name: "aks",
      count: 3,
      yes: true,
      output: "table",
    });
  });

  it("accepts a unique prefix of a long option, as argparse does", () => {
    expect(parse("--resource rg -n a").group).toBe("rg");
  });

  it("names every missing required argument in registration order", () => {
    expect(failure("-c 3")).toEqual({
      message: "the following arguments are required: --resource-group/-g, --name/-n",
      code: 2,
      rec: [],
    });
  });

  it("reports leftovers after the required check", () => {
    expect(failure("-g rg -n a --foo bar").message).toBe("unrecognized arguments: --foo bar");
  });

  it("wants a value after an option", () => {
    expect(failure("-g rg -n").message).toBe("argument --name/-n: expected one argument");
  });

  it("refuses a non-integer count", () => {
    expect(failure("-g rg -n a -c three").message).toBe(
      "argument --node-count/-c: invalid int value: 'three'",
    );
  });

  it("matches choices case-insensitively and suggests the closest", () => {
    expect(parse("-g rg -n a --mode user").mode).toBe("User");
    expect(failure("-g rg -n a -o tabel")).toEqual({
      message: "az aks create: 'tabel' is not a valid value for '--output'.",
      code: 2,
      rec: ["Did you mean 'table' ?"],
    });
  });
});
