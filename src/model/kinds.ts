/**
 * The model table: one row per kind of entity. Everything that depends on the kinds (the GraphQL
 * `EntityKind` enum, the Cypher label allow-lists, id parsing, root connections and their filters,
 * traversal defaults, export and explorer styling, the import document's lists) is derived from
 * these rows. Adding a kind is one row here plus its typed GraphQL class (src/api/types/kinds.ts).
 *
 * No imports, no Node APIs: the browser explorer (web/explorer) bundles this module as it is.
 */

/** A numeric property that `aggregate.stats` sums (see the rows' `measures`). */
export interface MeasureRow {
  readonly field: string;
  readonly per: readonly string[];
  /**
   * the document schema requires the field and every `per` property on each entity of the kind,
   * so the covering range index `(...per, field)` (migration 017) holds every one of them and the
   * stats are read from that index alone (src/read/connection/aggregate.cypher.ts)
   */
  readonly required?: true;
}
export interface KindRow {
  /** Neo4j label and GraphQL object type name (the same word) */
  readonly label: string;
  /** the part before the colon of the kind's ids: `company:alibaba` */
  readonly idPrefix: string;
  /** a reified n-ary statement with its own dates, amounts and sources */
  readonly fact: boolean;
  /** whether paths and connect cross it by default (the rest only when `via` names them) */
  readonly traversed: boolean;
  /**
   * its date-valued properties, most significant first: DATE ordering and dateFrom/dateTo use the
   * first; the explorer files a thing under the first one that is set
   */
  readonly dates: readonly string[];
  /** the property the connection's `country` filter matches */
  readonly countryField?: string;
  /** properties filtered by equality with a list of enum values (the filter field has the same name) */
  readonly enumFields: readonly string[];
  /**
   * numeric properties the connection's `aggregate.stats` sums, each always grouped by the
   * properties that give its figures a meaning (amounts per currency, never summed across them)
   */
  readonly measures?: readonly MeasureRow[];
  /** whether the connection filters `sector` and `participant` apply */
  readonly sectorFilter: boolean;
  readonly participantFilter: boolean;
  /** the root connection field: `companies`, `people`, ... */
  readonly connection: string;
  /** export and explorer colour */
  readonly color: string;
  /** explorer node shape (Cytoscape): facts are diamonds, actors round, context squared */
  readonly shape: string;
  /** the explorer shows it only when asked (provenance would pull the whole graph together) */
  readonly hiddenInExplorer?: true;
  /** the derived view collapses the fact into this direct edge between its participants */
  readonly derivedEdge?: 'PARTNERS_WITH' | 'INVESTED_IN' | 'ISSUED_POLICY';
}

