import { cypher } from '../db/cypher-registry';
import type { Database } from '../db/database';

export interface ServiceInfo {
  version: string;
  neo4jVersion: string;
  neo4jEdition: string;
}

export class SystemService {
  constructor(private readonly db: Database) {}

  async info(): Promise<ServiceInfo> {
    const [rec] = await this.db.read(cypher('system/server-info'));
    return { version: process.env.npm_package_version ?? '0.1.0', neo4jVersion: rec.get('version'), neo4jEdition: rec.get('edition') };
  }
}
