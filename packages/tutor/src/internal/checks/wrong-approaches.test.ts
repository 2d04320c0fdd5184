// Wrong approaches do not pass: each test does something close to a step's goal, but not it.

import { Sim } from "@bosun/sim";
import { describe, expect, it } from "vitest";
import { readContentDir } from "../content/fs.ts";
import { formatIssue, loadContent } from "../content/load.ts";
import { stepByRef } from "../content/lookup.ts";
import { runScript } from "../content/script.ts";
import { evaluate } from "./evaluate.ts";

const loaded = loadContent(readContentDir());
if (!loaded.ok) throw new Error(loaded.issues.map(formatIssue).join("\n"));
const content = loaded.content;

/** Runs `script` on a fresh cluster and evaluates the check of step `ref` afterwards. */
function attempt(ref: string, script: string[]) {
  const sim = Sim.create({ seed: 1, profile: "fast" });
  const run = runScript(sim, script);
  return evaluate(stepByRef(content, ref).step.check, sim, run.last ? { lastCommand: run.last } : {});
}

const webDeployment = (image: string, replicas = 3) => `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: ${image}
EOF`;

describe("wrong approaches", () => {
  it("a bare Pod does not pass 'create a Deployment'", () => {
    const r = attempt("deployments/apply-a-deployment", [
      "kubectl run web --image=nginx:1.25 --labels=app=web",
      "sleep 30s",
    ]);
    expect(r).toEqual({ pass: false, detail: "There is no Deployment named web in namespace default yet." });
  });

  it("three ready replicas of the wrong image do not pass 'update to nginx:1.25'", () => {
    const r = attempt("rolling-updates/set-image", [webDeployment("nginx:1.24", 5), "sleep 30s"]);
    expect(r.pass).toBe(false);
    expect(r.detail).toBe("api runs nginx:1.24, not nginx:1.25.");
    const three = attempt("rolling-updates/set-image", [webDeployment("nginx:1.23", 3), "sleep 30s"]);
    expect(three.pass).toBe(false);
  });

  it("a new image that is not rolled out yet does not pass 'update to nginx:1.25'", () => {
    const r = attempt("rolling-updates/set-image", [
      webDeployment("nginx:1.24", 5),
      "sleep 30s",
      "kubectl set image deployment/api api=nginx:1.25",
    ]);
    expect(r.pass).toBe(false);
  });

  it("a Service whose selector matches no pod does not pass 'ClusterIP in front of hello'", () => {
    const r = attempt("services/cluster-ip", [
      "kubectl create deployment hello --image=nginx:1.25 --replicas=3",
      `kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: hello
spec:
  selector:
    app: helo
  ports:
  - port: 80
EOF`,
      "sleep 30s",
    ]);
    expect(r).toEqual({ pass: false, detail: "Service hello selects app=helo, not app=hello." });
  });

  it("kubectl scale does not pass 'change it by re-applying the manifest'", () => {
    const r = attempt("deployments/change-by-reapplying", [
      "kubectl create deployment web --image=nginx:1.25 --replicas=3",
      "kubectl scale deployment web --replicas=5",
      "sleep 30s",
    ]);
    expect(r.pass).toBe(false);
    expect(r.detail).toBe("The last command was not `kubectl apply`.");
  });

  it("a ConfigMap with a wrong value does not pass", () => {
    const r = attempt("configmaps-and-secrets/a-configmap", [
      "kubectl create configmap app-config --from-literal=LOG_LEVEL=debug --from-literal=DATABASE_HOST=postgres.default.svc.cluster.local",
    ]);
    expect(r).toEqual({ pass: false, detail: "ConfigMap app-config has LOG_LEVEL, but not the value info." });
  });

  it("the password in a ConfigMap instead of a Secret does not pass", () => {
    const r = attempt("configmaps-and-secrets/a-secret", [
      "kubectl create configmap db-secret --from-literal=username=admin --from-literal=password=s3cr3t-pass",
    ]);
    expect(r).toEqual({ pass: false, detail: "There is no Secret db-secret in namespace default yet." });
  });

  it("a Deployment in the default namespace does not pass 'create it in sandbox'", () => {
    const r = attempt("kubectl-basics/work-in-a-namespace", [
      "kubectl create namespace sandbox",
      "kubectl create deployment tools --image=nginx:1.25",
      "sleep 30s",
    ]);
    expect(r).toEqual({
      pass: false,
      detail: "There is no Deployment named tools in namespace sandbox yet.",
    });
  });

  it("listing pods in one namespace does not pass 'list pods in every namespace'", () => {
    const r = attempt("kubectl-basics/everything-everywhere", ["kubectl get pods"]);
    expect(r.pass).toBe(false);
  });

  it("a command that fails does not pass a command step", () => {
    const r = attempt("kubectl-basics/describe-it", ["kubectl describe deployment tools -n sandbox"]);
    expect(r.pass).toBe(false);
    expect(r.detail).toMatch(/ran but failed \(exit code 1\)/);
  });

  it("kubectl scale does not pass 'autoscale between 1 and 10'", () => {
    const r = attempt("autoscaling/autoscale", [
      "kubectl create deployment php-apache --image=registry.k8s.io/hpa-example",
      "kubectl scale deployment php-apache --replicas=10",
    ]);
    expect(r).toEqual({
      pass: false,
      detail: "There is no HorizontalPodAutoscaler for php-apache in namespace default yet.",
    });
  });

  it("a pod that is still pulling does not pass 'wait until it is ready'", () => {
    const r = attempt("pods/write-a-pod", ["kubectl run web-pod --image=nginx:1.25-alpine --labels=app=web"]);
    expect(r.pass).toBe(false);
    expect(r.detail).toMatch(
      /^0 of 1 pod web-pod is ready, running nginx:1\.25-alpine; at least 1 should be \(now: /,
    );
  });
});
