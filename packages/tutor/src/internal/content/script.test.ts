// Solution items: single lines and heredocs, as a learner would paste them.

import { describe, expect, it } from "vitest";
import { parseScriptItem } from "./script.ts";

describe("parseScriptItem", () => {
  it("reads a single command line", () => {
    expect(parseScriptItem("kubectl get pods")).toEqual({ ok: true, command: { line: "kubectl get pods" } });
  });

  it("reads a heredoc into a command and its stdin", () => {
    expect(parseScriptItem("kubectl apply -f - <<EOF\nkind: Pod\nmetadata:\n  name: x\nEOF\n")).toEqual({
      ok: true,
      command: { line: "kubectl apply -f -", stdin: "kind: Pod\nmetadata:\n  name: x\n" },
    });
    expect(parseScriptItem("kubectl apply -f - <<'END'\nkind: Pod\nEND")).toEqual({
      ok: true,
      command: { line: "kubectl apply -f -", stdin: "kind: Pod\n" },
    });
  });

  it("rejects several lines that are not a heredoc, and a heredoc without its end", () => {
    expect(parseScriptItem("kubectl get pods\nkubectl get nodes")).toEqual({
      ok: false,
      error: "a multi-line item must be a heredoc (a first line ending in <<EOF)",
    });
    expect(parseScriptItem("kubectl apply -f - <<EOF\nkind: Pod\n")).toEqual({
      ok: false,
      error: 'the heredoc must end with a line "EOF"',
    });
  });
});
