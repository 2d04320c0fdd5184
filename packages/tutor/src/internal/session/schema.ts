// The session's zod schema: sessions come back from Redis or disk as JSON and are parsed here once.

import { z } from "zod";
import type { Session } from "../model.ts";

const cardSchema = z
  .object({
    due: z.number(),
    stability: z.number(),
    difficulty: z.number(),
    reps: z.number().int().nonnegative(),
    lapses: z.number().int().nonnegative(),
    state: z.number().int().min(0).max(3),
    last: z.number().optional(),
  })
  .strict();

const progressSchema = z
  .object({
    steps: z.record(z.string(), z.array(z.string())),
    lessonsDone: z.array(z.string()),
    xp: z.number().int().nonnegative(),
    streak: z.object({ days: z.number().int().nonnegative(), lastDay: z.string().optional() }).strict(),
    badges: z.array(z.string()),
    quiz: z.object({ answered: z.number().int(), correct: z.number().int() }).strict(),
  })
  .strict();

const cursorSchema = z
  .object({
    id: z.string(),
    step: z.number().int().nonnegative(),
    failures: z.number().int().nonnegative(),
    hintLevel: z.number().int().min(0).max(4),
    last: z
      .object({ tokens: z.array(z.string()), exitCode: z.number().int() })
      .strict()
      .optional(),
  })
  .strict();

/**
 * A stored session. The sandbox (`sim`) is only checked to be an object here: `Sim.restore`
 * validates its inside when the engine opens it.
 */
export const sessionSchema = z
  .object({
    v: z.literal(1),
    sim: z.record(z.string(), z.unknown()),
    lesson: cursorSchema.optional(),
    progress: progressSchema,
    quiz: z
      .object({
        pending: z.object({ questionId: z.string(), askedAt: z.number() }).strict().optional(),
        cards: z.record(z.string(), cardSchema),
      })
      .strict(),
    pendingReset: z.union([z.boolean(), z.literal("all")]).optional(),
    n: z.number().int().nonnegative().optional(),
    lastEventAt: z.number().optional(),
  })
  .strict();

/** A parsed session, or what is wrong with the input ("progress.xp: …"). */
export type SessionParse = { ok: true; session: Session } | { ok: false; issues: string[] };

/** Validates JSON-decoded input as a Session. Never throws. */
export function parseSession(input: unknown): SessionParse {
  const r = sessionSchema.safeParse(input);
  if (r.success) return { ok: true, session: r.data as unknown as Session };
  return {
    ok: false,
    issues: r.error.issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`),
  };
}
