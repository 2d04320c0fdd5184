// Group quiz rounds end to end: open, answers from several learners, close, reveal, leaderboard, streaks.

import { describe, expect, it } from "vitest";
import { readContentDir } from "../content/fs.ts";
import { loadContent } from "../content/load.ts";
import type { Content, QuizQuestion } from "../content/schema.ts";
import type { Actor, TutorReply } from "../model.ts";
import { answerRound, closeRound, leaderboard, openRound } from "./channel.ts";
import { type ChannelQuiz, channelQuizSchema, MAX_PLAYERS, newChannelQuiz } from "./channel-state.ts";

const loaded = loadContent(readContentDir());
if (!loaded.ok) throw new Error("the course content does not load");
const content: Content = loaded.content;

function question(id: string): QuizQuestion {
  const q = content.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
}

const alice: Actor = { id: "U01", name: "Alice" };
const bob: Actor = { id: "U02", name: "Bob" };
const carol: Actor = { id: "U03", name: "Carol" };
const dave: Actor = { id: "U04", name: "Dave" };

const T = Date.UTC(2025, 2, 3, 12, 0, 0);
const SEC = 1000;
const WINDOW = 60 * SEC;

/** Through JSON and the schema, as the channel is stored in Redis between events. */
const stored = (ch: ChannelQuiz): ChannelQuiz => channelQuizSchema.parse(JSON.parse(JSON.stringify(ch)));
const texts = (reply: TutorReply) => reply.blocks.map((b) => ("text" in b ? b.text : b.kind));

