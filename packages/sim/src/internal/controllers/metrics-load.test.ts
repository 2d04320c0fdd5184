// Load generators are read from shell loops; scrapes average the load over their window.
import { describe, expect, it } from "vitest";
import { windowLoad } from "./metrics.ts";
import { parseGenerator } from "./metrics-load.ts";

describe("parseGenerator", () => {
  it("reads the walkthrough's wget loop and its sleep", () => {
    expect(
      parseGenerator(["/bin/sh", "-c", "while sleep 0.01; do wget -q -O- http://php-apache; done"]),
    ).toEqual({ host: "php-apache", sleepMs: 10 });
  });

  it("reads curl loops, ports and fully qualified service names", () => {
    expect(
      parseGenerator([
        "sh",
        "-c",
        "while true; do curl -s -o /dev/null http://web.prod.svc.cluster.local:8080/api; done",
      ]),
    ).toEqual({ host: "web.prod.svc.cluster.local", port: 8080, sleepMs: 0 });
    expect(parseGenerator(["sh", "-c", "for i in $(seq 1 100000); do wget -qO- web; sleep 1; done"])).toEqual(
      {
        host: "web",
        sleepMs: 1000,
      },
    );
  });

  it("ignores a single request and commands without a client", () => {
    expect(parseGenerator(["wget", "-qO-", "http://web"])).toBeUndefined();
    expect(parseGenerator(["sh", "-c", "while true; do echo hi; sleep 1; done"])).toBeUndefined();
  });
});

describe("windowLoad", () => {
  it("averages the load over the 15 s window before a scrape", () => {
    // 500m from t=10 s: the scrape at 15 s sees 5 s of it, the one at 30 s all of it.
    const rec = { n: "php-apache", h: [[10_000, 500, 14] as [number, number, number]] };
    expect(windowLoad(rec, 15_000).cpu).toBeCloseTo(166.67, 1);
    expect(windowLoad(rec, 30_000)).toEqual({ cpu: 500, rps: 14 });
  });

  it("sees the load fall away after it stops", () => {
    const rec = {
      n: "php-apache",
      h: [
        [0, 300, 6],
        [40_000, 0, 0],
      ] as [number, number, number][],
    };
    expect(windowLoad(rec, 45_000).cpu).toBe(200);
    expect(windowLoad(rec, 60_000)).toEqual({ cpu: 0, rps: 0 });
  });
});
