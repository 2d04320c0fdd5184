// kubectl exec tests: the simulated shell, cluster DNS and HTTP, and kubectl's own errors.

import { describe, expect, it } from "vitest";
import { Cluster } from "../../api/cluster.ts";
import { runKubectl } from "../dispatch.ts";
import { tokenize } from "./exec-shell.ts";

const k = (c: Cluster, line: string, stdin?: string) => {
  const r = runKubectl(c, line.match(/'[^']*'|\S+/g)?.map((w) => w.replace(/^'|'$/g, "")) ?? [], stdin);
  return { text: r.output.text, code: r.exitCode };
};

function cluster(): Cluster {
  const c = Cluster.create({ seed: 1, profile: "fast" });
  k(c, "create deployment web --image=nginx:1.27 --replicas=2");
  k(c, "expose deployment web --port=80");
  k(c, "run client --image=busybox:1.36 --env=GREETING=hi -- sleep 3600");
  c.advance(10_000);
  return c;
}

describe("kubectl exec", () => {
  it("prints the container's environment with service links and the kubelet's variables", () => {
    const c = cluster();
    const { text } = k(c, "exec client -- env");
    expect(text.split("\n").slice(0, 3)).toEqual([
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "HOSTNAME=client",
      "GREETING=hi",
    ]);
    expect(text).toMatch(/^WEB_SERVICE_HOST=10\.0\.\d+\.\d+$/m);
    expect(text).toContain("KUBERNETES_SERVICE_HOST=10.0.0.1\n");
    expect(text.endsWith("HOME=/root\n")).toBe(true);
  });

  it("fetches nginx's welcome page through a Service, and fails as wget does otherwise", () => {
    const c = cluster();
    expect(k(c, "exec client -- wget -qO- http://web.default").text).toContain(
      "<title>Welcome to nginx!</title>",
    );
    expect(k(c, "exec client -- wget -qO- http://nope")).toEqual({
      text: "wget: bad address 'nope'\ncommand terminated with exit code 1\n",
      code: 1,
    });
    k(c, "scale deployment web --replicas=0");
    c.advance(5_000);
    expect(k(c, "exec client -- wget -qO- web").text).toMatch(
      /^wget: can't connect to remote host \(10\.0\.\d+\.\d+\): Connection refused\n/,
    );
  });

  it("runs sh -c scripts with variables, && and ||, and reports unknown commands with 127", () => {
    const c = cluster();
    expect(k(c, "exec client -- sh -c 'echo $GREETING && false || echo fallback'").text).toBe(
      "hi\nfallback\n",
    );
    expect(k(c, "exec client -- sh -c 'env | grep GREETING'").text).toBe("GREETING=hi\n");
    expect(k(c, "exec client -- sh -c 'curl web'")).toEqual({
      text: "sh: curl: not found\ncommand terminated with exit code 127\n",
      code: 127,
    });
    expect(k(c, "exec deploy/web -- sh -c 'nope'").text).toBe(
      "sh: 1: nope: not found\ncommand terminated with exit code 127\n",
    );
    expect(k(c, "exec client -- bash").text).toMatch(
      /^error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown\n$/,
    );
  });

  it("refuses as kubectl does: missing command, old syntax, unknown pod, container not running", () => {
    const c = cluster();
    expect(k(c, "exec client").text).toBe("error: you must specify at least one command for the container\n");
    expect(k(c, "exec client ls").text).toMatch(/^error: exec \[POD\] \[COMMAND\] is not supported anymore/);
    expect(k(c, "exec nope -- ls").text).toBe('Error from server (NotFound): pods "nope" not found\n');
    k(c, "run db --image=postgres:16");
    c.advance(30_000);
    expect(k(c, "exec db -- ls").text).toBe(
      'error: unable to upgrade connection: container not found ("db")\n',
    );
  });

  it("expands only outside single quotes", () => {
    const env = new Map([["A", "1"]]);
    expect(tokenize(`echo "$A" '$A' \${A}x`, env)).toEqual([
      { word: "echo" },
      { word: "1" },
      { word: "$A" },
      { word: "1x" },
    ]);
  });
});
