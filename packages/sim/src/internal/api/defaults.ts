// Defaulting, as the API server fills in fields a manifest left out (pkg/apis/*/v1/defaults.go).

import type { Rng } from "../util/rng.ts";
import type { KObject } from "./types.ts";

// biome-ignore lint/suspicious/noExplicitAny: defaulting walks free-form manifest JSON
type Any = any;

function setDefault(obj: Any, key: string, value: unknown): void {
  if (obj[key] === undefined) obj[key] = value;
}

/** The image tag decides imagePullPolicy: `latest` or no tag → Always, otherwise IfNotPresent. */
export function defaultPullPolicy(image: string): string {
  if (image.includes("@")) return "IfNotPresent";
  const last = image.slice(image.lastIndexOf("/") + 1);
  const colon = last.indexOf(":");
  if (colon < 0) return "Always";
  return last.slice(colon + 1) === "latest" ? "Always" : "IfNotPresent";
}

function defaultContainer(c: Any): void {
  if (typeof c !== "object" || c === null) return;
  if (typeof c.image === "string") setDefault(c, "imagePullPolicy", defaultPullPolicy(c.image));
  setDefault(c, "resources", {});
  setDefault(c, "terminationMessagePath", "/dev/termination-log");
  setDefault(c, "terminationMessagePolicy", "File");
  if (Array.isArray(c.ports))
    for (const p of c.ports) if (p && typeof p === "object") setDefault(p, "protocol", "TCP");
  // Limits without requests: requests default to the limits.
  const res = c.resources;
  if (res?.limits && typeof res.limits === "object") {
    res.requests = { ...res.limits, ...(res.requests ?? {}) };
  }
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) {
    if (!probe || typeof probe !== "object") continue;
    setDefault(probe, "timeoutSeconds", 1);
    setDefault(probe, "periodSeconds", 10);
    setDefault(probe, "successThreshold", 1);
    setDefault(probe, "failureThreshold", 3);
    if (probe.httpGet && typeof probe.httpGet === "object") {
      setDefault(probe.httpGet, "path", "/");
      setDefault(probe.httpGet, "scheme", "HTTP");
    }
  }
  if (Array.isArray(c.env)) {
    for (const e of c.env) {
      const ref = e?.valueFrom?.fieldRef;
      if (ref && typeof ref === "object") setDefault(ref, "apiVersion", "v1");
    }
  }
}

/** PodSpec defaults, shared by Pods and every pod template. */
export function defaultPodSpec(spec: Any): void {
  if (typeof spec !== "object" || spec === null) return;
  setDefault(spec, "restartPolicy", "Always");
  setDefault(spec, "terminationGracePeriodSeconds", 30);
  setDefault(spec, "dnsPolicy", "ClusterFirst");
  setDefault(spec, "securityContext", {});
  setDefault(spec, "schedulerName", "default-scheduler");
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  if (Array.isArray(spec.volumes)) {
    for (const v of spec.volumes) {
      if (v?.configMap && typeof v.configMap === "object") setDefault(v.configMap, "defaultMode", 420);
      if (v?.secret && typeof v.secret === "object") setDefault(v.secret, "defaultMode", 420);
    }
  }
}

/** Fields the API server adds to a Pod (not to templates): service account, its token volume, tolerations. */
export function defaultPod(pod: KObject, rng: Rng): void {
  const spec = pod.spec as Any;
  defaultPodSpec(spec);
  setDefault(spec, "serviceAccountName", "default");
  setDefault(spec, "serviceAccount", spec.serviceAccountName);
  setDefault(spec, "enableServiceLinks", true);
  setDefault(spec, "preemptionPolicy", "PreemptLowerPriority");
  setDefault(spec, "priority", 0);
  const tolerations: Any[] = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  for (const key of ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]) {
    if (!tolerations.some((t) => t?.key === key)) {
      tolerations.push({ effect: "NoExecute", key, operator: "Exists", tolerationSeconds: 300 });
    }
  }
  spec.tolerations = tolerations;
  if (spec.automountServiceAccountToken !== false) {
    const volName = `kube-api-access-${rng.suffix(5)}`;
    const volumes: Any[] = Array.isArray(spec.volumes) ? spec.volumes : [];
    volumes.push({
      name: volName,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
          { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
          {
            downwardAPI: {
              items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }],
            },
          },
        ],
      },
    });
    spec.volumes = volumes;
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      const mounts: Any[] = Array.isArray(c.volumeMounts) ? c.volumeMounts : [];
      mounts.push({
        mountPath: "/var/run/secrets/kubernetes.io/serviceaccount",
        name: volName,
        readOnly: true,
      });
      c.volumeMounts = mounts;
    }
  }
}

