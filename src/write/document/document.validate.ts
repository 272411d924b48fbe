/**
 * Validates an import document (schema/SEED.md): first against schema/document.schema.json
 * (JSON Schema 2020-12, with ajv), then with the rules JSON Schema cannot express
 * (./document.rules). Pure: no database, no file reads after module load.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { checkRules } from './document.rules';
import type { ImportDocument, ValidationError, ValidationResult } from './document.types';

export * from './document.types';

/** The folder holding package.json: this file runs from src/ under jest and from dist/src/ once built. */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`package.json not found above ${start}`);
    dir = up;
  }
  return dir;
}

export const DOCUMENT_SCHEMA_PATH = join(findProjectRoot(__dirname), 'schema', 'document.schema.json');
export const documentSchema: Record<string, unknown> = JSON.parse(readFileSync(DOCUMENT_SCHEMA_PATH, 'utf8'));

const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictRequired: false });
addFormats(ajv, ['date', 'uri']);
const validateSchema = ajv.compile<ImportDocument>(documentSchema);

const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** One ajv error as a path and a message a person can act on; undefined for pure noise. */
function describe(e: ErrorObject): { path: string; message: string } | undefined {
  const at = e.instancePath;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'if':
      return undefined; // the branch that failed reports its own errors
    case 'required':
      return { path: `${at}/${escapePointer(String(params.missingProperty))}`, message: `required property "${String(params.missingProperty)}" is missing` };
    case 'dependentRequired':
      return {
        path: `${at}/${escapePointer(String(params.missingProperty))}`,
        message: `required property "${String(params.missingProperty)}" is missing (needed with "${String(params.property)}")`,
      };
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const parent = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
      const allowed = Object.keys(parent?.properties ?? {});
      const expected = allowed.length > 0 ? `expected one of: ${allowed.join(', ')}` : 'no properties are allowed here';
      return { path: `${at}/${escapePointer(key)}`, message: `unknown property "${key}"; ${expected}` };
    }
    case 'enum':
      return { path: at, message: `must be one of: ${(params.allowedValues as unknown[]).join(', ')} (got ${show(e.data)})` };
    case 'const':
      return { path: at, message: `must be ${show(params.allowedValue)} (got ${show(e.data)})` };
    case 'pattern': {
      const pattern = String(params.pattern);
      if (pattern === DATE_PATTERN) return { path: at, message: `must be a date YYYY-MM-DD (got ${show(e.data)})` };
      if (/^\/entities\/\d+\/id$/.test(at) && e.schemaPath.includes('/then/'))
        return { path: at, message: `id ${show(e.data)} does not match the entity's kind: expected prefix "${pattern.slice(1)}"` };
      return { path: at, message: `must match ${pattern} (got ${show(e.data)})` };
    }
    case 'format':
      if (params.format === 'date') return { path: at, message: `must be a date YYYY-MM-DD (got ${show(e.data)})` };
      return { path: at, message: `must be a valid ${String(params.format)} (got ${show(e.data)})` };
    case 'type':
      return { path: at, message: `must be ${String(params.type)} (got ${show(e.data)})` };
    case 'anyOf':
      return { path: at, message: `must be a non-empty string or a non-empty list of strings (got ${show(e.data)})` };
    default:
      return { path: at, message: e.message ?? `fails ${e.keyword}` };
  }
}

function schemaErrors(errors: ErrorObject[]): Array<{ path: string; message: string }> {
  // anyOf reports each failed branch too; keep only the anyOf's own summary.
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath);
  const kept = errors.filter((e) => !anyOfPaths.some((p) => e.schemaPath.startsWith(`${p}/`)));
  return kept.map(describe).filter((d): d is { path: string; message: string } => d !== undefined);
}

/**
 * Checks a parsed import document. `file` names it in every error. On success the document is
 * returned typed, with the external ids (listed in `external` and used) the importer must find
 * in the database.
 */
export function validateDocument(doc: unknown, file: string): ValidationResult {
  const schemaOk = validateSchema(doc);
  const found = schemaOk ? [] : schemaErrors(validateSchema.errors ?? []);
  const rules = checkRules(doc);
  const schemaPaths = new Set(found.map((f) => f.path));
  // A rule error at a path the schema already flagged adds nothing.
  const all = [...found, ...rules.errors.filter((r) => !schemaPaths.has(r.path))];
  const seen = new Set<string>();
  const errors: ValidationError[] = [];
  for (const { path, message } of all) {
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ file, path, message });
  }
  if (!schemaOk && errors.length === 0) errors.push({ file, path: '', message: 'does not match schema/document.schema.json' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, document: doc as ImportDocument, externalIds: rules.externalIds };
}

/** Parses JSON text, then validates it; a syntax error is reported at the document root. */
export function parseAndValidateDocument(text: string, file: string): ValidationResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [{ file, path: '', message: `invalid JSON: ${(err as Error).message}` }] };
  }
  return validateDocument(doc, file);
}

/** Errors as lines for a terminal: `file#/path: message`. */
export function formatErrors(errors: readonly ValidationError[]): string {
  return errors.map((e) => `${e.file}#${e.path}: ${e.message}`).join('\n');
}
