// infra/: every YAML parses; the Kubernetes base applies cleanly to Bosun's own simulated cluster
// and follows the course's practices; compose and the overlay hang together.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { Sim } from "@bosun/sim";
import { reviewManifests } from "@bosun/tutor";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { REPO_ROOT as ROOT } from "../support/paths.ts";

const INFRA = join(ROOT, "infra");
const BASE = join(INFRA, "k8s", "base");
const AKS = join(INFRA, "k8s", "overlays", "aks");

/** Kinds the simulator does not model: applying them must fail only with "no matches for kind". */
const NOT_SIMULATED = new Set(["NetworkPolicy", "PodDisruptionBudget"]);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

type Obj = Record<string, unknown> & { kind?: string; metadata?: { name?: string } };

function docsOf(file: string): { text: string; obj: Obj }[] {
  return parseAllDocuments(readFileSync(file, "utf8"))
    .map((d) => ({ text: d.toString(), obj: d.toJS() as Obj }))
    .filter((d) => d.obj !== null && d.obj !== undefined);
}

function kustomization(dir: string): { namespace?: string; resources: string[]; [k: string]: unknown } {
  return parse(readFileSync(join(dir, "kustomization.yaml"), "utf8"));
}

/** The base's objects, in kustomization.yaml's resource order. */
function baseDocs(): { file: string; text: string; obj: Obj }[] {
  return kustomization(BASE).resources.flatMap((r) => docsOf(join(BASE, r)).map((d) => ({ file: r, ...d })));
}

describe("infra YAML", () => {
  it("parses every YAML file under infra/ without errors or warnings", () => {
    const files = yamlFiles(INFRA);
    expect(files.length).toBeGreaterThan(8);
    for (const f of files) {
      const docs = parseAllDocuments(readFileSync(f, "utf8"));
      for (const d of docs) {
        expect(d.errors.map(String), relative(ROOT, f)).toEqual([]);
        expect(d.warnings.map(String), relative(ROOT, f)).toEqual([]);
      }
    }
  });

  it("lists only files that exist in each kustomization", () => {
    for (const dir of [BASE, AKS]) {
      const k = kustomization(dir);
      const patches = (k.patches as { path?: string }[] | undefined) ?? [];
      const paths = [...k.resources, ...patches.flatMap((p) => (p.path ? [p.path] : []))];
      for (const r of paths) expect(existsSync(join(dir, r)), `${relative(ROOT, dir)}: ${r}`).toBe(true);
    }
  });
});

