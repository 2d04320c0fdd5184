import { describe, expect, it } from "vitest";
import { within } from "./within.ts";

describe("within", () => {
  it("passes on a value or a rejection that comes in time", async () => {
    await expect(within(Promise.resolve(7), 1000)).resolves.toBe(7);
    await expect(within(Promise.reject(new Error("boom")), 1000)).rejects.toThrow("boom");
  });

  it("rejects when no answer comes in time", async () => {
    await expect(within(new Promise(() => {}), 20)).rejects.toThrow("no answer within 20 ms");
  });
});
