// Tokenizer tests; the plain-ASCII expectations were checked against bash 5 (`printf '[%s]' …`).

import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize.ts";

const words = (line: string) => {
  const r = tokenize(line);
  if (!r.ok) throw new Error(r.error);
  return r.tokens;
};
const error = (line: string) => {
  const r = tokenize(line);
  return r.ok ? undefined : r.error;
};

describe("tokenize: POSIX quoting (same words as bash)", () => {
  it("splits on whitespace and joins adjacent quoted parts", () => {
    expect(words("  kubectl   get\tpods  ")).toEqual(["kubectl", "get", "pods"]);
    expect(
      words(
        `kubectl create secret generic s --from-literal=key='a b' --from-literal="x=\\"q\\" \\$HOME \\\\ \\a"`,
      ),
    ).toEqual([
      "kubectl",
      "create",
      "secret",
      "generic",
      "s",
      "--from-literal=key=a b",
      '--from-literal=x="q" $HOME \\ \\a',
    ]);
  });
  it("handles backslashes, empty quotes and line continuations", () => {
    expect(words("a\\ b 'c'\"d\"e \\'x\\' \"a\\\nb\" a\\\nb")).toEqual(["a b", "cde", "'x'", "ab", "ab"]);
    expect(words(`'' "" x''y`)).toEqual(["", "", "xy"]);
    expect(words(`"it's" 'say "hi"'`)).toEqual(["it's", 'say "hi"']);
    expect(words("a\\")).toEqual(["a\\"]);
    expect(words("kubectl run x --image=busybox -- sh -c 'echo $HOME; sleep 1'")).toEqual([
      "kubectl",
      "run",
      "x",
      "--image=busybox",
      "--",
      "sh",
      "-c",
      "echo $HOME; sleep 1",
    ]);
  });
  it("reports unterminated quotes with bash's wording", () => {
    expect(error("echo 'abc")).toBe("unexpected EOF while looking for matching `''");
    expect(error('echo "abc')).toBe("unexpected EOF while looking for matching `\"'");
    expect(error("echo ‘abc")).toBe("unexpected EOF while looking for matching `''");
  });
  it("returns no words for an empty line", () => {
    expect(words("")).toEqual([]);
    expect(words(" \t ")).toEqual([]);
  });
});

describe("tokenize: chat-client artefacts", () => {
  it("treats typographic quotes as quotes", () => {
    expect(words("kubectl get pods -l “app in (web, api)”")).toEqual([
      "kubectl",
      "get",
      "pods",
      "-l",
      "app in (web, api)",
    ]);
    expect(words("--from-literal=greeting=‘hello world’")).toEqual(["--from-literal=greeting=hello world"]);
  });
  it("keeps typographic quotes literal inside ASCII quotes", () => {
    expect(words(`'don’t' "say “hi”"`)).toEqual(["don’t", "say “hi”"]);
  });
  it("turns a leading em dash into -- and en dash into -", () => {
    expect(words("kubectl get pods —namespace dev –o wide")).toEqual([
      "kubectl",
      "get",
      "pods",
      "--namespace",
      "dev",
      "-o",
      "wide",
    ]);
    expect(words("kubectl exec web — env")).toEqual(["kubectl", "exec", "web", "--", "env"]);
    expect(words("a—b '—x'")).toEqual(["a—b", "—x"]);
  });
  it("accepts any Unicode in words", () => {
    expect(words("kubectl annotate pod p note=日本語🚀")).toEqual([
      "kubectl",
      "annotate",
      "pod",
      "p",
      "note=日本語🚀",
    ]);
  });
});

describe("tokenize: limits and control characters", () => {
  it("rejects NUL anywhere and control characters outside quotes", () => {
    expect(error("kubectl get\u0000pods")).toBe(
      "the command line contains a NUL character, which is not allowed",
    );
    expect(error("'a\u0000'")).toBe("the command line contains a NUL character, which is not allowed");
    expect(error("kubectl get pods\u0007")).toBe(
      "the command line contains a control character (U+0007) outside quotes",
    );
    expect(error("x\u009b")).toBe("the command line contains a control character (U+009B) outside quotes");
    expect(words("'a\u0007b'")).toEqual(["a\u0007b"]);
  });
  it("limits the line to 16 KiB (UTF-8 bytes) and 1,000 words", () => {
    expect(words("x".repeat(16 * 1024))).toHaveLength(1);
    expect(error("x".repeat(16 * 1024 + 1))).toBe("the command line is too long: the limit is 16 KiB");
    expect(error("é".repeat(8 * 1024 + 1))).toBe("the command line is too long: the limit is 16 KiB");
    expect(words(Array(1000).fill("a").join(" "))).toHaveLength(1000);
    expect(error(Array(1001).fill("a").join(" "))).toBe(
      "the command line has too many words: the limit is 1,000",
    );
  });
});
