// The engine: commands, lessons, hints and the sandbox clock, through `handle` as an adapter calls it.

import { Sim } from "@bosun/sim";
import { describe, expect, it } from "vitest";
import { newSession } from "../session/new.ts";
import { handle, MAX_CATCH_UP_MS } from "./handle.ts";
import { blocksOf, content, Learner, T0, textOf } from "./test-kit.ts";

const DEPLOY = "kubectl create deployment web --image=nginx:1.25 --replicas=2";

describe("handle: commands", () => {
  it("answers a command with kubectl's output, then what changed in the cluster", () => {
    const l = new Learner();
    const r = l.say(DEPLOY);
    expect(r.blocks[0]).toEqual({
      kind: "code",
      text: "deployment.apps/web created\n",
      command: DEPLOY,
      exitCode: 0,
    });
    expect(blocksOf(r, "diff")[0]?.lines).toContain("+ deployment/web (2 replicas, nginx:1.25)");
  });

  it("reports a failed command with its exit code and no diff", () => {
    const r = new Learner().say("kubectl get deployment nope");
    expect(blocksOf(r, "code")[0]).toMatchObject({ exitCode: 1, text: expect.stringMatching(/NotFound/) });
    expect(blocksOf(r, "diff")).toEqual([]);
  });

  it("never changes the session it is given, and is deterministic", () => {
    const s = newSession({ seed: 7, now: T0 });
    const copy = structuredClone(s);
    const ctx = { now: T0 + 5000, actor: { id: "a", name: "a" }, content: content() };
    const a = handle(s, { type: "text", text: DEPLOY }, ctx);
    const b = handle(s, { type: "text", text: DEPLOY }, ctx);
    expect(s).toEqual(copy);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("moves the sandbox clock on by the real time since the last event, at most ten minutes", () => {
    const l = new Learner("alex", { stepMs: 60_000 });
    l.say(DEPLOY);
    expect(Sim.restore(l.session.sim).now).toBe(T0 + 60_000);
    const later = handle(
      l.session,
      { type: "help" },
      {
        now: l.now + 7 * 86_400_000,
        actor: { id: "a", name: "a" },
        content: content(),
      },
    );
    expect(Sim.restore(later.session.sim).now).toBe(T0 + 60_000 + MAX_CATCH_UP_MS);
    expect(later.session.lastEventAt).toBe(l.now + 7 * 86_400_000);
  });

  it("shows what changed while the learner was away in the next command's diff", () => {
    const l = new Learner("alex", { stepMs: 60_000 });
    l.say(DEPLOY);
    const r = l.say("kubectl get deployment web");
    expect(blocksOf(r, "diff")[0]?.lines.join("\n")).toMatch(/deployment\/web: ready 0 → 2/);
  });

  it("starts every reply in a group sandbox with who ran what", () => {
    const g = new Learner("alex", { group: true });
    expect(g.say("kubectl get pods", undefined, "sam").blocks[0]).toEqual({
      kind: "text",
      text: "sam ran: kubectl get pods",
    });
    expect(g.say("hint", undefined, "kim").blocks[0]).toEqual({ kind: "text", text: "kim: hint" });
    expect(g.send({ type: "lesson", action: "start", lesson: 2 }, "lee").blocks[0]).toEqual({
      kind: "text",
      text: "lee: lesson start 2",
    });
  });
});

describe("handle: lessons and steps", () => {
  it("starts a lesson on a fresh sandbox with the first step's goal and a Hint button", () => {
    const l = new Learner();
    l.say(DEPLOY);
    const r = l.say("lesson start 5");
    expect(textOf(r)).toMatch(/^Lesson 5: Deployments and ReplicaSets/);
    expect(textOf(r)).toMatch(/Step 1 of 5: Apply a Deployment named web/);
    expect(r.actions.map((a) => a.id)).toEqual(["hint"]);
    expect(Sim.restore(l.session.sim).get("deployments", "default", "web")).toBeUndefined();
    expect(l.session.lesson).toEqual({ id: "deployments", step: 0, failures: 0, hintLevel: 0 });
  });

  it("passes a step on the cluster's state: XP, the explanation, then the next goal", () => {
    const l = new Learner();
    l.say("lesson start 1");
    const r = l.say("kubectl cluster-info");
    expect(blocksOf(r, "success")[0]?.text).toBe("Step 1 of 6 done (+10 XP).");
    expect(textOf(r)).toMatch(/Every kubectl command is a request to one HTTPS endpoint/);
    expect(textOf(r)).toMatch(/Step 2 of 6: List the machines/);
    expect(l.session.progress).toMatchObject({ xp: 10, steps: { "why-kubernetes": ["meet-the-cluster"] } });
  });

  it("does not pass 'create a Deployment' with a bare Pod", () => {
    const l = new Learner();
    l.say("lesson start 5");
    const pod =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.25\n";
    l.say("kubectl apply -f -", pod);
    const r = l.say("sleep 30s");
    expect(blocksOf(r, "success")).toEqual([]);
    expect(textOf(r)).toMatch(/Not done yet: .*web/);
    expect(l.session.lesson?.step).toBe(0);
  });

  it("gives the step's targeted hint for an error it knows", () => {
    const l = new Learner();
    l.say("lesson start 1");
    const r = l.say("kubectl clusterinfo");
    expect(blocksOf(r, "hint")[0]).toEqual({
      kind: "hint",
      level: 1,
      text: "The subcommand has a dash in it: `cluster-info`.",
    });
    expect(r.actions.map((a) => a.id)).toEqual(["hint", "solution"]);
  });

  it("escalates hints over repeated failures: nudge, pointer, then the solution in words", () => {
    const l = new Learner();
    l.say("lesson start 1");
    l.say("kubectl cluster-info");
    const levels = [1, 2, 3, 3].map(() => blocksOf(l.say("kubectl get nods"), "hint")[0]);
    expect(levels.map((h) => h?.level)).toEqual([1, 2, 3, 3]);
    expect(levels[2]?.text).toBe("Run `kubectl get nodes`.");
  });

  it("gives hints one level at a time, then the solution, and a step solved with it earns less", () => {
    const l = new Learner();
    l.say("lesson start 1");
    expect(blocksOf(l.say("hint"), "hint")[0]?.level).toBe(1);
    expect(blocksOf(l.say("hint"), "hint")[0]?.level).toBe(2);
    const third = l.say("hint");
    expect(blocksOf(third, "hint")[0]?.level).toBe(3);
    expect(third.actions.map((a) => a.id)).toEqual(["solution"]);
    expect(blocksOf(l.say("solution"), "code")[0]?.text).toBe("kubectl cluster-info\n");
    expect(blocksOf(l.say("kubectl cluster-info"), "success")[0]?.text).toBe(
      "Step 1 of 6 done with the solution (+2 XP).",
    );
  });

  it("finishes a lesson with a summary, a badge and the next lesson", () => {
    const l = new Learner();
    const r = l.complete(2);
    const done = blocksOf(r, "success").map((b) => b.text);
    expect(done.at(-1)).toMatch(/^Lesson 2 complete: .* Badge earned: Lesson 2: /);
    expect(textOf(r)).toMatch(/Next: lesson 3, /);
    expect(r.actions.map((a) => a.id)).toEqual(["next", "quiz"]);
    expect(l.session.progress.lessonsDone).toEqual(["cluster-architecture"]);
    expect(l.session.progress.steps).toEqual({});
    expect(textOf(l.say("lesson next"))).toMatch(/^Lesson 3: /);
  });

  it("skips a step with `lesson next` mid-lesson, without XP", () => {
    const l = new Learner();
    l.say("lesson start 1");
    expect(textOf(l.say("lesson next"))).toMatch(/Skipped step 1 \(no XP\)[\s\S]*Step 2 of 6/);
    expect(l.session.progress.xp).toBe(0);
  });

  it("lists lessons, says where the learner is, and refuses a lesson that does not exist", () => {
    const l = new Learner();
    expect(textOf(l.say("lesson"))).toMatch(/not started a lesson[\s\S]* 1\. Why Kubernetes\?/);
    l.say("lesson start 3");
    expect(textOf(l.say("lesson list"))).toMatch(/▶ {2}3\. /);
    expect(textOf(l.say("lesson status"))).toMatch(/Step 1 of \d+: /);
    expect(blocksOf(l.say("lesson start 99"), "warning")[0]?.text).toMatch(/no lesson 99/);
  });

  it("passes a step that time finished when the learner asks for a hint", () => {
    const l = new Learner();
    l.say("lesson start 5");
    const step1 = content().lessons[4]?.steps[0]?.solution[0] ?? "";
    l.run(step1);
    l.now += 60_000;
    expect(blocksOf(l.say("hint"), "success")[0]?.text).toBe("Step 1 of 5 done (+10 XP).");
  });
});

describe("handle: other words", () => {
  it("answers unknown text kindly, with a guess", () => {
    expect(textOf(new Learner().say("get pods"))).toMatch(/Did you mean `kubectl get pods`\?/);
    expect(textOf(new Learner().say("hnit"))).toMatch(/Did you mean `hint`\?/);
    expect(textOf(new Learner().say("what is this"))).toMatch(/Type a kubectl command/);
  });

  it("lists what works on `help`", () => {
    expect(textOf(new Learner().say("help"))).toMatch(/lesson start N/);
  });

  it("shows progress with a percentage", () => {
    const l = new Learner();
    l.complete(1);
    const r = l.say("progress");
    expect(blocksOf(r, "progress")[0]).toEqual({
      kind: "progress",
      text: expect.stringMatching(/^6 of \d+ steps done$/),
      percent: expect.any(Number),
    });
    expect(textOf(r)).toMatch(/Lessons done: 1 of 16[\s\S]*Streak: 1 day[\s\S]*Badges: Lesson 1, First step/);
  });
});
