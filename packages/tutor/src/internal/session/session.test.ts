// Sessions: they round-trip through JSON and the schema, reject junk, and stay small.

import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { Learner, T0 } from "../engine/test-kit.ts";
import { newSession } from "./new.ts";
import { packSession, unpackSession } from "./pack.ts";
import { parseSession } from "./schema.ts";

describe("sessions", () => {
  it("round-trip through JSON and parseSession unchanged", () => {
    const l = new Learner();
    l.complete(1);
    l.say("quiz");
    const json = JSON.parse(JSON.stringify(l.session));
    expect(parseSession(json)).toEqual({ ok: true, session: json });
    expect(unpackSession(packSession(l.session))).toEqual({ ok: true, session: json });
  });

  it("unpack texts deflated at any level, as older versions wrote them", () => {
    const l = new Learner();
    l.complete(1);
    const json = JSON.stringify(l.session);
    for (const level of [1, 6, 9]) {
      const text = `bz1:${deflateRawSync(Buffer.from(json, "utf8"), { level }).toString("base64")}`;
      expect(unpackSession(text)).toEqual({ ok: true, session: JSON.parse(json) });
    }
  });

  it("reports text that is not a stored session instead of throwing", () => {
    expect(unpackSession("bz1:!!!").ok).toBe(false);
    expect(unpackSession("{").ok).toBe(false);
  });

  it("rejects a session with a wrong field, saying where", () => {
    const bad = { ...newSession({ seed: 1, now: T0 }), progress: { xp: -1 } };
    const r = parseSession(bad);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.join("\n")).toMatch(/^progress\.steps: /m);
  });

  it("start at a few hundred bytes", () => {
    expect(JSON.stringify(newSession({ seed: 1, now: T0 })).length).toBeLessThan(1024);
  });

  it("stay within 24 KB after five lessons and a few quiz answers", () => {
    const l = new Learner();
    for (const n of [1, 2, 3, 4, 5]) l.complete(n);
    for (let i = 0; i < 5; i++) {
      l.say("quiz");
      l.say("a");
    }
    expect(l.session.progress.lessonsDone).toHaveLength(5);
    // The tutor's own part (progress, quiz cards, lesson cursor) is tiny; the sandbox is the bulk.
    const { sim: _sim, ...tutorPart } = l.session;
    expect(Buffer.byteLength(JSON.stringify(tutorPart))).toBeLessThan(2 * 1024);
    expect(Buffer.byteLength(packSession(l.session))).toBeLessThanOrEqual(24 * 1024);
  });
});
