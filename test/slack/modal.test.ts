// `/kubectl apply` with no manifest: the modal opens, the pasted YAML is applied, the result arrives.

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { codeText, messageText, person, SlackHarness } from "./slack-harness.ts";

let h: SlackHarness;
beforeAll(async () => {
  h = await SlackHarness.start(inject("redisUrl"));
});
afterAll(async () => {
  await h?.close();
});

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;

interface OpenedView {
  callback_id: string;
  private_metadata: string;
  blocks: Array<{ type: string; block_id?: string; element?: { action_id: string; multiline?: boolean } }>;
}

describe("the apply modal", () => {
  it("opens on /kubectl apply, applies the pasted YAML with apply -f -, and posts the result", async () => {
    const ann = person("U0ANN", "ann");
    const before = await h.commandCount();
    const res = await h.command(ann, "/kubectl", "apply");
    expect(res.status).toBe(200);
    const open = await h.fake.waitFor(() => h.fake.callsTo("views.open")[0], "views.open");
    expect(open.args.trigger_id).toMatch(/^trg\./);
    const view = open.args.view as OpenedView;
    const input = view.blocks.find((b) => b.type === "input");
    expect(input?.element?.multiline).toBe(true);
    // Opening the modal queues nothing.
    expect(await h.commandCount()).toBe(before);

    const empty = await h.submit(ann, {
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      values: { [input?.block_id ?? ""]: { [input?.element?.action_id ?? ""]: "  " } },
    });
    expect(JSON.parse(empty.text)).toMatchObject({ response_action: "errors" });

    const submitted = await h.submit(ann, {
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      values: { [input?.block_id ?? ""]: { [input?.element?.action_id ?? ""]: MANIFEST } },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.text).toBe("");
    // The slash command's response_url travelled in the modal's private_metadata.
    const [result] = await h.responsesTo(res.responseId);
    expect(messageText(result ?? {})).toContain("$ kubectl apply -f -");
    expect(codeText([result ?? {}])).toBe("deployment.apps/web created");

    const get = await h.command(ann, "/kubectl", "get deployment web");
    const [got] = await h.responsesTo(get.responseId);
    expect(codeText([got ?? {}])).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+\d\/2/);
  });

  it("answers a submission with a tampered private_metadata with a field error", async () => {
    const res = await h.submit(person("U0ANN", "ann"), {
      callback_id: "bosun-apply",
      private_metadata: "{not json",
      values: { manifest: { yaml: MANIFEST } },
    });
    expect(JSON.parse(res.text)).toMatchObject({
      response_action: "errors",
      errors: { manifest: expect.any(String) },
    });
  });
});
