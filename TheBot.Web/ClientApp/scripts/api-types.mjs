// Generates the SPA's API types (src/api/schema.d.ts) from openapi/v1.json, the OpenAPI document TheBot.Api's build
// writes and TheBot.Web's build copies here. `npm run build` runs it before type-checking, so a field or an enum value
// renamed in a C# record fails the SPA's build. Usage: node scripts/api-types.mjs [document] [output]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generateApiTypes } from './generateApiTypes.mjs';

const [input = 'openapi/v1.json', output = 'src/api/schema.d.ts'] = process.argv.slice(2);

let document;
try {
  document = JSON.parse(await readFile(input, 'utf8'));
} catch (error) {
  console.error(`Cannot read the API's OpenAPI document (${input}): build TheBot.Web (dotnet build), which writes it.`);
  throw error;
}

await mkdir(dirname(output), { recursive: true });
await writeFile(output, await generateApiTypes(document));
