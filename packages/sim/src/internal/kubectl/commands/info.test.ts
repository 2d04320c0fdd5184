// Tests for kubectl version, cluster-info, api-resources and config.

import { describe, expect, it } from "vitest";
import { Cluster } from "../../api/cluster.ts";
import { type Command, Output, reportError } from "../command.ts";
import { GLOBAL_FLAGS, parseFlags } from "../flags.ts";
import {
  aksServerUrl,
  apiResourcesCommand,
  clusterInfoCommand,
  configCommand,
  versionCommand,
} from "./info.ts";

function exec(cluster: Cluster, command: Command, argv: string[]) {
  const [first, ...rest] = argv;
  const sub = command.subcommands?.find((c) => c.name === first || c.aliases?.includes(first ?? ""));
  const target = sub ?? command;
  const path = sub ? `kubectl ${command.name} ${sub.name}` : `kubectl ${command.name}`;
  const out = new Output();
  const args = parseFlags(sub ? rest : argv, [...GLOBAL_FLAGS, ...(target.flags ?? [])], path);
  const ctx = { cluster, args, namespace: "default", explicitNamespace: false, stdin: undefined, out, path };
  let code: number;
  try {
    code = target.run?.(ctx) ?? 0;
  } catch (e) {
    reportError(out, e);
    code = 1;
  }
  return { code, stdout: out.stdout, stderr: out.stderr };
}

const cluster = () => Cluster.create({ seed: 1, profile: "fast" });

describe("kubectl version", () => {
  it("prints the short form, client only, json and yaml", () => {
    const c = cluster();
    expect(exec(c, versionCommand, []).stdout).toBe(
      "Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.4\n",
    );
    expect(exec(c, versionCommand, ["--client"]).stdout).toBe(
      "Client Version: v1.32.4\nKustomize Version: v5.5.0\n",
    );
    const json = JSON.parse(exec(c, versionCommand, ["-o", "json"]).stdout);
    expect(Object.keys(json)).toEqual(["clientVersion", "kustomizeVersion", "serverVersion"]);
    expect(Object.keys(json.clientVersion)).toEqual([
      "major",
      "minor",
      "gitVersion",
      "gitCommit",
      "gitTreeState",
      "buildDate",
      "goVersion",
      "compiler",
      "platform",
    ]);
    const yaml = exec(c, versionCommand, ["--client", "-o", "yaml"]).stdout;
    expect(yaml).toMatch(/^clientVersion:\n {2}buildDate: "2025-04-22T16:02:27Z"\n {2}compiler: gc\n/);
    expect(yaml).toMatch(
      / {2}major: "1"\n {2}minor: "32"\n {2}platform: linux\/amd64\nkustomizeVersion: v5\.5\.0\n\n$/,
    );
    expect(exec(c, versionCommand, ["-o", "wide"]).stderr).toBe("error: --output must be 'yaml' or 'json'\n");
  });
});

