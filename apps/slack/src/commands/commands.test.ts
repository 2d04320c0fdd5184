// The slash-command parsers: kubectl lines, the apply modal, /bosun verbs and quiz schedules.

import { describe, expect, it } from "vitest";
import { parseMention } from "../listeners/mention.ts";
import { parseBosun, parseDuration } from "./bosun.ts";
import { parseKubectl } from "./kubectl.ts";
import { unslack, words } from "./text.ts";

describe("parseKubectl", () => {
  it("prefixes kubectl and undoes Slack's escaping and smart punctuation", () => {
    expect(parseKubectl("get pods")).toEqual({ kind: "run", text: "kubectl get pods" });
    expect(parseKubectl("kubectl get pods")).toEqual({ kind: "run", text: "kubectl get pods" });
    expect(parseKubectl("get pods -l &quot;a&gt;b&quot; &amp;")).toEqual({
      kind: "run",
      text: "kubectl get pods -l &quot;a>b&quot; &",
    });
    expect(parseKubectl("create deployment web —image=nginx:1.25 –replicas=3")).toEqual({
      kind: "run",
      text: "kubectl create deployment web --image=nginx:1.25 --replicas=3",
    });
    expect(parseKubectl("apply -f <https://k8s.io/x.yaml|k8s.io/x.yaml>")).toEqual({
      kind: "run",
      text: "kubectl apply -f k8s.io/x.yaml",
    });
  });

  it("opens the modal for an apply that reads standard input", () => {
    expect(parseKubectl("apply")).toEqual({ kind: "apply-modal", command: "kubectl apply -f -" });
    expect(parseKubectl("apply -f -")).toEqual({ kind: "apply-modal", command: "kubectl apply -f -" });
    expect(parseKubectl("apply -n dev")).toEqual({
      kind: "apply-modal",
      command: "kubectl apply -n dev -f -",
    });
    expect(parseKubectl("apply --filename=-")).toEqual({
      kind: "apply-modal",
      command: "kubectl apply --filename=-",
    });
    expect(parseKubectl("apply -f web.yaml").kind).toBe("run");
    expect(parseKubectl("apply -k ./overlay").kind).toBe("run");
    expect(parseKubectl("apply view-last-applied deploy/web").kind).toBe("run");
  });

  it("explains an empty or oversized command", () => {
    expect(parseKubectl("   ").kind).toBe("usage");
    expect(parseKubectl("kubectl").kind).toBe("usage");
    expect(parseKubectl(`get ${"x".repeat(5000)}`).kind).toBe("usage");
  });
});

describe("parseBosun", () => {
  it("maps tutor verbs to events", () => {
    expect(parseBosun("hint")).toEqual({ kind: "event", event: { type: "hint" } });
    expect(parseBosun("lesson list")).toEqual({ kind: "event", event: { type: "lesson", action: "list" } });
    expect(parseBosun("lesson start 3")).toEqual({
      kind: "event",
      event: { type: "lesson", action: "start", lesson: 3 },
    });
    expect(parseBosun("lesson 4")).toEqual({
      kind: "event",
      event: { type: "lesson", action: "start", lesson: 4 },
    });
    expect(parseBosun("lesson")).toEqual({ kind: "event", event: { type: "lesson", action: "status" } });
    expect(parseBosun("LESSON NEXT")).toEqual({ kind: "event", event: { type: "lesson", action: "next" } });
    expect(parseBosun("reset all confirm")).toEqual({
      kind: "event",
      event: { type: "reset", confirm: true, all: true },
    });
    expect(parseBosun("quiz")).toEqual({ kind: "event", event: { type: "quiz" } });
    expect(parseBosun("solution")).toEqual({ kind: "event", event: { type: "solution" } });
    expect(parseBosun("progress")).toEqual({ kind: "event", event: { type: "progress" } });
    expect(parseBosun("reset")).toEqual({ kind: "event", event: { type: "reset" } });
    expect(parseBosun("lesson status")).toEqual({
      kind: "event",
      event: { type: "lesson", action: "status" },
    });
    expect(parseBosun("help")).toEqual({ kind: "help" });
    expect(parseBosun("b")).toEqual({ kind: "event", event: { type: "text", text: "b" } });
  });

  it("reads channel verbs", () => {
    expect(parseBosun("group on")).toEqual({ kind: "group", mode: "on" });
    expect(parseBosun("group")).toEqual({ kind: "group", mode: "status" });
    expect(parseBosun("group maybe").kind).toBe("help");
    expect(parseBosun("leaderboard")).toEqual({ kind: "leaderboard" });
    expect(parseBosun("quiz unschedule")).toEqual({ kind: "quiz-unschedule" });
  });

  it("reads a quiz schedule with its options, quoted or not, smart quotes included", () => {
    expect(parseBosun('quiz schedule "0 9 * * 1-5" reveal-after 2h')).toEqual({
      kind: "quiz-schedule",
      cron: "0 9 * * 1-5",
      revealAfterMs: 7200_000,
    });
    expect(parseBosun("quiz schedule \u201C30 8 * * MON\u201D tz Europe/Paris reveal-after=90m")).toEqual({
      kind: "quiz-schedule",
      cron: "30 8 * * MON",
      revealAfterMs: 90 * 60_000,
      tz: "Europe/Paris",
    });
    expect(parseBosun("quiz schedule 0 9 * * *")).toMatchObject({
      kind: "quiz-schedule",
      revealAfterMs: 3600_000,
    });
  });

  it("explains a malformed schedule", () => {
    expect(parseBosun('quiz schedule "0 9 * *"')).toMatchObject({
      kind: "help",
      problem: expect.stringMatching(/five fields/),
    });
    expect(parseBosun('quiz schedule "0 9 * * 1" reveal-after 10s')).toMatchObject({
      problem: expect.stringMatching(/1m to 7d/),
    });
    expect(parseBosun('quiz schedule "0 9 * * 1" tz Mars/Olympus')).toMatchObject({
      problem: expect.stringMatching(/time zone/),
    });
    expect(parseBosun('quiz schedule "0 9 * * 1')).toMatchObject({ problem: expect.stringMatching(/quote/) });
    expect(parseBosun('quiz schedule "0 9 * * $(rm)"')).toMatchObject({ kind: "help" });
  });

  it("answers anything else with help, echoing the input safely", () => {
    expect(parseBosun("")).toEqual({ kind: "help" });
    const r = parseBosun("dance `now` please");
    expect(r).toMatchObject({ kind: "help", problem: expect.stringContaining("dance 'now' please") });
    expect(parseBosun("x".repeat(3000)).kind).toBe("help");
  });
});

describe("text helpers", () => {
  it("splits words with quotes and durations", () => {
    expect(words(`a "b c" 'd'`)).toEqual({ words: ["a", "b c", "d"], unclosed: false });
    expect(unslack("<@U123|ann> &lt;x&gt;")).toBe("ann <x>");
    expect(parseDuration("1h30m")).toBe(5400_000);
    expect(parseDuration("2x")).toBeUndefined();
  });
});

describe("parseMention", () => {
  it("drops the mention, keeps the line and takes a fenced block as the manifest", () => {
    expect(parseMention("<@U0BOT> kubectl get pods")).toEqual({ line: "kubectl get pods" });
    expect(parseMention("<@U0BOT|bosun>   hint ")).toEqual({ line: "hint" });
    expect(parseMention("<@U0BOT> k apply -f -\n```yaml\nkind: Pod\nx: &lt;“y”&gt;\n```")).toEqual({
      line: "k apply -f -",
      stdin: "kind: Pod\nx: <“y”>\n",
    });
  });
});
