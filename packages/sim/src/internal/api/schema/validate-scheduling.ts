// PodSpec scheduling fields: affinity, tolerations, topology spread, DNS config, host aliases, security context.
import { duplicate, type FieldError, forbidden, invalid, notSupported, required } from "./errors.ts";
import {
  IP_ERROR,
  inclusiveRangeError,
  isDNS1123Label,
  isDNS1123Subdomain,
  isValidLabelValue,
  parseIP,
} from "./names.ts";
import {
  at,
  child,
  list,
  num,
  type R,
  rec,
  str,
  validateLabelName,
  validateLabelSelector,
} from "./validate-meta.ts";

function validateNodeSelectorTerm(term: R, path: string, allowInvalidValues: boolean): FieldError[] {
  const out: FieldError[] = [];
  list(term.matchExpressions).forEach((e, j) => {
    const rq = rec(e) ?? {};
    const p = at(child(path, "matchExpressions"), j);
    const values = list(rq.values).map(str);
    const op = str(rq.operator);
    if (op === "In" || op === "NotIn") {
      if (values.length === 0)
        out.push(required(child(p, "values"), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === "Exists" || op === "DoesNotExist") {
      if (values.length > 0) {
        out.push(
          forbidden(child(p, "values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        );
      }
    } else if (op === "Gt" || op === "Lt") {
      if (values.length !== 1) {
        out.push(
          required(child(p, "values"), "must be specified single value when `operator` is 'Lt' or 'Gt'"),
        );
      }
    } else out.push(invalid(child(p, "operator"), op, "not a valid selector operator"));
    out.push(...validateLabelName(str(rq.key), child(p, "key")));
    if (!allowInvalidValues) {
      values.forEach((v, k) => {
        for (const m of isValidLabelValue(v)) out.push(invalid(at(child(p, "values"), k), v, m));
      });
    }
  });
  list(term.matchFields).forEach((f, j) => {
    const rq = rec(f) ?? {};
    const p = at(child(path, "matchFields"), j);
    const values = list(rq.values).map(str);
    const op = str(rq.operator);
    if (op === "In" || op === "NotIn") {
      if (values.length !== 1) {
        const msg = "must be only one value when `operator` is 'In' or 'NotIn' for node field selector";
        out.push(required(child(p, "values"), msg));
      }
    } else out.push(invalid(child(p, "operator"), op, "not a valid selector operator"));
    if (str(rq.key) !== "metadata.name")
      out.push(invalid(child(p, "key"), str(rq.key), "not a valid field selector key"));
    else
      values.forEach((v, k) => {
        for (const m of isDNS1123Subdomain(v)) out.push(invalid(at(child(p, "values"), k), v, m));
      });
  });
  return out;
}

function validatePodAffinityTerms(terms: unknown, path: string, weighted: boolean): FieldError[] {
  const out: FieldError[] = [];
  list(terms).forEach((t, i) => {
    const raw = rec(t) ?? {};
    let p = at(path, i);
    let term = raw;
    if (weighted) {
      const w = num(raw.weight) ?? 0;
      if (w <= 0 || w > 100) out.push(invalid(child(p, "weight"), w, "must be in the range 1-100"));
      p = child(p, "podAffinityTerm");
      term = rec(raw.podAffinityTerm) ?? {};
    }
    out.push(...validateLabelSelector(term.labelSelector, child(p, "labelSelector")));
    out.push(...validateLabelSelector(term.namespaceSelector, child(p, "namespaceSelector")));
    for (const ns of list(term.namespaces).map(str)) {
      for (const m of isDNS1123Label(ns)) out.push(invalid(child(p, "namespace"), ns, m));
    }
    const tk = str(term.topologyKey);
    if (tk === "") out.push(required(child(p, "topologyKey"), "can not be empty"));
    out.push(...validateLabelName(tk, child(p, "topologyKey")));
  });
  return out;
}

export function validateAffinity(affinity: unknown, path: string): FieldError[] {
  const a = rec(affinity);
  if (!a) return [];
  const out: FieldError[] = [];
  const na = rec(a.nodeAffinity);
  if (na) {
    const np = child(path, "nodeAffinity");
    const req = rec(na.requiredDuringSchedulingIgnoredDuringExecution);
    if (req) {
      const tp = child(child(np, "requiredDuringSchedulingIgnoredDuringExecution"), "nodeSelectorTerms");
      const terms = list(req.nodeSelectorTerms);
      if (terms.length === 0) out.push(required(tp, "must have at least one node selector term"));
      terms.forEach((t, i) => {
        out.push(...validateNodeSelectorTerm(rec(t) ?? {}, at(tp, i), false));
      });
    }
    list(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      const p = at(child(np, "preferredDuringSchedulingIgnoredDuringExecution"), i);
      const w = num(rec(t)?.weight) ?? 0;
      if (w <= 0 || w > 100) out.push(invalid(child(p, "weight"), w, "must be in the range 1-100"));
      out.push(...validateNodeSelectorTerm(rec(rec(t)?.preference) ?? {}, child(p, "preference"), true));
    });
  }
  for (const k of ["podAffinity", "podAntiAffinity"]) {
    const pa = rec(a[k]);
    if (!pa) continue;
    const kp = child(path, k);
    const req = "requiredDuringSchedulingIgnoredDuringExecution";
    const pref = "preferredDuringSchedulingIgnoredDuringExecution";
    out.push(...validatePodAffinityTerms(pa[req], child(kp, req), false));
    out.push(...validatePodAffinityTerms(pa[pref], child(kp, pref), true));
  }
  return out;
}

const TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

export function validateTolerations(tolerations: unknown, path: string): FieldError[] {
  const out: FieldError[] = [];
  list(tolerations).forEach((t, i) => {
    const tol = rec(t) ?? {};
    const p = at(path, i);
    const k = str(tol.key);
    const op = str(tol.operator);
    const value = str(tol.value);
    const effect = str(tol.effect);
    if (k !== "") out.push(...validateLabelName(k, child(p, "key")));
    if (k === "" && op !== "Exists") {
      const msg = 'operator must be Exists when `key` is empty, which means "match all values and all keys"';
      out.push(invalid(child(p, "operator"), op, msg));
    }
    if (num(tol.tolerationSeconds) !== undefined && effect !== "NoExecute") {
      out.push(
        invalid(child(p, "effect"), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"),
      );
    }
    if (op === "Equal" || op === "") {
      const errs = isValidLabelValue(value);
      if (errs.length > 0) out.push(invalid(child(p, "operator"), value, errs.join(";")));
    } else if (op === "Exists") {
      if (value !== "")
        out.push(invalid(child(p, "operator"), value, "value must be empty when `operator` is 'Exists'"));
    } else out.push(notSupported(child(p, "operator"), op, ["Equal", "Exists"]));
    if (effect !== "" && !TAINT_EFFECTS.includes(effect))
      out.push(notSupported(child(p, "effect"), effect, TAINT_EFFECTS));
  });
  return out;
}

export function validateTopologySpread(constraints: unknown, path: string): FieldError[] {
  const out: FieldError[] = [];
  const cs = list(constraints).map((c) => rec(c) ?? {});
  cs.forEach((c, i) => {
    const p = at(path, i);
    const skew = num(c.maxSkew) ?? 0;
    if (skew <= 0) out.push(invalid(child(p, "maxSkew"), skew, "must be greater than zero"));
    const tk = str(c.topologyKey);
    if (tk === "") out.push(required(child(p, "topologyKey"), "can not be empty"));
    const when = str(c.whenUnsatisfiable);
    const actions = ["DoNotSchedule", "ScheduleAnyway"];
    if (!actions.includes(when)) out.push(notSupported(child(p, "whenUnsatisfiable"), when, actions));
    if (cs.slice(i + 1).some((o) => str(o.topologyKey) === tk && str(o.whenUnsatisfiable) === when)) {
      out.push(duplicate(child(p, "{topologyKey, whenUnsatisfiable}"), `{${tk}, ${when}}`));
    }
    const minDomains = num(c.minDomains);
    if (minDomains !== undefined) {
      if (minDomains <= 0) out.push(invalid(child(p, "minDomains"), minDomains, "must be greater than zero"));
      if (when !== "DoNotSchedule") {
        const msg = `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${when}`;
        out.push(invalid(child(p, "minDomains"), minDomains, msg));
      }
    }
    for (const k of ["nodeAffinityPolicy", "nodeTaintsPolicy"]) {
      const v = c[k];
      if (typeof v === "string" && v !== "Honor" && v !== "Ignore")
        out.push(notSupported(child(p, k), v, ["Honor", "Ignore"]));
    }
    out.push(...validateLabelSelector(c.labelSelector, child(p, "labelSelector")));
  });
  return out;
}

export function validateDNSConfig(config: unknown, dnsPolicy: string, path: string): FieldError[] {
  const c = rec(config);
  if (dnsPolicy === "None") {
    if (!c) return [required(path, "must provide `dnsConfig` when `dnsPolicy` is None")];
    if (list(c.nameservers).length === 0) {
      return [
        required(
          child(path, "nameservers"),
          "must provide at least one DNS nameserver when `dnsPolicy` is None",
        ),
      ];
    }
  }
  if (!c) return [];
  const out: FieldError[] = [];
  const ns = list(c.nameservers).map(str);
  if (ns.length > 3)
    out.push(invalid(child(path, "nameservers"), ns, "must not have more than 3 nameservers"));
  ns.forEach((n, i) => {
    if (!parseIP(n)) out.push(invalid(at(child(path, "nameservers"), i), n, IP_ERROR));
  });
  const searches = list(c.searches).map(str);
  if (searches.length > 32)
    out.push(invalid(child(path, "searches"), searches, "must not have more than 32 search paths"));
  if (searches.join(" ").length > 2048) {
    const msg = "must not have more than 2048 characters (including spaces) in the search list";
    out.push(invalid(child(path, "searches"), searches, msg));
  }
  searches.forEach((s, i) => {
    const trimmed = s.endsWith(".") ? s.slice(0, -1) : s;
    for (const m of isDNS1123Subdomain(trimmed))
      out.push(invalid(at(child(path, "searches"), i), trimmed, m));
  });
  list(c.options).forEach((o, i) => {
    if (str(rec(o)?.name) === "") out.push(required(at(child(path, "options"), i), "must not be empty"));
  });
  return out;
}

export function validateHostAliases(aliases: unknown, path: string): FieldError[] {
  const out: FieldError[] = [];
  list(aliases).forEach((a, i) => {
    const p = at(path, i);
    const ip = str(rec(a)?.ip);
    if (!parseIP(ip)) out.push(invalid(child(p, "ip"), ip, IP_ERROR));
    list(rec(a)?.hostnames).forEach((h, j) => {
      for (const m of isDNS1123Subdomain(str(h))) out.push(invalid(at(child(p, "hostnames"), j), str(h), m));
    });
  });
  return out;
}

const idError = (v: unknown): boolean => typeof v === "number" && (v < 0 || v > 4294967295);

export function validateSeccomp(profile: unknown, path: string): FieldError[] {
  const sp = rec(profile);
  if (!sp) return [];
  const type = str(sp.type);
  const kinds = ["Localhost", "RuntimeDefault", "Unconfined"];
  const out: FieldError[] = [];
  if (type === "") out.push(required(child(path, "type"), "type is required when seccompProfile is set"));
  else if (!kinds.includes(type)) out.push(notSupported(child(path, "type"), type, kinds));
  if (type === "Localhost" && typeof sp.localhostProfile !== "string") {
    out.push(required(child(path, "localhostProfile"), "must be set when seccomp type is Localhost"));
  }
  return out;
}

export function validatePodSecurityContext(sc: unknown, path: string): FieldError[] {
  const c = rec(sc);
  if (!c) return [];
  const out: FieldError[] = [];
  for (const k of ["fsGroup", "runAsUser", "runAsGroup"]) {
    if (idError(c[k])) out.push(invalid(child(path, k), c[k], inclusiveRangeError(0, 4294967295)));
  }
  list(c.supplementalGroups).forEach((g, i) => {
    if (idError(g))
      out.push(invalid(at(child(path, "supplementalGroups"), i), g, inclusiveRangeError(0, 4294967295)));
  });
  const fcp = c.fsGroupChangePolicy;
  if (typeof fcp === "string" && fcp !== "Always" && fcp !== "OnRootMismatch") {
    out.push(notSupported(child(path, "fsGroupChangePolicy"), fcp, ["Always", "OnRootMismatch"]));
  }
  out.push(...validateSeccomp(c.seccompProfile, child(path, "seccompProfile")));
  return out;
}
