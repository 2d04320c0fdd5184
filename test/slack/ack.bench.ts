// Slack acknowledgement and reply latency: signed slash commands into Bolt, through the queue and a worker.
// Run alone: `pnpm exec tsx test/slack/ack.bench.ts` (REDIS_URL or a private redis-server).

import { startRedisServer } from "../support/redis-server.ts";
import { person, SlackHarness } from "./slack-harness.ts";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const line = (name: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit })}\n`);

/** Prints slack.ack_ms.p50/p99 (HTTP answer to a signed /kubectl) and slack.reply_ms.p50/p99 (until the response_url post). */
export async function slackAckBench(redisUrl: string, n = 100): Promise<void> {
  const h = await SlackHarness.start(redisUrl);
  try {
    const acks: number[] = [];
    const replies: number[] = [];
    for (let i = 0; i < n; i++) {
      const who = person(`U0B${i % 10}`, `bench${i % 10}`);
      const started = performance.now();
      const res = await h.command(who, "/kubectl", i % 2 === 0 ? "get pods -A" : "get nodes");
      if (res.status !== 200) throw new Error(`ack status ${res.status}`);
      acks.push(res.ms);
      await h.responsesTo(res.responseId);
      replies.push(performance.now() - started);
    }
    acks.sort((a, b) => a - b);
    replies.sort((a, b) => a - b);
    line("slack.ack_ms.p50", percentile(acks, 50), "ms");
    line("slack.ack_ms.p99", percentile(acks, 99), "ms");
    line("slack.reply_ms.p50", percentile(replies, 50), "ms");
    line("slack.reply_ms.p99", percentile(replies, 99), "ms");
  } finally {
    await h.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const own = process.env.REDIS_URL ? undefined : await startRedisServer();
  try {
    await slackAckBench(process.env.REDIS_URL ?? own?.url ?? "");
  } finally {
    await own?.stop();
  }
}
