// Profile tests: Kubernetes' own constants, fast as a tenth of realistic, failures only under chaos.
import { describe, expect, it } from "vitest";
import { resolveImage } from "./images.ts";
import { DEFAULT_PROFILE, type Delay, PROFILES, type Profile, profileSchema } from "./profiles.ts";

/** Every { ms, jitter } in a profile, by dotted path. */
function delays(profile: Profile): Map<string, Delay> {
  const out = new Map<string, Delay>();
  const walk = (value: unknown, path: string): void => {
    if (value === null || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if (typeof record.ms === "number" && typeof record.jitter === "number") {
      out.set(path, { ms: record.ms, jitter: record.jitter });
      return;
    }
    for (const [key, child] of Object.entries(record)) walk(child, path ? `${path}.${key}` : key);
  };
  walk(profile, "");
  return out;
}

describe("PROFILES", () => {
  it("defaults to realistic", () => {
    expect(DEFAULT_PROFILE).toBe("realistic");
  });

  it("uses the kubelet's back-off constants in realistic time", () => {
    expect(PROFILES.realistic.kubelet.imagePullBackoff).toEqual({ initial: 10_000, max: 300_000 });
    expect(PROFILES.realistic.kubelet.crashLoopBackoff).toEqual({
      initial: 10_000,
      max: 300_000,
      resetAfter: 600_000,
    });
    expect(PROFILES.realistic.node.podEvictionAfter).toEqual({ ms: 300_000, jitter: 0 });
  });

  it("pulls nginx in 3–6 s and creates and starts it in about a second, realistically", () => {
    const nginx = resolveImage("nginx");
    if (!nginx.ok) throw new Error(nginx.message);
    const k = PROFILES.realistic.kubelet;
    const transfer = (nginx.image.sizeBytes / k.pullBytesPerSecond) * 1000;
    expect(k.pullBase.ms * (1 - k.pullBase.jitter) + transfer).toBeGreaterThanOrEqual(3_000);
    expect(k.pullBase.ms * (1 + k.pullBase.jitter) + transfer).toBeLessThanOrEqual(6_000);
    expect(k.createDelay.ms + k.startDelay.ms).toBe(1_000);
  });

  it("keeps a LoadBalancer IP pending 10–40 s, like AKS", () => {
    const lb = PROFILES.realistic.services.loadBalancerIpDelay;
    expect([lb.ms * (1 - lb.jitter), lb.ms * (1 + lb.jitter)]).toEqual([10_000, 40_000]);
  });

  it("lets a SIGTERM-deaf shell use the whole grace period, and nginx go within a second", () => {
    const t = PROFILES.realistic.kubelet.terminationDelay;
    expect(t.byBehaviour).toEqual({ server: "graceful", shell: "gracePeriod", exit: "graceful" });
    expect(t.graceful.ms * (1 + t.graceful.jitter)).toBeLessThanOrEqual(1_000);
    expect(t.graceful.ms * (1 - t.graceful.jitter)).toBeGreaterThanOrEqual(100);
  });

  it("makes fast a jitter-free tenth of realistic", () => {
    const fast = delays(PROFILES.fast);
    const realistic = delays(PROFILES.realistic);
    expect([...fast.keys()]).toEqual([...realistic.keys()]);
    for (const [path, d] of fast) {
      expect(d.jitter, path).toBe(0);
      expect(d.ms, path).toBe(Math.round((realistic.get(path)?.ms ?? Number.NaN) / 10));
    }
    const k = PROFILES.fast.kubelet;
    expect(k.pullBytesPerSecond).toBe(PROFILES.realistic.kubelet.pullBytesPerSecond * 10);
    expect(k.crashLoopBackoff).toEqual({ initial: 1_000, max: 30_000, resetAfter: 60_000 });
    expect(k.gracePeriodScale).toBe(0.1);
  });

  it("injects failures only under chaos", () => {
    const off = { nodeFailure: null, podCrashRate: 0, pullFailureRate: 0 };
    expect(PROFILES.fast.chaos).toEqual(off);
    expect(PROFILES.realistic.chaos).toEqual(off);
    expect(PROFILES.chaos.chaos.nodeFailure).not.toBeNull();
    expect(PROFILES.chaos.chaos.podCrashRate).toBeGreaterThan(0);
    expect(PROFILES.chaos.chaos.pullFailureRate).toBeGreaterThan(0);
    expect(PROFILES.chaos.kubelet.crashLoopBackoff).toEqual(PROFILES.realistic.kubelet.crashLoopBackoff);
  });
});

describe("profileSchema", () => {
  it("rejects a jitter above 1, a negative delay and an inverted back-off", () => {
    const bad = (patch: (p: Profile) => void) => {
      const p = structuredClone(PROFILES.realistic);
      patch(p);
      return profileSchema.safeParse(p).success;
    };
    expect(bad(() => {})).toBe(true);
    expect(bad((p) => (p.scheduler.bindDelay.jitter = 1.5))).toBe(false);
    expect(bad((p) => (p.kubelet.createDelay.ms = -1))).toBe(false);
    expect(bad((p) => (p.kubelet.imagePullBackoff = { initial: 400_000, max: 300_000 }))).toBe(false);
    expect(bad((p) => (p.chaos.pullFailureRate = 2))).toBe(false);
  });

  it("refuses unknown keys, so a typo in a profile cannot pass silently", () => {
    const p = { ...structuredClone(PROFILES.realistic), extra: 1 };
    expect(() => profileSchema.parse(p)).toThrow();
  });
});
