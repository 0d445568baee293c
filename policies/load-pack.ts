import type { z } from 'zod';
import { contentHash } from './canonical-json';
import { policyPackSchema, type PolicyPack } from './schema';

/** A pack refused at load: the message names the item (number and id) and the field. */
export class PackLoadError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
    this.name = 'PackLoadError';
  }
}

type PathKey = PropertyKey;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** "item 10 (10-high-age)" for a path inside items[i], from the raw (unvalidated) input. */
function describeItem(raw: unknown, index: number): string {
  const items = isRecord(raw) && Array.isArray(raw.items) ? raw.items : [];
  const item: unknown = items[index];
  if (!isRecord(item)) return `items[${index}]`;
  const citation = item.citation;
  const number = isRecord(citation) && typeof citation.item === 'number' ? citation.item : '?';
  const id = typeof item.id === 'string' ? item.id : `items[${index}]`;
  return `item ${number} (${id})`;
}

function fieldPath(path: readonly PathKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`))
    .join('');
}

function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path;
  const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const where =
    path[0] === 'items' && typeof path[1] === 'number' ? `${describeItem(raw, path[1])}` : 'pack';
  const inner = path[0] === 'items' && typeof path[1] === 'number' ? path.slice(2) : path;
  const prefix = inner.length > 0 ? `${fieldPath(inner)}.` : '';
  if (unknownKeys.length > 0) {
    return `${where}: unknown field ${unknownKeys.map((k) => `'${prefix}${k}'`).join(', ')}`;
  }
  const field = inner.length > 0 ? fieldPath(inner) : '(whole)';
  return `${where}: field '${field}': ${issue.message}`;
}

/**
 * Validates a parsed pack file and computes its content hash. Throws PackLoadError naming each
 * bad item and field; a pack is all or nothing, never half loaded.
 */
export function loadPack(raw: unknown, name = 'policy pack'): PolicyPack {
  const parsed = policyPackSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => describeIssue(raw, issue));
    throw new PackLoadError(`${name} refused: ${problems.join('; ')}`, problems);
  }
  const pack = parsed.data;
  const problems: string[] = [];
  const seen = new Set<string>();
  pack.items.forEach((item) => {
    if (seen.has(item.id)) problems.push(`item ${item.citation.item} (${item.id}): duplicate id`);
    seen.add(item.id);
    if (item.exclusiveGroup !== undefined && item.benefit.kind !== 'allowance') {
      problems.push(
        `item ${item.citation.item} (${item.id}): field 'exclusiveGroup': only allowances can be exclusive (the larger amount wins)`,
      );
    }
  });
  if (problems.length > 0)
    throw new PackLoadError(`${name} refused: ${problems.join('; ')}`, problems);
  return { ...pack, hash: contentHash(raw) };
}