const KIND_ROWS = {
  COMPANY: {
    label: 'Company', idPrefix: 'company', fact: false, traversed: true, dates: [],
    countryField: 'country', enumFields: [], sectorFilter: true, participantFilter: false,
    connection: 'companies', color: '#4e79a7', shape: 'ellipse',
  },
  GOVERNMENT: {
    label: 'Government', idPrefix: 'government', fact: false, traversed: true, dates: [],
    countryField: 'country', enumFields: ['level'], sectorFilter: true, participantFilter: false,
    connection: 'governments', color: '#e15759', shape: 'ellipse',
  },
  ORGANIZATION: {
    label: 'Organization', idPrefix: 'organization', fact: false, traversed: true, dates: [],
    countryField: 'country', enumFields: ['orgType'], sectorFilter: true, participantFilter: false,
    connection: 'organizations', color: '#76b7b2', shape: 'ellipse',
  },
  PERSON: {
    label: 'Person', idPrefix: 'person', fact: false, traversed: true, dates: [],
    countryField: 'country', enumFields: [], sectorFilter: true, participantFilter: false,
    connection: 'people', color: '#f28e2b', shape: 'ellipse',
  },
  PRODUCT: {
    label: 'Product', idPrefix: 'product', fact: false, traversed: true, dates: ['releaseDate'],
    enumFields: ['productType'], sectorFilter: true, participantFilter: true,
    connection: 'products', color: '#59a14f', shape: 'round-rectangle',
  },
  PARTNERSHIP: {
    label: 'Partnership', idPrefix: 'partnership', fact: true, traversed: true, dates: ['date', 'startDate', 'endDate'],
    enumFields: ['partnershipType', 'status'], sectorFilter: true, participantFilter: true,
    connection: 'partnerships', color: '#edc948', shape: 'diamond', derivedEdge: 'PARTNERS_WITH',
  },
  INVESTMENT: {
    label: 'Investment', idPrefix: 'investment', fact: true, traversed: true, dates: ['date'],
    enumFields: ['investmentType', 'status'], sectorFilter: true, participantFilter: true,
    connection: 'investments', color: '#b07aa1', shape: 'diamond', derivedEdge: 'INVESTED_IN',
    measures: [{ field: 'amount', per: ['currency'] }],
  },
  POLICY: {
    label: 'Policy', idPrefix: 'policy', fact: true, traversed: true, dates: ['date'],
    enumFields: ['policyType', 'status'], sectorFilter: true, participantFilter: true,
    connection: 'policies', color: '#ff9da7', shape: 'diamond', derivedEdge: 'ISSUED_POLICY',
  },
  EVENT: {
    label: 'Event', idPrefix: 'event', fact: true, traversed: true, dates: ['date', 'startDate', 'endDate'],
    enumFields: ['eventType', 'status'], sectorFilter: true, participantFilter: true,
    connection: 'events', color: '#9c755f', shape: 'diamond',
  },
  METRIC: {
    label: 'Metric', idPrefix: 'metric', fact: true, traversed: false, dates: ['periodStart', 'periodEnd'],
    enumFields: ['metricKind', 'unit', 'observationType'], sectorFilter: true, participantFilter: true,
    connection: 'metrics', color: '#bab0ac', shape: 'round-triangle',
    measures: [{ field: 'value', per: ['metricKind', 'unit'], required: true }],
  },
  PLACE: {
    label: 'Place', idPrefix: 'place', fact: false, traversed: false, dates: [],
    countryField: 'countryCode', enumFields: ['placeType'], sectorFilter: false, participantFilter: false,
    connection: 'places', color: '#86bcb6', shape: 'round-hexagon',
  },
  SECTOR: {
    label: 'Sector', idPrefix: 'sector', fact: false, traversed: false, dates: [],
    enumFields: [], sectorFilter: false, participantFilter: false,
    connection: 'sectors', color: '#d37295', shape: 'round-hexagon',
  },
  SOURCE: {
    label: 'Source', idPrefix: 'source', fact: false, traversed: false, dates: ['issued'],
    enumFields: [], sectorFilter: false, participantFilter: false,
    connection: 'sources', color: '#8cd17d', shape: 'rectangle', hiddenInExplorer: true,
  },
} as const satisfies Record<string, KindRow>;

/** What kind of thing an entity is: `COMPANY`, `PERSON`, ... (the GraphQL enum `EntityKind`). */
export type EntityKind = keyof typeof KIND_ROWS;
/** A kind's Neo4j label, which is also its GraphQL object type name and its class's name. */
export type KindLabel = (typeof KIND_ROWS)[EntityKind]['label'];

export const KINDS: Readonly<Record<EntityKind, KindRow>> = KIND_ROWS;

/** Every kind, in the table's order (the order of the GraphQL enum, legends and exports). */
export const ENTITY_KINDS = Object.keys(KIND_ROWS) as EntityKind[];

const kindsWhere = (test: (row: KindRow) => boolean): readonly EntityKind[] => ENTITY_KINDS.filter((k) => test(KINDS[k]));

/** Fact kinds: reified n-ary statements with their own dates, amounts and sources. */
export const FACT_KINDS = kindsWhere((r) => r.fact);
/** Kinds that paths and connect cross by default; the rest only when `via` names them. */
export const DEFAULT_TRAVERSAL_KINDS = kindsWhere((r) => r.traversed);
/** Kinds the derived view collapses into direct edges. */
export const COLLAPSIBLE_FACT_KINDS = kindsWhere((r) => r.derivedEdge !== undefined);
/** Kinds the explorer shows only when asked. */
export const KINDS_HIDDEN_IN_EXPLORER = kindsWhere((r) => r.hiddenInExplorer === true);

/** The kind of the newsletters and documents facts are reported in (REPORTED_IN points to it). */
export const SOURCE_KIND = 'SOURCE' satisfies EntityKind;

