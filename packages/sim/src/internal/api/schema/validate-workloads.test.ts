// Validation messages for Pods and the workload kinds (Deployment, ReplicaSet, DaemonSet, StatefulSet, Job, CronJob).
import { describe, expect, it } from "vitest";
import { errorString, formatInvalid, validateObject } from "./index.ts";

type M = Record<string, unknown>;
const errs = (m: M): string[] => validateObject(m).map(errorString);
const invalidMessage = (m: M): string =>
  formatInvalid(String(m.kind), String((m.metadata as M | undefined)?.name ?? ""), validateObject(m));

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

const pod = (spec: M, name = "p"): M => ({ apiVersion: "v1", kind: "Pod", metadata: { name }, spec });
const c = (extra: M = {}): M => ({ name: "app", image: "nginx", ...extra });
const deployment = (spec: M, name = "web"): M => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name },
  spec: {
    selector: { matchLabels: { app: "web" } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [c()] } },
    ...spec,
  },
});

describe("object metadata", () => {
  it("requires a name", () => {
    expect(errs({ apiVersion: "v1", kind: "Pod", metadata: {}, spec: { containers: [c()] } })).toEqual([
      "metadata.name: Required value: name or generateName is required",
    ]);
  });

  it("accepts generateName instead, and checks it with a trailing dash allowed", () => {
    expect(
      errs({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { generateName: "web-" },
        spec: { containers: [c()] },
      }),
    ).toEqual([]);
  });

  it("checks names as DNS subdomains", () => {
    expect(errs(pod({ containers: [c()] }, "My_Pod"))).toEqual([
      `metadata.name: Invalid value: "My_Pod": ${SUBDOMAIN_MSG}`,
    ]);
  });

  it("checks label keys and values", () => {
    const m = {
      ...pod({ containers: [c()] }),
      metadata: { name: "p", labels: { "bad key": "ok", app: "-x" } },
    };
    expect(errs(m)).toEqual([
      "metadata.labels: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      "metadata.labels: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
  });
});

describe("pod spec and containers", () => {
  it("requires containers", () => {
    expect(errs(pod({}))).toEqual(["spec.containers: Required value"]);
  });

  it("requires container names and images, and names are DNS labels", () => {
    expect(errs(pod({ containers: [{ image: "x" }, { name: "serve_hostname" }] }))).toEqual([
      "spec.containers[0].name: Required value",
      `spec.containers[1].name: Invalid value: "serve_hostname": ${LABEL_MSG}`,
      "spec.containers[1].image: Required value",
    ]);
  });

  it("rejects duplicate container names", () => {
    expect(errs(pod({ containers: [c(), c()] }))).toEqual([
      'spec.containers[1].name: Duplicate value: "app"',
    ]);
  });

  it("checks port ranges", () => {
    const ports = [{ containerPort: 70000 }, { containerPort: 80, hostPort: -1 }, {}];
    expect(errs(pod({ containers: [c({ ports })] }))).toEqual([
      "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
      "spec.containers[0].ports[1].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive",
      "spec.containers[0].ports[2].containerPort: Required value",
    ]);
  });

  it("lists the supported restart policies", () => {
    expect(errs(pod({ restartPolicy: "Foo", containers: [c()] }))).toEqual([
      'spec.restartPolicy: Unsupported value: "Foo": supported values: "Always", "OnFailure", "Never"',
    ]);
    expect(errs(pod({ restartPolicy: "OnFailure", containers: [c()] }))).toEqual([]);
  });

  it("checks env var names (relaxed validation, on by default in 1.32)", () => {
    const env = [{ name: "" }, { name: "A=B", value: "x" }, { name: "1_STARTS_WITH_DIGIT" }];
    expect(errs(pod({ containers: [c({ env })] }))).toEqual([
      "spec.containers[0].env[0].name: Required value",
      "spec.containers[0].env[1].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='",
    ]);
  });

  it("checks valueFrom sources", () => {
    const env = [
      { name: "A", valueFrom: {} },
      { name: "B", valueFrom: { fieldRef: { fieldPath: "spec.foo" } } },
    ];
    expect(errs(pod({ containers: [c({ env })] }))).toEqual([
      'spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      'spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Invalid value: "spec.foo": error converting fieldPath: field label not supported: spec.foo',
    ]);
  });

  it("reports mounts of undeclared volumes", () => {
    const volumeMounts = [{ name: "data", mountPath: "/data" }];
    expect(errs(pod({ containers: [c({ volumeMounts })] }))).toEqual([
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ]);
    expect(
      errs(pod({ containers: [c({ volumeMounts })], volumes: [{ name: "data", emptyDir: {} }] })),
    ).toEqual([]);
  });

  it("requires exactly one volume source", () => {
    expect(
      errs(
        pod({
          containers: [c()],
          volumes: [{ name: "v" }, { name: "w", emptyDir: {}, hostPath: { path: "/x" } }],
        }),
      ),
    ).toEqual([
      "spec.volumes[0]: Required value: must specify a volume type",
      "spec.volumes[1].hostPath: Forbidden: may not specify more than 1 volume type",
    ]);
  });
});

describe("resources", () => {
  const res = (resources: M) => errs(pod({ containers: [c({ resources })] }));

  it("requires requests ≤ limits, printing canonical quantities", () => {
    expect(res({ requests: { cpu: "2" }, limits: { cpu: "1" } })).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    ]);
    expect(
      res({ requests: { cpu: "1500m", memory: "1Gi" }, limits: { cpu: "1000m", memory: "0.5Gi" } }),
    ).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "1500m": must be less than or equal to cpu limit of 1',
      'spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi',
    ]);
    expect(
      res({ requests: { cpu: "250m", memory: "64Mi" }, limits: { cpu: "500m", memory: "128Mi" } }),
    ).toEqual([]);
  });

  it("rejects negative quantities and unknown resource names", () => {
    expect(res({ limits: { cpu: "-1", cpus: "1" } })).toEqual([
      'spec.containers[0].resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      'spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
      'spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource for containers',
    ]);
  });

  it("requires equal requests and limits for extended resources", () => {
    expect(res({ requests: { "example.com/gpu": "1" } })).toEqual([
      "spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources",
    ]);
    expect(res({ requests: { "example.com/gpu": "1" }, limits: { "example.com/gpu": "2" } })).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "1": must be equal to example.com/gpu limit of 2',
    ]);
  });
});

