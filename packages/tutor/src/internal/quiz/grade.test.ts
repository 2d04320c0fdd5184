// Grading tables: the spellings of an answer that count, and the ones that do not, for every kind.

import { describe, expect, it } from "vitest";
import type { QuizQuestion } from "../content/schema.ts";
import { gradeAnswer, isAnswerShaped, rightAnswerText } from "./grade.ts";

const choice: QuizQuestion = {
  id: "what-spreads-requests",
  concepts: ["load-balancing"],
  lesson: 7,
  kind: "choice",
  prompt: "In Kubernetes, what spreads requests over the several copies of an app?",
  choices: ["A Deployment", "A Service", "A ConfigMap", "A Namespace"],
  answer: 1,
  explanation: "A Service forwards each connection to one of the ready pods.",
};

const numeric: QuizQuestion = {
  ...choice,
  id: "hpa-numbers",
  prompt: "How many replicas?",
  choices: ["2", "3", "4", "10"],
  answer: 2,
};

const truefalse: QuizQuestion = {
  id: "self-healing",
  concepts: ["self-healing"],
  lesson: 1,
  kind: "truefalse",
  prompt: "Kubernetes replaces a pod that dies.",
  answer: true,
  explanation: "Controllers replace what is missing.",
};

const command = (answer: string[]): QuizQuestion => ({
  id: "cmd",
  concepts: ["kubectl"],
  lesson: 3,
  kind: "command",
  prompt: "Type the command.",
  answer,
  explanation: "Because.",
});

describe("gradeAnswer for a choice question", () => {
  it.each([
    "b",
    "B",
    "2",
    "b)",
    "(b)",
    "b.",
    " B ",
    "A Service",
    "a service",
    "  a   SERVICE. ",
    "b) A Service",
  ])("accepts %j", (answer) => {
    expect(gradeAnswer(choice, answer)).toEqual({ correct: true, normalized: "b" });
  });

  it.each([
    ["a", "a"],
    ["1", "a"],
    ["A Deployment", "a"],
    ["d", "d"],
    ["4", "d"],
  ])("rejects %j as choice %s", (answer, normalized) => {
    expect(gradeAnswer(choice, answer)).toEqual({ correct: false, normalized });
  });

  it.each(["e", "5", "0", "", "service", "b) A Deployment", "bb"])(
    "rejects %j, which names no choice",
    (answer) => {
      expect(gradeAnswer(choice, answer).correct).toBe(false);
      expect(isAnswerShaped(choice, answer)).toBe(false);
    },
  );

  it("reads a number as a choice's text when the choices are numbers", () => {
    expect(gradeAnswer(numeric, "4")).toEqual({ correct: true, normalized: "c" });
    expect(gradeAnswer(numeric, "c")).toEqual({ correct: true, normalized: "c" });
    expect(gradeAnswer(numeric, "3")).toEqual({ correct: false, normalized: "b" });
  });
});

describe("gradeAnswer for a true/false question", () => {
  it.each(["true", "True", "TRUE", "t", "T", "yes", "Yes", "y", "true."])("accepts %j", (answer) => {
    expect(gradeAnswer(truefalse, answer)).toEqual({ correct: true, normalized: "true" });
  });

  it.each(["false", "F", "no", "N", "No!"])("rejects %j", (answer) => {
    expect(gradeAnswer(truefalse, answer)).toEqual({ correct: false, normalized: "false" });
  });

  it.each(["maybe", "", "a", "1"])("rejects %j, which is neither", (answer) => {
    expect(gradeAnswer(truefalse, answer).correct).toBe(false);
    expect(isAnswerShaped(truefalse, answer)).toBe(false);
  });
});

