import type { Database } from '../db/database';
import { ConnectionRepository } from '../entity/connection.repository';
import { ConnectionService } from '../entity/connection.service';
import { EntityRepository } from '../entity/entity.repository';
import { EntityService } from '../entity/entity.service';
import { RelationshipRepository } from '../relationship/relationship.repository';
import { RelationshipService } from '../relationship/relationship.service';
import { SourceRepository } from '../source/source.repository';
import { SourceService } from '../source/source.service';
import { SystemService } from '../system/system.service';
import { Importer } from '../import/importer';
import { MutationRepository } from '../mutation/mutation.repository';
import { MutationService } from '../mutation/mutation.service';
import type { Logger } from 'pino';
import { TraceRepository } from '../trace/trace.repository';
import { TraceService } from '../trace/trace.service';

/** Every domain service, wired once per process. Feature folders add theirs here. */
export function createServices(db: Database, opts: { importMaxItems?: number; logger?: Logger } = {}) {
  return {
    mutation: new MutationService(db, new MutationRepository(), new Importer(db), { importMaxItems: opts.importMaxItems ?? 5000, logger: opts.logger }),
    system: new SystemService(db),
    entity: new EntityService(new EntityRepository(db)),
    trace: new TraceService(new TraceRepository(db)),
    relationship: new RelationshipService(new RelationshipRepository(db)),
    connection: new ConnectionService(new ConnectionRepository(db)),
    source: new SourceService(new SourceRepository(db)),
  };
}

export type Services = ReturnType<typeof createServices>;
