// Each coach rule points at a lesson that really teaches it, and names are judged as the rules intend.

import { describe, expect, it } from "vitest";
import { readContentDir } from "../content/fs.ts";
import { loadContentOrThrow } from "../content/load.ts";
import { RULES } from "./finding.ts";
import { imageProblem, parseImage } from "./image.ts";
import { isSensitiveName } from "./sensitive.ts";

describe("RULES", () => {
  const { lessons } = loadContentOrThrow(readContentDir());
  it.each(Object.entries(RULES))("%s links to a lesson that lists its concept", (_rule, info) => {
    const lesson = lessons.find((l) => l.number === info.lesson);
    expect(lesson?.concepts).toContain(info.concept);
  });
});

describe("image references", () => {
  it("tells a registry port from a tag", () => {
    expect(parseImage("localhost:5000/app")).toEqual({ repository: "localhost:5000/app" });
    expect(parseImage("localhost:5000/app:1.0")).toEqual({ repository: "localhost:5000/app", tag: "1.0" });
    expect(parseImage("nginx:1.25@sha256:abc")).toEqual({
      repository: "nginx",
      tag: "1.25",
      digest: "sha256:abc",
    });
    expect(imageProblem("")).toBeUndefined();
  });
});

describe("isSensitiveName", () => {
  it.each([
    "DB_PASSWORD",
    "POSTGRES_PASSWORD",
    "API_TOKEN",
    "CLIENT_SECRET",
    "apiKey",
    "db-pass",
    "SECRET_KEY",
  ])("flags %s", (name) => expect(isSensitiveName(name)).toBe(true));
  it.each([
    "PASSWORD_FILE",
    "SECRET_NAME",
    "KEYCLOAK_URL",
    "LOG_LEVEL",
    "MONKEY",
    "AWS_ACCESS_KEY_ID",
    "PWD",
  ])("does not flag %s", (name) => expect(isSensitiveName(name)).toBe(false));
});
