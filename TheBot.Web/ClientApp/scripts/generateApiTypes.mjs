import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

/**
 * The TypeScript declarations (openapi-typescript: `paths`, `components['schemas']`, …) for an OpenAPI document.
 * ASP.NET Core's web JSON defaults also read numbers written as strings, so the document types a number as
 * `["integer", "string"]` with a digits pattern; the API writes numbers and the SPA sends numbers, so here they are numbers.
 * @param {object} document the parsed OpenAPI document
 * @returns {Promise<string>}
 */
export async function generateApiTypes(document) {
  const ast = await openapiTS(numbersAsNumbers(structuredClone(document)), { silent: true });
  return COMMENT_HEADER + astToString(ast);
}

function numbersAsNumbers(node) {
  if (Array.isArray(node)) {
    node.forEach(numbersAsNumbers);
  } else if (node !== null && typeof node === 'object') {
    const type = node.type;
    if (Array.isArray(type) && type.includes('string') && (type.includes('integer') || type.includes('number')) && 'pattern' in node) {
      node.type = type.filter((t) => t !== 'string');
      delete node.pattern;
    }
    Object.values(node).forEach(numbersAsNumbers);
  }
  return node;
}
