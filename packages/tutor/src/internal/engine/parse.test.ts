// Reading chat lines: commands, tutor words, lesson numbers, quiz answers and button ids.

import { describe, expect, it } from "vitest";
import { actionEvent } from "./actions.ts";
import { parseText } from "./parse.ts";

const idle = { quiz: { cards: {} } };
const asked = { quiz: { cards: {}, pending: { questionId: "q1", askedAt: 0 } } };

describe("parseText", () => {
  it("reads kubectl, k, az and sleep lines as commands, with their stdin", () => {
    expect(parseText("k get po", undefined, idle)).toEqual({ type: "command", text: "k get po" });
    expect(parseText("kubectl apply -f -", "kind: Pod\n", idle)).toEqual({
      type: "command",
      text: "kubectl apply -f -",
      stdin: "kind: Pod\n",
    });
    expect(parseText("az login", undefined, idle).type).toBe("command");
    expect(parseText("sleep 30s", undefined, idle).type).toBe("command");
  });

  it("reads tutor words, lesson forms and the two-step reset", () => {
    expect(parseText("hint", undefined, idle)).toEqual({ type: "hint" });
    expect(parseText("Lesson start 3", undefined, idle)).toEqual({
      type: "lesson",
      action: "start",
      lesson: 3,
    });
    expect(parseText("lesson 4", undefined, idle)).toEqual({ type: "lesson", action: "start", lesson: 4 });
    expect(parseText("lesson", undefined, idle)).toEqual({ type: "lesson", action: "status" });
    expect(parseText("next", undefined, idle)).toEqual({ type: "lesson", action: "next" });
    expect(parseText("reset", undefined, idle)).toEqual({ type: "reset" });
    expect(parseText("reset all confirm", undefined, idle)).toEqual({
      type: "reset",
      confirm: true,
      all: true,
    });
    expect(parseText("reset everything", undefined, idle).type).toBe("unknown");
  });

  it("reads letters and true/false as answers only while a question waits", () => {
    expect(parseText("b", undefined, asked, "choice")).toEqual({
      type: "answer",
      questionId: "q1",
      answer: "b",
    });
    expect(parseText("True", undefined, asked, "truefalse")).toEqual({
      type: "answer",
      questionId: "q1",
      answer: "True",
    });
    expect(parseText("b", undefined, idle).type).toBe("unknown");
    expect(parseText("kubectl get pods", undefined, asked, "command")).toMatchObject({ type: "answer" });
    expect(parseText("kubectl get pods", undefined, asked, "choice")).toMatchObject({ type: "command" });
    expect(parseText("answer c", undefined, asked, "choice")).toEqual({
      type: "answer",
      questionId: "q1",
      answer: "c",
    });
  });
});

describe("actionEvent", () => {
  it("maps every button id the engine issues back to its event", () => {
    expect(actionEvent("hint")).toEqual({ type: "hint" });
    expect(actionEvent("next")).toEqual({ type: "lesson", action: "next" });
    expect(actionEvent("lesson:start:6")).toEqual({ type: "lesson", action: "start", lesson: 6 });
    expect(actionEvent("reset:confirm")).toEqual({ type: "reset", confirm: true });
    expect(actionEvent("quiz:cmd-scale:b")).toEqual({ type: "answer", questionId: "cmd-scale", answer: "b" });
    expect(actionEvent("nope")).toBeUndefined();
  });
});