describe("gradeAnswer for a command question", () => {
  const table: [accepted: string[], yes: string[], no: string[]][] = [
    [
      ["kubectl get pods --all-namespaces"],
      [
        "kubectl get pods -A",
        "k get po -A",
        "kubectl get pod --all-namespaces=true",
        "kubectl   get   pods   -A",
        "kubectl -A get pods",
        "`kubectl get pods -A`",
        "$ kubectl get pods -A",
        "kubectl get Pods -A",
      ],
      [
        "kubectl get pods",
        "kubectl get svc -A",
        "get pods -A",
        "kubectl get pods -n default",
        "kubectl get pods -a",
      ],
    ],
    [
      ["kubectl scale deployment api --replicas=5"],
      [
        "kubectl scale deploy api --replicas 5",
        "kubectl scale deploy/api --replicas=5",
        "kubectl scale --replicas=5 deployments/api",
        "k scale --replicas 5 deployment api",
        "kubectl scale deployments.apps api --replicas=5",
        'kubectl scale deployment api --replicas="5"',
        "kubectl scale deployment api '--replicas=5'",
      ],
      [
        "kubectl scale deployment api --replicas=6",
        "kubectl scale deployment web --replicas=5",
        "kubectl scale rs api --replicas=5",
        "kubectl scale deployment api",
      ],
    ],
    [
      ["kubectl expose deployment web --type=NodePort --port=80"],
      [
        "kubectl expose deploy web --port 80 --type NodePort",
        "kubectl expose deployment/web --port=80 --type=NodePort",
        "kubectl expose --port=80 deploy/web --type=NodePort",
      ],
      ["kubectl expose deployment web --type=nodeport --port=80", "kubectl expose deployment web --port=80"],
    ],
    [
      ["kubectl logs -f deployment/api"],
      [
        "kubectl logs deploy/api -f",
        "kubectl logs --follow deployment/api",
        "k logs deploy/api --follow=true",
      ],
      ["kubectl logs deployment/api", "kubectl logs -p deployment/api", "kubectl logs -f deployment/web"],
    ],
    [
      ["kubectl logs web-pod"],
      ["kubectl logs pod/web-pod", "kubectl logs po/web-pod", "kubectl logs pods/web-pod"],
      ["kubectl logs deployment/web-pod", "kubectl logs web"],
    ],
    [
      ["kubectl exec -it web-pod -- /bin/sh"],
      [
        "kubectl exec -ti web-pod -- /bin/sh",
        "kubectl exec web-pod -i -t -- /bin/sh",
        "k exec -it pod/web-pod -- /bin/sh",
      ],
      [
        "kubectl exec -it web-pod -- /bin/bash",
        "kubectl exec -i web-pod -- /bin/sh",
        "kubectl exec -it web-pod /bin/sh",
      ],
    ],
    [
      ["kubectl rollout restart deployment/django-api -n scm-app"],
      [
        "kubectl -n scm-app rollout restart deploy django-api",
        "kubectl rollout restart deployment django-api --namespace scm-app",
        "kubectl rollout restart deploy/django-api --namespace=scm-app",
        "kubectl rollout restart deploy/django-api -nscm-app",
      ],
      [
        "kubectl rollout restart deployment/django-api",
        "kubectl rollout status deployment/django-api -n scm-app",
      ],
    ],
    [
      ["kubectl create secret generic db-secret --from-literal=password=s3cret"],
      [
        "kubectl create secret generic db-secret --from-literal password=s3cret",
        'kubectl create secret generic db-secret --from-literal="password=s3cret"',
        "kubectl create secret generic db-secret --from-literal 'password=s3cret'",
      ],
      ["kubectl create secret generic db-secret --from-literal=password=S3CRET"],
    ],
    [
      ["kubectl explain deployment.spec.replicas"],
      ["kubectl explain deploy.spec.replicas", "kubectl explain deployments.spec.replicas"],
      ["kubectl explain deployment.spec", "kubectl explain pod.spec.replicas"],
    ],
    [
      ["kubectl apply -f deployment.yaml"],
      [
        "kubectl apply --filename deployment.yaml",
        "kubectl apply -f ./deployment.yaml",
        "kubectl apply -fdeployment.yaml",
      ],
      ["kubectl create -f deployment.yaml", "kubectl apply -f service.yaml"],
    ],
    [
      ["kubectl get nodes"],
      ["kubectl get no", "kubectl get node", "kubectl.exe get nodes"],
      ["kubectl get nodes -o wide", "kubectl describe nodes"],
    ],
    [
      ["az aks get-credentials --resource-group myrg --name myaks"],
      [
        "az aks get-credentials -g myrg -n myaks",
        "az aks get-credentials -n myaks -g myrg",
        "az aks get-credentials --name=myaks --resource-group=myrg",
        "AZ AKS get-credentials -g MyRG -n myaks",
      ],
      [
        "az aks get-credentials -g myrg",
        "az aks show -g myrg -n myaks",
        "kubectl get-credentials -g myrg -n myaks",
      ],
    ],
    [
      [
        "az aks nodepool add -g myrg --cluster-name myaks -n userpool --node-count 2 --node-vm-size Standard_D2s_v3",
      ],
      ["az aks nodepool add --cluster-name myaks -g myrg --name userpool -c 2 -s standard_d2s_v3"],
      ["az aks nodepool add -g myrg --cluster-name myaks -n userpool -c 3 -s Standard_D2s_v3"],
    ],
  ];

  for (const [accepted, yes, no] of table) {
    const q = command(accepted);
    it.each(yes)(`accepts %j for ${accepted[0]}`, (answer) => {
      expect(gradeAnswer(q, answer).correct).toBe(true);
    });
    it.each(no)(`rejects %j for ${accepted[0]}`, (answer) => {
      expect(gradeAnswer(q, answer).correct).toBe(false);
    });
  }

  it("normalises to the canonical command, which is the same for every accepted spelling", () => {
    const q = command(["kubectl scale deployment api --replicas=5"]);
    expect(gradeAnswer(q, "k scale --replicas 5 deploy/api").normalized).toBe(
      "kubectl scale deployments api --replicas=5",
    );
  });

  it("rejects text that is not a command, keeping it as typed", () => {
    const q = command(["kubectl get nodes"]);
    expect(gradeAnswer(q, "  no idea  ")).toEqual({ correct: false, normalized: "no idea" });
    expect(isAnswerShaped(q, "no idea")).toBe(false);
  });
});

describe("rightAnswerText", () => {
  it("letters a choice, capitalises a truth and quotes the first accepted command", () => {
    expect(rightAnswerText(choice)).toBe("b) A Service");
    expect(rightAnswerText(truefalse)).toBe("True");
    expect(rightAnswerText(command(["kubectl get nodes", "kubectl get no"]))).toBe("`kubectl get nodes`");
  });
});
