// Validation messages for Service, ConfigMap, Secret, Namespace, PVC, quotas, limit ranges, HPA and Ingress.
import { describe, expect, it } from "vitest";
import { errorString, validateObject } from "./index.ts";

type M = Record<string, unknown>;
const errs = (m: M): string[] => validateObject(m).map(errorString);
const obj = (kind: string, rest: M, name = "x", apiVersion = "v1"): M => ({
  apiVersion,
  kind,
  metadata: { name },
  ...rest,
});
const service = (spec: M, name = "web"): M => obj("Service", { spec }, name);

describe("Service", () => {
  it("names Services as DNS-1035 labels", () => {
    expect(errs(service({ ports: [{ port: 80 }] }, "1web"))).toEqual([
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it("requires ports, except for headless and ExternalName services", () => {
    expect(errs(service({}))).toEqual(["spec.ports: Required value"]);
    expect(errs(service({ clusterIP: "None" }))).toEqual([]);
    expect(errs(service({ type: "ExternalName", externalName: "example.com" }))).toEqual([]);
    expect(errs(service({ type: "ExternalName" }))).toEqual(["spec.externalName: Required value"]);
  });

  it("checks ports, names and the type", () => {
    expect(
      errs(
        service({
          type: "Foo",
          ports: [
            { port: 0, targetPort: 8080 },
            { name: "http", port: 80 },
          ],
        }),
      ),
    ).toEqual([
      "spec.ports[0].name: Required value",
      "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
      'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });

  it("reports a node port outside 30000-32767 alone, as the allocator does before validation", () => {
    expect(errs(service({ type: "NodePort", ports: [{ port: 80, nodePort: 80 }] }, "Bad_Name"))).toEqual([
      "spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767",
    ]);
    expect(errs(service({ type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }))).toEqual([]);
    expect(errs(service({ ports: [{ port: 80, nodePort: 30080 }] }))).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
  });

  it("rejects duplicate ports", () => {
    expect(
      errs(
        service({
          ports: [
            { name: "a", port: 80 },
            { name: "b", port: 80 },
          ],
        }),
      ),
    ).toEqual([
      'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ]);
  });
});

describe("ConfigMap and Secret", () => {
  it("checks data keys", () => {
    expect(errs(obj("ConfigMap", { data: { "bad key": "v", "..x": "v" } }))).toEqual([
      "data[..x]: Invalid value: \"..x\": must not start with '..'",
      "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });

  it("checks Secret keys, including stringData, and the keys each type needs", () => {
    expect(errs(obj("Secret", { stringData: { "a/b": "x" } }))).toEqual([
      "data[a/b]: Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
    expect(errs(obj("Secret", { type: "kubernetes.io/tls", data: { "tls.crt": "YQ==" } }))).toEqual([
      "data[tls.key]: Required value",
    ]);
    const docker = (json: string) =>
      obj("Secret", { type: "kubernetes.io/dockerconfigjson", stringData: { ".dockerconfigjson": json } });
    expect(errs(docker("hello"))).toEqual([
      "data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": invalid character 'h' looking for beginning of value",
    ]);
    expect(errs(docker("nope"))).toEqual([
      "data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": invalid character 'o' in literal null (expecting 'u')",
    ]);
    expect(errs(docker('{"auths":{}}'))).toEqual([]);
  });
});

describe("Namespace and other core kinds", () => {
  it("names Namespaces as DNS labels", () => {
    expect(errs(obj("Namespace", {}, "team.a"))).toEqual([
      'metadata.name: Invalid value: "team.a": must not contain dots',
    ]);
    expect(errs(obj("Namespace", {}, "Team"))).toEqual([
      "metadata.name: Invalid value: \"Team\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it("checks PersistentVolumeClaims", () => {
    expect(errs(obj("PersistentVolumeClaim", { spec: {} }))).toEqual([
      "spec.accessModes: Required value: at least 1 access mode is required",
      "spec.resources[storage]: Required value",
    ]);
    const spec = { accessModes: ["ReadWriteSometimes"], resources: { requests: { storage: "0" } } };
    expect(errs(obj("PersistentVolumeClaim", { spec }))).toEqual([
      'spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
      'spec.resources[storage]: Invalid value: "0": must be greater than zero',
    ]);
  });

  it("checks quota resource names and limit range ordering", () => {
    expect(errs(obj("ResourceQuota", { spec: { hard: { pods: "1.5", gpus: "1" } } }))).toEqual([
      'spec.hard[gpus]: Invalid value: "gpus": must be a standard resource type or fully qualified',
      'spec.hard[gpus]: Invalid value: "gpus": must be a standard resource for quota',
      "spec.hard[pods]: Invalid value: 1500m: must be an integer",
    ]);
    const limits = [{ type: "Container", max: { memory: "1Gi" }, min: { memory: "2Gi" } }];
    expect(errs(obj("LimitRange", { spec: { limits } }))).toEqual([
      "spec.limits[0].min[memory]: Invalid value: 2Gi: min value 2Gi is greater than max value 1Gi",
      "spec.limits[0].defaultRequest[memory]: Invalid value: 1Gi: min value 2Gi is greater than default request value 1Gi",
      "spec.limits[0].default[memory]: Invalid value: 2Gi: min value 2Gi is greater than default value 1Gi",
    ]);
  });
});

describe("HorizontalPodAutoscaler and Ingress", () => {
  it("checks replica bounds and the target", () => {
    const hpa = obj(
      "HorizontalPodAutoscaler",
      { spec: { minReplicas: 5, maxReplicas: 2, scaleTargetRef: {} } },
      "h",
      "autoscaling/v2",
    );
    expect(errs(hpa)).toEqual([
      "spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`",
      "spec.scaleTargetRef.kind: Required value",
      "spec.scaleTargetRef.name: Required value",
    ]);
  });

  it("requires a pathType and a backend port", () => {
    const rules = [
      {
        http: {
          paths: [
            { path: "/", backend: { service: { name: "web" } } },
            { path: "api", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } },
          ],
        },
      },
    ];
    expect(errs(obj("Ingress", { spec: { rules } }, "ing", "networking.k8s.io/v1"))).toEqual([
      "spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified",
      'spec.rules[0].http.paths[1].path: Invalid value: "api": must be an absolute path',
    ]);
  });
});