/** Neo4j label of each kind: the only place kind names become labels. */
export const KIND_LABEL = Object.fromEntries(ENTITY_KINDS.map((k) => [k, KINDS[k].label])) as Readonly<Record<EntityKind, KindLabel>>;

export function isEntityKind(v: unknown): v is EntityKind {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(KIND_ROWS, v);
}

/** The property DATE ordering and dateFrom/dateTo use, when the kind has a date. */
export function dateFieldOf(kind: EntityKind): string | undefined {
  return KINDS[kind].dates[0];
}

/**
 * Longest id and name a write accepts (schema/document.schema.json says the same): Neo4j's range
 * indexes on id and (name, id) refuse keys of about 8 KB, and a client should hear BAD_USER_INPUT,
 * not the index's complaint.
 */
export const MAX_ID_LENGTH = 200;
export const MAX_NAME_LENGTH = 500;

/** Entity ids: `<kind prefix>:<slug>`, at most MAX_ID_LENGTH characters. */
export const ID_PATTERN = new RegExp(`^(?=.{1,${MAX_ID_LENGTH}}$)(${ENTITY_KINDS.map((k) => KINDS[k].idPrefix).join('|')}):[a-z0-9][a-z0-9-]*$`);

const KIND_BY_PREFIX = new Map<string, EntityKind>(ENTITY_KINDS.map((k) => [KINDS[k].idPrefix, k]));

/** The id prefix of a kind: `COMPANY` → `company`. */
export function idPrefix(kind: EntityKind): string {
  return KINDS[kind].idPrefix;
}

/** The kind an id's prefix names, or undefined when the id is malformed. */
export function kindOfId(id: string): EntityKind | undefined {
  if (!ID_PATTERN.test(id)) return undefined;
  return KIND_BY_PREFIX.get(id.slice(0, id.indexOf(':')));
}

/** Property keys whose values are `YYYY-MM-DD` dates (stored as Neo4j DATE values): every row's `dates`. */
export const DATE_KEYS = ['date', 'startDate', 'endDate', 'releaseDate', 'issued', 'periodStart', 'periodEnd'] as const;

/**
 * Where a fact's date range starts and ends, for the traversals' since/until window: the first of
 * each list that is set (a single `date` is both start and end).
 */
export const FACT_DATE_RANGE: { readonly start: readonly string[]; readonly end: readonly string[] } = {
  start: ['startDate', 'date', 'periodStart', 'endDate', 'periodEnd'],
  end: ['endDate', 'periodEnd', 'date', 'startDate', 'periodStart'],
};

/** Stored properties the Entity type exposes as its own fields rather than inside `properties`. */
export const ENTITY_FIELD_KEYS = ['id', 'kind', 'name', 'names', 'nameLangs', 'description'] as const;
/** When and by whom a node or relationship was written: DateTimes (`createdAt`, `updatedAt`) and actors. */
export const TIMESTAMP_KEYS = ['createdAt', 'updatedAt'] as const;
export const AUDIT_KEYS = [...TIMESTAMP_KEYS, 'createdBy', 'updatedBy'] as const;
/**
 * Values stored on every entity so that orderings read a range index in order instead of sorting
 * every match: the DATE ordering's key (the kind's first date, undated as 0001-01-01), the
 * timeline's key (an event's date, start or end), and the relationship counts the count orderings
 * sort by. Every write keeps them equal to what they summarise (src/write/order-keys.cypher.ts);
 * they are derived, never content, so they never leave the service and no change reports them.
 */
export const ORDER_KEYS = {
  date: '_orderDate',
  timeline: '_timelineDate',
  DEGREE: '_degree',
  PARTNERSHIPS: '_partnerships',
  INVESTMENTS: '_investments',
  EVENTS: '_events',
} as const;
/** Write bookkeeping that never leaves the service, on relationships: the content hash. */
export const EDGE_HIDDEN_KEYS = ['contentHash'] as const;
/** Write bookkeeping that never leaves the service, on entities: the content hash and the order keys. */
export const HIDDEN_KEYS = [...EDGE_HIDDEN_KEYS, ...Object.values(ORDER_KEYS)] as const;
/** Every bookkeeping (non-own) property of nodes and relationships: audit fields, then hidden ones. */
export const BOOKKEEPING_KEYS = [...AUDIT_KEYS, ...HIDDEN_KEYS] as const;