function defaultTemplate(spec: Any): void {
  const template = spec?.template;
  if (template && typeof template === "object") {
    setDefault(template, "metadata", {});
    defaultPodSpec(template.spec);
  }
}

export function defaultDeployment(obj: KObject): void {
  const spec = obj.spec as Any;
  setDefault(spec, "replicas", 1);
  setDefault(spec, "revisionHistoryLimit", 10);
  setDefault(spec, "progressDeadlineSeconds", 600);
  setDefault(spec, "strategy", { type: "RollingUpdate" });
  setDefault(spec.strategy, "type", "RollingUpdate");
  if (spec.strategy.type === "RollingUpdate") {
    setDefault(spec.strategy, "rollingUpdate", {});
    setDefault(spec.strategy.rollingUpdate, "maxUnavailable", "25%");
    setDefault(spec.strategy.rollingUpdate, "maxSurge", "25%");
  }
  defaultTemplate(spec);
}

export function defaultReplicaSet(obj: KObject): void {
  setDefault(obj.spec, "replicas", 1);
  defaultTemplate(obj.spec);
}

export function defaultService(obj: KObject): void {
  const spec = obj.spec as Any;
  setDefault(spec, "type", "ClusterIP");
  setDefault(spec, "sessionAffinity", "None");
  if (spec.type === "ExternalName") return;
  setDefault(spec, "internalTrafficPolicy", "Cluster");
  if (spec.type === "NodePort" || spec.type === "LoadBalancer")
    setDefault(spec, "externalTrafficPolicy", "Cluster");
  if (spec.type === "LoadBalancer") setDefault(spec, "allocateLoadBalancerNodePorts", true);
  setDefault(spec, "ipFamilies", ["IPv4"]);
  setDefault(spec, "ipFamilyPolicy", "SingleStack");
  for (const p of spec.ports ?? []) {
    if (!p || typeof p !== "object") continue;
    setDefault(p, "protocol", "TCP");
    setDefault(p, "targetPort", p.port);
  }
}

export function defaultSecret(obj: KObject): void {
  setDefault(obj, "type", "Opaque");
  // stringData is write-only: the API server folds it into data, base64-encoded.
  const sd = obj.stringData as Record<string, string> | undefined;
  if (sd && typeof sd === "object") {
    const data = (obj.data as Record<string, string> | undefined) ?? {};
    for (const [k, v] of Object.entries(sd)) data[k] = Buffer.from(String(v), "utf8").toString("base64");
    obj.data = data;
    delete obj.stringData;
  }
}

export function defaultNamespace(obj: KObject): void {
  obj.spec = { finalizers: ["kubernetes"] };
  obj.status = { phase: "Active" };
  obj.metadata.labels = { ...(obj.metadata.labels ?? {}), "kubernetes.io/metadata.name": obj.metadata.name };
}

function cpuUtilization(pct: number): Any {
  return {
    type: "Resource",
    resource: { name: "cpu", target: { type: "Utilization", averageUtilization: pct } },
  };
}

/**
 * HorizontalPodAutoscaler, stored as autoscaling/v2 (what `kubectl get` returns): an autoscaling/v1
 * object is converted (targetCPUUtilizationPercentage → a cpu Utilization metric), then v2 defaults
 * apply — minReplicas 1, a cpu 80% metric when none is given, and, when `behavior` is set, the
 * default scale-up and scale-down rules under whatever it sets (pkg/apis/autoscaling/v2/defaults.go).
 */
export function defaultHorizontalPodAutoscaler(obj: KObject): void {
  const spec = (obj.spec ?? {}) as Any;
  obj.spec = spec;
  if (obj.apiVersion === "autoscaling/v1") {
    const pct = spec.targetCPUUtilizationPercentage;
    delete spec.targetCPUUtilizationPercentage;
    if (typeof pct === "number") spec.metrics = [cpuUtilization(pct)];
    obj.apiVersion = "autoscaling/v2";
  }
  setDefault(spec, "minReplicas", 1);
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) spec.metrics = [cpuUtilization(80)];
  if (spec.behavior && typeof spec.behavior === "object") {
    spec.behavior.scaleUp ??= {};
    const up = spec.behavior.scaleUp;
    setDefault(up, "stabilizationWindowSeconds", 0);
    setDefault(up, "selectPolicy", "Max");
    setDefault(up, "policies", [
      { type: "Pods", value: 4, periodSeconds: 15 },
      { type: "Percent", value: 100, periodSeconds: 15 },
    ]);
    spec.behavior.scaleDown ??= {};
    const down = spec.behavior.scaleDown;
    setDefault(down, "selectPolicy", "Max");
    setDefault(down, "policies", [{ type: "Percent", value: 100, periodSeconds: 15 }]);
  }
}
