#!/usr/bin/env node
// Validates rendered Kustomize output (validate.sh renders it) in two ways:
//
// 1. Schema, strict. Every manifest is checked with the validator of the npm package
//    kubernetes-models (4.5.1: the Kubernetes 1.33 OpenAPI schemas compiled to ajv validators),
//    called through the model class's own validate(). Those validators check types, required
//    fields, enums and formats but let unknown fields pass, which is how a typo ("replica:",
//    "livenesProbe:") slips through, so this script also fails on every field the schema's
//    validator never looked at: the object is handed to it behind a Proxy that records which
//    properties the validator reads. A property it never read is not in the schema. Objects the
//    schema treats as maps (labels, data, resource lists) are enumerated by the validator, so
//    their keys count as read.
// 2. Policy, across the manifests of one render: every container has resources (CPU and
//    memory requests, a memory limit), runs as non-root without privilege escalation and with
//    all capabilities dropped; every container of a long-running workload has liveness and
//    readiness probes (a Job's container runs to completion, and init containers cannot have
//    probes); no Service exposes the management port (9000: health, metrics) and no Ingress
//    routes to it or to /q/health, /q/metrics, /health, /metrics on a workload that has one;
//    every reference (Services to pods, Ingress to Services and ports, pods to ConfigMaps and
//    Secrets, HPA and PDB to workloads) resolves; no placeholder of site.yaml is left;
//    the API's Deployment never migrates, its migration Job does, and everything the Job needs
//    carries a label of the README's first deploy step (component namespace, config, migration).
//
//   node validate.mjs NAME=FILE [NAME=FILE ...]      exit 0 when every render is valid
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const MANAGEMENT_PORT = 9000;
const PRIVATE_PATHS = ["/q/health", "/q/metrics", "/health", "/metrics"];
const LONG_RUNNING = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"]);
const PLACEHOLDER = "set-in-site-yaml";

// ---------------------------------------------------------------- schema validation

class ReadTracker {
  constructor() {
    this.objects = [];
  }

  wrap(value, path) {
    if (value === null || typeof value !== "object") return value;
    const record = { path, target: value, read: new Set(), enumerated: false };
    if (!Array.isArray(value)) this.objects.push(record);
    const children = new Map();
    const tracker = this;
    return new Proxy(value, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver);
        if (typeof key !== "string") return v;
        record.read.add(key);
        if (v !== null && typeof v === "object" && Object.hasOwn(target, key)) {
          if (!children.has(key)) children.set(key, tracker.wrap(v, `${path}/${key}`));
          return children.get(key);
        }
        return v;
      },
      has(target, key) {
        if (typeof key === "string") record.read.add(key);
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        record.enumerated = true;
        return Reflect.ownKeys(target);
      },
      getOwnPropertyDescriptor(target, key) {
        if (typeof key === "string") record.read.add(key);
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
    });
  }

  unknownFields() {
    const unknown = [];
    for (const { path, target, read, enumerated } of this.objects) {
      if (enumerated) continue;
      for (const key of Object.keys(target)) {
        if (!read.has(key)) unknown.push(`${path}/${key}`);
      }
    }
    return unknown;
  }
}

const models = new Map();

async function modelFor(apiVersion, kind) {
  const id = `${apiVersion}/${kind}`;
  if (models.has(id)) return models.get(id);
  let model = null;
  if (/^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion) && /^[A-Za-z0-9]+$/.test(kind)) {
    const module = `kubernetes-models/${apiVersion}/${kind}`;
    try {
      const exports = await import(module);
      model = typeof exports[kind] === "function" ? exports[kind] : null;
    } catch (e) {
      if (e.code !== "ERR_MODULE_NOT_FOUND" && e.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") throw e;
    }
  }
  models.set(id, model);
  return model;
}

