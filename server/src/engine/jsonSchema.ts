/**
 * Builds schemas/ai-governance.schema.json (JSON Schema draft-07, what Red Hat YAML reads) from the
 * catalog, so plain YAML tooling shows titles, quotes and citations on every item key.
 * `npm run schema` writes it; test/unit/drift.test.ts fails when the file and this drift.
 */
import type { GuidelineCatalog } from './catalog';
import type { CatalogItem } from './catalogTypes';
import { citationLine } from './citation';
import { API_VERSION, FIELD_TEXT, GUIDELINE_EDITIONS, ORGANIZATION_FIELDS, SAFEGUARDS, STATUSES, SYSTEM_KINDS } from './vocabulary';

const EXTENSIONS = { '^x-': {} };

function field(name: string, schema: Record<string, unknown>): Record<string, unknown> {
  const text = FIELD_TEXT[name];
  return text ? { ...schema, description: `${text.ja} / ${text.en}` } : schema;
}

function itemMarkdown(item: CatalogItem): string {
  const quote = item.text.map((line) => `> ${line.trim()}`).join('\n>\n');
  return `**${item.id} ${item.title}**（${item.level.word}）\n\n${quote}\n\n${citationLine(item)}`;
}

export function buildJsonSchema(catalog: GuidelineCatalog): Record<string, unknown> {
  const itemProperties: Record<string, unknown> = {};
  for (const item of catalog.items) {
    itemProperties[item.id] = {
      $ref: '#/definitions/itemEntry',
      title: `${item.id} ${item.title}`,
      description: `${item.id} ${item.title} — ${citationLine(item)}`,
      markdownDescription: itemMarkdown(item),
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'AI governance record (AI事業者ガイドライン)',
    description: 'ai-governance.yaml — generated from schemas/catalog.json; do not edit by hand (npm run schema).',
    type: 'object',
    required: ['apiVersion'],
    properties: {
      apiVersion: field('apiVersion', { type: 'string', enum: [API_VERSION] }),
      guideline: field('guideline', { type: ['string', 'number'], enum: [...GUIDELINE_EDITIONS, 1, 1.1, 2026] }),
      organization: field('organization', {
        type: 'object',
        properties: Object.fromEntries(ORGANIZATION_FIELDS.map((f) => [f, field(f, { type: 'string' })])),
        patternProperties: EXTENSIONS,
        additionalProperties: false,
      }),
      roles: field('roles', { type: 'array', items: { $ref: '#/definitions/role' }, uniqueItems: true }),
      advancedAI: field('advancedAI', { type: 'boolean' }),
      systems: field('systems', { type: 'array', items: { $ref: '#/definitions/system' } }),
      items: field('items', {
        type: 'object',
        properties: itemProperties,
        patternProperties: EXTENSIONS,
        additionalProperties: { $ref: '#/definitions/itemEntry' },
      }),
    },
    patternProperties: EXTENSIONS,
    additionalProperties: false,
    definitions: {
      role: { type: 'string', enum: ['developer', 'provider', 'business-user'] },
      itemEntry: {
        type: 'object',
        required: ['status'],
        properties: {
          status: field('status', { type: 'string', enum: [...STATUSES] }),
          owner: field('owner', { type: 'string' }),
          evidence: field('evidence', { type: 'array', items: { type: 'string' } }),
          reviewed: field('reviewed', { type: 'string', format: 'date' }),
          systems: field('systems', { type: 'array', items: { type: 'string' } }),
          note: field('note', { type: 'string' }),
          justification: field('justification', { type: 'string' }),
        },
        patternProperties: EXTENSIONS,
        additionalProperties: false,
      },
      system: {
        type: 'object',
        required: ['id'],
        properties: {
          id: field('id', { type: 'string' }),
          name: field('name', { type: 'string' }),
          roles: field('roles', { type: 'array', items: { $ref: '#/definitions/role' }, uniqueItems: true }),
          kinds: field('kinds', { type: 'array', items: { type: 'string', enum: [...SYSTEM_KINDS] }, uniqueItems: true }),
          safeguards: field('safeguards', { type: 'array', items: { type: 'string', enum: [...SAFEGUARDS] }, uniqueItems: true }),
        },
        patternProperties: EXTENSIONS,
        additionalProperties: false,
      },
    },
  };
}
