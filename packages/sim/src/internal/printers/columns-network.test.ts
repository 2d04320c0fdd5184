// `kubectl get` rows for Services, Endpoints, Ingresses and IngressClasses.
import { describe, expect, it } from "vitest";
import { type TableOptions, tableFor } from "./columns.ts";
import { NOW, obj } from "./test-fixtures.ts";

const OPTS: TableOptions = {
  now: NOW,
  wide: false,
  showLabels: false,
  labelColumns: [],
  withNamespace: false,
  withKind: false,
  noHeaders: true,
};
const row = (resource: string, o: ReturnType<typeof obj>, wide = false) =>
  tableFor(resource, [o], { ...OPTS, wide })[0];
const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) =>
  obj("v1", "Service", "web", {
    spec: { sessionAffinity: "None", ...spec },
    status: { loadBalancer: {}, ...status },
  });

describe("networking tables", () => {
  it("services of every type", () => {
    const ports = [{ port: 80, protocol: "TCP", targetPort: 8080, nodePort: 31234 }];
    const cip = svc({
      type: "ClusterIP",
      clusterIP: "10.96.12.34",
      clusterIPs: ["10.96.12.34"],
      ports: [{ port: 80, protocol: "TCP" }],
      selector: { app: "web" },
    });
    expect(tableFor("services", [cip], { ...OPTS, noHeaders: false, wide: true })).toEqual([
      ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE", "SELECTOR"],
      ["web", "ClusterIP", "10.96.12.34", "<none>", "80/TCP", "10m", "app=web"],
    ]);
    const np = svc({ type: "NodePort", clusterIPs: ["10.96.0.20"], ports });
    expect(row("services", np)).toEqual(["web", "NodePort", "10.96.0.20", "<none>", "80:31234/TCP", "10m"]);
    const lb = svc({ type: "LoadBalancer", clusterIPs: ["10.96.0.30"], ports });
    expect(row("services", lb)?.[3]).toBe("<pending>");
    const lbIP = svc(
      { type: "LoadBalancer", clusterIPs: ["10.96.0.30"], ports },
      { loadBalancer: { ingress: [{ ip: "20.1.2.3" }, { ip: "20.1.2.2" }] } },
    );
    expect(row("services", lbIP)?.[3]).toBe("20.1.2.2,20.1...");
    expect(row("services", lbIP, true)?.[3]).toBe("20.1.2.2,20.1.2.3");
    const host = "a1234567890abcdef.elb.amazonaws.com";
    const lbHost = svc(
      { type: "LoadBalancer", clusterIPs: ["10.96.0.30"], ports },
      { loadBalancer: { ingress: [{ hostname: host }] } },
    );
    expect(row("services", lbHost)?.[3]).toBe("a1234567890ab...");
    expect(row("services", lbHost, true)?.[3]).toBe(host);
    const headless = svc({
      type: "ClusterIP",
      clusterIP: "None",
      clusterIPs: ["None"],
      ports: [{ port: 5432, protocol: "TCP" }],
    });
    expect(row("services", headless)?.slice(2, 5)).toEqual(["None", "<none>", "5432/TCP"]);
    const ext = svc({ type: "ExternalName", externalName: "db.example.com" });
    expect(row("services", ext, true)).toEqual([
      "web",
      "ExternalName",
      "<none>",
      "db.example.com",
      "<none>",
      "10m",
      "<none>",
    ]);
  });

  it("endpoints: three addresses, then '+ N more...'", () => {
    const ep = (subsets: unknown[]) => obj("v1", "Endpoints", "web", { subsets });
    const addrs = (...ips: string[]) => ips.map((ip) => ({ ip }));
    expect(row("endpoints", ep([]))?.[1]).toBe("<none>");
    const four = ep([
      {
        addresses: addrs("10.244.0.5", "10.244.1.3", "10.244.2.7", "10.244.2.8"),
        ports: [{ port: 80, protocol: "TCP" }],
      },
    ]);
    expect(row("endpoints", four)?.[1]).toBe("10.244.0.5:80,10.244.1.3:80,10.244.2.7:80 + 1 more...");
    const twoPorts = ep([{ addresses: addrs("10.0.0.1", "10.0.0.2"), ports: [{ port: 80 }, { port: 443 }] }]);
    expect(row("endpoints", twoPorts)?.[1]).toBe("10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...");
    expect(row("endpoints", ep([{ addresses: addrs("10.0.0.1") }]))?.[1]).toBe("10.0.0.1");
  });

  it("ingresses and ingress classes", () => {
    const rules = (...hosts: string[]) => hosts.map((host) => ({ host, http: { paths: [] } }));
    const ing = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) =>
      obj("networking.k8s.io/v1", "Ingress", "web", { spec, status: { loadBalancer: status } });
    expect(
      tableFor("ingresses", [ing({ ingressClassName: "nginx", rules: rules("example.com") })], {
        ...OPTS,
        noHeaders: false,
      }),
    ).toEqual([
      ["NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"],
      ["web", "nginx", "example.com", "", "80", "10m"],
    ]);
    const tls = ing(
      { rules: rules("a.io", "b.io", "c.io", "d.io"), tls: [{ hosts: ["a.io"] }] },
      { ingress: [{ ip: "172.18.0.2" }] },
    );
    expect(row("ingresses", tls)).toEqual([
      "web",
      "<none>",
      "a.io,b.io,c.io + 1 more...",
      "172.18.0.2",
      "80, 443",
      "10m",
    ]);
    expect(row("ingresses", ing({ rules: [{ http: { paths: [] } }] }))?.[2]).toBe("*");
    const ic = obj("networking.k8s.io/v1", "IngressClass", "nginx", {
      spec: { controller: "k8s.io/ingress-nginx" },
    });
    expect(row("ingressclasses", ic)).toEqual(["nginx", "k8s.io/ingress-nginx", "<none>", "10m"]);
  });
});
