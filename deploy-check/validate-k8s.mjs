// Validates rendered Kubernetes manifests offline, as far as `kubectl apply` would judge them and a little
// further. Usage: node validate-k8s.mjs <rendered.yaml>...   (exit 0: all valid; 1: errors, listed)
//
// 1. YAML: every document parses.
// 2. Schema: each object against the Kubernetes OpenAPI schema of its apiVersion/kind (kubernetes-models).
//    Those schemas allow unknown fields, while kubectl's default strict field validation rejects them, so
//    fields the schema never looked at (a typo such as `livenesProbe`) are reported as well.
// 3. References a schema cannot see: selectors that select nothing, ConfigMaps/Secrets/Services/HPA
//    targets that are not in the rendering, duplicate objects.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseAllDocuments } from "yaml";

const WORKLOADS = new Set(["Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet"]);

// A proxy that records which keys the schema validator looked at, per object. A validator reads every
// property its schema declares (present or not) and enumerates the keys of free-form maps (labels,
// ConfigMap data), so a key it neither read nor enumerated is one the schema does not know.
function track(value, path, records) {
	if (value === null || typeof value !== "object") {
		return value;
	}
	const record = { value, path, seen: new Set(), enumerated: false };
	if (!Array.isArray(value)) {
		records.push(record);
	}
	const children = new Map();
	const note = (key) => typeof key === "string" && record.seen.add(key);
	return new Proxy(value, {
		get(target, key, receiver) {
			note(key);
			const child = Reflect.get(target, key, receiver);
			if (typeof key !== "string" || child === null || typeof child !== "object") {
				return child;
			}
			if (!children.has(key)) {
				children.set(key, track(child, `${path}/${key}`, records));
			}
			return children.get(key);
		},
		has(target, key) {
			note(key);
			return Reflect.has(target, key);
		},
		getOwnPropertyDescriptor(target, key) {
			note(key);
			return Reflect.getOwnPropertyDescriptor(target, key);
		},
		ownKeys(target) {
			record.enumerated = true;
			return Reflect.ownKeys(target);
		},
	});
}

async function modelFor(apiVersion, kind) {
	try {
		const group = await import(`kubernetes-models/${apiVersion}`);
		return typeof group[kind] === "function" ? group[kind] : undefined;
	}
	catch {
		return undefined;
	}
}

async function schemaErrors(object) {
	const model = await modelFor(object.apiVersion, object.kind);
	if (!model) {
		return [`no Kubernetes schema for apiVersion ${object.apiVersion} kind ${object.kind}`];
	}
	const records = [];
	try {
		model.prototype.validate.call(track(object, "", records));
	}
	catch (error) {
		return (error.errors ?? [{ instancePath: "", message: error.message }])
			.map((e) => `${e.instancePath || "/"}: ${e.message}${e.params?.missingProperty ? ` (${e.params.missingProperty})` : ""}`);
	}
	// An object whose schema declares no properties at all (free-form) is read by nobody: not a typo.
	return records
		.filter((r) => !r.enumerated && r.seen.size > 0)
		.flatMap((r) => Object.keys(r.value).filter((key) => !r.seen.has(key)).map((key) => `${r.path}/${key}: unknown field "${key}"`));
}

function podTemplate(object) {
	return WORKLOADS.has(object.kind) ? object.spec?.template : undefined;
}

function selects(selector, labels) {
	return Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value);
}

