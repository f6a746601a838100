// `docker compose config` without Docker: reads docker-compose.yaml and .env from a folder, interpolates the
// file the way Compose does (${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, $$), and
// validates the result against the Compose specification's schema (the one dclint ships). Offline.
// Usage: node compose-config.mjs <folder> [--exec <service> <command...>]
//   exit 0 and the interpolated file as JSON on stdout; exit 1 with Compose's error for an unset required
//   variable, a schema violation or a secret's file that is missing (Compose bind-mounts it). With --exec, also checks a command run in <service> by `docker compose exec`:
//   PostgreSQL clients must connect over TCP with a password from the container's environment.
import { existsSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { createRequire } from "node:module";
import { parse } from "yaml";
import { Ajv } from "ajv";

const [folder, ...rest] = process.argv.slice(2);
if (!folder) {
  console.error("usage: node compose-config.mjs <folder> [--exec <service> <command...>]");
  process.exit(2);
}

function readEnvFile(file) {
  const values = {};
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return values;
  }
  for (const line of text.split("\n")) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (match) values[match[1]] = match[2].trim().replace(/^(['"])(.*)\1$/, "$2");
  }
  return values;
}

// The shell's environment wins over .env, as with Compose.
const variables = { ...readEnvFile(join(folder, ".env")), ...process.env };
const errors = [];

function interpolate(text) {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, name, operator, argument, bare) => {
      if (whole === "$$") return "$";
      if (bare) return variables[bare] ?? "";
      const value = variables[name];
      const unsetOrEmpty = value === undefined || value === "";
      switch (operator) {
        case ":-": return unsetOrEmpty ? interpolate(argument) : value;
        case "-": return value === undefined ? interpolate(argument) : value;
        case ":?":
          if (unsetOrEmpty) errors.push(`required variable ${name} is missing a value: ${argument}`);
          return value ?? "";
        case "?":
          if (value === undefined) errors.push(`required variable ${name} is missing a value: ${argument}`);
          return value ?? "";
        default: return value ?? "";
      }
    });
}

function walk(node) {
  if (typeof node === "string") return interpolate(node);
  if (Array.isArray(node)) return node.map(walk);
  if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
  return node;
}

const file = join(folder, "docker-compose.yaml");
const config = walk(parse(readFileSync(file, "utf8")));
if (errors.length > 0) {
  for (const error of errors) console.error(`error while interpolating ${file}: ${error}`);
  process.exit(1);
}

const require = createRequire(import.meta.url);
const schemaFile = join(dirname(require.resolve("dclint/package.json")), "schemas", "compose.schema.json");
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, logger: false, validateSchema: false });
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
if (!validate(config)) {
  for (const error of validate.errors) console.error(`${file}: ${error.instancePath} ${error.message}`);
  process.exit(1);
}

for (const [name, secret] of Object.entries(config.secrets ?? {})) {
  const used = Object.values(config.services ?? {}).some((s) => (s.secrets ?? []).some((r) => (r.source ?? r) === name));
  if (used && secret.file && !existsSync(join(folder, secret.file))) {
    console.error(`${file}: the file ${secret.file} of secret ${name} does not exist (deploy/compose-secrets.sh writes it from .env)`);
    process.exit(1);
  }
}

if (rest[0] === "--exec") {
  const [, service, ...command] = rest;
  const definition = config.services?.[service];
  if (!definition) {
    console.error(`no service ${service} in ${file}`);
    process.exit(1);
  }
  const script = command.join(" ");
  if (/\b(pg_dump|pg_restore|psql)\b/.test(script)) {
    const environment = definition.environment ?? {};
    const password = /PGPASSWORD="?\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(script);
    if (!password || !(password[1] in environment)) {
      console.error(`'${script}' gives PostgreSQL no password from the container's environment: the server asks every connection for one`);
      process.exit(1);
    }
    if (!/(^|\s)(-h|--host)[ =]/.test(script)) {
      console.error(`'${script}' does not say where the server is (-h 127.0.0.1)`);
      process.exit(1);
    }
  }
}

process.stdout.write(JSON.stringify(config, null, 2) + "\n");
