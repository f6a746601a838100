// Validates every object of rendered Kubernetes manifests (multi-document YAML, e.g. the output of
// `kubectl kustomize`) against the Kubernetes API schemas shipped by kubernetes-models. Offline.
// Usage: node validate-kubernetes.mjs rendered.yaml   (exit 0: all valid; 1: errors printed)
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const [file] = process.argv.slice(2);
if (!file) {
  console.error("usage: node validate-kubernetes.mjs <rendered.yaml>");
  process.exit(2);
}

const errors = [];
let count = 0;
for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
  if (document.errors.length > 0) {
    errors.push(`YAML: ${document.errors.map((e) => e.message).join("; ")}`);
    continue;
  }
  const object = document.toJS();
  if (object === null) continue;
  // kustomize wraps long base64 values; the API server's decoder ignores the line breaks, the schema's "byte" format does not.
  if (object.kind === "Secret" && object.data) {
    for (const key of Object.keys(object.data)) object.data[key] = String(object.data[key]).replace(/\s+/g, "");
  }
  count++;
  const where = `${object.kind ?? "?"} ${object.metadata?.name ?? "?"}`;
  const module = `kubernetes-models/${object.apiVersion ?? ""}`;
  let models;
  try {
    models = await import(module);
  } catch {
    errors.push(`${where}: unknown apiVersion ${object.apiVersion}`);
    continue;
  }
  const Model = models[object.kind];
  if (typeof Model !== "function") {
    errors.push(`${where}: unknown kind ${object.kind} in ${object.apiVersion}`);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    errors.push(`${where}: ${error.message}`);
  }
}

if (count === 0) errors.push("no Kubernetes objects found");
for (const error of errors) console.error(error);
console.log(`${count} objects checked, ${errors.length} invalid`);
process.exit(errors.length === 0 ? 0 : 1);
