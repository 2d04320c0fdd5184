import { Sim } from "@bosun/sim";
const sim = Sim.create({ seed: 42, profile: "fast" });
for (let i = 0; i < 8; i++) { sim.exec(`kubectl create deployment app-${i} --image=nginx:1.25 --replicas=2`); sim.exec(`kubectl expose deployment app-${i} --port=80`); }
sim.advance(60000);
const cmds = ["kubectl get deployment app-0", "kubectl get svc app-0", "kubectl get nodes"];
const tot = new Map<string, number>();
for (let i = 0; i < 30000; i++) { const c = cmds[i % cmds.length]!; const t = process.hrtime.bigint(); sim.exec(c); tot.set(c, (tot.get(c) ?? 0) + Number(process.hrtime.bigint() - t)); }
for (const [c, ns] of tot) console.log((ns / 1000 / 1000).toFixed(1).padStart(8), "us/cmd", c);
