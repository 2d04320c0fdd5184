// Personal and group sandboxes: two people in one channel, then the channel in group mode.

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { codeText, messageText, person, SlackHarness } from "./slack-harness.ts";

const CHANNEL = "C0GROUP";
let h: SlackHarness;
beforeAll(async () => {
  h = await SlackHarness.start(inject("redisUrl"));
});
afterAll(async () => {
  await h?.close();
});

const ann = person("U0ANN", "ann", CHANNEL);
const bob = person("U0BOB", "bob", CHANNEL);

async function run(who: typeof ann, text: string) {
  const res = await h.command(who, "/kubectl", text);
  expect(res.status).toBe(200);
  return res;
}

describe("sandboxes", () => {
  it("gives two people in one channel separate sandboxes", async () => {
    const created = await run(ann, "create deployment ann-app --image=nginx:1.25");
    await h.responsesTo(created.responseId);
    const mine = await run(ann, "get deployments");
    const theirs = await run(bob, "get deployments");
    expect(codeText(await h.responsesTo(mine.responseId))).toMatch(/^ann-app\s/m);
    // Not just "no ann-app": bob's own sandbox answers, and it is empty.
    expect(codeText(await h.responsesTo(theirs.responseId))).toBe("No resources found in default namespace.");
  });

  it("shares one sandbox in group mode, posts to the channel and says who ran what", async () => {
    const on = await h.command(ann, "/bosun", "group on");
    expect(JSON.parse(on.text)).toMatchObject({
      response_type: "in_channel",
      text: expect.stringMatching(/group mode/),
    });
    const status = await h.command(bob, "/bosun", "group");
    expect(JSON.parse(status.text).text).toMatch(/shares one sandbox/);

    const postsBefore = h.fake.callsTo("chat.postMessage").length;
    await run(ann, "create deployment shared --image=nginx:1.25");
    const created = await h.fake.waitFor(
      () =>
        h.fake
          .callsTo("chat.postMessage")
          .slice(postsBefore)
          .find((c) => /shared/.test(messageText(c.args))),
      "ann's group reply in the channel",
    );
    expect(created.args.channel).toBe(CHANNEL);
    expect(messageText(created.args)).toMatch(/ann ran:? .*kubectl create deployment shared/);

    await run(bob, "get deployments");
    const listed = await h.fake.waitFor(
      () =>
        h.fake
          .callsTo("chat.postMessage")
          .slice(postsBefore)
          .find((c) => /bob ran/.test(messageText(c.args))),
      "bob's group reply in the channel",
    );
    const out = codeText([listed.args]);
    expect(out).toMatch(/^shared\s/m);
    // The group sandbox is the channel's, not ann's personal one.
    expect(out).not.toMatch(/ann-app/);

    await h.command(ann, "/bosun", "group off");
    const back = await run(bob, "get deployments");
    // Back in bob's personal sandbox: the channel's deployment is not there.
    expect(codeText(await h.responsesTo(back.responseId))).toBe("No resources found in default namespace.");
    expect(h.fake.violations).toEqual([]);
  });

  it("refuses group mode in a direct message", async () => {
    const dm = { ...ann, channel: "D0ANN", channelName: "directmessage" };
    const res = await h.command(dm, "/bosun", "group on");
    expect(JSON.parse(res.text).text).toMatch(/for channels/);
  });
});
