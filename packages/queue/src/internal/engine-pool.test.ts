// Which turns go to an engine thread: those that may let much cluster time pass, and no others.

import { describe, expect, it } from "vitest";
import { isLongTurn } from "./engine-pool.ts";
import type { EventJob } from "./schemas.ts";

const job = (event: EventJob["event"]): EventJob => ({
  kind: "event",
  v: 1,
  eventId: "e1",
  platform: "slack",
  actor: { id: "U1", name: "u" },
  sentAt: 0,
  target: { channel: "C1" },
  session: { platform: "slack", workspace: "T1", scope: "user", id: "U1" },
  event,
});
const text = (t: string) => job({ type: "text", text: t });

describe("isLongTurn", () => {
  it.each([
    "sleep 24h",
    "  sleep 30s",
    "kubectl wait --for=condition=Ready pod/web",
    "kubectl rollout status deployment/web",
    "k rollout   status deploy/web --timeout=10m",
    "kubectl get pods -w",
    "kubectl get pods --watch",
    "kubectl delete pod web --timeout=5m",
  ])("long: %s", (line) => {
    expect(isLongTurn(text(line))).toBe(true);
    expect(isLongTurn(job({ type: "command", text: line }))).toBe(true);
  });

  it.each([
    "kubectl get pods",
    "kubectl describe deployment web",
    "kubectl scale deployment web --replicas=3",
    "kubectl get pods -l app=web-watcher",
    "kubectl create configmap sleep --from-literal=k=v",
    "kubectl rollout history deployment/web",
    "lesson next",
    "hint",
  ])("short: %s", (line) => {
    expect(isLongTurn(text(line))).toBe(false);
  });

  it("a button or menu event is short", () => {
    expect(isLongTurn(job({ type: "hint" }))).toBe(false);
    expect(isLongTurn(job({ type: "lesson", action: "next" }))).toBe(false);
  });
});
