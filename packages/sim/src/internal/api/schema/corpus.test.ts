// Every manifest of the kubernetes/website examples corpus decodes strictly and validates as a 1.32 server would.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { formatInvalid, strictDecode, validateObject } from "./index.ts";

const CORPUS = fileURLToPath(
  new URL("../../../../../../../shared/corpus/k8s-website-examples/", import.meta.url),
);

/**
 * Manifests a real kube-apiserver 1.32 rejects at decoding or validation, with the reason. Rejections that depend
 * on cluster state (LimitRange/ResourceQuota admission, an IPv4-only cluster refusing IPv6 Services, a node that
 * does not exist) are not decoding or validation errors, so they are not listed here.
 */
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const REJECTED: Readonly<Record<string, { reason: string; messages: string[] }>> = {
  "application/job/job-tmpl.yaml": {
    reason: "a template: the docs expand $ITEM with sed first; as written the name is not a DNS subdomain",
    messages: [
      `The Job "process-item-$ITEM" is invalid: \n* metadata.name: Invalid value: "process-item-$ITEM": ${SUBDOMAIN_MSG}\n* spec.template.labels: Invalid value: "process-item-$ITEM": ${LABEL_VALUE_MSG}`,
    ],
  },
  "application/ssa/nginx-deployment-replicas-only.yaml": {
    reason:
      "a server-side-apply fragment for an existing Deployment; as a create it has no selector or template",
    messages: [
      'The Deployment "nginx-deployment" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`\n* spec.template.spec.containers: Required value',
    ],
  },
  "service/networking/dual-stack-ipv6-svc.yaml": {
    reason: "uses spec.ipFamily, removed in Kubernetes 1.20 (replaced by spec.ipFamilies)",
    messages: [
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ipFamily"',
    ],
  },
};

function manifestFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = `${dir}${name}`;
      if (statSync(full).isDirectory()) return manifestFiles(`${full}/`);
      return /\.(ya?ml|json)$/.test(name) ? [full] : [];
    });
}

function documents(file: string): Record<string, unknown>[] {
  return parseAllDocuments(readFileSync(file, "utf8"))
    .map((d) => d.toJS() as unknown)
    .filter((d): d is Record<string, unknown> => typeof d === "object" && d !== null && !Array.isArray(d));
}

function problems(file: string): string[] {
  return documents(file).flatMap((doc) => {
    const decoded = strictDecode(doc);
    if (!decoded.ok) return [decoded.message];
    const errs = validateObject(doc);
    const meta = (doc.metadata ?? {}) as Record<string, unknown>;
    return errs.length > 0 ? [formatInvalid(String(doc.kind), String(meta.name ?? ""), errs)] : [];
  });
}

// The corpus lives in ../shared beside the repository (as in CI); a bare clone skips this suite.
describe.skipIf(!existsSync(CORPUS))("kubernetes/website examples corpus", () => {
  const files = manifestFiles(CORPUS);

  it("finds the 217 manifests", () => {
    expect(files).toHaveLength(217);
  });

  it.each(files.map((f) => [f.slice(CORPUS.length)]))("%s", (rel) => {
    const found = problems(`${CORPUS}${rel}`);
    expect(found).toEqual(REJECTED[rel]?.messages ?? []);
  });
});
