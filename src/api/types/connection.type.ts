import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from './page-info.type';
import type { EntityRecord } from '../../read/entity/entity.model';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, { name: 'OrderDirection' });

/** Orderings by a count of relationships, offered on every kind (COUNT_ORDERS in src/model/relationships.ts). */
const COUNT_ORDER_DESCRIPTIONS = {
  DEGREE: { description: 'relationships at the entity, provenance (REPORTED_IN) excluded; with direction DESC the most connected first' },
  PARTNERSHIPS: { description: 'partnerships it is a party to (PARTY_TO)' },
  INVESTMENTS: { description: 'investments it made or raised (INVESTOR_IN, RAISED)' },
  EVENTS: { description: 'events it is involved in (INVOLVED_IN)' },
};

export enum EntityOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  DEGREE = 'DEGREE',
  PARTNERSHIPS = 'PARTNERSHIPS',
  INVESTMENTS = 'INVESTMENTS',
  EVENTS = 'EVENTS',
}
registerEnumType(EntityOrderField, {
  name: 'EntityOrderField',
  description: 'What to sort a connection of an undated kind by; the id breaks ties',
  valuesConfig: { NAME: { description: 'display name' }, CREATED_AT: { description: 'when it entered the graph' }, ...COUNT_ORDER_DESCRIPTIONS },
});

export enum DatedOrderField {
  NAME = 'NAME',
  DATE = 'DATE',
  CREATED_AT = 'CREATED_AT',
  DEGREE = 'DEGREE',
  PARTNERSHIPS = 'PARTNERSHIPS',
  INVESTMENTS = 'INVESTMENTS',
  EVENTS = 'EVENTS',
}
registerEnumType(DatedOrderField, {
  name: 'DatedOrderField',
  description: 'What to sort a connection of a dated kind by; the id breaks ties',
  valuesConfig: {
    NAME: { description: 'display name' },
    DATE: { description: "the kind's date (date, releaseDate, periodStart or issued); undated ones sort as earliest" },
    CREATED_AT: { description: 'when it entered the graph' },
    ...COUNT_ORDER_DESCRIPTIONS,
  },
});

/** A class GraphQL returns as a connection's node type. */
type NodeClass = abstract new (...args: never[]) => object;

/**
 * `<Kind>Order`: one input per kind so the schema reads naturally (companies(orderBy: CompanyOrder)),
 * built by one factory because they differ only in name and in whether DATE is offered.
 */
export function orderInput(typeName: string, dated: boolean) {
  const fieldEnum = dated ? DatedOrderField : EntityOrderField;
  @InputType(`${typeName}Order`, { description: `How to sort ${typeName} results` })
  class Order {
    @Field(() => fieldEnum, { defaultValue: fieldEnum.NAME })
    field!: EntityOrderField | DatedOrderField;

    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
    direction!: OrderDirection;
  }
  return Order;
}

/** What a connection's descriptions say where they differ from the generic ones. */
export interface ConnectionDescriptions {
  connection?: string;
  edge?: string;
  cursor?: string;
  totalCount?: string;
}

/**
 * `<Name>Edge` and `<Name>Connection` (Relay): the one factory for every connection in the schema
 * (the root connections, `timeline`'s EventConnection shared with `events`, `Source.entities`).
 * The node classes of the schema read an EntityRecord; the resolvers return a relay Page.
 */
export function connectionType(typeName: string, node: NodeClass, descriptions: ConnectionDescriptions = {}) {
  @ObjectType(`${typeName}Edge`, { description: descriptions.edge ?? `A ${typeName} on a page, with its cursor` })
  class Edge {
    @Field({ description: descriptions.cursor ?? 'opaque keyset cursor; pass it as `after` to continue after this node' })
    cursor!: string;

    @Field(() => node)
    node!: EntityRecord;
  }

  @ObjectType(`${typeName}Connection`, { description: descriptions.connection ?? `A page of ${typeName} results (Relay connection)` })
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [node], { description: 'the nodes of `edges`, for clients that need no cursors' })
    nodes!: EntityRecord[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: descriptions.totalCount ?? 'how many match the filter, over all pages' })
    totalCount!: number;
  }
  return Connection;
}
