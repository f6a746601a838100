// Prints the documents of a YAML file as one JSON array, for tests written in C# (which has no YAML parser here).
// Usage: node yaml-to-json.mjs file.yaml
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const documents = parseAllDocuments(readFileSync(process.argv[2], "utf8"));
const broken = documents.flatMap((d) => d.errors);
if (broken.length > 0) {
  for (const error of broken) console.error(error.message);
  process.exit(1);
}
process.stdout.write(JSON.stringify(documents.map((d) => d.toJS()).filter((d) => d !== null)));
