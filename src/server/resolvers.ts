import { SystemResolver } from '../system/system.resolver';

/** Every resolver class in the schema. Feature folders add theirs here. */
export const resolvers = [SystemResolver] as const;
