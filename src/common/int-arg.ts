import { BadUserInputError } from './errors';

/** The bounds of a whole-number argument; null or omitted (an explicit GraphQL null) means the default. */
export interface IntBounds {
  default: number;
  min: number;
  max: number;
}

/** A whole number within bounds, else a BAD_USER_INPUT naming the argument (`first`, `maxHops`, ...). */
export function intArg(value: number | null | undefined, bounds: IntBounds, field: string): number {
  if (value === null || value === undefined) return bounds.default;
  if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    throw new BadUserInputError(`${field} must be a whole number from ${bounds.min} to ${bounds.max}, got ${value}`, field);
  }
  return value;
}
