import { Company, Government, Organization, Person } from '../company/company.type';
import { EntityResolver } from '../entity/entity.resolver';
import { Event } from '../event/event.type';
import { Investment } from '../investment/investment.type';
import { Metric } from '../metric/metric.type';
import { Partnership } from '../partnership/partnership.type';
import { Place, Sector } from '../place/place.type';
import { Policy } from '../policy/policy.type';
import { Product } from '../product/product.type';
import { Source } from '../source/source.type';
import { SystemResolver } from '../system/system.resolver';
import { MutationResolver } from '../mutation/mutation.resolver';
import { SubgraphResolver, TraceResolver } from '../trace/trace.resolver';

/** Every resolver class in the schema. Feature folders add theirs here. */
export const resolvers = [SystemResolver, EntityResolver, MutationResolver, TraceResolver, SubgraphResolver] as const;

/** Object types reached only through interfaces must be listed so the schema includes them. */
export const orphanedTypes = [Company, Government, Organization, Person, Product, Partnership, Investment, Policy, Event, Metric, Place, Sector, Source];