async function schemaErrors(doc) {
  const { apiVersion, kind } = doc;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    return ["apiVersion and kind must be strings"];
  }
  const Model = await modelFor(apiVersion, kind);
  if (!Model) return [`${apiVersion} ${kind} is not a kind of the Kubernetes 1.33 API`];
  const tracker = new ReadTracker();
  const errors = [];
  try {
    Model.prototype.validate.call(tracker.wrap(doc, ""));
  } catch (e) {
    if (!Array.isArray(e.errors)) throw e;
    for (const err of e.errors) {
      const params = err.params && Object.keys(err.params).length ? ` ${JSON.stringify(err.params)}` : "";
      errors.push(`${err.instancePath || "/"}: ${err.message}${params}`);
    }
  }
  for (const path of tracker.unknownFields()) errors.push(`${path}: unknown field (not in the schema)`);
  return errors;
}

// ---------------------------------------------------------------- policy

function podTemplateOf(doc) {
  switch (doc.kind) {
    case "Deployment":
    case "StatefulSet":
    case "DaemonSet":
    case "ReplicaSet":
    case "Job":
      return doc.spec?.template;
    case "CronJob":
      return doc.spec?.jobTemplate?.spec?.template;
    case "Pod":
      return doc;
    default:
      return undefined;
  }
}

