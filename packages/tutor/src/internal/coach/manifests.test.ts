// Behaviour of the manifest review: each key takeaway flagged when missed, and silence for good manifests.

import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { reviewManifests } from "./manifests.ts";

const docs = (yaml: string): unknown[] => parseAllDocuments(yaml).map((d) => d.toJS());
const rules = (yaml: string) => reviewManifests(docs(yaml)).map((f) => `${f.rule} ${f.object}`);

/** A Deployment that follows every practice the course teaches; `patch` lines replace the marked parts. */
function deployment(
  o: { replicas?: string; image?: string; resources?: string; probes?: string; env?: string } = {},
) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${o.replicas ?? "  replicas: 3"}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${o.image ?? "nginx:1.25-alpine"}
        ports:
        - containerPort: 80
${o.env ?? ""}
${
  o.resources ??
  `        resources:
          requests:
            cpu: 100m
            memory: 64Mi
          limits:
            cpu: 250m
            memory: 128Mi`
}
${
  o.probes ??
  `        readinessProbe:
          httpGet:
            path: /
            port: 80
        livenessProbe:
          httpGet:
            path: /
            port: 80`
}
`;
}

/** The course's complete application (lesson 14 and the seed's "Complete Application Example"), API side. */
const COMPLETE_API = `apiVersion: v1
kind: Secret
metadata:
  name: db-secret
type: Opaque
stringData:
  password: supersecret123
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  DATABASE_HOST: "postgres.default.svc.cluster.local"
  DATABASE_PORT: "5432"
  LOG_LEVEL: "info"
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: postgres-pvc
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 3
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: myregistry.azurecr.io/myapi:1.2.3
        ports:
        - containerPort: 3000
        env:
        - name: DATABASE_URL
          value: postgresql://postgres:5432/myapp
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef:
              name: db-secret
              key: password
        resources:
          requests: { memory: "128Mi", cpu: "250m" }
          limits: { memory: "256Mi", cpu: "500m" }
        livenessProbe:
          httpGet: { path: /health, port: 3000 }
          initialDelaySeconds: 30
        readinessProbe:
          httpGet: { path: /ready, port: 3000 }
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  type: LoadBalancer
  selector:
    app: api
  ports:
  - port: 80
    targetPort: 3000
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: api-hpa
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }
  minReplicas: 3
  maxReplicas: 10
  metrics:
  - type: Resource
    resource: { name: cpu, target: { type: Utilization, averageUtilization: 70 } }
`;

/** The course's database: one replica on purpose (a ReadWriteOnce disk), no probes or resources. */
const COURSE_POSTGRES = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: postgres
spec:
  replicas: 1
  selector: { matchLabels: { app: postgres } }
  template:
    metadata: { labels: { app: postgres } }
    spec:
      containers:
      - name: postgres
        image: postgres:15-alpine
        env:
        - name: POSTGRES_PASSWORD
          valueFrom: { secretKeyRef: { name: db-secret, key: password } }
        - name: POSTGRES_DB
          value: myapp
        ports: [{ containerPort: 5432 }]
        volumeMounts: [{ name: data, mountPath: /var/lib/postgresql/data }]
      volumes:
      - name: data
        persistentVolumeClaim: { claimName: postgres-pvc }
`;

