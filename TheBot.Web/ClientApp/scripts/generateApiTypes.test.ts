import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateApiTypes } from './generateApiTypes.mjs';

// The point of generating the SPA's API types: a field or enum value renamed in the API's C# records fails the SPA's
// type-check. This type-checks the SPA's sources (as `npm run typecheck` does) against types generated from the
// document TheBot.Web's build copied to openapi/v1.json, with one field and one enum value renamed. (That they compile
// against the document as it is, `npm run build` shows.)

const clientApp = resolve(import.meta.dirname, '..');
const schemaFile = resolve(clientApp, 'src/api/schema.d.ts');

interface OpenApiDocument {
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[]; enum?: string[] }> };
}

let document: OpenApiDocument;

beforeAll(() => {
  const path = resolve(clientApp, 'openapi/v1.json');
  try {
    document = JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument;
  } catch (error) {
    throw new Error(`Build TheBot.Web first (dotnet build): it writes the API's OpenAPI document to ${path}.`, { cause: error });
  }
});

/** The type-checker's messages for the SPA's sources with src/api/schema.d.ts replaced by the given declarations. */
function typeErrors(schema: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(resolve(clientApp, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (config === undefined) {
    throw new Error('tsconfig.json could not be read.');
  }
  const options = { ...config.options, incremental: false, noEmit: true };
  delete options.tsBuildInfoFile;
  const host = ts.createCompilerHost(options);
  const isSchema = (fileName: string) => resolve(fileName) === schemaFile;
  const { getSourceFile, fileExists } = host;
  host.fileExists = (fileName) => isSchema(fileName) || fileExists(fileName);
  host.getSourceFile = (fileName, language, ...rest) =>
    isSchema(fileName) ? ts.createSourceFile(fileName, schema, language) : getSourceFile(fileName, language, ...rest);

  const rootNames = [...new Set([...config.fileNames.map((f) => resolve(f)), schemaFile])];
  const program = ts.createProgram({ rootNames, options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** A copy of the document with LessonResponse.startsAt named startTime and the lesson status `missed` named `noShow`. */
function withRenames(original: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(original);
  const lesson = copy.components.schemas['LessonResponse'];
  const status = copy.components.schemas['LessonStatus'];
  if (lesson?.properties?.['startsAt'] === undefined || !status?.enum?.includes('missed')) {
    throw new Error('The document no longer has LessonResponse.startsAt or the lesson status missed: rename something else.');
  }
  lesson.properties = Object.fromEntries(Object.entries(lesson.properties).map(([key, value]) => [key === 'startsAt' ? 'startTime' : key, value]));
  lesson.required = (lesson.required ?? []).map((key) => (key === 'startsAt' ? 'startTime' : key));
  status.enum = status.enum.map((value) => (value === 'missed' ? 'noShow' : value));
  return copy;
}

describe('the SPA type-checked against the API document', () => {
  it('fails when a response field or an enum value is renamed in the API', { timeout: 180_000 }, async () => {
    const errors = typeErrors(await generateApiTypes(withRenames(document)));

    expect(errors.some((e) => e.includes("'startsAt'"))).toBe(true);
    expect(errors.some((e) => e.includes('"missed"'))).toBe(true);
  });
});
