// Question selection: due reviews first, then the current lesson, then earlier ones; deterministic per seed.

import { describe, expect, it } from "vitest";
import { readContentDir } from "../content/fs.ts";
import { loadContent } from "../content/load.ts";
import type { Content } from "../content/schema.ts";
import type { QuizCard, Session } from "../model.ts";
import { pickQuestion } from "./pick.ts";
import { reviewCard } from "./review.ts";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1);

const loaded = loadContent(readContentDir());
if (!loaded.ok) throw new Error("the course content does not load");
const content: Content = loaded.content;

const lessonId = (n: number) => content.lessons.find((l) => l.number === n)?.id ?? "";
const idsOf = (n: number) => content.questions.filter((q) => q.lesson === n).map((q) => q.id);
const noQuiz = (): Session["quiz"] => ({ cards: {} });
/** A card answered right 5 days before NOW, due `dueIn` days from NOW (negative: overdue). */
const card = (dueIn: number): QuizCard => ({
  ...reviewCard(undefined, true, NOW - 5 * DAY),
  due: NOW + dueIn * DAY,
});

describe("pickQuestion", () => {
  it("picks an unseen question of the current lesson", () => {
    for (let seed = 0; seed < 20; seed++) {
      const q = pickQuestion(content, noQuiz(), { lesson: 5, lessonsDone: [], now: NOW, seed });
      expect(q.lesson).toBe(5);
    }
  });

  it("starts with lesson 1 when no lesson is started or done", () => {
    expect(pickQuestion(content, noQuiz(), { lessonsDone: [], now: NOW, seed: 7 }).lesson).toBe(1);
  });

  it("prefers a due review over the current lesson's unseen questions", () => {
    const review = idsOf(2)[0] ?? "";
    const quiz: Session["quiz"] = { cards: { [review]: card(-1), [idsOf(2)[1] ?? ""]: card(3) } };
    const q = pickQuestion(content, quiz, { lesson: 5, lessonsDone: [lessonId(2)], now: NOW, seed: 3 });
    expect(q.id).toBe(review);
  });

  it("chooses among the most overdue reviews", () => {
    const ids = [...idsOf(1), ...idsOf(2)];
    const cards: Record<string, QuizCard> = {};
    ids.forEach((id, i) => {
      cards[id] = card(-(i + 1));
    });
    const mostOverdue = new Set(ids.slice(-3));
    const picked = new Set<string>();
    for (let seed = 0; seed < 30; seed++)
      picked.add(pickQuestion(content, { cards }, { lesson: 3, lessonsDone: [], now: NOW, seed }).id);
    for (const id of picked) expect(mostOverdue.has(id)).toBe(true);
    expect(picked.size).toBeGreaterThan(1);
  });

  it("moves to unseen questions of earlier lessons once the current lesson's are all seen", () => {
    const cards = Object.fromEntries(idsOf(4).map((id) => [id, card(10)]));
    for (let seed = 0; seed < 10; seed++) {
      const q = pickQuestion(content, { cards }, { lesson: 4, lessonsDone: [], now: NOW, seed });
      expect(q.lesson).toBeLessThan(4);
      expect(cards[q.id]).toBeUndefined();
    }
  });

  it("asks finished lessons' questions when no lesson is on", () => {
    const done = [lessonId(3), lessonId(6)];
    for (let seed = 0; seed < 10; seed++)
      expect([3, 6]).toContain(pickQuestion(content, noQuiz(), { lessonsDone: done, now: NOW, seed }).lesson);
  });

  it("falls back to the soonest review when everything reached has been seen and nothing is due", () => {
    const cards = Object.fromEntries(idsOf(1).map((id, i) => [id, card(5 + i)]));
    const q = pickQuestion(content, { cards }, { lesson: 1, lessonsDone: [], now: NOW, seed: 1 });
    expect(q.id).toBe(idsOf(1)[0]);
  });

  it("gives the same question for the same seed and state, and varies with the seed", () => {
    const opts = { lesson: 10, lessonsDone: [], now: NOW };
    const first = pickQuestion(content, noQuiz(), { ...opts, seed: 42 });
    expect(pickQuestion(content, noQuiz(), { ...opts, seed: 42 }).id).toBe(first.id);
    const seen = new Set(
      Array.from({ length: 20 }, (_, seed) => pickQuestion(content, noQuiz(), { ...opts, seed }).id),
    );
    expect(seen.size).toBeGreaterThan(1);
  });

  it("does not depend on the order of the bank", () => {
    const reversed: Content = { ...content, questions: [...content.questions].reverse() };
    for (let seed = 0; seed < 10; seed++) {
      const opts = { lesson: 7, lessonsDone: [], now: NOW, seed };
      expect(pickQuestion(reversed, noQuiz(), opts).id).toBe(pickQuestion(content, noQuiz(), opts).id);
    }
  });

  it("never asks the pending question twice in a row, even when it is the only one due", () => {
    const only = idsOf(2)[0] ?? "";
    for (let seed = 0; seed < 20; seed++) {
      const quiz: Session["quiz"] = {
        pending: { questionId: only, askedAt: NOW - DAY },
        cards: { [only]: card(-2) },
      };
      expect(pickQuestion(content, quiz, { lesson: 2, lessonsDone: [], now: NOW, seed }).id).not.toBe(only);
    }
    const lesson1 = idsOf(1);
    const q = pickQuestion(
      content,
      { pending: { questionId: lesson1[0] ?? "", askedAt: NOW }, cards: {} },
      { lesson: 1, lessonsDone: [], now: NOW, seed: 0 },
    );
    expect(q.id).not.toBe(lesson1[0]);
  });

  it("asks the pending question again only when the bank has nothing else", () => {
    const one: Content = { ...content, questions: content.questions.slice(0, 1) };
    const id = one.questions[0]?.id ?? "";
    const q = pickQuestion(
      one,
      { pending: { questionId: id, askedAt: NOW }, cards: {} },
      {
        lessonsDone: [],
        now: NOW,
        seed: 0,
      },
    );
    expect(q.id).toBe(id);
  });
});