describe("a group quiz", () => {
  it("plays three rounds: first answers count, late and repeated ones do not, streaks build and break", () => {
    // Round 1: a choice question.
    const opened = openRound(newChannelQuiz(), question("load-balancing-meaning"), T, WINDOW);
    let ch = stored(opened.channel);
    expect(opened.reply.blocks).toEqual([
      { kind: "text", text: "Quiz round 1! You have 1 minute; only your first answer counts." },
      {
        kind: "quiz",
        questionId: "load-balancing-meaning",
        prompt: "In Kubernetes, what spreads requests over the several copies of an app?",
        choices: ["A Deployment", "A Service", "A ConfigMap", "A Namespace"],
      },
    ]);
    expect(opened.reply.actions.map((a) => a.id)).toEqual([
      "quiz:load-balancing-meaning:a",
      "quiz:load-balancing-meaning:b",
      "quiz:load-balancing-meaning:c",
      "quiz:load-balancing-meaning:d",
    ]);

    const answer = (who: Actor, text: string, at: number) => {
      const r = answerRound(ch, who, text, content, at);
      ch = stored(r.channel);
      return r;
    };
    const a1 = answer(alice, "quiz:load-balancing-meaning:b", T + 5 * SEC);
    expect(a1.accepted).toBe(true);
    expect(texts(a1.reply)).toEqual(["Got your answer, Alice. The answer is revealed when round 1 closes."]);
    expect(answer(bob, "a", T + 8 * SEC).accepted).toBe(true);
    expect(answer(carol, "A Service", T + 10 * SEC).accepted).toBe(true);
    const again = answer(alice, "a", T + 12 * SEC);
    expect(again.accepted).toBe(false);
    expect(texts(again.reply)).toEqual([
      "You already answered round 1, Alice; only your first answer counts.",
    ]);
    const late = answer(dave, "b", T + WINDOW + SEC);
    expect(late.accepted).toBe(false);
    expect(texts(late.reply)).toEqual(["Too late, Dave: round 1 has closed."]);
    expect(ch.round?.answers.map((a) => [a.name, a.answer, a.correct])).toEqual([
      ["Alice", "b", true],
      ["Bob", "a", false],
      ["Carol", "b", true],
    ]);

    const closed1 = closeRound(ch, content, T + WINDOW + 2 * SEC);
    ch = stored(closed1.channel);
    expect(ch.round).toBeUndefined();
    expect(texts(closed1.reply)).toEqual([
      "Round 1 is closed. The answer: b) A Service",
      "A Service has a stable address and forwards each connection to one of the ready pods that match its selector.",
      "Right: Alice +15 (first), Carol +10. 1 wrong.",
      "Leaderboard\n1. Alice: 15 points\n2. Carol: 10 points\n3. Bob: 0 points",
    ]);
    expect(closed1.reply.blocks[2]?.kind).toBe("success");

    // Round 2: a command question; Carol is first this time, both keep their streak.
    const T2 = T + 10 * 60 * SEC;
    const opened2 = openRound(ch, question("cmd-get-nodes"), T2, 2 * 60 * SEC);
    ch = stored(opened2.channel);
    expect(texts(opened2.reply)[0]).toBe(
      "Quiz round 2! You have 2 minutes; only your first answer counts. Reply with the command.",
    );
    expect(opened2.reply.actions).toEqual([]);
    expect(answer(carol, "k get no", T2 + 3 * SEC).accepted).toBe(true);
    expect(answer(alice, "kubectl get nodes", T2 + 4 * SEC).accepted).toBe(true);
    expect(answer(bob, "kubectl get pods", T2 + 5 * SEC).accepted).toBe(true);
    expect(answer(bob, "kubectl get nodes", T2 + 6 * SEC).accepted).toBe(false);
    const closed2 = closeRound(ch, content, T2 + 2 * 60 * SEC);
    ch = stored(closed2.channel);
    expect(texts(closed2.reply)).toEqual([
      "Round 2 is closed. The answer: `kubectl get nodes`",
      "`kubectl get nodes` shows each node's name, status, roles, age and kubelet version.",
      "Right: Carol +17 (first, streak 2), Alice +12 (streak 2). 1 wrong.",
      "Leaderboard\n1. Alice: 27 points, streak 2\n1. Carol: 27 points, streak 2\n3. Bob: 0 points",
    ]);
    expect(ch.players.U03).toMatchObject({ points: 27, streak: 2, lastCorrect: 2, correct: 2, answered: 2 });
    expect(ch.players.U02).toMatchObject({ points: 0, streak: 0, correct: 0, answered: 2 });

    // Round 3: Alice sits out, so her streak ends; Carol's third in a row earns the bigger bonus.
    const T3 = T2 + 10 * 60 * SEC;
    ch = stored(openRound(ch, question("self-healing-meaning"), T3, WINDOW).channel);
    expect(answer(bob, "yes", T3 + SEC).accepted).toBe(true);
    expect(answer(carol, "true", T3 + 2 * SEC).accepted).toBe(true);
    const closed3 = closeRound(ch, content, T3 + 30 * SEC);
    ch = stored(closed3.channel);
    expect(texts(closed3.reply)).toEqual([
      "Round 3 is closed early. The answer: True",
      "Controllers keep comparing what should run with what does run, and replace what is missing.",
      "Right: Bob +15 (first), Carol +14 (streak 3).",
      "Leaderboard\n1. Carol: 41 points, streak 3\n2. Alice: 27 points\n3. Bob: 15 points",
    ]);
    expect(texts(leaderboard(ch, 2))).toEqual([
      "Leaderboard\n1. Carol: 41 points, streak 3\n2. Alice: 27 points",
    ]);
    expect(ch.rounds).toBe(3);
    expect(JSON.stringify(ch)).not.toContain("spreads requests");
  });

  it("refuses a second round while one is open, and leaves the channel as it was", () => {
    const ch = openRound(newChannelQuiz(), question("cmd-get-nodes"), T, WINDOW).channel;
    const again = openRound(ch, question("load-balancing-meaning"), T + SEC, WINDOW);
    expect(again.channel).toBe(ch);
    expect(again.reply.blocks).toEqual([
      { kind: "warning", text: "Quiz round 1 is still open; close it before starting another." },
    ]);
    expect(openRound(newChannelQuiz(), question("cmd-get-nodes"), T, 0).reply.blocks[0]?.kind).toBe(
      "warning",
    );
  });

  it("turns away answers with no round, from an old round's button, and text that is no answer", () => {
    const none = answerRound(newChannelQuiz(), alice, "b", content, T);
    expect(none.accepted).toBe(false);
    expect(texts(none.reply)).toEqual(["No quiz round is open right now."]);
    const ch = openRound(newChannelQuiz(), question("load-balancing-meaning"), T, WINDOW).channel;
    const stale = answerRound(ch, alice, "quiz:cmd-get-nodes:a", content, T + SEC);
    expect(stale.accepted).toBe(false);
    expect(texts(stale.reply)).toEqual([
      "That button belongs to an earlier question; answer the current one.",
    ]);
    const chatter = answerRound(ch, alice, "is it the service?", content, T + SEC);
    expect(chatter.accepted).toBe(false);
    expect(texts(chatter.reply)).toEqual(["Answer with a letter from a to d."]);
    expect(chatter.channel.round?.answers).toEqual([]);
    // The chatter did not use up Alice's answer.
    expect(answerRound(ch, alice, "b", content, T + 2 * SEC).accepted).toBe(true);
  });

  it("reports a round nobody answered, and one nobody got right", () => {
    const empty = openRound(newChannelQuiz(), question("cmd-get-nodes"), T, WINDOW).channel;
    expect(texts(closeRound(empty, content, T + WINDOW).reply)[2]).toBe("Nobody answered this round.");
    const wrong = answerRound(empty, bob, "kubectl get pods", content, T + SEC).channel;
    const closed = closeRound(wrong, content, T + WINDOW);
    expect(texts(closed.reply)[2]).toBe("Nobody got it right this time (1 answer).");
    expect(closeRound(closed.channel, content, T + WINDOW).reply.blocks[0]?.kind).toBe("warning");
  });

  it("shows an empty board before anyone scores", () => {
    expect(texts(leaderboard(newChannelQuiz()))).toEqual([
      "Leaderboard\nNo points yet: answer a quiz round to get on the board.",
    ]);
  });

  it("keeps the board to the best 200 players", () => {
    let ch: ChannelQuiz = newChannelQuiz();
    const q = question("self-healing-meaning");
    ch = openRound(ch, q, T, WINDOW).channel;
    for (let i = 0; i < MAX_PLAYERS + 50; i++)
      ch = answerRound(
        ch,
        { id: `U${i}`, name: `P${i}` },
        i % 2 === 0 ? "true" : "false",
        content,
        T + i,
      ).channel;
    ch = closeRound(ch, content, T + WINDOW).channel;
    expect(Object.keys(ch.players)).toHaveLength(MAX_PLAYERS);
    expect(ch.players.U0?.points).toBe(15);
    expect(Object.values(ch.players).filter((p) => p.points > 0)).toHaveLength(125);
  });
});

describe("user ids", () => {
  it("treats ids that are also Object property names as ordinary ids", () => {
    const q = question("self-healing-meaning");
    let ch = openRound(newChannelQuiz(), q, T, WINDOW).channel;
    ch = answerRound(ch, { id: "constructor", name: "C" }, "true", content, T + 1).channel;
    ch = answerRound(ch, { id: "toString", name: "S" }, "true", content, T + 2).channel;
    expect(answerRound(ch, { id: "__proto__", name: "P" }, "true", content, T + 3).accepted).toBe(false);
    ch = stored(closeRound(ch, content, T + WINDOW).channel);
    expect(Object.keys(ch.players).sort()).toEqual(["constructor", "toString"]);
    expect(texts(leaderboard(ch))).toEqual(["Leaderboard\n1. C: 15 points\n2. S: 10 points"]);
  });
});
