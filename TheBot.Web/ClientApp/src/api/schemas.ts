import type { components } from './schema';

/**
 * The API's request and response types, generated at build from its OpenAPI document (scripts/api-types.mjs writes
 * schema.d.ts, git-ignored): feature modules name the ones they use, e.g. `type Lesson = Schemas['LessonResponse']`.
 */
export type Schemas = components['schemas'];

/**
 * A request body as the SPA writes it: a property the API accepts as null may be left out (or undefined, which JSON
 * leaves out), as the API reads a missing one as null; the document lists every property of a C# record as required.
 */
export type RequestBody<T> = { [K in keyof T as null extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as null extends T[K] ? K : never]?: T[K] | undefined;
};

/**
 * Every value of a generated enum, listed for the UI (filters, pickers) in the order given: a value missing, extra
 * or misspelt does not compile.
 */
export function enumValues<T extends string>() {
  return <const V extends readonly T[]>(values: V & ([Exclude<T, V[number]>] extends [never] ? unknown : { missing: Exclude<T, V[number]> })): V =>
    values;
}
