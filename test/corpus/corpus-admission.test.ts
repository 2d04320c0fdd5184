// The kubernetes.io quota and LimitRange walkthroughs, replayed in order: the outcomes the docs describe.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Sim } from "@bosun/sim";
import { describe, expect, it } from "vitest";
import { SHARED_DIR } from "../support/paths.ts";

const RESOURCE = SHARED_DIR
  ? join(SHARED_DIR, "corpus", "k8s-website-examples", "admin", "resource")
  : undefined;

/** A cluster with the walkthrough's namespace, and a way to apply its files into it. */
function walkthrough(ns: string) {
  const sim = Sim.create({ seed: 11, profile: "fast" });
  expect(sim.exec(`kubectl create namespace ${ns}`).exitCode).toBe(0);
  const apply = (file: string) =>
    sim.exec(`kubectl apply -n ${ns} -f -`, readFileSync(join(RESOURCE ?? "", file), "utf8"));
  const run = (cmd: string) => sim.exec(`${cmd} -n ${ns}`).output;
  return { sim, apply, run };
}

/** A container's resources from `kubectl get pod -o json`, as compact JSON. */
function resources(json: string, container: number): string {
  const pod = JSON.parse(json) as { spec: { containers: { resources: unknown }[] } };
  return JSON.stringify(pod.spec.containers[container]?.resources);
}

const forbidden = (what: string, why: string) =>
  `Error from server (Forbidden): error when creating "STDIN": ${what} is forbidden: ${why}`;

