// Strict decoding messages: unknown fields, Go json type errors, Quantity/IntOrString/Time and base64 errors.
import { describe, expect, it } from "vitest";
import { base64Error } from "./decode.ts";
import { strictDecode } from "./index.ts";

const container = { name: "web", image: "nginx" };
const deployment = (spec: Record<string, unknown>) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web" },
  spec: {
    selector: { matchLabels: { app: "web" } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [container] } },
    ...spec,
  },
});
const pod = (c: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p" },
  spec: { containers: [{ ...container, ...c }], ...extra },
});
const message = (m: Record<string, unknown>) => {
  const r = strictDecode(m);
  return r.ok ? "ok" : r.message;
};
const DEPLOY = 'Deployment in version "v1" cannot be handled as a Deployment: ';
const POD = 'Pod in version "v1" cannot be handled as a Pod: ';

describe("unknown fields", () => {
  it("reports the full path with list indices", () => {
    const m = deployment({});
    const spec = m.spec.template.spec as Record<string, unknown>;
    spec.containers = [{ name: "web", imagee: "nginx" }];
    expect(message(m)).toBe(
      `${DEPLOY}strict decoding error: unknown field "spec.template.spec.containers[0].imagee"`,
    );
  });

  it("joins several unknown fields with commas, in the sorted order kubectl's JSON has", () => {
    expect(message(deployment({ foo: 1, bar: 2 }))).toBe(
      `${DEPLOY}strict decoding error: unknown field "spec.bar", unknown field "spec.foo"`,
    );
  });

  it("does not look inside an unknown field", () => {
    const m = { ...deployment({}), metadata: { name: "web", spec: { replicas: "1", whatever: true } } };
    expect(message(m)).toBe(`${DEPLOY}strict decoding error: unknown field "metadata.spec"`);
  });

  it("matches field names case-sensitively", () => {
    expect(message(pod({ Image: "x" }))).toBe(
      `${POD}strict decoding error: unknown field "spec.containers[0].Image"`,
    );
  });

  it("accepts any key in maps and any content in status", () => {
    const m = { ...pod({}), metadata: { name: "p", labels: { "x/y": "z" } }, status: { anything: [1] } };
    expect(message(m)).toBe("ok");
  });

  it("accepts null anywhere", () => {
    expect(
      message({
        ...deployment({ replicas: null, strategy: null }),
        metadata: { name: "w", creationTimestamp: null },
      }),
    ).toBe("ok");
  });
});

describe("type errors (Go's json.UnmarshalTypeError)", () => {
  it("names the innermost struct and the field path without indices", () => {
    expect(message(deployment({ replicas: "3" }))).toBe(
      `${DEPLOY}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`,
    );
    const env = { env: [{ name: "A", value: 1 }] };
    expect(message(pod(env))).toBe(
      `${POD}json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string`,
    );
    expect(message(pod({ env: [{ name: "A", value: true }] }))).toBe(
      `${POD}json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string`,
    );
  });

  it("prints the number for integers it cannot store", () => {
    expect(message(deployment({ replicas: 3.5 }))).toBe(
      `${DEPLOY}json: cannot unmarshal number 3.5 into Go struct field DeploymentSpec.spec.replicas of type int32`,
    );
    expect(message(deployment({ replicas: 3000000000 }))).toBe(
      `${DEPLOY}json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32`,
    );
  });

  it("prints Go type names for structs, slices, maps and named strings", () => {
    expect(message(deployment({ template: "x" }))).toBe(
      `${DEPLOY}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.template of type v1.PodTemplateSpec`,
    );
    expect(message({ ...pod({}), spec: { containers: {} } })).toBe(
      `${POD}json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container`,
    );
    expect(message({ ...pod({}), metadata: { name: "p", labels: { app: 1 } } })).toBe(
      `${POD}json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string`,
    );
    expect(message({ ...pod({}), metadata: { name: "p", labels: ["a"] } })).toBe(
      `${POD}json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string`,
    );
    expect(message(pod({ imagePullPolicy: 1 }))).toBe(
      `${POD}json: cannot unmarshal number into Go struct field Container.spec.containers.imagePullPolicy of type v1.PullPolicy`,
    );
    expect(message(pod({ ports: [{ containerPort: "80" }] }))).toBe(
      `${POD}json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32`,
    );
  });

  it("reports ConfigMap data values that are not strings", () => {
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { DIFFICULTY: 2 } };
    expect(message(cm)).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string',
    );
  });

  it("keeps the first type error, which beats unknown fields", () => {
    expect(message(deployment({ aaa: 1, replicas: "3", paused: "yes" }))).toBe(
      `${DEPLOY}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool`,
    );
  });
});

