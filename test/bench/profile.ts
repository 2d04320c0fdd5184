import { Sim } from "@bosun/sim";
const sim = Sim.create({ seed: 42, profile: "fast" });
for (let i = 0; i < 8; i++) { sim.exec(`kubectl create deployment app-${i} --image=nginx:1.25 --replicas=2`); sim.exec(`kubectl expose deployment app-${i} --port=80`); }
sim.advance(60000);
const cmds = ["kubectl get deployment app-0", "kubectl get pods -l app=app-0", "kubectl scale deployment app-0 --replicas=3", "kubectl get svc app-0", "kubectl scale deployment app-0 --replicas=2", "kubectl get endpoints app-0", "kubectl describe deployment app-0", "kubectl get nodes"];
const t = Date.now();
for (let i = 0; i < 3000; i++) sim.exec(cmds[i % cmds.length]!);
console.log((3000 / (Date.now() - t)) * 1000, "cmd/s");
