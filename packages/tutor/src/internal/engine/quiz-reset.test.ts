// The engine's quiz (ask, answer, review, skip) and its two-step reset.

import { Sim } from "@bosun/sim";
import { describe, expect, it } from "vitest";
import type { QuizQuestion } from "../content/schema.ts";
import { actionEvent } from "./actions.ts";
import { blocksOf, content, Learner, textOf } from "./test-kit.ts";

/** The pending question, and a right and a wrong answer to it. */
function pending(l: Learner): { q: QuizQuestion; right: string; wrong: string } {
  const id = l.session.quiz.pending?.questionId;
  const q = content().questions.find((x) => x.id === id);
  if (!q) throw new Error("no pending question");
  if (q.kind === "choice") {
    const i = q.answer as number;
    return { q, right: "abcde"[i] ?? "a", wrong: "abcde"[i === 0 ? 1 : 0] ?? "b" };
  }
  if (q.kind === "truefalse") return { q, right: String(q.answer), wrong: String(!q.answer) };
  return { q, right: (q.answer as string[])[0] ?? "", wrong: "kubectl get nothing" };
}

describe("handle: quiz", () => {
  it("asks a question of the current lesson, with answer buttons", () => {
    const l = new Learner();
    l.say("lesson start 5");
    const r = l.say("quiz");
    const { q } = pending(l);
    expect(q.lesson).toBe(5);
    expect(blocksOf(r, "quiz")[0]).toMatchObject({ questionId: q.id, prompt: q.prompt });
    if (q.kind !== "command") expect(r.actions.every((a) => a.id.startsWith(`quiz:${q.id}:`))).toBe(true);
  });

  it("grades an answer, schedules the card and counts it in progress", () => {
    const l = new Learner();
    l.say("quiz");
    const { q, right } = pending(l);
    const r = l.say(right);
    expect(blocksOf(r, "success")[0]?.text).toBe("Correct!");
    expect(l.session.quiz.pending).toBeUndefined();
    expect(l.session.quiz.cards[q.id]).toMatchObject({ reps: 1, lapses: 0 });
    expect(l.session.quiz.cards[q.id]?.due).toBeGreaterThan(l.now);
    expect(l.session.progress).toMatchObject({ xp: 5, quiz: { answered: 1, correct: 1 } });
  });

  it("names the right answer after a wrong one and gives no XP", () => {
    const l = new Learner();
    l.say("quiz");
    const { q, wrong } = pending(l);
    const r = l.say(wrong);
    expect(blocksOf(r, "warning")[0]?.text).toMatch(/^Not quite\./);
    expect(textOf(r)).toContain(q.explanation);
    expect(l.session.progress).toMatchObject({ xp: 0, quiz: { answered: 1, correct: 0 } });
  });

  it("takes an answer from a button press", () => {
    const l = new Learner();
    l.say("quiz");
    const { q, right } = pending(l);
    const event = actionEvent(`quiz:${q.id}:${right}`);
    expect(event).toEqual({ type: "answer", questionId: q.id, answer: right });
    if (q.kind !== "command" && event) expect(blocksOf(l.send(event), "success")).toHaveLength(1);
  });

  it("asks a question again once it is due, through `review`", () => {
    const l = new Learner();
    expect(textOf(l.say("review"))).toMatch(/^Nothing to review right now/);
    l.say("quiz");
    const { q, wrong } = pending(l);
    l.say(wrong);
    expect(textOf(l.say("review"))).toMatch(/Nothing to review right now\. The next review is due on/);
    l.now += 30 * 86_400_000;
    l.say("review");
    expect(l.session.quiz.pending?.questionId).toBe(q.id);
  });

  it("takes a typed command as the answer to a type-the-command question", () => {
    const l = new Learner();
    l.session.quiz.pending = { questionId: "cmd-scale", askedAt: l.now };
    const r = l.say("k scale deploy/api --replicas 5");
    expect(blocksOf(r, "success")[0]?.text).toBe("Correct!");
    expect(blocksOf(r, "code")).toEqual([]);
  });

  it("drops a pending question on `skip`, and lets commands through while a choice question waits", () => {
    const l = new Learner();
    l.say("quiz");
    expect(blocksOf(l.say("kubectl get nodes"), "code")).toHaveLength(1);
    expect(l.session.quiz.pending).toBeDefined();
    expect(textOf(l.say("skip"))).toMatch(/^Skipped/);
    expect(l.session.quiz.pending).toBeUndefined();
  });
});

describe("handle: reset", () => {
  const DEPLOY = "kubectl create deployment web --image=nginx:1.25";
  const hasWeb = (l: Learner) =>
    Sim.restore(l.session.sim).get("deployments", "default", "web") !== undefined;

  it("asks for confirmation, and only `reset confirm` right after it resets the sandbox", () => {
    const l = new Learner();
    l.say(DEPLOY);
    const ask = l.say("reset");
    expect(blocksOf(ask, "warning")[0]?.text).toMatch(/reset confirm/);
    expect(ask.actions.map((a) => a.id)).toEqual(["reset:confirm"]);
    expect(hasWeb(l)).toBe(true);
    l.say("reset confirm");
    expect(hasWeb(l)).toBe(false);
  });

  it("does not reset on `reset confirm` alone or after another event in between", () => {
    const l = new Learner();
    l.say(DEPLOY);
    l.say("reset confirm");
    expect(hasWeb(l)).toBe(true);
    l.say("reset");
    l.say("kubectl get pods");
    l.say("reset confirm");
    expect(hasWeb(l)).toBe(true);
  });

  it("keeps progress and restarts the current lesson on a sandbox reset", () => {
    const l = new Learner();
    l.say("lesson start 1");
    l.say("kubectl cluster-info");
    l.say("reset");
    const r = l.say("reset confirm");
    expect(textOf(r)).toMatch(/Step 1 of 6/);
    expect(l.session.progress.xp).toBe(10);
    expect(l.session.lesson?.step).toBe(0);
  });

  it("erases progress on `reset all` then `reset all confirm`", () => {
    const l = new Learner();
    l.complete(1);
    l.say("reset all");
    l.say("reset confirm");
    expect(l.session.progress.xp).toBeGreaterThan(0);
    l.say("reset all");
    l.say("reset all confirm");
    expect(l.session.progress).toMatchObject({ xp: 0, lessonsDone: [] });
    expect(l.session.lesson).toBeUndefined();
  });
});
