// kubectl describe for Services, Endpoints, Ingresses and IngressClasses.
import { describe, expect, it } from "vitest";
import { describeObject } from "./describe/index.ts";
import { context, event, obj } from "./test-fixtures.ts";

const web = obj(
  "v1",
  "Service",
  "web",
  {
    spec: {
      type: "ClusterIP",
      clusterIP: "10.96.12.34",
      clusterIPs: ["10.96.12.34"],
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      internalTrafficPolicy: "Cluster",
      sessionAffinity: "None",
      ports: [{ port: 80, protocol: "TCP", targetPort: 8080 }],
      selector: { app: "web" },
    },
    status: { loadBalancer: {} },
  },
  { labels: { app: "web" } },
);
const webEndpoints = obj("v1", "Endpoints", "web", {
  subsets: [
    {
      addresses: [{ ip: "10.244.1.5" }, { ip: "10.244.2.6" }],
      notReadyAddresses: [{ ip: "10.244.3.7" }],
      ports: [{ port: 8080, protocol: "TCP" }],
    },
  ],
});

describe("describe service and endpoints", () => {
  it("service: IPs, ports, ready endpoints and policies (1.32 order)", () => {
    expect(
      describeObject("services", web, context({ endpoints: [webEndpoints] })),
    ).toBe(`Name:                     web
Namespace:                default
Labels:                   app=web
Annotations:              <none>
Selector:                 app=web
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.12.34
IPs:                      10.96.12.34
Port:                     <unset>  80/TCP
TargetPort:               8080/TCP
Endpoints:                10.244.1.5:8080,10.244.2.6:8080
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });

  it("NodePort service with a named port and no endpoints object yet", () => {
    const api = obj("v1", "Service", "api", {
      spec: {
        type: "NodePort",
        clusterIP: "10.96.0.20",
        clusterIPs: ["10.96.0.20"],
        ipFamilies: ["IPv4"],
        ipFamilyPolicy: "SingleStack",
        internalTrafficPolicy: "Cluster",
        externalTrafficPolicy: "Cluster",
        sessionAffinity: "None",
        ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: "http", nodePort: 31234 }],
        selector: { app: "api" },
      },
    });
    const ctx = context({}, [
      event(api, "Type", "ClusterIP -> NodePort", { source: "service-controller", first: 60, id: "s1" }),
    ]);
    expect(describeObject("services", api, ctx)).toBe(`Name:                     api
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=api
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.0.20
IPs:                      10.96.0.20
Port:                     http  80/TCP
TargetPort:               http/TCP
NodePort:                 http  31234/TCP
Endpoints:                <none>
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:
  Type    Reason  Age   From                Message
  ----    ------  ----  ----                -------
  Normal  Type    60s   service-controller  ClusterIP -> NodePort
`);
  });

  it("a service whose pods are not ready shows an empty endpoint list (1.32 reads EndpointSlices)", () => {
    const empty = obj("v1", "Endpoints", "web", {
      subsets: [{ notReadyAddresses: [{ ip: "10.244.3.7" }], ports: [{ port: 8080, protocol: "TCP" }] }],
    });
    expect(describeObject("services", web, context({ endpoints: [empty] }))).toContain(
      "Endpoints:                \nSession Affinity:",
    );
  });

  it("endpoints: subsets with ready and not-ready addresses", () => {
    expect(describeObject("endpoints", webEndpoints, context({}))).toBe(`Name:         web
Namespace:    default
Labels:       <none>
Annotations:  <none>
Subsets:
  Addresses:          10.244.1.5,10.244.2.6
  NotReadyAddresses:  10.244.3.7
  Ports:
    Name     Port  Protocol
    ----     ----  --------
    <unset>  8080  TCP

Events:  <none>
`);
  });
});

describe("describe ingress and ingress class", () => {
  it("ingress: rules with backends and their endpoints", () => {
    const ing = obj("networking.k8s.io/v1", "Ingress", "web", {
      spec: {
        ingressClassName: "nginx",
        rules: [
          {
            host: "example.com",
            http: {
              paths: [
                {
                  path: "/",
                  pathType: "Prefix",
                  backend: { service: { name: "web", port: { number: 80 } } },
                },
                {
                  path: "/api",
                  pathType: "Prefix",
                  backend: { service: { name: "api", port: { number: 8080 } } },
                },
              ],
            },
          },
        ],
      },
      status: { loadBalancer: { ingress: [{ ip: "172.18.0.2" }] } },
    });
    expect(
      describeObject("ingresses", ing, context({ services: [web], endpoints: [webEndpoints] })),
    ).toBe(`Name:             web
Labels:           <none>
Namespace:        default
Address:          172.18.0.2
Ingress Class:    nginx
Default backend:  <default>
Rules:
  Host         Path  Backends
  ----         ----  --------
  example.com  
               /      web:80 (10.244.1.5:8080,10.244.2.6:8080)
               /api   api:8080 (<error: services "api" not found>)
Annotations:   <none>
Events:        <none>
`);
  });

  it("ingress class", () => {
    const ic = obj(
      "networking.k8s.io/v1",
      "IngressClass",
      "nginx",
      { spec: { controller: "k8s.io/ingress-nginx" } },
      { namespace: undefined as never, labels: { "app.kubernetes.io/name": "ingress-nginx" } },
    );
    expect(describeObject("ingressclasses", ic, context({}))).toBe(`Name:         nginx
Labels:       app.kubernetes.io/name=ingress-nginx
Annotations:  <none>
Controller:   k8s.io/ingress-nginx
Events:       <none>
`);
  });
});
