import { BadUserInputError } from '../../common/errors';
import { ConnectionFilter, ConnectionOrder } from './connection.model';
import DataLoader from 'dataloader';
import type { AggregateFigure, ConnectionRepository } from './connection.repository';
import type { AggregatePart } from './aggregate.cypher';
import type { EntityView } from '../entity/entity.view';
import type { PrefetchPlan } from '../planner/prefetch.plan';
import { decodeCursor } from '../relay/cursor';
import { buildPage, rowsFor, type Page } from '../relay/page';
import { checkFirst, PAGE_SIZES } from '../relay/page-size';
import { type EntityKind, dateFieldOf, KINDS } from '../../model/kinds';
import { groupFields, measures, type GroupCountRow, type MeasureStatsRow } from './aggregate.model';

/** What a root connection's `aggregate` works on: the connection's kind and its checked filter. */
export interface AggregateScope {
  kind: EntityKind;
  filter: ConnectionFilter;
}

/** A filter as GraphQL hands it over: the common fields plus the kind's enum fields by name. */
export type FilterInput = {
  name?: string | null;
  ids?: string[] | null;
  country?: string | null;
  sector?: string | null;
  participant?: string | null;
  dateFrom?: string | null;
  dateTo?: string | null;
} & { [enumField: string]: unknown };

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  filter?: FilterInput | null;
  orderBy?: Partial<ConnectionOrder> | null;
}

export class ConnectionService {
  /** Per `aggregate` selection (its scope lives as long as the request's page): the loader batching its figures. */
  private readonly aggregates = new WeakMap<AggregateScope, DataLoader<AggregatePart, AggregateFigure>>();

  constructor(private readonly repo: ConnectionRepository) {}

  /** `plan`: what the selection reads under the page's nodes, fetched in the page's statement. */
  async page(kind: EntityKind, args: PageArgs, plan: PrefetchPlan): Promise<Page<EntityView> & { aggregateScope: AggregateScope }> {
    const first = checkFirst(args.first, PAGE_SIZES.connection);
    const order: ConnectionOrder = { field: args.orderBy?.field ?? 'NAME', direction: args.orderBy?.direction ?? 'ASC' };
    if (order.field === 'DATE' && !dateFieldOf(kind)) throw new BadUserInputError(`${kind} has no date to order by`, 'orderBy.field');
    const after = decodeCursor(args.after, order.field);
    const filter = normalizeFilter(kind, args.filter ?? {});
    const rows = first === 0 ? [] : await this.repo.page(kind, filter, order, after, rowsFor(first), plan);
    const page = buildPage({
      rows,
      first,
      after,
      cursorOf: (r) => ({ ordering: order.field, keys: [r.sortKey], id: r.entity.id }),
      nodeOf: (r) => r.entity,
      count: () => this.repo.count(kind, filter),
    });
    // the connection's `aggregate` works over the same filter (all pages), when selected
    return Object.assign(page, { aggregateScope: { kind, filter } });
  }

  /** How many match the filter (from the count store when unfiltered). */
  count(scope: AggregateScope): Promise<number> {
    return this.aggregatePart(scope, { op: 'count' }) as Promise<number>;
  }

  /** Counts per value of a group field of the model table (unknown names are BAD_USER_INPUT). */
  groupCounts(scope: AggregateScope, fieldName: string): Promise<GroupCountRow[]> {
    const field = groupFields(scope.kind).find((f) => f.name === fieldName);
    if (!field) throw new BadUserInputError(`${scope.kind} cannot be grouped by ${fieldName}`, 'field');
    return this.aggregatePart(scope, { op: 'group', field }) as Promise<GroupCountRow[]>;
  }

  /** count/sum/min/max/avg of a numeric property, per group of the properties that give it a unit. */
  measureStats(scope: AggregateScope, measureName: string): Promise<MeasureStatsRow[]> {
    const measure = measures(scope.kind).find((m) => m.name === measureName);
    if (!measure) throw new BadUserInputError(`${scope.kind} has no numeric property ${measureName}`, 'field');
    return this.aggregatePart(scope, { op: 'stats', measure }) as Promise<MeasureStatsRow[]>;
  }

  /**
   * The figures one `aggregate` selection asks for are resolved side by side, in the same tick:
   * each waits on its scope's loader, which sends them together as one statement.
   */
  private aggregatePart(scope: AggregateScope, part: AggregatePart): Promise<AggregateFigure> {
    let loader = this.aggregates.get(scope);
    if (!loader) {
      loader = new DataLoader<AggregatePart, AggregateFigure>((parts) => this.repo.aggregate(scope.kind, scope.filter, parts), { cache: false });
      this.aggregates.set(scope, loader);
    }
    return loader.load(part);
  }
}

const ISO_COUNTRY = /^[A-Za-z]{2}$/;

/** Checks a filter and keeps only what is set; error fields are paths under `filter`. */
export function normalizeFilter(kind: EntityKind, input: FilterInput): ConnectionFilter {
  const spec = KINDS[kind];
  const f: ConnectionFilter = { equals: [] };
  if (input.name != null) {
    const name = input.name.trim();
    if (!name || name.length > 200) throw new BadUserInputError('filter.name must be 1 to 200 characters', 'filter.name');
    f.name = name;
  }
  if (input.ids != null) {
    if (input.ids.length > 1000) throw new BadUserInputError('filter.ids takes at most 1000 ids', 'filter.ids');
    f.ids = input.ids;
  }
  if (input.country != null) {
    if (!ISO_COUNTRY.test(input.country)) throw new BadUserInputError('filter.country must be an ISO 3166-1 alpha-2 code, e.g. CN', 'filter.country');
    f.country = input.country.toUpperCase();
  }
  if (input.sector != null) f.sector = input.sector;
  if (input.participant != null) f.participant = input.participant;
  if (input.dateFrom != null) f.dateFrom = input.dateFrom;
  if (input.dateTo != null) f.dateTo = input.dateTo;
  if (f.dateFrom && f.dateTo && f.dateFrom > f.dateTo) throw new BadUserInputError('filter.dateTo must not be before filter.dateFrom', 'filter.dateTo');
  for (const field of spec.enumFields) {
    const values = input[field];
    if (Array.isArray(values) && values.length) f.equals.push({ field, values: values.map(String) });
  }
  return f;
}
