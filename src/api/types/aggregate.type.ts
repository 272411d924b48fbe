import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { groupFields, measures } from '../../read/connection/aggregate.model';
import type { EntityKind } from '../../model/kinds';

@ObjectType({ description: 'How many of a connection\'s entities share one value of the grouped field' })
export class GroupCount {
  @Field(() => String, { nullable: true, description: 'the value (dates as 2025, 2025-Q3, 2025-09; a sector id for SECTOR); null for entities without one' })
  key!: string | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'One property value that defines a group of figures (e.g. currency = USD)' })
export class GroupValue {
  @Field({ description: 'the property, e.g. currency' })
  field!: string;

  @Field(() => String, { nullable: true })
  value!: string | null;
}

@ObjectType({ description: "Figures of a numeric property within one group of the properties that give it a unit (amounts per currency, never summed across currencies)" })
export class MeasureStats {
  @Field(() => [GroupValue])
  group!: GroupValue[];

  @Field(() => Int, { description: 'entities in the group with a value' })
  count!: number;

  @Field(() => Float)
  sum!: number;

  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  max!: number;

  @Field(() => Float)
  avg!: number;
}

/** `<Kind>GroupField` and `<Kind>Measure`, generated from the model table; undefined when a kind has none. */
export function aggregateEnums(typeName: string, kind: EntityKind) {
  const enumOf = (name: string, values: string[], description: string) => {
    if (!values.length) return undefined;
    const e = Object.fromEntries(values.map((v) => [v, v])) as Record<string, string>;
    registerEnumType(e, { name, description });
    return e;
  };
  return {
    groupField: enumOf(`${typeName}GroupField`, groupFields(kind).map((f) => f.name), `What ${typeName} counts can be grouped by`),
    measure: enumOf(`${typeName}Measure`, measures(kind).map((m) => m.name), `Numeric properties of ${typeName} to sum, per group of their unit`),
  };
}