describe("reviewManifests", () => {
  it("finds nothing in manifests that follow the practices", () => {
    expect(reviewManifests(docs(deployment()))).toEqual([]);
    expect(reviewManifests(docs(COMPLETE_API))).toEqual([]);
  });

  it("does not ask the course's database for a second replica, only for resources and probes", () => {
    expect(rules(COURSE_POSTGRES)).toEqual(["resources deployment/postgres", "probes deployment/postgres"]);
  });

  it("suggests a Deployment for a bare Pod that serves an app, not for a one-off or a debugging pod", () => {
    const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;
    const [f] = reviewManifests(
      docs(pod("  containers:\n  - name: web\n    image: nginx:1.25\n    ports: [{containerPort: 80}]\n")),
    );
    expect(f).toMatchObject({ rule: "deployment-not-pod", severity: "tip", object: "pod/p", lesson: 5 });
    expect(
      rules(pod("  containers:\n  - name: c\n    image: busybox:1.36\n    command: [sleep, '3600']\n")),
    ).toEqual([]);
    expect(rules(pod("  restartPolicy: Never\n  containers:\n  - name: c\n    image: nginx:1.25\n"))).toEqual(
      [],
    );
    const owned = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: r, uid: u}]\nspec:\n  containers:\n  - name: web\n    image: nginx:1.25\n`;
    expect(rules(owned)).toEqual([]);
  });

  it("asks for more than one replica of a served app, unless an HPA in the batch scales it", () => {
    const one = deployment({ replicas: "  replicas: 1" });
    const [f] = reviewManifests(docs(one));
    expect(f).toMatchObject({ rule: "replicas", severity: "tip", object: "deployment/web", lesson: 5 });
    expect(rules(deployment({ replicas: "" }))).toEqual(["replicas deployment/web"]);
    const hpa = `---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 5\n`;
    expect(rules(one + hpa)).toEqual([]);
    expect(rules(deployment({ replicas: "  replicas: 2" }))).toEqual([]);
  });

  it("asks for requests and limits, and for limits when only requests are set", () => {
    const [none] = reviewManifests(docs(deployment({ resources: "" })));
    expect(none).toMatchObject({ rule: "resources", severity: "tip", lesson: 6 });
    expect(none?.message).toMatch(/^Container web sets no resource requests or limits/);
    const requestsOnly = "        resources:\n          requests: {cpu: 100m}";
    expect(reviewManifests(docs(deployment({ resources: requestsOnly })))[0]?.message).toMatch(
      /sets no limits/,
    );
    expect(
      rules(deployment({ resources: "        resources:\n          limits: {cpu: 100m, memory: 64Mi}" })),
    ).toEqual([]);
  });

  it("asks for liveness and readiness probes on long-running workloads, not on Jobs", () => {
    const [both] = reviewManifests(docs(deployment({ probes: "" })));
    expect(both).toMatchObject({ rule: "probes", severity: "tip", lesson: 9 });
    expect(both?.message).toMatch(/no readiness or liveness probe/);
    const onlyLive = "        livenessProbe:\n          tcpSocket: {port: 80}";
    expect(reviewManifests(docs(deployment({ probes: onlyLive })))[0]?.message).toMatch(
      /add a readiness probe/,
    );
    const job = `apiVersion: batch/v1\nkind: Job\nmetadata: {name: pi}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: pi\n        image: perl:5.34\n        resources: {limits: {cpu: 500m, memory: 128Mi}}\n`;
    expect(rules(job)).toEqual([]);
  });

  it("warns about untagged and latest images, and accepts versions and digests", () => {
    const [untagged] = reviewManifests(docs(deployment({ image: "nginx" })));
    expect(untagged).toMatchObject({ rule: "image-tag", severity: "warning", lesson: 11 });
    expect(untagged?.message).toMatch(/^Image nginx has no tag/);
    expect(rules(deployment({ image: "nginx:latest" }))).toEqual(["image-tag deployment/web"]);
    expect(rules(deployment({ image: "localhost:5000/team/app" }))).toEqual(["image-tag deployment/web"]);
    expect(rules(deployment({ image: "localhost:5000/team/app:2.1" }))).toEqual([]);
    expect(rules(deployment({ image: `nginx@sha256:${"a".repeat(64)}` }))).toEqual([]);
  });

  it("warns about a literal credential in env, without repeating its value", () => {
    const env =
      "        env:\n        - name: DB_PASSWORD\n          value: hunter2-Sup3r\n        - name: LOG_LEVEL\n          value: debug";
    const [f] = reviewManifests(docs(deployment({ env })));
    expect(f).toMatchObject({
      rule: "secret-literal",
      severity: "warning",
      object: "deployment/web",
      lesson: 8,
    });
    expect(f?.message).toMatch(/^DB_PASSWORD is a credential/);
    expect(f?.message).not.toContain("hunter2");
    const fine = [
      "        env:",
      "        - name: PASSWORD_FILE",
      "          value: /run/secrets/db",
      "        - name: MYSQL_ALLOW_EMPTY_PASSWORD",
      '          value: "1"',
      "        - name: API_TOKEN",
      "          valueFrom: {secretKeyRef: {name: s, key: token}}",
    ].join("\n");
    expect(rules(deployment({ env: fine }))).toEqual([]);
  });

  it("warns about a credential kept in a ConfigMap", () => {
    const cm =
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata:\n  LOG_LEVEL: info\n  apiKey: abc123\n";
    const [f] = reviewManifests(docs(cm));
    expect(f).toMatchObject({ rule: "secret-literal", object: "configmap/cfg" });
    expect(f?.message).not.toContain("abc123");
  });

  it("reviews the items of a List and ignores anything that is not an object", () => {
    const list = { kind: "List", items: docs(deployment({ image: "nginx" })) };
    expect(reviewManifests([null, 42, "x", [], list]).map((f) => f.rule)).toEqual(["image-tag"]);
  });
});