describe("the Kubernetes base on the simulated cluster", () => {
  it("is accepted object by object, and its Redis becomes ready", () => {
    const sim = Sim.create({ seed: 7, profile: "fast" });
    const ns = kustomization(BASE).namespace ?? "default";
    const applied: string[] = [];
    for (const { file, text, obj } of baseDocs()) {
      const r = sim.exec(`kubectl apply -n ${ns} -f -`, text);
      const what = `${file}: ${obj.kind}/${obj.metadata?.name}`;
      if (NOT_SIMULATED.has(obj.kind ?? "")) {
        expect(r.output, what).toContain(`no matches for kind "${obj.kind}"`);
        continue;
      }
      expect({ what, exitCode: r.exitCode, output: r.output }).toMatchObject({ exitCode: 0 });
      expect(r.output, what).toMatch(/ created\n?$/);
      applied.push(`${obj.kind}/${obj.metadata?.name}`);
    }
    expect(applied).toEqual([
      "Namespace/bosun",
      "ConfigMap/bosun-config",
      "Service/redis",
      "StatefulSet/redis",
      "Deployment/worker",
      "Service/slack",
      "Deployment/slack",
      "Deployment/discord",
    ]);
    // The API keeps what matters: probes on the worker's health endpoints, non-root, the Secret by name.
    const worker = JSON.parse(sim.exec(`kubectl get deployment worker -n ${ns} -o json`).output);
    const c = worker.spec.template.spec.containers[0];
    expect(c.readinessProbe.httpGet).toMatchObject({ path: "/readyz", port: "http" });
    expect(c.livenessProbe.httpGet).toMatchObject({ path: "/healthz", port: "http" });
    expect(worker.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    sim.advance(3 * 60_000);
    expect(sim.exec(`kubectl get statefulset redis -n ${ns}`).output).toMatch(/redis\s+1\/1/);
  });

  it("gives the course's best-practice coach nothing to say", () => {
    const objects = baseDocs().map((d) => d.obj);
    expect(objects.length).toBeGreaterThan(5);
    expect(reviewManifests(objects)).toEqual([]);
  });

  it("keeps tokens out of the manifests: Secrets are referenced by name, never written", () => {
    const files = yamlFiles(join(INFRA, "k8s"));
    const refs = new Set<string>();
    for (const f of files)
      for (const { obj } of docsOf(f)) {
        expect(obj.kind, relative(ROOT, f)).not.toBe("Secret");
        JSON.stringify(obj, (k, v) => {
          if (k === "secretKeyRef" || k === "secretRef") refs.add(v.name);
          return v;
        });
      }
    expect([...refs]).toEqual(["bosun-secrets"]);
    for (const f of files) expect(readFileSync(f, "utf8"), relative(ROOT, f)).not.toMatch(/xox[bpa]-[0-9]/);
  });

  it("pins every image to a version", () => {
    const images = baseDocs().flatMap(
      ({ obj }) =>
        JSON.stringify(obj)
          .match(/"image":"[^"]+"/g)
          ?.map((m) => m.slice(9, -1)) ?? [],
    );
    expect(images.length).toBeGreaterThan(3);
    for (const image of images) expect(image).toMatch(/:\d+\.\d+\.\d+$/);
  });
});

describe("the AKS overlay", () => {
  it("adds an autoscaler and a disruption budget the simulator and the coach accept", () => {
    const sim = Sim.create({ seed: 7, profile: "fast" });
    const k = kustomization(AKS);
    const ns = k.namespace ?? "default";
    for (const { text } of baseDocs().filter(
      (d) => d.obj.kind === "Namespace" || d.obj.kind === "Deployment",
    ))
      sim.exec(`kubectl apply -n ${ns} -f -`, text);
    const extra = k.resources.filter((r) => !r.startsWith("..")).flatMap((r) => docsOf(join(AKS, r)));
    expect(extra.map((d) => d.obj.kind).sort()).toEqual(["HorizontalPodAutoscaler", "PodDisruptionBudget"]);
    for (const { text, obj } of extra) {
      const r = sim.exec(`kubectl apply -n ${ns} -f -`, text);
      if (NOT_SIMULATED.has(obj.kind ?? "")) expect(r.output).toContain("no matches for kind");
      else expect(r).toMatchObject({ exitCode: 0 });
    }
    expect(sim.exec(`kubectl get hpa worker -n ${ns}`).output).toContain("Deployment/worker");
    // The overlay removes the worker's replica count (the HPA owns it): still nothing for the coach.
    const objects = baseDocs()
      .map((d) => d.obj)
      .map((o) => (o.kind === "Deployment" && o.metadata?.name === "worker" ? withoutReplicas(o) : o));
    expect(reviewManifests([...objects, ...extra.map((d) => d.obj)])).toEqual([]);
  });

  it("takes REDIS_URL from a Secret, over TLS, with the filled-in file kept out of git", () => {
    const k = kustomization(AKS) as { secretGenerator?: { name: string; envs: string[] }[] };
    const gen = k.secretGenerator?.find((g) => g.name === "bosun-redis");
    expect(gen?.envs).toEqual(["azure-redis.env"]);
    const example = readFileSync(join(AKS, "azure-redis.env.example"), "utf8");
    expect(example).toMatch(/^REDIS_URL=rediss:\/\/:[^@]+@[^.]+\.redis\.cache\.windows\.net:6380$/m);
    expect(readFileSync(join(AKS, ".gitignore"), "utf8")).toContain("azure-redis.env");
    // Every Deployment gets the Secret after the ConfigMap (the later envFrom source wins), and the
    // ConfigMap loses its in-cluster URL.
    const patches = (k as { patches: { target: { kind: string; name?: string }; patch: string }[] }).patches;
    const ops = (kind: string, name?: string) =>
      patches
        .filter((p) => p.target.kind === kind && p.target.name === name)
        .flatMap((p) => parse(p.patch) as { op: string; path: string; value?: unknown }[]);
    expect(ops("Deployment")).toEqual([
      {
        op: "add",
        path: "/spec/template/spec/containers/0/envFrom/-",
        value: { secretRef: { name: "bosun-redis" } },
      },
    ]);
    expect(ops("ConfigMap", "bosun-config")).toContainEqual({ op: "remove", path: "/data/REDIS_URL" });
    for (const { obj } of baseDocs().filter((d) => d.obj.kind === "Deployment"))
      expect(JSON.stringify(obj), obj.metadata?.name).toContain(
        '"envFrom":[{"configMapRef":{"name":"bosun-config"}}]',
      );
  });
});

function withoutReplicas(o: Obj): Obj {
  const spec = { ...(o.spec as Record<string, unknown>) };
  delete spec.replicas;
  return { ...o, spec };
}

describe("compose", () => {
  // Compose files use YAML merge keys (`<<: *app`).
  const compose = parse(readFileSync(join(INFRA, "compose.yaml"), "utf8"), { merge: true });

  it("runs Redis with a volume, two workers, the Slack app and the Discord bot from one image", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["discord", "redis", "slack", "worker"]);
    expect(compose.services.redis.image).toMatch(/^redis:7\.\d+\.\d+$/);
    expect(compose.services.redis.volumes).toEqual(["redis-data:/data"]);
    expect(compose.services.worker.deploy.replicas).toBe(2);
    for (const app of ["worker", "slack", "discord"]) {
      const s = compose.services[app];
      expect(s.command, app).toEqual([app]);
      expect(s.image, app).toBe(compose.services.worker.image);
      expect(s.env_file, app).toEqual([{ path: "../.env", required: true }]);
      expect(s.healthcheck.test.join(" "), app).toContain("/healthz");
      expect(s.depends_on.redis.condition, app).toBe("service_healthy");
      expect(existsSync(join(INFRA, s.build.context, s.build.dockerfile)), app).toBe(true);
    }
  });
});

describe("the image", () => {
  const dockerfile = readFileSync(join(INFRA, "docker", "Dockerfile"), "utf8");

  it("pins its base image, installs from the lockfile without dev tooling, and runs as a non-root user", () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20\.\d+\.\d+-slim$/m);
    expect(dockerfile).toMatch(/pnpm install --frozen-lockfile --prod/);
    expect(dockerfile).toMatch(/^USER 1000:1000$/m);
    const lock = readFileSync(join(ROOT, "pnpm-lock.yaml"), "utf8");
    const tsx = /tsx@(\d+\.\d+\.\d+)/.exec(dockerfile)?.[1];
    expect(lock).toContain(`tsx@${tsx}`);
    const entry = join(dirname(join(INFRA, "docker", "Dockerfile")), "entrypoint.sh");
    expect(readFileSync(entry, "utf8")).toMatch(/worker \| slack \| discord\)/);
  });
});
