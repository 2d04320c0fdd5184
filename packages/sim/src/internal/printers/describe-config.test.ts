// kubectl describe for ConfigMaps, Secrets, Namespaces, ResourceQuotas, LimitRanges and ServiceAccounts.
import { describe, expect, it } from "vitest";
import { describeObject } from "./describe/index.ts";
import { context, obj } from "./test-fixtures.ts";

const quota = obj(
  "v1",
  "ResourceQuota",
  "compute",
  {
    spec: { hard: { pods: "10", "requests.cpu": "1", "requests.memory": "1Gi" } },
    status: {
      hard: { pods: "10", "requests.cpu": "1", "requests.memory": "1Gi" },
      used: { pods: "2", "requests.cpu": "500m", "requests.memory": "256Mi" },
    },
  },
  { namespace: "dev" },
);
const limits = obj(
  "v1",
  "LimitRange",
  "limits",
  {
    spec: {
      limits: [
        {
          type: "Container",
          default: { cpu: "500m", memory: "512Mi" },
          defaultRequest: { cpu: "250m", memory: "256Mi" },
          max: { cpu: "1" },
        },
      ],
    },
  },
  { namespace: "dev" },
);
const dev = obj(
  "v1",
  "Namespace",
  "dev",
  { spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } },
  { namespace: undefined as never, labels: { "kubernetes.io/metadata.name": "dev" } },
);

describe("describe configmap and secret", () => {
  it("configmap: each key, a blank line after each value, then binary data sizes", () => {
    const cm = obj("v1", "ConfigMap", "app-config", {
      data: { "game.properties": "enemies=aliens\nlives=3\n", mode: "prod" },
      binaryData: { logo: "iVBORw0KGgo=" },
    });
    expect(describeObject("configmaps", cm, context({}))).toBe(`Name:         app-config
Namespace:    default
Labels:       <none>
Annotations:  <none>

Data
====
game.properties:
----
enemies=aliens
lives=3


mode:
----
prod


BinaryData
====
logo: 8 bytes

Events:  <none>
`);
  });

  it("secret: type and decoded sizes only", () => {
    const s = obj("v1", "Secret", "db", {
      type: "Opaque",
      data: { password: "czNjcjN0", username: "YWRtaW4=" },
    });
    expect(describeObject("secrets", s, context({}))).toBe(`Name:         db
Namespace:    default
Labels:       <none>
Annotations:  <none>

Type:  Opaque

Data
====
password:  6 bytes
username:  5 bytes
`);
  });
});

describe("describe namespace, quota and limit range", () => {
  it("namespace without quotas or limits", () => {
    expect(describeObject("namespaces", dev, context({}))).toBe(`Name:         dev
Labels:       kubernetes.io/metadata.name=dev
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`);
  });

  it("namespace with a quota and a limit range", () => {
    expect(
      describeObject("namespaces", dev, context({ resourcequotas: [quota], limitranges: [limits] })),
    ).toBe(`Name:         dev
Labels:       kubernetes.io/metadata.name=dev
Annotations:  <none>
Status:       Active

Resource Quotas
  Name:            compute
  Resource         Used   Hard
  --------         ---    ---
  pods             2      10
  requests.cpu     500m   1
  requests.memory  256Mi  1Gi

Resource Limits
 Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio
 ----       --------  ---  ---  ---------------  -------------  -----------------------
 Container  cpu       -    1    250m             500m           -
 Container  memory    -    -    256Mi            512Mi          -
`);
  });

  it("resource quota and limit range on their own", () => {
    expect(describeObject("resourcequotas", quota, context({}))).toBe(`Name:            compute
Namespace:       dev
Resource         Used   Hard
--------         ----   ----
pods             2      10
requests.cpu     500m   1
requests.memory  256Mi  1Gi
`);
    expect(describeObject("limitranges", limits, context({}))).toBe(`Name:       limits
Namespace:  dev
Type        Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio
----        --------  ---  ---  ---------------  -------------  -----------------------
Container   cpu       -    1    250m             500m           -
Container   memory    -    -    256Mi            512Mi          -
`);
  });
});

describe("describe serviceaccount", () => {
  it("lists pull secrets, mountable secrets and tokens", () => {
    const sa = obj("v1", "ServiceAccount", "builder", {
      imagePullSecrets: [{ name: "regcred" }, { name: "gone" }],
    });
    const reg = obj("v1", "Secret", "regcred", { type: "kubernetes.io/dockerconfigjson" });
    expect(
      describeObject("serviceaccounts", sa, context({ secrets: [reg] })),
    ).toBe(`Name:                builder
Namespace:           default
Labels:              <none>
Annotations:         <none>
Image pull secrets:  regcred
                     gone (not found)
Mountable secrets:   <none>
Tokens:              <none>
Events:              <none>
`);
  });
});