describe("errors of types with their own decoder", () => {
  it("reports a malformed quantity with apimachinery's regular expression", () => {
    expect(message(pod({ resources: { limits: { cpu: "abc" } } }))).toBe(
      `${POD}quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    );
    expect(message(pod({ resources: { limits: { memory: "1Gb" } } }))).toContain("quantities must match");
    expect(message(pod({ resources: { limits: { memory: "1mi" } } }))).toBe(
      `${POD}unable to parse quantity's suffix`,
    );
    expect(message(pod({ resources: { limits: { memory: 128 } } }))).toBe("ok");
  });

  it("lets a quantity error win over an earlier type error", () => {
    const m = { ...deployment({ replicas: "3" }) };
    const spec = m.spec.template.spec as Record<string, unknown>;
    spec.containers = [{ ...container, resources: { requests: { cpu: "lots" } } }];
    expect(message(m)).toContain("quantities must match");
  });

  it("decodes IntOrString ports as a string or an int32", () => {
    const probe = (port: unknown) => pod({ livenessProbe: { httpGet: { path: "/", port } } });
    expect(message(probe("http"))).toBe("ok");
    expect(message(probe(8080))).toBe("ok");
    expect(message(probe(true))).toBe(
      `${POD}json: cannot unmarshal bool into Go struct field HTTPGetAction.spec.containers.livenessProbe.httpGet.port of type int32`,
    );
    expect(message(probe(80.5))).toBe(
      `${POD}json: cannot unmarshal number 80.5 into Go struct field HTTPGetAction.spec.containers.livenessProbe.httpGet.port of type int32`,
    );
  });

  it("checks timestamps", () => {
    const m = { ...pod({}), metadata: { name: "p", creationTimestamp: "yesterday" } };
    expect(message(m)).toBe(
      `${POD}parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"`,
    );
    expect(message({ ...pod({}), metadata: { name: "p", creationTimestamp: "2024-01-02T03:04:05Z" } })).toBe(
      "ok",
    );
  });
});

describe("Secret data is base64", () => {
  const secret = (data: Record<string, unknown>) => ({
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: "s" },
    data,
  });

  it("reports Go's CorruptInputError offset", () => {
    expect(message(secret({ password: "hello" }))).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4',
    );
    expect(message(secret({ password: "cGFzc3dvcmQ=" }))).toBe("ok");
    expect(message(secret({ password: 12 }))).toBe(
      'Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal number into Go struct field Secret.data of type []uint8',
    );
  });

  it("follows Go's rules for padding, newlines and garbage", () => {
    expect(base64Error("YWJj")).toBeUndefined();
    expect(base64Error("YWI=")).toBeUndefined();
    expect(base64Error("YQ==")).toBeUndefined();
    expect(base64Error("YWJj\nZGVm\n")).toBeUndefined();
    expect(base64Error("abc")).toBe("illegal base64 data at input byte 0");
    expect(base64Error("ab!c")).toBe("illegal base64 data at input byte 2");
    expect(base64Error("YQ=")).toBe("illegal base64 data at input byte 3");
    expect(base64Error("YQ==YQ==")).toBe("illegal base64 data at input byte 4");
    expect(base64Error("Y===")).toBe("illegal base64 data at input byte 1");
    expect(base64Error("a b")).toBe("illegal base64 data at input byte 1");
  });
});

describe("versions and kinds", () => {
  it("uses the version part of apiVersion in the message", () => {
    const hpa = {
      apiVersion: "autoscaling/v1",
      kind: "HorizontalPodAutoscaler",
      metadata: { name: "h" },
      spec: { scaleTargetRef: { kind: "Deployment", name: "web" }, maxReplicas: 3, metrics: [] },
    };
    expect(message(hpa)).toBe(
      'HorizontalPodAutoscaler in version "v1" cannot be handled as a HorizontalPodAutoscaler: strict decoding error: unknown field "spec.metrics"',
    );
    expect(message({ ...hpa, apiVersion: "autoscaling/v2" })).toBe("ok");
  });

  it("leaves unknown kinds and unserved versions to the caller", () => {
    expect(message({ apiVersion: "example.com/v1", kind: "Widget", spec: { anything: 1 } })).toBe("ok");
    expect(message({ ...deployment({ foo: 1 }), apiVersion: "extensions/v1beta1" })).toBe("ok");
  });
});
