import type { Database } from '../db/database';
import { ConnectionRepository } from '../read/connection/connection.repository';
import { ConnectionService } from '../read/connection/connection.service';
import { EntityRepository } from '../read/entity/entity.repository';
import { EntityService } from '../read/entity/entity.service';
import { RelationshipRepository } from '../read/relationship/relationship.repository';
import { RelationshipService } from '../read/relationship/relationship.service';
import { SourceRepository } from '../read/source/source.repository';
import { SourceService } from '../read/source/source.service';
import { SystemService } from '../read/system.service';
import { Importer } from '../write/importer';
import { MutationRepository } from '../write/mutation/mutation.repository';
import { MutationService } from '../write/mutation/mutation.service';
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
