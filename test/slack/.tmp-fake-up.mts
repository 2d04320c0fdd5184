import { FakeSlack } from "/work/main/test/fakes/slack.ts";

const f = await FakeSlack.start();
console.log(f.apiUrl);
setInterval(() => {}, 1000);
