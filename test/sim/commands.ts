// Random command generators shared by the property tests: kubectl lines and a few pseudo-commands.

import type { Sim } from "@bosun/sim";
import fc from "fast-check";

const names = fc.constantFrom("web", "api", "db");
const images = fc.constantFrom(
  "nginx:1.25",
  "nginx",
  "httpd:2.4",
  "redis:7",
  "busybox",
  "nginx:9.99",
  "doesnotexist/app:1",
);

/** One random line: kubectl writes and reads, sleeps, and pseudo-commands `run` understands. */
export const command = fc.oneof(
  fc
    .tuple(names, images, fc.integer({ min: 0, max: 6 }))
    .map(([n, i, r]) => `kubectl create deployment ${n} --image=${i} --replicas=${r}`),
  fc
    .tuple(names, fc.integer({ min: 0, max: 8 }))
    .map(([n, r]) => `kubectl scale deployment ${n} --replicas=${r}`),
  names.map((n) => `kubectl delete deployment ${n}`),
  names.map((n) => `kubectl expose deployment ${n} --port=80`),
  names.map((n) => `kubectl delete service ${n}`),
  fc.integer({ min: 0, max: 5 }).map((i) => `#delete-pod ${i}`),
  fc.constantFrom("sleep 1s", "sleep 5s", "sleep 30s", "sleep 2m"),
  fc.constantFrom(
    "kubectl get pods",
    "kubectl get all",
    "kubectl describe deploy",
    "kubectl get endpoints",
    "kubectl get events",
  ),
  names.map((n) => `kubectl create configmap ${n}-cfg --from-literal=a=b`),
  fc.tuple(names, fc.constantFrom("tier=x", "app-", "app=other")).map(([n, l]) => `#label-pod ${n} ${l}`),
  fc.constantFrom(
    "kubectl create namespace team",
    "kubectl delete namespace team",
    "kubectl create deployment web --image=nginx -n team",
  ),
);

/** Runs one generated line (`#delete-pod i`, `#label-pod name label` pick a pod by index first). */
export function run(sim: Sim, line: string): void {
  if (line.startsWith("#delete-pod")) {
    const pods = sim.exec("kubectl get pods -o name").stdout.trim().split("\n").filter(Boolean);
    const i = Number(line.split(" ")[1]);
    const pod = pods[i % Math.max(1, pods.length)];
    if (pod) sim.exec(`kubectl delete ${pod} --wait=false`);
    return;
  }
  if (line.startsWith("#label-pod")) {
    const [, , label] = line.split(" ");
    const pod = sim.exec("kubectl get pods -o name").stdout.trim().split("\n").filter(Boolean)[0];
    if (pod) sim.exec(`kubectl label ${pod} ${label} --overwrite`);
    return;
  }
  sim.exec(line);
}

/** Manifests the `#apply <name>` pseudo-command applies: quotas, limits, and pods and sets that need them. */
export const MANIFESTS: Record<string, string> = {
  "quota-2": 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\nspec:\n  hard:\n    pods: "2"\n',
  "quota-5": 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\nspec:\n  hard:\n    pods: "5"\n',
  "quota-cpu":
    "apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: cpu\nspec:\n  hard:\n    requests.cpu: 300m\n",
  "limits-low":
    "apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: lr\nspec:\n  limits:\n  - type: Container\n    max:\n      cpu: 100m\n    default:\n      cpu: 100m\n    defaultRequest:\n      cpu: 100m\n",
  "limits-high":
    'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: lr\nspec:\n  limits:\n  - type: Container\n    max:\n      cpu: "2"\n    default:\n      cpu: 200m\n    defaultRequest:\n      cpu: 200m\n',
  "needs-config":
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: needs-config\nspec:\n  containers:\n  - name: app\n    image: nginx:1.25\n    envFrom:\n    - configMapRef:\n        name: web-cfg\n",
  "needs-secret":
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: needs-secret\nspec:\n  containers:\n  - name: app\n    image: nginx:1.25\n    env:\n    - name: A\n      valueFrom:\n        secretKeyRef:\n          name: web-secret\n          key: a\n",
  "needs-claim":
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: needs-claim\nspec:\n  containers:\n  - name: app\n    image: nginx:1.25\n    volumeMounts:\n    - name: data\n      mountPath: /data\n  volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: data\n",
  claim:
    "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n",
  daemons:
    'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels:\n      app: agent\n  template:\n    metadata:\n      labels:\n        app: agent\n    spec:\n      containers:\n      - name: agent\n        image: busybox\n        command: [sleep, "3600"]\n',
  stateful:
    "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  replicas: 2\n  selector:\n    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n      - name: db\n        image: redis:7\n",
};

/**
 * Lines that move what controllers decide on besides their own objects: quotas and limits that
 * refuse pods and are then raised or removed, missing ConfigMaps, Secrets and claims created later,
 * nodes cordoned and uncordoned, and the jobs, DaemonSets and StatefulSets that create pods.
 */
export const inputCommand = fc.oneof(
  fc.constantFrom(...Object.keys(MANIFESTS)).map((m) => `#apply ${m}`),
  fc.constantFrom(
    "kubectl delete quota q",
    "kubectl delete quota cpu",
    "kubectl delete limitrange lr",
    "kubectl delete configmap web-cfg",
    "kubectl create secret generic web-secret --from-literal=a=b",
    "kubectl delete secret web-secret",
    "kubectl delete pvc data --wait=false",
    "kubectl delete pod needs-config needs-secret needs-claim --wait=false",
    "kubectl create job batch --image=busybox -- sleep 5",
    "kubectl delete job batch",
    "kubectl scale statefulset db --replicas=3",
    "kubectl delete daemonset agent",
    "kubectl set resources deployment web --requests=cpu=150m",
  ),
  fc.integer({ min: 0, max: 2 }).map((i) => `#node cordon ${i}`),
  fc.integer({ min: 0, max: 2 }).map((i) => `#node uncordon ${i}`),
  fc.integer({ min: 0, max: 2 }).map((i) => `#node taint ${i}`),
  fc.integer({ min: 0, max: 2 }).map((i) => `#node untaint ${i}`),
);

/** `run`, plus `#apply <manifest>` and `#node <op> <index>` from `inputCommand`. */
export function runInput(sim: Sim, line: string): { output: string } {
  if (line.startsWith("#apply ")) return sim.exec("kubectl apply -f -", MANIFESTS[line.slice(7)]);
  if (line.startsWith("#node ")) {
    const [, op, i] = line.split(" ");
    const nodes = sim.list("nodes").map((n) => n.metadata.name);
    const node = nodes[Number(i) % Math.max(1, nodes.length)] ?? "none";
    if (op === "taint") return sim.exec(`kubectl taint nodes ${node} dedicated=x:NoSchedule`);
    if (op === "untaint") return sim.exec(`kubectl taint nodes ${node} dedicated=x:NoSchedule-`);
    return sim.exec(`kubectl ${op} ${node}`);
  }
  if (line.startsWith("#")) {
    run(sim, line);
    return { output: "" };
  }
  return sim.exec(line);
}

/** Where two texts first differ, with some context, or undefined when they are equal. */
export function firstDifference(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 120);
  return `at ${i}:\n  kept open: …${a.slice(from, i + 120)}…\n  restored:  …${b.slice(from, i + 120)}…`;
}
