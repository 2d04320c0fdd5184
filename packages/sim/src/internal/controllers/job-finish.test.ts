// A job that has failed while its pods still terminate waits quietly: it is not rewritten on every
// reconcile pass.

import { describe, expect, it } from "vitest";
import { Sim } from "../sim.ts";

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: slow
spec:
  activeDeadlineSeconds: 30
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: c
        image: busybox
        command: [sleep, "120"]
`;

describe("a job past its deadline with a pod still terminating", () => {
  it("is written once, and a fresh start of the controllers writes nothing more", () => {
    const sim = Sim.create({ seed: 0, profile: "fast" });
    expect(sim.exec("kubectl apply -f -", JOB).exitCode).toBe(0);
    sim.exec("sleep 30s");
    const job = () => sim.cluster.store.get("jobs", "default", "slow");
    const conditions = job()?.status?.conditions as { type: string; reason?: string }[];
    expect(conditions.map((c) => `${c.type}:${c.reason}`)).toContain("FailureTarget:DeadlineExceeded");
    expect(job()?.status?.terminating).toBe(1);

    // Restored, the controllers start without memory and look at everything again.
    const copy = Sim.restore(JSON.parse(JSON.stringify(sim.save())));
    const rv = copy.cluster.state.rv;
    copy.cluster.reconcile();
    expect(copy.cluster.state.rv).toBe(rv);
  });
});
