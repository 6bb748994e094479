/** A schema's own words: property names, enum values and titles, at any depth (what a form must never show). */
export function schemaWords(node: unknown, words = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((child) => schemaWords(child, words));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'properties' && value && typeof value === 'object') Object.keys(value).forEach((k) => words.add(k));
      if (key === 'enum' && Array.isArray(value)) value.forEach((v) => words.add(String(v)));
      if (key === 'title' && typeof value === 'string') words.add(value);
      schemaWords(value, words);
    }
  }
  return words;
}
