import { Sim } from "@bosun/sim";
const sim = Sim.create({ seed: 42, profile: "fast" });
for (let i = 0; i < 8; i++) { sim.exec(`kubectl create deployment app-${i} --image=nginx:1.25 --replicas=2`); sim.exec(`kubectl expose deployment app-${i} --port=80`); }
sim.advance(60000);
const t = Date.now();
for (let i = 0; i < 20000; i++) { sim.advance(1000); sim.exec(i % 4 === 0 ? `kubectl scale deployment app-0 --replicas=${2 + ((i / 4) % 2)}` : "kubectl get nodes"); }
console.log((20000 / (Date.now() - t)) * 1000, "cmd/s");
