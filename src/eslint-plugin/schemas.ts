// JSON schemas for rule options, so ESLint rejects a misspelt or mistyped option with its own
// clear message instead of the rule silently ignoring it. A rule may declare `optionsSchema`
// (required when it has a `parseOptions` with constraints a schema can say); otherwise the
// schema is derived from its `defaultOptions`: exactly those keys, each of its default's type.
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { AnyRule } from '../rule.js';

function schemaOfValue(value: unknown): JSONSchema4 {
  if (Array.isArray(value)) {
    return value.length > 0 ? { type: 'array', items: schemaOfValue(value[0]) } : { type: 'array' };
  }
  if (value === null) return { type: 'null' };
  switch (typeof value) {
    case 'string':
      return { type: 'string' };
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'object':
      return {
        type: 'object',
        properties: Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, schemaOfValue(v)])),
        additionalProperties: false,
      };
    default:
      return { type: ['string', 'number', 'boolean', 'object', 'array', 'null'] };
  }
}

/** The schema of a rule's single options object. */
export function optionsSchemaOf(rule: AnyRule): JSONSchema4 {
  if (rule.optionsSchema) return rule.optionsSchema as unknown as JSONSchema4;
  const defaults = (rule.defaultOptions ?? {}) as Record<string, unknown>;
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, schemaOfValue(v)])),
    additionalProperties: false,
  };
}