describe("probes", () => {
  const probe = (p: M) => errs(pod({ containers: [c({ livenessProbe: p })] }));

  it("requires exactly one handler", () => {
    expect(probe({})).toEqual([
      "spec.containers[0].livenessProbe: Required value: must specify a handler type",
    ]);
    expect(probe({ exec: { command: ["true"] }, tcpSocket: { port: 80 } })).toEqual([
      "spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type",
    ]);
  });

  it("checks ports, commands and thresholds", () => {
    expect(probe({ httpGet: { path: "/" } })).toEqual([
      "spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive",
    ]);
    expect(probe({ httpGet: { port: "80" } })).toEqual([
      'spec.containers[0].livenessProbe.httpGet.port: Invalid value: "80": must contain at least one letter (a-z)',
    ]);
    expect(probe({ exec: {}, periodSeconds: -1, successThreshold: 2 })).toEqual([
      "spec.containers[0].livenessProbe.exec.command: Required value",
      "spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0",
      "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
    ]);
  });
});

describe("Deployment and the other controllers", () => {
  it("formats one error inline (the brief's example)", () => {
    expect(invalidMessage(deployment({ replicas: -1 }))).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it("requires a selector that matches the template labels", () => {
    const m = deployment({ selector: undefined });
    (m.spec as M).template = { metadata: { labels: { tier: "web", app: "x" } }, spec: { containers: [c()] } };
    expect(invalidMessage(m)).toBe(
      'The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"x", "tier":"web"}: `selector` does not match template `labels`',
    );
    expect(errs(deployment({ selector: { matchLabels: { app: "other" } } }))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
    expect(
      errs(deployment({ selector: { matchExpressions: [{ key: "app", operator: "In", values: ["web"] }] } })),
    ).toEqual([]);
  });

  it("reports template container errors under spec.template.spec", () => {
    const m = deployment({});
    ((m.spec as M).template as M).spec = { containers: [{ name: "web" }] };
    expect(errs(m)).toEqual(["spec.template.spec.containers[0].image: Required value"]);
  });

  it("requires restartPolicy Always in templates", () => {
    const m = deployment({});
    ((m.spec as M).template as M).spec = { containers: [c()], restartPolicy: "Never" };
    expect(errs(m)).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });

  it("checks rolling update parameters", () => {
    expect(errs(deployment({ strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }))).toEqual([
      "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0",
    ]);
    expect(errs(deployment({ minReadySeconds: 700 }))).toEqual([
      "spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds",
    ]);
  });

  it("rejects a DaemonSet whose selector is missing (there is no Required error for it)", () => {
    const ds = { ...deployment({ selector: undefined }), kind: "DaemonSet" };
    expect(errs(ds)).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it("names StatefulSets as DNS labels and does not validate their pod spec", () => {
    const sts: M = { ...deployment({}, "db.main"), kind: "StatefulSet" };
    ((sts.spec as M).template as M).spec = { containers: [{ name: "db" }] };
    expect(errs(sts)).toEqual(['metadata.name: Invalid value: "db.main": must not contain dots']);
  });
});

describe("Jobs and CronJobs", () => {
  const job = (spec: M): M => ({ apiVersion: "batch/v1", kind: "Job", metadata: { name: "pi" }, spec });

  it("requires restartPolicy OnFailure or Never", () => {
    expect(errs(job({ template: { spec: { containers: [c()] } } }))).toEqual([
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
    // The pod spec check and the Job's own check both fire.
    expect(errs(job({ template: { spec: { containers: [c()], restartPolicy: "Sometimes" } } }))).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
    ]);
    expect(errs(job({ template: { spec: { containers: [c()], restartPolicy: "Never" } } }))).toEqual([]);
  });

  it("checks CronJob schedules as robfig/cron does", () => {
    const cron = (schedule: string): M => ({
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "hello" },
      spec: {
        schedule,
        jobTemplate: { spec: { template: { spec: { containers: [c()], restartPolicy: "OnFailure" } } } },
      },
    });
    expect(errs(cron("*/5 * * * *"))).toEqual([]);
    expect(errs(cron("@hourly"))).toEqual([]);
    expect(errs(cron("*/5 * * *"))).toEqual([
      'spec.schedule: Invalid value: "*/5 * * *": expected exactly 5 fields, found 4: [*/5 * * *]',
    ]);
    expect(errs(cron("61 * * * *"))).toEqual([
      'spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
    ]);
  });
});
