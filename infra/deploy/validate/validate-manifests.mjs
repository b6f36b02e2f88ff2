// Validates rendered Kubernetes manifests (multi-document YAML files given as arguments):
// core objects against the Kubernetes OpenAPI schemas packaged by kubernetes-models, the
// operators' resources against crd-schemas/ (minimal, written here: see crd-schemas/README.md).
// Unknown kinds fail: every object must be checked by something. Exit 1 on any error.
import { readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import Ajv2020 from "ajv/dist/2020.js";

const here = dirname(fileURLToPath(import.meta.url));

// A core type's validator from kubernetes-models, by schema id (IoK8sApiAppsV1Deployment).
const coreValidators = new Map();
async function coreValidator(id) {
  if (!coreValidators.has(id)) {
    const module = id.startsWith("IoK8sApimachinery")
      ? await import(`@kubernetes-models/apimachinery/_schemas/${id}`)
      : await import(`kubernetes-models/_schemas/${id}`);
    coreValidators.set(id, module.validate);
  }
  return coreValidators.get(id);
}

// apiVersion + kind -> kubernetes-models schema id: apps/v1 Deployment -> IoK8sApiAppsV1Deployment
function coreSchemaId(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["core", apiVersion];
  const groupName = group.replace(/\.k8s\.io$/, "").split(".").map(capitalise).join("");
  return `IoK8sApi${groupName}${capitalise(version)}${kind}`;
}
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Operator schemas: crd-schemas/<group>_<version>_<Kind>.json. Fields of core types inside them
// carry "x-kubernetes-model" and are checked with the same Kubernetes validators.
const ajv = new Ajv2020({ allErrors: true, strict: true });
const pendingCoreChecks = [];
ajv.addKeyword({
  keyword: "x-kubernetes-model",
  schemaType: "string",
  validate: function check(id, data, _schema, context) {
    pendingCoreChecks.push({ id, data, path: context.instancePath });
    return true;
  },
});
const crdValidators = new Map();
for (const file of readdirSync(join(here, "crd-schemas")).filter((f) => f.endsWith(".json"))) {
  const [group, version, kind] = basename(file, ".json").split("_");
  crdValidators.set(`${group}/${version}/${kind}`, ajv.compile(JSON.parse(readFileSync(join(here, "crd-schemas", file), "utf8"))));
}

function describe(errors) {
  // kubernetes-models' compiled validators carry no messages: show the rule and its parameters
  return (errors ?? []).map((e) => `  ${e.instancePath || "/"} ${e.message ?? e.keyword} ${JSON.stringify(e.params ?? {})}`);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate-manifests.mjs rendered.yaml...");
  process.exit(2);
}
let objects = 0;
const failures = [];
for (const file of files) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      failures.push(`${file}: YAML error ${document.errors[0].message}`);
      continue;
    }
    const object = document.toJS();
    if (object == null) continue;
    objects++;
    const name = `${file}: ${object.apiVersion} ${object.kind}/${object.metadata?.name}`;
    const crd = crdValidators.get(`${object.apiVersion}/${object.kind}`);
    if (crd) {
      pendingCoreChecks.length = 0;
      const errors = crd(object) ? [] : describe(crd.errors);
      for (const { id, data, path } of pendingCoreChecks.splice(0)) {
        const validate = await coreValidator(id);
        if (!validate(data)) errors.push(...describe(validate.errors).map((line) => line.replace(/^ {2}\//, `  ${path}/`)));
      }
      if (errors.length) failures.push(`${name} (operator schema)\n${errors.join("\n")}`);
      continue;
    }
    if (object.apiVersion === "monitoring.coreos.com/v1") {
      // the Prometheus Operator's resources, from its published CRDs (@kubernetes-models/prometheus-operator)
      try {
        const module = await import(`@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/${object.kind}`);
        new module[object.kind](object).validate();
      } catch (error) {
        failures.push(`${name}\n  ${error.message}`);
      }
      continue;
    }
    let validate;
    try {
      validate = await coreValidator(coreSchemaId(object.apiVersion, object.kind));
    } catch {
      failures.push(`${name}: no schema for this kind (neither Kubernetes nor crd-schemas/)`);
      continue;
    }
    if (!validate(object)) failures.push(`${name}\n${describe(validate.errors).join("\n")}`);
  }
}
for (const failure of failures) console.error(`INVALID ${failure}`);
console.log(`${objects} objects checked, ${failures.length} invalid`);
process.exit(failures.length === 0 && objects > 0 ? 0 : 1);
