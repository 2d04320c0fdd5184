// Group sandboxes, the sandbox clock following real time (capped), and the objects limit, through the pipeline.

import { repliesQueue } from "@bosun/queue";
import { Sim } from "@bosun/sim";
import type { SessionRef } from "@bosun/store";
import { MAX_CATCH_UP_MS } from "@bosun/tutor";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { eventJob, Pipeline, replyText, userSession } from "./pipeline-harness.ts";

/** The stored session's sandbox, restored. */
async function sandboxOf(p: Pipeline, ref: SessionRef): Promise<Sim> {
  return Sim.restore((await p.session(ref)).sim);
}

describe("one worker with a low objects limit", () => {
  let p: Pipeline;
  beforeAll(async () => {
    p = new Pipeline(inject("redisUrl"));
    await p.worker({ concurrency: 2, engineThreads: 0, rate: false, limits: { objects: 40 } });
    p.collect();
    p.collect(repliesQueue("discord"));
  });
  afterAll(async () => {
    await p?.close();
  });

  /** Sends an event and returns its one reply. */
  async function ask(job: ReturnType<typeof eventJob>) {
    await p.send(job);
    const [r] = await p.repliesTo(job.eventId);
    if (!r) throw new Error("no reply");
    return r;
  }

  test("a group sandbox is shared by the channel, answered on the platform's queue for everyone", async () => {
    const channel: SessionRef = { platform: "discord", workspace: "G1", scope: "channel", id: "C-group" };
    const ada = { id: "U-ada", name: "Ada" };
    const bob = { id: "U-bob", name: "Bob" };
    const made = await ask(
      eventJob(channel, "kubectl create configmap shared --from-literal=k=v", { actor: ada }),
    );
    expect(made.platform).toBe("discord");
    expect(made.visibility).toBe("channel");
    expect(made.actor).toEqual(ada);
    expect(replyText(made).startsWith("Ada ran: kubectl create configmap shared")).toBe(true);
    expect(replyText(made)).toContain("configmap/shared created");

    const seen = await ask(eventJob(channel, "kubectl get configmap shared", { actor: bob }));
    expect(seen.visibility).toBe("channel");
    expect(replyText(seen).startsWith("Bob ran: kubectl get configmap shared")).toBe(true);
    expect(replyText(seen)).toContain("shared");
    expect(replyText(seen)).not.toMatch(/NotFound/);
    // Nothing of the group's went to the other platform's queue.
    expect(p.replies.filter((r) => r.reply.platform === "slack" && r.reply.eventId === made.eventId)).toEqual(
      [],
    );
    const rec = await p.store.load(channel);
    expect(rec.applied).toBe(2);
    // A personal session of the same member is a different sandbox.
    const own = await ask(
      eventJob(
        { ...userSession("U-ada"), platform: "discord", workspace: "G1" },
        "kubectl get configmap shared",
        { actor: ada },
      ),
    );
    expect(own.visibility).toBe("personal");
    expect(replyText(own)).toMatch(/NotFound|not found/);
  });

  test("the sandbox clock moves by the real time between commands, at most MAX_CATCH_UP_MS", async () => {
    const s = userSession("U-clock");
    const t0 = 1_770_000_000_000;
    await ask(eventJob(s, "kubectl create configmap tick --from-literal=k=v", { sentAt: t0 }));
    const first = (await sandboxOf(p, s)).now;
    await ask(eventJob(s, "kubectl get configmap tick", { sentAt: t0 + 90_000 }));
    const second = (await sandboxOf(p, s)).now;
    expect(second - first).toBe(90_000);
    // A day later: the sandbox catches up by the cap only.
    await ask(eventJob(s, "kubectl get configmap tick", { sentAt: t0 + 90_000 + 24 * 3600_000 }));
    const third = (await sandboxOf(p, s)).now;
    expect(third - second).toBe(MAX_CATCH_UP_MS);
    // A command sent "earlier" (clock skew between adapters) never moves the clock back.
    await ask(eventJob(s, "kubectl get configmap tick", { sentAt: t0 }));
    expect((await sandboxOf(p, s)).now).toBe(third);
  });

  test("a command over the objects limit is not saved, says so, and deleting gets back under it", async () => {
    const s = userSession("U-objects");
    let refused: { i: number; text: string } | undefined;
    for (let i = 1; i <= 60 && !refused; i++) {
      const text = replyText(await ask(eventJob(s, `kubectl create configmap m${i} --from-literal=k=v`)));
      if (!text.includes(`configmap/m${i} created`)) refused = { i, text };
    }
    if (!refused) throw new Error("60 config maps were all accepted under a limit of 40 objects");
    expect(refused.text).toContain("the limit is 40");
    expect(refused.text).toContain("not applied");
    const names = (await sandboxOf(p, s)).list("configmaps", "default").map((o) => o.metadata.name);
    expect(names).toContain(`m${refused.i - 1}`);
    expect(names).not.toContain(`m${refused.i}`);
    await ask(eventJob(s, `kubectl delete configmap m1`));
    expect(
      replyText(await ask(eventJob(s, `kubectl create configmap m${refused.i} --from-literal=k=v`))),
    ).toContain(`configmap/m${refused.i} created`);
  });
});