describe("kubectl cluster-info", () => {
  it("shows the AKS control plane, CoreDNS and metrics-server", () => {
    const c = cluster();
    const server = aksServerUrl(c.state.clusterId);
    expect(server).toMatch(/^https:\/\/bosun-aks-bosun-rg-000000-[a-z0-9]{8}\.hcp\.eastus\.azmk8s\.io:443$/);
    expect(exec(c, clusterInfoCommand, []).stdout).toBe(
      `Kubernetes control plane is running at ${server}\n` +
        `CoreDNS is running at ${server}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n` +
        `Metrics-server is running at ${server}/api/v1/namespaces/kube-system/services/https:metrics-server:/proxy\n` +
        "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
    expect(exec(c, clusterInfoCommand, ["dump"])).toMatchObject({ code: 1 });
  });
});

describe("kubectl api-resources", () => {
  it("lists resources with kubectl's columns and filters", () => {
    const c = cluster();
    const lines = exec(c, apiResourcesCommand, []).stdout.split("\n");
    expect(lines[0]).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$/);
    expect(lines).toContainEqual(expect.stringMatching(/^pods +po +v1 +true +Pod$/));
    expect(lines).toContainEqual(expect.stringMatching(/^deployments +deploy +apps\/v1 +true +Deployment$/));
    const wide = exec(c, apiResourcesCommand, ["-o", "wide"]).stdout.split("\n");
    expect(wide[0]).toMatch(/ VERBS +CATEGORIES$/);
    expect(wide).toContainEqual(
      expect.stringMatching(/^pods .* Pod +create,delete,deletecollection,get,list,patch,update,watch +all$/),
    );
    expect(wide).toContainEqual(
      expect.stringMatching(/^namespaces .* create,delete,get,list,patch,update,watch +$/),
    );
    const names = exec(c, apiResourcesCommand, ["-o", "name", "--api-group=apps"]).stdout;
    expect(names).toBe(
      "controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n",
    );
    const cluster_ = exec(c, apiResourcesCommand, ["--namespaced=false", "--no-headers"]).stdout;
    expect(cluster_).toMatch(/^componentstatuses +cs +v1 +false +ComponentStatus\n/);
    expect(exec(c, apiResourcesCommand, ["-o", "json"]).stderr).toBe(
      "error: --output json is not available\n",
    );
  });
});

describe("kubectl config", () => {
  it("shows, switches and modifies contexts", () => {
    const c = cluster();
    expect(exec(c, configCommand, ["current-context"]).stdout).toBe("bosun-aks\n");
    expect(exec(c, configCommand, ["get-contexts"]).stdout).toBe(
      "CURRENT   NAME        CLUSTER     AUTHINFO                         NAMESPACE\n" +
        "*         bosun-aks   bosun-aks   clusterUser_bosun-rg_bosun-aks   \n",
    );
    expect(exec(c, configCommand, ["set-context", "--current", "--namespace=dev"]).stdout).toBe(
      'Context "bosun-aks" modified.\n',
    );
    expect(c.state.kubeconfig.contexts[0]?.namespace).toBe("dev");
    expect(exec(c, configCommand, ["set-context", "lab", "--cluster=bosun-aks"]).stdout).toBe(
      'Context "lab" created.\n',
    );
    expect(exec(c, configCommand, ["use-context", "lab"]).stdout).toBe('Switched to context "lab".\n');
    expect(exec(c, configCommand, ["use", "nope"]).stderr).toBe(
      'error: no context exists with the name: "nope"\n',
    );
    expect(exec(c, configCommand, ["get-contexts", "-o", "name"]).stdout).toBe("bosun-aks\nlab\n");
    expect(exec(c, configCommand, ["get-contexts", "zz"]).stderr).toBe("error: context zz not found\n");
  });

  it("views the kubeconfig with secrets hidden", () => {
    const c = cluster();
    const server = aksServerUrl(c.state.clusterId);
    expect(exec(c, configCommand, ["view"]).stdout).toBe(
      [
        "apiVersion: v1",
        "clusters:",
        "- cluster:",
        "    certificate-authority-data: DATA+OMITTED",
        `    server: ${server}`,
        "  name: bosun-aks",
        "contexts:",
        "- context:",
        "    cluster: bosun-aks",
        "    user: clusterUser_bosun-rg_bosun-aks",
        "  name: bosun-aks",
        "current-context: bosun-aks",
        "kind: Config",
        "preferences: {}",
        "users:",
        "- name: clusterUser_bosun-rg_bosun-aks",
        "  user:",
        "    client-certificate-data: DATA+OMITTED",
        "    client-key-data: DATA+OMITTED",
        "    token: REDACTED",
        "",
      ].join("\n"),
    );
    const json = JSON.parse(exec(c, configCommand, ["view", "-o", "json"]).stdout);
    expect(Object.keys(json)).toEqual([
      "kind",
      "apiVersion",
      "preferences",
      "clusters",
      "users",
      "contexts",
      "current-context",
    ]);
    expect(exec(c, configCommand, ["view", "--raw"]).stdout).not.toContain("REDACTED");
  });
});
