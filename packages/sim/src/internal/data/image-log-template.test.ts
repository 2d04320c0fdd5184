// Log template tests: each placeholder printed in its program's format for a fixed instant.
import { describe, expect, it } from "vitest";
import { LOG_PLACEHOLDERS, type LogPlaceholder, renderLogLine } from "./image-log-template.ts";

const T = Date.UTC(2024, 0, 2, 3, 4, 5, 678);

describe("renderLogLine", () => {
  it("renders every placeholder as its documented example", () => {
    for (const name of Object.keys(LOG_PLACEHOLDERS) as LogPlaceholder[]) {
      expect(renderLogLine(`{${name}}`, { timeMs: T }), name).toBe(LOG_PLACEHOLDERS[name]);
    }
  });

  it("fills an nginx access log line", () => {
    const line = '{clientIP} - - [{clfTime}] "GET / HTTP/1.1" 200 615 "-" "{agent}" "-"';
    expect(renderLogLine(line, { timeMs: T, clientIP: "10.244.1.7", agent: "curl/8.5.0" })).toBe(
      '10.244.1.7 - - [02/Jan/2024:03:04:05 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"',
    );
  });

  it("pads MariaDB's hour with a space and keeps two-digit hours", () => {
    expect(renderLogLine("{mariaTime}", { timeMs: Date.UTC(2024, 11, 31, 13, 0, 9) })).toBe(
      "2024-12-31 13:00:09",
    );
  });

  it("uses the context's pod values and leaves unknown names alone", () => {
    expect(
      renderLogLine("{hostname} {podIP} {pid} {version} {nope}", {
        timeMs: T,
        hostname: "web-0",
        podIP: "10.244.0.9",
        pid: 7,
      }),
    ).toBe("web-0 10.244.0.9 7 {version} {nope}");
  });
});
