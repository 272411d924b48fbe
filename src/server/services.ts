import type { Database } from '../db/database';
import { SystemService } from '../system/system.service';

/** Every domain service, wired once per process. Feature folders add theirs here. */
export function createServices(db: Database) {
  return {
    system: new SystemService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