describe.skipIf(!RESOURCE)("the quota and limit range walkthroughs (admin/resource)", () => {
  it("quota-mem-cpu: the second pod exceeds requests.memory", () => {
    const { apply, run } = walkthrough("quota-mem-cpu-example");
    expect(apply("quota-mem-cpu.yaml").exitCode).toBe(0);
    expect(apply("quota-mem-cpu-pod.yaml").exitCode).toBe(0);
    const r = apply("quota-mem-cpu-pod-2.yaml");
    expect(r.exitCode).toBe(1);
    expect(r.output.trim()).toBe(
      forbidden(
        'pods "quota-mem-cpu-demo-2"',
        "exceeded quota: mem-cpu-demo, requested: requests.memory=700Mi, used: requests.memory=600Mi, limited: requests.memory=1Gi",
      ),
    );
    const yaml = run("kubectl get resourcequota mem-cpu-demo -o yaml");
    expect(yaml).toContain(
      "  used:\n    limits.cpu: 800m\n    limits.memory: 800Mi\n    requests.cpu: 400m\n    requests.memory: 600Mi\n",
    );
  });

  it("quota-mem-cpu: a pod without requests and limits is refused by name", () => {
    const { sim, apply } = walkthrough("quota-mem-cpu-example");
    apply("quota-mem-cpu.yaml");
    const r = sim.exec(
      "kubectl apply -n quota-mem-cpu-example -f -",
      readFileSync(join(RESOURCE ?? "", "cpu-defaults-pod.yaml"), "utf8"),
    );
    expect(r.output).toContain(
      'pods "default-cpu-demo" is forbidden: failed quota: mem-cpu-demo: must specify limits.cpu for: default-cpu-demo-ctr; limits.memory for: default-cpu-demo-ctr; requests.cpu for: default-cpu-demo-ctr; requests.memory for: default-cpu-demo-ctr',
    );
  });

  it("quota-pod: a Deployment of 3 gets 2 pods and FailedCreate for the third", () => {
    const { sim, apply, run } = walkthrough("quota-pod-example");
    apply("quota-pod.yaml");
    apply("quota-pod-deployment.yaml");
    sim.advance(30_000);
    const pods = run("kubectl get pods --no-headers").trim().split("\n");
    expect(pods).toHaveLength(2);
    expect(run("kubectl get events")).toMatch(
      /FailedCreate\s+replicaset\/pod-quota-demo-\w+\s+Error creating: pods "pod-quota-demo-\w+-\w{5}" is forbidden: exceeded quota: pod-demo, requested: pods=1, used: pods=2, limited: pods=2/,
    );
    expect(run("kubectl describe quota pod-demo")).toMatch(/pods\s+2\s+2/);
  });

  it("quota-objects: the second claim exceeds persistentvolumeclaims", () => {
    const { apply, run } = walkthrough("quota-object-example");
    apply("quota-objects.yaml");
    expect(apply("quota-objects-pvc.yaml").exitCode).toBe(0);
    expect(apply("quota-objects-pvc-2.yaml").output.trim()).toBe(
      forbidden(
        'persistentvolumeclaims "pvc-quota-demo-2"',
        "exceeded quota: object-quota-demo, requested: persistentvolumeclaims=1, used: persistentvolumeclaims=1, limited: persistentvolumeclaims=1",
      ),
    );
    expect(run("kubectl get resourcequota object-quota-demo -o yaml")).toContain(
      '  used:\n    persistentvolumeclaims: "1"\n    services.loadbalancers: "0"\n    services.nodeports: "0"\n',
    );
  });

  it("cpu-constraints: min and max per container, defaults from max", () => {
    const { apply, run } = walkthrough("constraints-cpu-example");
    apply("cpu-constraints.yaml");
    expect(run("kubectl get limitrange cpu-min-max-demo-lr -o yaml")).toContain(
      "  - default:\n      cpu: 800m\n    defaultRequest:\n      cpu: 800m\n    max:\n      cpu: 800m\n    min:\n      cpu: 200m\n    type: Container\n",
    );
    expect(apply("cpu-constraints-pod.yaml").exitCode).toBe(0);
    expect(apply("cpu-constraints-pod-2.yaml").output).toContain(
      forbidden(
        'pods "constraints-cpu-demo-2"',
        "maximum cpu usage per Container is 800m, but limit is 1500m",
      ),
    );
    expect(apply("cpu-constraints-pod-3.yaml").output).toContain(
      forbidden(
        'pods "constraints-cpu-demo-3"',
        "minimum cpu usage per Container is 200m, but request is 100m",
      ),
    );
    expect(apply("cpu-constraints-pod-4.yaml").exitCode).toBe(0);
    expect(run("kubectl get pod constraints-cpu-demo-4 -o yaml")).toContain(
      "    resources:\n      limits:\n        cpu: 800m\n      requests:\n        cpu: 800m\n",
    );
  });

  it("memory-constraints: min and max per container, defaults from max", () => {
    const { apply, run } = walkthrough("constraints-mem-example");
    apply("memory-constraints.yaml");
    expect(apply("memory-constraints-pod.yaml").exitCode).toBe(0);
    expect(apply("memory-constraints-pod-2.yaml").output).toContain(
      forbidden(
        'pods "constraints-mem-demo-2"',
        "maximum memory usage per Container is 1Gi, but limit is 1536Mi",
      ),
    );
    expect(apply("memory-constraints-pod-3.yaml").output).toContain(
      forbidden(
        'pods "constraints-mem-demo-3"',
        "minimum memory usage per Container is 500Mi, but request is 100Mi",
      ),
    );
    expect(apply("memory-constraints-pod-4.yaml").exitCode).toBe(0);
    expect(run("kubectl get pod constraints-mem-demo-4 -o yaml")).toContain(
      "    resources:\n      limits:\n        memory: 1Gi\n      requests:\n        memory: 1Gi\n",
    );
  });

  it("cpu-defaults: defaults fill in what a container leaves out", () => {
    const { apply, run } = walkthrough("default-cpu-example");
    apply("cpu-defaults.yaml");
    for (const f of ["cpu-defaults-pod.yaml", "cpu-defaults-pod-2.yaml", "cpu-defaults-pod-3.yaml"])
      expect(apply(f).exitCode).toBe(0);
    const res = (pod: string) => resources(run(`kubectl get pod ${pod} -o json`), 0);
    expect(res("default-cpu-demo")).toBe('{"limits":{"cpu":"1"},"requests":{"cpu":"500m"}}');
    expect(res("default-cpu-demo-2")).toBe('{"limits":{"cpu":"1"},"requests":{"cpu":"1"}}');
    expect(res("default-cpu-demo-3")).toBe('{"limits":{"cpu":"1"},"requests":{"cpu":"750m"}}');
  });

  it("memory-defaults: defaults fill in what a container leaves out", () => {
    const { apply, run } = walkthrough("default-mem-example");
    apply("memory-defaults.yaml");
    for (const f of ["memory-defaults-pod.yaml", "memory-defaults-pod-2.yaml", "memory-defaults-pod-3.yaml"])
      expect(apply(f).exitCode).toBe(0);
    const res = (pod: string) => resources(run(`kubectl get pod ${pod} -o json`), 0);
    expect(res("default-mem-demo")).toBe('{"limits":{"memory":"512Mi"},"requests":{"memory":"256Mi"}}');
    expect(res("default-mem-demo-2")).toBe('{"limits":{"memory":"1Gi"},"requests":{"memory":"1Gi"}}');
    expect(res("default-mem-demo-3")).toBe('{"limits":{"memory":"512Mi"},"requests":{"memory":"128Mi"}}');
  });

  it("storagelimits: claims below the min and above the max are refused", () => {
    const { apply } = walkthrough("storage-limits-example");
    apply("storagelimits.yaml");
    expect(apply("pvc-limit-lower.yaml").output).toContain(
      forbidden(
        'persistentvolumeclaims "pvc-limit-lower"',
        "minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi",
      ),
    );
    expect(apply("pvc-limit-greater.yaml").output).toContain(
      forbidden(
        'persistentvolumeclaims "pvc-limit-greater"',
        "maximum storage usage per PersistentVolumeClaim is 2Gi, but request is 5Gi",
      ),
    );
  });

  it("limit ranges per container and per pod: busybox1 fits, busybox2's sum does not", () => {
    const { apply, run } = walkthrough("limitrange-demo");
    apply("limit-mem-cpu-container.yaml");
    expect(apply("limit-range-pod-1.yaml").exitCode).toBe(0);
    expect(resources(run("kubectl get pod busybox1 -o json"), 3)).toBe(
      '{"limits":{"cpu":"700m","memory":"900Mi"},"requests":{"cpu":"110m","memory":"111Mi"}}',
    );
    apply("limit-mem-cpu-pod.yaml");
    expect(apply("limit-range-pod-2.yaml").output).toContain(
      forbidden(
        'pods "busybox2"',
        "[maximum cpu usage per Pod is 2, but limit is 2400m, maximum memory usage per Pod is 2Gi, but limit is 2200Mi]",
      ),
    );
  });

  it("limit-memory-ratio-pod: a limit three times the request is refused", () => {
    const { apply } = walkthrough("limitrange-ratio-demo");
    apply("limit-memory-ratio-pod.yaml");
    expect(apply("limit-range-pod-3.yaml").output).toContain(
      forbidden(
        'pods "busybox3"',
        "memory max limit to request ratio per Pod is 2, but provided ratio is 3.000000",
      ),
    );
  });
});
