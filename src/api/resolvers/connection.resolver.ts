import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Company, Government, Organization, Person } from '../types/company.type';
import { Event } from '../types/event.type';
import type { EntityKindName } from '../../graph/subgraph';
import { Investment } from '../types/investment.type';
import { Metric } from '../types/metric.type';
import { Partnership } from '../types/partnership.type';
import { Place, Sector } from '../types/place.type';
import { Policy } from '../types/policy.type';
import { Product } from '../types/product.type';
import { PrefetchPlan, SelectionPlan } from './selection-plan.decorator';
import type { AppContext } from '../context';
import { Source } from '../types/source.type';
import { EventConnection } from '../types/trace.type';
import * as filters from '../types/connection.filter';
import { KIND_CONNECTIONS } from '../../read/connection/connection.model';
import type { FilterInput } from '../../read/connection/connection.service';
import { PAGE_SIZES } from '../../read/relay/page-size';
import { connectionType, orderInput } from '../types/connection.type';
import { KIND_TYPE_NAME } from '../types/entity.type';

type GraphQLClass = abstract new (...args: never[]) => object;

interface RootConnection {
  kind: EntityKindName;
  /** the root field, e.g. `companies` */
  field: string;
  node: GraphQLClass;
  filter: GraphQLClass;
  /** an existing connection type to reuse (events share `EventConnection` with `timeline`) */
  connection?: GraphQLClass;
}

const ROOTS: RootConnection[] = [
  { kind: 'COMPANY', field: 'companies', node: Company, filter: filters.CompanyFilter },
  { kind: 'GOVERNMENT', field: 'governments', node: Government, filter: filters.GovernmentFilter },
  { kind: 'ORGANIZATION', field: 'organizations', node: Organization, filter: filters.OrganizationFilter },
  { kind: 'PERSON', field: 'people', node: Person, filter: filters.PersonFilter },
  { kind: 'PRODUCT', field: 'products', node: Product, filter: filters.ProductFilter },
  { kind: 'PARTNERSHIP', field: 'partnerships', node: Partnership, filter: filters.PartnershipFilter },
  { kind: 'INVESTMENT', field: 'investments', node: Investment, filter: filters.InvestmentFilter },
  { kind: 'POLICY', field: 'policies', node: Policy, filter: filters.PolicyFilter },
  { kind: 'EVENT', field: 'events', node: Event, filter: filters.EventFilter, connection: EventConnection },
  { kind: 'METRIC', field: 'metrics', node: Metric, filter: filters.MetricFilter },
  { kind: 'PLACE', field: 'places', node: Place, filter: filters.PlaceFilter },
  { kind: 'SECTOR', field: 'sectors', node: Sector, filter: filters.SectorFilter },
  { kind: 'SOURCE', field: 'sources', node: Source, filter: filters.SourceFilter },
];

/**
 * One root query per kind, all served by ConnectionService.page: the classes are generated
 * because the thirteen queries differ only in their names and input/output types.
 */
function rootConnectionResolver(root: RootConnection) {
  const typeName = KIND_TYPE_NAME[root.kind];
  const connection = root.connection ?? connectionType(typeName, root.node);
  const order = orderInput(typeName, Boolean(KIND_CONNECTIONS[root.kind].dateField));

  @Resolver()
  class RootConnectionResolver {
    @Query(() => connection, { name: root.field, description: `${typeName} entities, filtered and sorted, Relay-paged with keyset cursors` })
    page(
      @Arg('first', () => Int, { nullable: true, defaultValue: PAGE_SIZES.connection.default, description: `page size (${PAGE_SIZES.connection.min}-${PAGE_SIZES.connection.max})` }) first: number | null,
      @Arg('after', () => String, { nullable: true, description: 'continue strictly after this cursor (an endCursor or edge cursor)' }) after: string | null,
      @Arg('filter', () => root.filter, { nullable: true }) filter: FilterInput | null,
      @Arg('orderBy', () => order, { nullable: true, description: 'default: NAME ascending; the id always breaks ties' }) orderBy: InstanceType<typeof order> | null,
      @SelectionPlan() plan: PrefetchPlan,
      @Ctx() ctx: AppContext,
    ) {
      // the relationship lists selected under the nodes come back in the page's statement
      return ctx.services.connection.page(root.kind, { first, after, filter, orderBy }, plan);
    }
  }
  Object.defineProperty(RootConnectionResolver, 'name', { value: `${typeName}ConnectionResolver` });
  return RootConnectionResolver;
}

export const rootConnectionResolvers = ROOTS.map(rootConnectionResolver);
