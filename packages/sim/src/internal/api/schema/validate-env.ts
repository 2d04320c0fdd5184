// Container ports, env and envFrom validation (names, ranges, valueFrom sources).
import { duplicate, type FieldError, invalid, notSupported, required } from "./errors.ts";
import {
  isConfigMapKey,
  isRelaxedEnvVarName,
  isValidPortName,
  isValidPortNum,
  nameIsDNSSubdomain,
} from "./names.ts";
import { validateObjectFieldSelector, validateResourceFieldSelector } from "./validate-downward.ts";
import { at, child, list, num, type R, rec, str } from "./validate-meta.ts";

const PROTOCOLS = ["SCTP", "TCP", "UDP"];
const ENV_FIELD_PATHS = [
  "metadata.name",
  "metadata.namespace",
  "metadata.uid",
  "spec.nodeName",
  "spec.serviceAccountName",
  "status.hostIP",
  "status.hostIPs",
  "status.podIP",
  "status.podIPs",
];

export function validatePorts(ports: unknown, path: string): FieldError[] {
  const out: FieldError[] = [];
  const names = new Set<string>();
  list(ports).forEach((p, i) => {
    const port = rec(p);
    const idx = at(path, i);
    const name = str(port?.name);
    if (name !== "") {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) for (const m of msgs) out.push(invalid(child(idx, "name"), name, m));
      else if (names.has(name)) out.push(duplicate(child(idx, "name"), name));
      else names.add(name);
    }
    const cp = num(port?.containerPort) ?? 0;
    if (cp === 0) out.push(required(child(idx, "containerPort")));
    else for (const m of isValidPortNum(cp)) out.push(invalid(child(idx, "containerPort"), cp, m));
    const hp = num(port?.hostPort) ?? 0;
    if (hp !== 0) for (const m of isValidPortNum(hp)) out.push(invalid(child(idx, "hostPort"), hp, m));
    const proto = str(port?.protocol);
    if (proto !== "" && !PROTOCOLS.includes(proto))
      out.push(notSupported(child(idx, "protocol"), proto, PROTOCOLS));
  });
  return out;
}

function validateKeySelector(sel: R, path: string): FieldError[] {
  const out: FieldError[] = [];
  const name = str(sel.name);
  for (const m of nameIsDNSSubdomain(name, false)) out.push(invalid(child(path, "name"), name, m));
  const k = str(sel.key);
  if (k === "") out.push(required(child(path, "key")));
  else for (const m of isConfigMapKey(k)) out.push(invalid(child(path, "key"), k, m));
  return out;
}

export function validateEnv(env: unknown, path: string): FieldError[] {
  const out: FieldError[] = [];
  list(env).forEach((e, i) => {
    const ev = rec(e);
    const idx = at(path, i);
    const name = str(ev?.name);
    if (name === "") out.push(required(child(idx, "name")));
    else for (const m of isRelaxedEnvVarName(name)) out.push(invalid(child(idx, "name"), name, m));
    const from = rec(ev?.valueFrom);
    if (!from) return;
    const fp = child(idx, "valueFrom");
    let sources = 0;
    const fieldRef = rec(from.fieldRef);
    if (fieldRef) {
      sources++;
      out.push(...validateObjectFieldSelector(fieldRef, ENV_FIELD_PATHS, child(fp, "fieldRef")));
    }
    const resourceRef = rec(from.resourceFieldRef);
    if (resourceRef) {
      sources++;
      out.push(...validateResourceFieldSelector(resourceRef, child(fp, "resourceFieldRef"), false));
    }
    for (const k of ["configMapKeyRef", "secretKeyRef"]) {
      const sel = rec(from[k]);
      if (!sel) continue;
      sources++;
      out.push(...validateKeySelector(sel, child(fp, k)));
    }
    if (sources === 0) {
      out.push(
        invalid(
          fp,
          "",
          "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`",
        ),
      );
    } else if (str(ev?.value) !== "")
      out.push(invalid(fp, "", "may not be specified when `value` is not empty"));
    else if (sources > 1) out.push(invalid(fp, "", "may not have more than one field specified at a time"));
  });
  return out;
}

export function validateEnvFrom(envFrom: unknown, path: string): FieldError[] {
  const out: FieldError[] = [];
  list(envFrom).forEach((e, i) => {
    const ev = rec(e);
    const idx = at(path, i);
    const prefix = str(ev?.prefix);
    if (prefix !== "")
      for (const m of isRelaxedEnvVarName(prefix)) out.push(invalid(child(idx, "prefix"), prefix, m));
    let sources = 0;
    for (const k of ["configMapRef", "secretRef"]) {
      const ref = rec(ev?.[k]);
      if (!ref) continue;
      sources++;
      const name = str(ref.name);
      const np = child(child(idx, k), "name");
      if (name === "") out.push(required(np));
      else for (const m of nameIsDNSSubdomain(name, true)) out.push(invalid(np, name, m));
    }
    if (sources === 0) out.push(invalid(path, "", "must specify one of: `configMapRef` or `secretRef`"));
    else if (sources > 1) out.push(invalid(path, "", "may not have more than one field specified at a time"));
  });
  return out;
}