function matches(selector, labels) {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(l, e.key);
    if (e.operator === "In" && !(has && e.values.includes(l[e.key]))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(l[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

function isManagementPort(port) {
  return port && (port.name === "management" || port.containerPort === MANAGEMENT_PORT);
}

// Does the Ingress path send a request for `target` to its backend?
function pathCovers(path, pathType, target) {
  const p = path || "/";
  if (pathType === "Exact") return p === target;
  const prefix = p.endsWith("/") ? p.slice(0, -1) : p;
  return prefix === "" || target === prefix || target.startsWith(`${prefix}/`);
}

function policyErrors(docs) {
  const errors = [];
  const byKind = (kind) => docs.filter((d) => d.kind === kind);
  const find = (kind, name) => docs.find((d) => d.kind === kind && d.metadata?.name === name);
  const where = (d) => `${d.kind}/${d.metadata?.name}`;

  const workloads = docs.filter((d) => podTemplateOf(d) && d.kind !== "Pod");
  const pods = workloads.map((w) => ({ workload: w, template: podTemplateOf(w) }));

  // Placeholders of site.yaml that no replacement reached.
  for (const d of docs) {
    if (JSON.stringify(d).includes(PLACEHOLDER)) {
      errors.push(`${where(d)}: still holds a "${PLACEHOLDER}" placeholder (site.yaml and components/site)`);
    }
  }

  for (const { workload: w, template } of pods) {
    const spec = template?.spec ?? {};
    const podSc = spec.securityContext ?? {};
    const containers = [
      ...(spec.initContainers ?? []).map((c) => ({ c, init: true })),
      ...(spec.containers ?? []).map((c) => ({ c, init: false })),
    ];
    for (const { c, init } of containers) {
      const at = `${where(w)} container ${c.name}`;
      const sc = c.securityContext ?? {};
      const r = c.resources ?? {};
      for (const [section, key] of [["requests", "cpu"], ["requests", "memory"], ["limits", "memory"]]) {
        if (r[section]?.[key] === undefined) errors.push(`${at}: no resources.${section}.${key}`);
      }
      const runAsNonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
      const runAsUser = sc.runAsUser ?? podSc.runAsUser;
      if (runAsNonRoot !== true) errors.push(`${at}: runAsNonRoot is not true`);
      if (runAsUser === 0) errors.push(`${at}: runs as user 0`);
      if (sc.privileged === true) errors.push(`${at}: privileged`);
      if (sc.allowPrivilegeEscalation !== false) errors.push(`${at}: allowPrivilegeEscalation is not false`);
      if (!(sc.capabilities?.drop ?? []).includes("ALL")) errors.push(`${at}: capabilities do not drop ALL`);
      if ((sc.seccompProfile ?? podSc.seccompProfile)?.type !== "RuntimeDefault") {
        errors.push(`${at}: seccompProfile is not RuntimeDefault`);
      }
      if (typeof c.image !== "string" || !/(:[\w][\w.-]{0,127}|@sha256:[0-9a-f]{64})$/.test(c.image.replace(/^[^/]+:[0-9]+\//, ""))) {
        errors.push(`${at}: image ${c.image} has neither a tag nor a digest`);
      } else if (/:latest$/.test(c.image)) {
        errors.push(`${at}: image ${c.image} uses the tag latest`);
      }
      if (LONG_RUNNING.has(w.kind) && !init) {
        if (!c.livenessProbe) errors.push(`${at}: no livenessProbe`);
        if (!c.readinessProbe) errors.push(`${at}: no readinessProbe`);
      }
      // References to ConfigMaps and Secrets must resolve within the render.
      const refs = [];
      for (const e of c.envFrom ?? []) {
        if (e.configMapRef) refs.push(["ConfigMap", e.configMapRef.name, e.configMapRef.optional]);
        if (e.secretRef) refs.push(["Secret", e.secretRef.name, e.secretRef.optional]);
      }
      for (const e of c.env ?? []) {
        const cm = e.valueFrom?.configMapKeyRef;
        const s = e.valueFrom?.secretKeyRef;
        if (cm) refs.push(["ConfigMap", cm.name, cm.optional, cm.key]);
        if (s) refs.push(["Secret", s.name, s.optional, s.key]);
      }
      for (const [kind, name, optional, key] of refs) {
        const target = find(kind, name);
        if (!target) {
          if (!optional) errors.push(`${at}: ${kind} ${name} is not in the render`);
          continue;
        }
        const keys = { ...(target.data ?? {}), ...(target.stringData ?? {}) };
        if (key !== undefined && !optional && !Object.hasOwn(keys, key)) {
          errors.push(`${at}: ${kind} ${name} has no key ${key}`);
        }
      }
    }
    for (const v of spec.volumes ?? []) {
      if (v.configMap && !v.configMap.optional && !find("ConfigMap", v.configMap.name)) {
        errors.push(`${where(w)} volume ${v.name}: ConfigMap ${v.configMap.name} is not in the render`);
      }
      if (v.secret && !v.secret.optional && !find("Secret", v.secret.secretName)) {
        errors.push(`${where(w)} volume ${v.name}: Secret ${v.secret.secretName} is not in the render`);
      }
    }
  }

  // Kyoso's migrations: the serving pods never migrate, the Job does and then exits.
  for (const { workload: w, template } of pods) {
    for (const c of template?.spec?.containers ?? []) {
      if (!/(^|\/)kyoso\/api([:@]|$)/.test(c.image ?? "")) continue;
      const env = Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value]));
      if (w.kind === "Job") {
        if (env.QUARKUS_FLYWAY_MIGRATE_AT_START !== "true" || env.KYOSO_MIGRATE_ONLY !== "true") {
          errors.push(`${where(w)}: the migration Job needs QUARKUS_FLYWAY_MIGRATE_AT_START=true and KYOSO_MIGRATE_ONLY=true`);
        }
        // The README's first step applies only what the Job needs, by label
        // (app.kubernetes.io/component in (namespace,config,migration)).
        const phaseOne = new Set(["namespace", "config", "migration"]);
        const component = (d) => d?.metadata?.labels?.["app.kubernetes.io/component"];
        if (!phaseOne.has(component(w))) errors.push(`${where(w)}: not labelled app.kubernetes.io/component=migration`);
        const needed = [
          ...(c.envFrom ?? []).flatMap((e) => [e.configMapRef && ["ConfigMap", e.configMapRef.name], e.secretRef && ["Secret", e.secretRef.name]]),
          ...(c.env ?? []).flatMap((e) => [e.valueFrom?.configMapKeyRef && ["ConfigMap", e.valueFrom.configMapKeyRef.name], e.valueFrom?.secretKeyRef && ["Secret", e.valueFrom.secretKeyRef.name]]),
        ].filter(Boolean);
        for (const [kind, name] of needed) {
          const target = find(kind, name);
          if (target && !phaseOne.has(component(target))) {
            errors.push(`${where(w)}: needs ${kind} ${name}, which the first deploy step (component in namespace, config, migration) would not apply`);
          }
        }
      } else if (env.QUARKUS_FLYWAY_MIGRATE_AT_START !== "false") {
        errors.push(`${where(w)} container ${c.name}: QUARKUS_FLYWAY_MIGRATE_AT_START must be "false" (migrations run as a Job)`);
      }
    }
  }

  // Services: their pods exist; the management port is never a Service port.
  const serviceTargets = new Map(); // Service name -> { service, pods, ports: [{port, containerPorts}] }
  for (const s of byKind("Service")) {
    const selected = pods.filter((p) => matches({ matchLabels: s.spec?.selector }, p.template?.metadata?.labels));
    if (!s.spec?.selector || selected.length === 0) errors.push(`${where(s)}: selects no pod of the render`);
    const containerPorts = selected.flatMap((p) => (p.template.spec.containers ?? []).flatMap((c) => c.ports ?? []));
    const ports = [];
    for (const sp of s.spec?.ports ?? []) {
      const tp = sp.targetPort ?? sp.port;
      const targets = containerPorts.filter((cp) => (typeof tp === "string" ? cp.name === tp : cp.containerPort === tp));
      if (selected.length && targets.length === 0) errors.push(`${where(s)} port ${sp.name ?? sp.port}: targetPort ${tp} is no container port of its pods`);
      if (sp.port === MANAGEMENT_PORT || tp === MANAGEMENT_PORT || tp === "management" || targets.some(isManagementPort)) {
        errors.push(`${where(s)} port ${sp.name ?? sp.port}: exposes the management port (${MANAGEMENT_PORT})`);
      }
      ports.push({ port: sp, targets });
    }
    serviceTargets.set(s.metadata.name, {
      service: s,
      hasManagement: containerPorts.some(isManagementPort),
      ports,
    });
  }

  // Ingress: backends resolve, TLS for every host, nothing private routed.
  for (const ing of byKind("Ingress")) {
    const tlsHosts = new Set((ing.spec?.tls ?? []).flatMap((t) => t.hosts ?? []));
    // The certificate Secret itself is the operator's (cert-manager or the city's own), so it
    // is not looked for in the render.
    for (const t of ing.spec?.tls ?? []) {
      if (!t.secretName) errors.push(`${where(ing)}: a TLS entry without secretName`);
    }
    const backends = [];
    if (ing.spec?.defaultBackend) backends.push({ host: "*", path: "/", pathType: "Prefix", backend: ing.spec.defaultBackend });
    for (const rule of ing.spec?.rules ?? []) {
      if (!rule.host) errors.push(`${where(ing)}: a rule without host`);
      else if (!tlsHosts.has(rule.host)) errors.push(`${where(ing)}: host ${rule.host} has no TLS`);
      for (const p of rule.http?.paths ?? []) backends.push({ host: rule.host, ...p });
    }
    for (const { host, path, pathType, backend } of backends) {
      const at = `${where(ing)} ${host}${path ?? ""}`;
      const svc = backend?.service;
      if (!svc) {
        errors.push(`${at}: backend is not a Service`);
        continue;
      }
      const target = serviceTargets.get(svc.name);
      if (!target) {
        errors.push(`${at}: Service ${svc.name} is not in the render`);
        continue;
      }
      const port = target.ports.find(({ port: sp }) => (svc.port?.name !== undefined ? sp.name === svc.port.name : sp.port === svc.port?.number));
      if (!port) errors.push(`${at}: Service ${svc.name} has no port ${svc.port?.name ?? svc.port?.number}`);
      if (svc.port?.number === MANAGEMENT_PORT || svc.port?.name === "management" || port?.targets.some(isManagementPort)) {
        errors.push(`${at}: routes to the management port`);
      }
      if (target.hasManagement) {
        for (const privatePath of PRIVATE_PATHS) {
          if (pathCovers(path, pathType, privatePath)) {
            errors.push(`${at}: routes ${privatePath} to ${svc.name}, whose pods serve health or metrics`);
          }
        }
      }
    }
  }

  // Autoscalers and disruption budgets point at workloads of the render.
  for (const hpa of byKind("HorizontalPodAutoscaler")) {
    const ref = hpa.spec?.scaleTargetRef ?? {};
    const target = find(ref.kind, ref.name);
    if (!target) errors.push(`${where(hpa)}: scale target ${ref.kind}/${ref.name} is not in the render`);
    else if (target.spec?.replicas !== undefined) {
      errors.push(`${where(hpa)}: ${where(target)} sets spec.replicas, which every apply would reset under the autoscaler`);
    }
    if ((hpa.spec?.minReplicas ?? 1) > hpa.spec?.maxReplicas) errors.push(`${where(hpa)}: minReplicas > maxReplicas`);
  }
  for (const pdb of byKind("PodDisruptionBudget")) {
    if (!pods.some((p) => matches(pdb.spec?.selector, p.template?.metadata?.labels))) {
      errors.push(`${where(pdb)}: selects no pod of the render`);
    }
  }
  for (const np of byKind("NetworkPolicy")) {
    const sel = np.spec?.podSelector ?? {};
    const empty = !Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length;
    if (!empty && !pods.some((p) => matches(sel, p.template?.metadata?.labels))) {
      errors.push(`${where(np)}: selects no pod of the render`);
    }
  }
  return { errors, workloads: workloads.length, containers: pods.reduce((n, p) => n + (p.template?.spec?.containers?.length ?? 0) + (p.template?.spec?.initContainers?.length ?? 0), 0) };
}

// ---------------------------------------------------------------- main

async function validateRender(name, file) {
  const text = readFileSync(file, "utf8");
  const errors = [];
  const docs = [];
  for (const [i, d] of parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true }).entries()) {
    for (const e of d.errors) errors.push(`document ${i + 1}: YAML: ${e.message}`);
    const value = d.toJS({ maxAliasCount: 0 });
    if (value !== null && value !== undefined) docs.push(value);
  }
  const kinds = new Map();
  for (const doc of docs) {
    const at = `${doc.kind}/${doc.metadata?.name}`;
    for (const e of await schemaErrors(doc)) errors.push(`${at}${e.startsWith("/") ? "" : " "}${e}`);
    kinds.set(doc.kind, (kinds.get(doc.kind) ?? 0) + 1);
  }
  const policy = policyErrors(docs);
  errors.push(...policy.errors);
  const summary = [...kinds].map(([k, n]) => `${n} ${k}`).join(", ");
  if (errors.length) {
    console.log(`FAIL ${name}: ${docs.length} manifests, ${errors.length} problem(s):`);
    for (const e of errors) console.log(`  - ${e}`);
  } else {
    console.log(`ok   ${name}: ${docs.length} manifests (${summary})`);
    console.log(`     schema: valid, no unknown fields; policy: ${policy.workloads} workloads, ${policy.containers} containers with resources and non-root, probes on long-running ones, no management port exposed`);
  }
  return errors.length === 0;
}

const args = process.argv.slice(2);
if (!args.length || args.some((a) => !a.includes("="))) {
  console.error("usage: node validate.mjs NAME=FILE [NAME=FILE ...]");
  process.exit(2);
}
let passed = 0;
let failed = 0;
for (const arg of args) {
  const at = arg.indexOf("=");
  if (await validateRender(arg.slice(0, at), arg.slice(at + 1))) passed++;
  else failed++;
}
console.log(`kubernetes manifests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
