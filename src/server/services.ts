import type { Database } from '../db/database';
import { EntityRepository } from '../entity/entity.repository';
import { EntityService } from '../entity/entity.service';
import { SystemService } from '../system/system.service';

/** Every domain service, wired once per process. Feature folders add theirs here. */
export function createServices(db: Database) {
  return {
    system: new SystemService(db),
    entity: new EntityService(new EntityRepository(db)),
  };
}

export type Services = ReturnType<typeof createServices>;
