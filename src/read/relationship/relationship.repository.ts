import type { Database } from '../../db/database';
import { int, toPlain, toPlainObject } from '../../db/values';
import { toEntityRecord } from '../entity/entity.model';
import { KIND_LABEL } from '../../model/kinds';
import type { ShapeBudget } from '../planner/shape-budget';
import { batchShape, relatedBatchQuery, relatedGenericQuery } from './relationship.cypher';
import { branchOf, branchSignature, Direction, edgeProperties, RelatedRecord, RelBranch, RelKey, relKeyString } from './relationship.model';

export class RelationshipRepository {
  /** `shapes` decides whether a batch may have its own text (else the generic one); none: always */
  constructor(
    private readonly db: Database,
    private readonly shapes?: ShapeBudget,
  ) {}

  /** Answers every key in one round trip; the result maps relKeyString(key) to its neighbours. */
  async relatedByKeys(keys: readonly RelKey[]): Promise<Map<string, RelatedRecord[]>> {
    const branches = new Map<string, { branch: RelBranch; ids: Set<string> }>();
    for (const k of keys) {
      const sig = branchSignature(k);
      const entry = branches.get(sig) ?? { branch: branchOf(k), ids: new Set<string>() };
      entry.ids.add(k.id);
      branches.set(sig, entry);
    }
    const ordered = [...branches.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
    const shape = ordered.map((b) => b.branch);
    // the batch's own text is a shape for Neo4j to plan, one UNION part per branch
    const own = !this.shapes || this.shapes.admit(batchShape(shape), ordered.length);
    const records = await this.db.read(own ? relatedBatchQuery(shape) : relatedGenericQuery, own ? batchParams(ordered) : genericParams(ordered));
    const out = new Map<string, RelatedRecord[]>();
    for (const r of records) {
      const branch = ordered[Number(toPlain(r.get('branch')))].branch;
      const key = relKeyString({ ...branch, id: r.get('id') as string });
      const properties = edgeProperties(toPlainObject(r.get('rel')));
      const list = out.get(key) ?? [];
      list.push({
        entity: toEntityRecord(toPlainObject(r.get('m'))),
        type: r.get('type') as string,
        direction: branch.direction as Direction,
        role: typeof properties.role === 'string' ? properties.role : null,
        properties,
      });
      out.set(key, list);
    }
    return out;
  }
}

type Batch = readonly { branch: RelBranch; ids: Set<string> }[];

function batchParams(ordered: Batch): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  ordered.forEach((b, i) => {
    params[`ids${i}`] = [...b.ids];
    params[`limit${i}`] = int(b.branch.limit);
  });
  return params;
}

function genericParams(ordered: Batch): Record<string, unknown> {
  const keys = ordered.flatMap(({ branch, ids }, i) =>
    [...ids].map((id) => ({ branch: i, id, type: branch.type, direction: branch.direction, label: branch.kind ? KIND_LABEL[branch.kind] : 'Entity', limit: int(branch.limit) })),
  );
  return { keys, limit: int(Math.max(...ordered.map((b) => b.branch.limit))) };
}
