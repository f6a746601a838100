// What `kubectl apply -k` would send, checked the way a cluster would find out the hard way. Offline.
// Usage: node check-applied.mjs rendered.yaml   (exit 0: fine; 1: each problem printed)
// - every secret key a container needs as a variable or a file (not marked optional) exists and is not empty, and a first admin's key,
//   when present, is not empty either (an empty one silently creates no admin);
// - an overlay with TLS (a real site) names no placeholder host, gives every image a registry and has its
//   certificate from somewhere (a Secret it applies, or cert-manager);
// - the network policies let each service reach the servers its connection strings name, and api port 443.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const [file] = process.argv.slice(2);
const objects = parseAllDocuments(readFileSync(file, "utf8")).map((d) => d.toJS()).filter(Boolean);
const problems = [];
const of = (kind) => objects.filter((o) => o.kind === kind);
const secretValue = (secret, key) =>
  secret.data?.[key] !== undefined ? Buffer.from(String(secret.data[key]).replace(/\s+/g, ""), "base64").toString("utf8")
    : secret.stringData?.[key];

const workloads = [...of("Deployment"), ...of("StatefulSet")];

// Every use of a Secret's key: { workload, what (a variable or a file), secret, key, optional }.
function secretUses(workload) {
  const uses = [];
  for (const container of workload.spec.template.spec.containers) {
    for (const variable of container.env ?? []) {
      const ref = variable.valueFrom?.secretKeyRef;
      if (ref) uses.push({ what: variable.name, secret: ref.name, key: ref.key, optional: !!ref.optional });
    }
  }
  for (const volume of workload.spec.template.spec.volumes ?? []) {
    const sources = volume.projected?.sources?.map((s) => s.secret).filter(Boolean) ?? (volume.secret ? [{ ...volume.secret, name: volume.secret.secretName }] : []);
    for (const source of sources) {
      for (const item of source.items ?? []) {
        uses.push({ what: `the file ${item.path}`, secret: source.name, key: item.key, optional: !!source.optional });
      }
    }
  }
  return uses;
}

for (const workload of workloads) {
  for (const use of secretUses(workload)) {
    const secret = of("Secret").find((s) => s.metadata.name === use.secret);
    const value = secret ? secretValue(secret, use.key) : undefined;
    if (!use.optional && (value === undefined || value === "")) {
      problems.push(`${workload.metadata.name}: ${use.what} needs the key ${use.key} of the Secret ${use.secret}, which is ${value === undefined ? "missing" : "empty"}`);
    }
    if (use.key.startsWith("bootstrap-") && value === "") {
      problems.push(`${workload.metadata.name}: ${use.key} is empty, so no first admin would be created (fill it in, or remove the line)`);
    }
  }
}

const ingresses = of("Ingress");
if (ingresses.some((i) => i.spec.tls?.length)) {
  const text = readFileSync(file, "utf8");
  if (text.includes("thebot.example.com")) problems.push("the placeholder host thebot.example.com is still there: set your host in a site overlay");
  for (const workload of workloads) {
    for (const container of workload.spec.template.spec.containers) {
      const first = container.image.split("/")[0];
      if (!container.image.includes("/") || !(first.includes(".") || first.includes(":") || first === "localhost")) {
        problems.push(`${workload.metadata.name}: the image ${container.image} names no registry (it would be looked up on Docker Hub)`);
      }
    }
  }
  for (const ingress of ingresses) {
    const annotations = ingress.metadata.annotations ?? {};
    const issued = "cert-manager.io/cluster-issuer" in annotations || "cert-manager.io/issuer" in annotations;
    for (const tls of ingress.spec.tls ?? []) {
      if (!issued && !of("Secret").some((s) => s.metadata.name === tls.secretName)) {
        problems.push(`Ingress ${ingress.metadata.name}: nothing provides its TLS secret ${tls.secretName} (apply one, or let cert-manager issue it)`);
      }
    }
  }
}

function selects(selector, labels) {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    const ok = { In: has && e.values.includes(labels[e.key]), NotIn: !has || !e.values.includes(labels[e.key]), Exists: has, DoesNotExist: !has }[e.operator];
    if (!ok) return false;
  }
  return true;
}

const policies = of("NetworkPolicy");
function mayReachOutside(workload, port) {
  const labels = workload.spec.template.metadata.labels;
  const egressPolicies = policies.filter((p) => (p.spec.policyTypes ?? []).includes("Egress") && selects(p.spec.podSelector, labels));
  if (egressPolicies.length === 0) return policies.length === 0;
  return egressPolicies.some((p) => (p.spec.egress ?? []).some((rule) =>
    (rule.to ?? []).some((to) => to.ipBlock) && (!rule.ports || rule.ports.some((p) => p.port === port))));
}

function endpoints(name, connectionString) {
  if (name === "redis") {
    const [hostPort] = connectionString.split(",");
    const port = Number(hostPort.split(":")[1] ?? 6379);
    return [{ host: hostPort.split(":")[0], port }];
  }
  const parts = Object.fromEntries(connectionString.split(";").filter(Boolean).map((p) => {
    const i = p.indexOf("=");
    return [p.slice(0, i).trim().toLowerCase(), p.slice(i + 1).trim()];
  }));
  return [{ host: parts.host, port: Number(parts.port ?? 5432) }];
}

for (const workload of workloads) {
  for (const use of secretUses(workload)) {
    if (!/ConnectionStrings__/.test(use.what)) continue;
    const secret = of("Secret").find((s) => s.metadata.name === use.secret);
    const value = secret && secretValue(secret, use.key);
    if (!value) continue;
    for (const { host, port } of endpoints(use.key, value)) {
      if (!mayReachOutside(workload, port)) {
        problems.push(`${workload.metadata.name}: no network policy lets it reach ${host}:${port} (${use.what})`);
      }
    }
  }
}

const api = of("Deployment").find((d) => d.metadata.name === "api");
if (api && !mayReachOutside(api, 443)) problems.push("api: no network policy lets it reach the payment provider on port 443");

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(`${objects.length} objects: secrets filled, hosts, images and network policies consistent`);
