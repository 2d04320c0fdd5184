// -o yaml, -o json and -o name as kubectl prints them.
import { describe, expect, it } from "vitest";
import { nameOf, toJson, toYaml } from "./output.ts";
import { obj } from "./test-fixtures.ts";

const cm = obj(
  "v1",
  "ConfigMap",
  "app",
  { data: { port: "80", debug: "true", greeting: "hello world" } },
  { creationTimestamp: "2024-01-01T00:00:00Z" },
);

describe("toYaml", () => {
  it("sorts keys, quotes ambiguous strings and keeps sequences unindented", () => {
    const dep = obj(
      "apps/v1",
      "Deployment",
      "web",
      {
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: "web" } },
          template: {
            metadata: { creationTimestamp: null, labels: { app: "web" } },
            spec: {
              containers: [
                {
                  name: "nginx",
                  image: "nginx:1.25",
                  ports: [{ containerPort: 80, protocol: "TCP" }],
                  resources: {},
                },
              ],
            },
          },
        },
        status: {},
      },
      { creationTimestamp: "2024-01-01T00:00:00Z", generation: 1 },
    );
    expect(toYaml(dep)).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: "2024-01-01T00:00:00Z"
  generation: 1
  name: web
  namespace: default
  resourceVersion: "1"
  uid: uid-deployment-web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.25
        name: nginx
        ports:
        - containerPort: 80
          protocol: TCP
        resources: {}
status: {}
`);
  });

  it("chooses go-yaml v2's scalar styles (YAML 1.1 booleans such as y and n are quoted, keys too)", () => {
    const values = {
      a: "80",
      b: "true",
      c: "",
      d: "yes",
      e: "1.5",
      f: "1e3",
      g: "0x1F",
      h: "12:30",
      i: "2024-01-01",
      j: "*",
      k: "a: b",
      l: "-x",
      m: "- x",
      n: "#x",
      o: "x #y",
      p: "x#y",
      q: " lead",
      r: "tab\there",
      s: "two\nlines",
      t: "ends\n",
      u: "keep\n\n",
      v: "it's",
      w: "null",
      x: "~",
      y: "v1.32.0",
      z: "Error:",
    };
    expect(toYaml(values)).toBe(`a: "80"
b: "true"
c: ""
d: "yes"
e: "1.5"
f: "1e3"
g: "0x1F"
h: "12:30"
i: "2024-01-01"
j: '*'
k: 'a: b'
l: -x
m: '- x'
"n": '#x'
o: 'x #y'
p: x#y
q: ' lead'
r: "tab\\there"
s: |-
  two
  lines
t: |
  ends
u: |+
  keep

v: it's
w: "null"
x: "~"
"y": v1.32.0
z: 'Error:'
`);
  });

  it("folds long strings after column 80, like go-yaml v2", () => {
    const message =
      "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.";
    expect(toYaml({ status: { conditions: [{ message, type: "PodScheduled" }] } })).toBe(`status:
  conditions:
  - message: '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are
      available: 1 No preemption victims found for incoming pod.'
    type: PodScheduled
`);
    const words = "word ".repeat(20).trim();
    // The fold happens at the first space once the line is past column 80: here after 82 columns.
    expect(toYaml({ k: words })).toBe(`k: ${"word ".repeat(15)}word\n  word word word word\n`);
  });

  it("sorts keys the go-yaml way (non-letters first, digit runs numerically) and prints a List", () => {
    expect(toYaml({ b: 1, a10: 2, a9: 3, A: 4, _x: 5, "1": 6, c: [], d: 1.5, e: false })).toBe(
      '_x: 5\n"1": 6\nA: 4\na9: 3\na10: 2\nb: 1\nc: []\nd: 1.5\ne: false\n',
    );
    expect(toYaml([cm])).toBe(`apiVersion: v1
items:
- apiVersion: v1
  data:
    debug: "true"
    greeting: hello world
    port: "80"
  kind: ConfigMap
  metadata:
    creationTimestamp: "2024-01-01T00:00:00Z"
    name: app
    namespace: default
    resourceVersion: "1"
    uid: uid-configmap-app
kind: List
metadata:
  resourceVersion: ""
`);
  });
});

describe("toJson", () => {
  it("indents by four, sorts keys byte-wise and escapes HTML characters", () => {
    expect(toJson({ b: [], a: { z: null, y: "<a&b>" }, c: {}, B: [1, true] })).toBe(`{
    "B": [
        1,
        true
    ],
    "a": {
        "y": "\\u003ca\\u0026b\\u003e",
        "z": null
    },
    "b": [],
    "c": {}
}
`);
  });

  it("prints several objects as a List", () => {
    const text = toJson([cm]);
    expect(
      text.startsWith(
        '{\n    "apiVersion": "v1",\n    "items": [\n        {\n            "apiVersion": "v1",',
      ),
    ).toBe(true);
    expect(
      text.endsWith('    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n'),
    ).toBe(true);
  });
});

describe("nameOf", () => {
  it("prefixes the kind and group as -o name does", () => {
    expect(nameOf(cm)).toBe("configmap/app");
    expect(nameOf(obj("apps/v1", "Deployment", "web"))).toBe("deployment.apps/web");
    expect(nameOf(obj("storage.k8s.io/v1", "StorageClass", "standard"))).toBe(
      "storageclass.storage.k8s.io/standard",
    );
  });
});
