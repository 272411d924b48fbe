import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError(`Date must be an ISO 8601 calendar date (YYYY-MM-DD), got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** A calendar date as `YYYY-MM-DD`, kept a string end to end (no time zone can shift it). */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, ISO 8601 (YYYY-MM-DD)',
  serialize: (v) => String(v).slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string (YYYY-MM-DD)', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseDate(ast.value);
  },
});

export const JSONScalar = GraphQLJSON;

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** An instant as ISO 8601 with its offset (e.g. `2026-11-29T16:45:06.123Z`), kept a string end to end. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601 date and time with offset',
  serialize: (v) => (v instanceof Date ? v.toISOString() : String(v)),
  parseValue: (v) => {
    if (typeof v !== 'string' || !ISO_DATETIME.test(v)) throw new GraphQLError(`DateTime must be ISO 8601 with an offset, got ${JSON.stringify(v)}`, { extensions: { code: 'BAD_USER_INPUT' } });
    return v;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !ISO_DATETIME.test(ast.value)) throw new GraphQLError('DateTime must be an ISO 8601 string with an offset', { extensions: { code: 'BAD_USER_INPUT' } });
    return ast.value;
  },
});
