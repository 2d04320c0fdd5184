// FSRS scheduling over the compact card: right answers push the due date out, wrong ones pull it in.

import { describe, expect, it } from "vitest";
import type { QuizCard } from "../model.ts";
import { isDue, reviewCard } from "./review.ts";

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1, 9, 0, 0);

/** Answers a fresh card right `n` times, each at its due time; returns the card and when it was last answered. */
function rightTimes(n: number): { card: QuizCard; at: number } {
  let card: QuizCard | undefined;
  let at = T0;
  for (let i = 0; i < n; i++) {
    if (card) at = card.due;
    card = reviewCard(card, true, at);
  }
  if (!card) throw new Error("n must be at least 1");
  return { card, at };
}

describe("reviewCard", () => {
  it("schedules a new question answered right a few days out, and counts the review", () => {
    const card = reviewCard(undefined, true, T0);
    expect(card.due).toBeGreaterThan(T0 + DAY);
    expect(card).toMatchObject({ reps: 1, lapses: 0, state: 2, last: T0 });
  });

  it("brings a new question answered wrong back sooner than one answered right", () => {
    expect(reviewCard(undefined, false, T0).due).toBeLessThan(reviewCard(undefined, true, T0).due);
  });

  it("moves the due date further forward with each right answer", () => {
    const intervals = [1, 2, 3, 4].map((n) => {
      const { card, at } = rightTimes(n);
      return card.due - at;
    });
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1] ?? 0);
  });

  it("moves the due date back after a wrong answer and counts a lapse", () => {
    const { card } = rightTimes(3);
    const at = card.due;
    const wrong = reviewCard(card, false, at);
    const right = reviewCard(card, true, at);
    expect(wrong.due - at).toBeLessThan(card.due - (card.last ?? 0));
    expect(wrong.due).toBeLessThan(right.due);
    expect(wrong.lapses).toBe(card.lapses + 1);
    expect(wrong.stability).toBeLessThan(card.stability);
  });

  it("is a pure function of its inputs and survives a JSON round trip", () => {
    const { card } = rightTimes(2);
    const stored: QuizCard = JSON.parse(JSON.stringify(card));
    expect(reviewCard(stored, true, card.due)).toEqual(reviewCard(card, true, card.due));
    expect(reviewCard(card, false, card.due + DAY)).toEqual(reviewCard(card, false, card.due + DAY));
  });

  it("keeps the stored card compact", () => {
    const card = reviewCard(reviewCard(undefined, true, T0), true, T0 + 3 * DAY);
    expect(Object.keys(card).sort()).toEqual([
      "difficulty",
      "due",
      "lapses",
      "last",
      "reps",
      "stability",
      "state",
    ]);
    expect(JSON.stringify(card).length).toBeLessThan(120);
  });
});

describe("isDue", () => {
  it("is true from the due time on", () => {
    const card = reviewCard(undefined, true, T0);
    expect(isDue(card, card.due - 1)).toBe(false);
    expect(isDue(card, card.due)).toBe(true);
  });
});
