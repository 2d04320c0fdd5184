// The question as a reply, with answer buttons, and the feedback after an answer.

import { describe, expect, it } from "vitest";
import type { QuizQuestion } from "../content/schema.ts";
import { answerFeedback, parseAnswerActionId, quizPromptBlocks } from "./prompt.ts";

const base = { concepts: ["pods"], lesson: 4, explanation: "Pods are the smallest unit." };
const choice: QuizQuestion = {
  ...base,
  id: "smallest-unit",
  kind: "choice",
  prompt: "What is the smallest deployable unit?",
  choices: ["A container", "A pod", `A ${"very ".repeat(20)}long choice`],
  answer: 1,
};
const tf: QuizQuestion = {
  ...base,
  id: "pod-ip",
  kind: "truefalse",
  prompt: "Each pod gets its own IP.",
  answer: true,
};
const cmd: QuizQuestion = {
  ...base,
  id: "cmd-get-pods",
  kind: "command",
  prompt: "Type the command that lists pods.",
  answer: ["kubectl get pods", "kubectl get po"],
};

describe("quizPromptBlocks", () => {
  it("gives a choice question its choices and one button per choice", () => {
    const { blocks, actions } = quizPromptBlocks(choice);
    expect(blocks).toEqual([
      { kind: "quiz", questionId: "smallest-unit", prompt: choice.prompt, choices: choice.choices },
    ]);
    expect(actions.map((a) => a.id)).toEqual([
      "quiz:smallest-unit:a",
      "quiz:smallest-unit:b",
      "quiz:smallest-unit:c",
    ]);
    expect(actions[0]?.label).toBe("a) A container");
    for (const a of actions) expect(a.label.length).toBeLessThanOrEqual(75);
    expect(actions[2]?.label.endsWith("…")).toBe(true);
  });

  it("gives a true/false question True and False buttons", () => {
    const { blocks, actions } = quizPromptBlocks(tf);
    expect(blocks).toEqual([{ kind: "quiz", questionId: "pod-ip", prompt: tf.prompt }]);
    expect(actions).toEqual([
      { id: "quiz:pod-ip:true", label: "True" },
      { id: "quiz:pod-ip:false", label: "False" },
    ]);
  });

  it("gives a command question no buttons", () => {
    expect(quizPromptBlocks(cmd)).toEqual({
      blocks: [{ kind: "quiz", questionId: "cmd-get-pods", prompt: cmd.prompt }],
      actions: [],
    });
  });

  it("makes button ids that parse back to the question and the answer", () => {
    expect(parseAnswerActionId("quiz:smallest-unit:b")).toEqual({ questionId: "smallest-unit", answer: "b" });
    expect(parseAnswerActionId("quiz:pod-ip:false")).toEqual({ questionId: "pod-ip", answer: "false" });
    expect(parseAnswerActionId("b")).toBeUndefined();
    expect(parseAnswerActionId("hint")).toBeUndefined();
  });
});

describe("answerFeedback", () => {
  it("says correct, then explains", () => {
    expect(answerFeedback(choice, true)).toEqual([
      { kind: "success", text: "Correct!" },
      { kind: "text", text: "Pods are the smallest unit." },
    ]);
  });

  it("names the right answer when wrong", () => {
    expect(answerFeedback(choice, false)[0]).toEqual({
      kind: "warning",
      text: "Not quite. The answer is b) A pod.",
    });
    expect(answerFeedback(tf, false)[0]).toEqual({ kind: "warning", text: "Not quite. The answer is True." });
    expect(answerFeedback(cmd, false)[0]).toEqual({
      kind: "warning",
      text: "Not quite. One accepted answer: `kubectl get pods`",
    });
  });
});