function referenceErrors(objects) {
	const errors = [];
	const key = (o) => `${o.kind}/${o.metadata?.namespace ?? ""}/${o.metadata?.name}`;
	const byKey = new Map();
	for (const o of objects) {
		if (byKey.has(key(o))) {
			errors.push(`${o.kind}/${o.metadata.name}: defined twice`);
		}
		byKey.set(key(o), o);
	}
	const exists = (kind, namespace, name) => byKey.has(`${kind}/${namespace ?? ""}/${name}`);
	const pods = objects.filter(podTemplate).map((o) => ({ namespace: o.metadata.namespace, labels: podTemplate(o).metadata?.labels }));
	const selectsPods = (namespace, selector) => pods.some((p) => p.namespace === namespace && selects(selector, p.labels));
	for (const o of objects) {
		const at = `${o.kind}/${o.metadata.name}`;
		const ns = o.metadata.namespace;
		const template = podTemplate(o);
		if (template && o.kind !== "Job" && !selects(o.spec.selector?.matchLabels, template.metadata?.labels)) {
			errors.push(`${at}: spec.selector.matchLabels do not match the pod template's labels`);
		}
		if (o.kind === "StatefulSet" && !exists("Service", ns, o.spec.serviceName)) {
			errors.push(`${at}: serviceName ${o.spec.serviceName} is not a Service in the rendering`);
		}
		if (o.kind === "Service" && o.spec?.selector && !selectsPods(ns, o.spec.selector)) {
			errors.push(`${at}: selector ${JSON.stringify(o.spec.selector)} selects no pod template`);
		}
		if (o.kind === "PodDisruptionBudget" && !selectsPods(ns, o.spec?.selector?.matchLabels)) {
			errors.push(`${at}: selector selects no pod template`);
		}
		if (o.kind === "HorizontalPodAutoscaler" && !exists(o.spec.scaleTargetRef.kind, ns, o.spec.scaleTargetRef.name)) {
			errors.push(`${at}: scaleTargetRef ${o.spec.scaleTargetRef.kind}/${o.spec.scaleTargetRef.name} is not in the rendering`);
		}
		const spec = template?.spec;
		const containers = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
		const refs = [
			...containers.flatMap((c) => (c.envFrom ?? []).flatMap((e) => [["ConfigMap", e.configMapRef], ["Secret", e.secretRef]])),
			...containers.flatMap((c) => (c.env ?? []).flatMap((e) => [["ConfigMap", e.valueFrom?.configMapKeyRef], ["Secret", e.valueFrom?.secretKeyRef]])),
			...(spec?.volumes ?? []).flatMap((v) => [["ConfigMap", v.configMap], ["Secret", v.secret && { name: v.secret.secretName, optional: v.secret.optional }]]),
		];
		for (const [kind, ref] of refs) {
			if (ref && !ref.optional && !exists(kind, ns, ref.name)) {
				errors.push(`${at}: refers to ${kind} ${ref.name}, which is not in the rendering`);
			}
		}
	}
	return errors;
}

async function validateFile(file) {
	const errors = [];
	const objects = [];
	for (const [index, doc] of parseAllDocuments(readFileSync(file, "utf8")).entries()) {
		if (doc.errors.length > 0) {
			errors.push(...doc.errors.map((e) => `document ${index + 1}: YAML: ${e.message}`));
			continue;
		}
		const object = doc.toJS();
		if (object === null || object === undefined) {
			continue;
		}
		const at = `${object.kind ?? "?"}/${object.metadata?.name ?? `document ${index + 1}`}`;
		if (typeof object !== "object" || !object.apiVersion || !object.kind || !object.metadata?.name) {
			errors.push(`${at}: not a Kubernetes object (apiVersion, kind and metadata.name are required)`);
			continue;
		}
		errors.push(...(await schemaErrors(object)).map((e) => `${at}: ${e}`));
		objects.push(object);
	}
	if (objects.length === 0 && errors.length === 0) {
		errors.push("no Kubernetes objects in the rendering");
	}
	errors.push(...referenceErrors(objects));
	return { objects: objects.length, errors };
}

const files = process.argv.slice(2);
if (files.length === 0) {
	console.error("usage: node validate-k8s.mjs <rendered.yaml>...");
	process.exit(2);
}
let failed = false;
for (const file of files) {
	const { objects, errors } = await validateFile(file);
	if (errors.length > 0) {
		failed = true;
		console.error(`FAIL ${basename(file)}: ${errors.length} error(s)`);
		errors.forEach((e) => console.error(`  ${e}`));
	}
	else {
		console.log(`ok   ${basename(file)}: ${objects} objects valid`);
	}
}
process.exit(failed ? 1 : 0);
