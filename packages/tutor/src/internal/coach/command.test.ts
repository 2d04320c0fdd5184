// Behaviour of the command review: what a typed kubectl line earns from the coach.

import { describe, expect, it } from "vitest";
import { tokenize } from "../checks/command.ts";
import { reviewCommand } from "./command.ts";

const review = (line: string) => reviewCommand(tokenize(line));
const rules = (line: string) => review(line).map((f) => `${f.rule} ${f.object}`);

describe("reviewCommand", () => {
  it("suggests a Deployment when kubectl run starts a long-lived app", () => {
    const [f] = review("kubectl run web --image=nginx:1.25");
    expect(f).toMatchObject({ rule: "deployment-not-pod", severity: "tip", object: "pod/web", lesson: 5 });
    expect(f?.message).toContain("kubectl create deployment web --image=nginx:1.25");
    expect(rules("k run web --image busybox:1.36 --port 8080")).toEqual(["deployment-not-pod pod/web"]);
  });

  it("leaves one-off, interactive and command pods alone", () => {
    for (const line of [
      'kubectl run crashy --image=busybox:1.36 -- sh -c "exit 1"',
      "kubectl run box --image=busybox:1.36",
      "kubectl run tmp --rm -it --image=nginx:1.25 -- bash",
      "kubectl run once --image=nginx:1.25 --restart=Never",
      "kubectl run web --image=nginx:1.25 --dry-run=client -o yaml",
      "kubectl run sleeper --image=nginx:1.25 sleep 3600",
    ])
      expect(rules(line), line).toEqual([]);
  });

  it("warns about untagged and latest images wherever an image is named", () => {
    const [f] = review("kubectl create deployment web --image=nginx");
    expect(f).toMatchObject({ rule: "image-tag", severity: "warning", object: "deployment/web", lesson: 11 });
    expect(rules("kubectl create deployment web --image=nginx:latest -n team")).toEqual([
      "image-tag deployment/web",
    ]);
    expect(rules("kubectl set image deployment/web nginx=nginx:latest")).toEqual([
      "image-tag deployment/web",
    ]);
    expect(rules("kubectl set image deploy web nginx=nginx")).toEqual(["image-tag deployment/web"]);
    expect(rules("kubectl create job pi --image=perl -- perl -e 1")).toEqual(["image-tag job/pi"]);
    expect(rules("kubectl set image deployment/web nginx=nginx:1.26")).toEqual([]);
    expect(rules("kubectl create deployment web --image=nginx:1.25 --replicas=3")).toEqual([]);
  });

  it("warns about credentials given as literal values, without repeating them", () => {
    const [f] = review("kubectl set env deployment/api DB_PASSWORD=hunter2 LOG_LEVEL=debug");
    expect(f).toMatchObject({
      rule: "secret-literal",
      severity: "warning",
      object: "deployment/api",
      lesson: 8,
    });
    expect(f?.message).not.toContain("hunter2");
    expect(rules("kubectl create configmap cfg --from-literal=api_token=abc --from-literal=mode=x")).toEqual([
      "secret-literal configmap/cfg",
    ]);
    expect(rules("kubectl run worker --image=busybox:1.36 --env=API_KEY=abc -- sleep 1")).toEqual([
      "secret-literal pod/worker",
    ]);
    expect(rules("kubectl create secret generic db --from-literal=password=hunter2")).toEqual([]);
    expect(rules("kubectl set env deployment/api --from=secret/db")).toEqual([]);
  });

  it("has nothing to say about reads, az, or an empty line", () => {
    expect(review("kubectl get pods -o wide")).toEqual([]);
    expect(review("az aks get-credentials -g rg -n aks")).toEqual([]);
    expect(reviewCommand([])).toEqual([]);
  });
});
