// A worker commits on top of its own last commit without loading the record. If the session is no
// longer the one it committed (removed and begun again up to the same number), the commit is
// refused by its epoch and the event runs again on the stored session.

import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { eventJob, Pipeline, replyText, userSession } from "./pipeline-harness.ts";

let p: Pipeline;
beforeAll(() => {
  p = new Pipeline(inject("redisUrl"));
  p.collect();
});
afterAll(async () => {
  await p?.close();
});

test("a session removed and begun again is not mistaken for the one a worker holds open", async () => {
  const s = userSession("U-epoch");
  const run = async (text: string) => {
    const job = eventJob(s, text);
    await p.send(job);
    const [r] = await p.repliesTo(job.eventId);
    return r ? replyText(r) : "";
  };
  const refused: unknown[] = [];
  const logger = {
    info() {},
    warn() {},
    error() {},
    debug(fields: object, msg?: string) {
      if (msg?.startsWith("commit without load refused")) refused.push(fields);
    },
  };
  // Worker A runs three commands and keeps the session open (at number 3).
  const a = await p.worker({ concurrency: 2, rate: false, engineThreads: 0, logger });
  for (const name of ["a1", "a2", "a3"])
    expect(await run(`kubectl create configmap ${name} --from-literal=k=v`)).toContain(
      `configmap/${name} created`,
    );
  // A stops taking jobs; the session is removed, and worker B runs three commands of a new one.
  await a.worker.pause();
  await p.store.remove(s);
  const b = await p.worker({ concurrency: 2, rate: false, engineThreads: 0 });
  for (const name of ["b1", "b2", "b3"])
    expect(await run(`kubectl create configmap ${name} --from-literal=k=v`)).toContain(
      `configmap/${name} created`,
    );
  await b.worker.pause();
  a.worker.resume();
  // Number 4 again, and the same version: only the epoch tells A's open session is another one.
  const listed = await run("kubectl get configmaps");
  expect(refused).toHaveLength(1);
  for (const name of ["b1", "b2", "b3"]) expect(listed).toContain(name);
  expect(listed).not.toContain("a1");
  // A goes on from the stored session, committing without loads again.
  expect((await run("kubectl get configmap b1 -o name")).trim()).toBe("configmap/b1");
  expect(refused).toHaveLength(1);
  expect((await p.session(s)).n).toBe(5);
});
