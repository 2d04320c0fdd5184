// Cron schedules evaluated minute by minute, in UTC and in a named time zone.

import { describe, expect, it } from "vitest";
import { mostRecent, nextAfter, parseSchedule, rfc3339In, type Schedule } from "./cronjob-schedule.ts";

const at = (iso: string) => Date.parse(iso);
/** A schedule the test knows parses. */
function sched(text: string): Schedule {
  const s = parseSchedule(text);
  if (!s) throw new Error(`unparsed ${text}`);
  return s;
}
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe("cron schedules", () => {
  it("fires every minute for */1 and on the next minute boundary", () => {
    const s = sched("*/1 * * * *");
    expect(iso(nextAfter(s, at("2025-01-06T09:00:00Z"), undefined))).toBe("2025-01-06T09:01:00.000Z");
    expect(iso(nextAfter(s, at("2025-01-06T09:00:30Z"), undefined))).toBe("2025-01-06T09:01:00.000Z");
  });

  it("finds Monday 09:00 from a Tuesday without walking every minute", () => {
    const s = sched("0 9 * * 1");
    expect(iso(nextAfter(s, at("2025-01-07T10:00:00Z"), undefined))).toBe("2025-01-13T09:00:00.000Z");
  });

  it("ORs day of month and day of week when both are restricted", () => {
    // The 13th (a Monday in January 2025 is the 13th too), or any Friday: from the 8th, Friday the 10th comes first.
    const s = sched("0 0 13 * 5");
    expect(iso(nextAfter(s, at("2025-01-08T00:00:00Z"), undefined))).toBe("2025-01-10T00:00:00.000Z");
  });

  it("reads the schedule in the CronJob's time zone", () => {
    const s = sched("30 8 * * *");
    // 08:30 in Amsterdam is 07:30 UTC in winter.
    expect(iso(nextAfter(s, at("2025-01-06T00:00:00Z"), "Europe/Amsterdam"))).toBe(
      "2025-01-06T07:30:00.000Z",
    );
    expect(rfc3339In(at("2025-01-06T07:30:00Z"), "Europe/Amsterdam")).toBe("2025-01-06T08:30:00+01:00");
  });

  it("expands descriptors and reports the latest missed run", () => {
    const s = sched("@hourly");
    expect(iso(mostRecent(s, at("2025-01-06T09:00:00Z"), at("2025-01-06T11:59:00Z"), undefined))).toBe(
      "2025-01-06T11:00:00.000Z",
    );
  });
});
