import { BadUserInputError } from '../../src/common/errors';

/** The `extensions.field` of the BAD_USER_INPUT that `fn` throws; fails the test if it throws nothing or something else. */
export function fieldOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(BadUserInputError);
    return (err as BadUserInputError).extensions.field;
  }
  throw new Error('expected a BadUserInputError');
}
