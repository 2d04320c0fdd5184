// Words for group quiz replies: the answer window, who scored what, and the leaderboard lines.

import { type ChannelQuiz, currentStreak, rankedPlayers } from "./channel-state.ts";

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/** 300000 → "5 minutes", 90000 → "90 seconds", 7200000 → "2 hours". */
export function formatWindow(ms: number): string {
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) return plural(ms / 3_600_000, "hour");
  if (ms >= 60_000 && ms % 60_000 === 0) return plural(ms / 60_000, "minute");
  return plural(Math.max(1, Math.round(ms / 1000)), "second");
}

/** "Alice +17 (first, streak 2), Bob +10". */
export function pointsList(
  scores: readonly { name: string; points: number; first: boolean; streak: number }[],
): string {
  return scores
    .map((s) => {
      const notes = [...(s.first ? ["first"] : []), ...(s.streak > 1 ? [`streak ${s.streak}`] : [])];
      return `${s.name} +${s.points}${notes.length > 0 ? ` (${notes.join(", ")})` : ""}`;
    })
    .join(", ");
}

/**
 * The top `top` players, one line each; equal scores share a rank (1, 2, 2, 4):
 * ```
 * Leaderboard
 * 1. Alice: 34 points, streak 2
 * 2. Bob: 10 points
 * ```
 */
export function leaderboardText(ch: ChannelQuiz, top: number): string {
  const ranked = rankedPlayers(ch).slice(0, Math.max(0, top));
  if (ranked.length === 0) return "Leaderboard\nNo points yet: answer a quiz round to get on the board.";
  const lines: string[] = [];
  let rank = 0;
  ranked.forEach(([, p], i) => {
    if (i === 0 || (ranked[i - 1]?.[1].points ?? -1) !== p.points) rank = i + 1;
    const streak = currentStreak(ch, p);
    lines.push(`${rank}. ${p.name}: ${plural(p.points, "point")}${streak > 1 ? `, streak ${streak}` : ""}`);
  });
  return `Leaderboard\n${lines.join("\n")}`;
}
