// Redis keeps the shop's orders, carts and stock: every way the shop runs must use the policy
// ./shop uses (LocalRedis): an append-only file fsynced every second, no RDB snapshots.
// usage: node redis-policy.mjs <docker-compose.yml> <rendered k8s.yaml>...   exit 1 on a difference
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parse, parseAllDocuments } from "yaml";

const POLICY = { appendonly: "yes", appendfsync: "everysec", save: "" };

function settings(args) {
	const found = {};
	for (let i = 0; i < args.length; i++) {
		if (String(args[i]).startsWith("--")) {
			found[String(args[i]).slice(2)] = String(args[i + 1] ?? "");
		}
	}
	return found;
}

function differences(where, args) {
	const found = settings(args ?? []);
	return Object.entries(POLICY)
		.filter(([name, value]) => found[name] !== value)
		.map(([name, value]) => `${where}: redis ${name} is ${found[name] === undefined ? "not set" : JSON.stringify(found[name])}, the shop's policy is ${JSON.stringify(value)} (as ./shop runs it)`);
}

const [compose, ...rendered] = process.argv.slice(2);
const errors = [];
const redis = parse(readFileSync(compose, "utf8"))?.services?.redis;
errors.push(...(redis ? differences(basename(compose), [].concat(redis.command ?? [])) : [`${basename(compose)}: no redis service`]));
for (const file of rendered) {
	const containers = parseAllDocuments(readFileSync(file, "utf8"))
		.map((doc) => doc.toJS())
		.flatMap((o) => o?.spec?.template?.spec?.containers ?? [])
		.filter((c) => String(c.image ?? "").startsWith("redis:"));
	if (containers.length === 0) {
		errors.push(`${basename(file)}: no redis container`);
	}
	containers.forEach((c) => errors.push(...differences(`${basename(file)} container ${c.name}`, [...(c.command ?? []), ...(c.args ?? [])])));
}
errors.forEach((e) => console.error(`FAIL ${e}`));
if (errors.length === 0) {
	console.log("ok   redis persistence policy: appendonly yes, appendfsync everysec, no RDB snapshots, everywhere");
}
process.exit(errors.length > 0 ? 1 : 0);
