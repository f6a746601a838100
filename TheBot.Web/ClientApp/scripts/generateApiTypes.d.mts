/** The TypeScript declarations for an OpenAPI document (see generateApiTypes.mjs). */
export function generateApiTypes(document: object): Promise<string>;
