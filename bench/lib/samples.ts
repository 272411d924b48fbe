import type { Database } from '../../src/db/database';
import { companyIdentity } from './company-graph';
import { Rng } from './random';

/**
 * The variables the workloads cycle through: drawn once per run with a seeded generator, the same
 * for every server, so that each server answers exactly the same sequence of questions.
 */
export interface Samples {
  /** companies that are party to at least one partnership */
  companyIds: string[];
  countries: string[];
  searchTerms: string[];
  /** two companies joined by a partner of a partner (paths of 4 hops exist) */
  pathPairs: { from: string; to: string }[];
}

async function rows(db: Database, text: string, params: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const records = await db.read({ name: 'bench/samples', text }, params);
  return records.map((r) => r.toObject() as Record<string, unknown>);
}

export async function drawSamples(db: Database, seed: string, companies: number): Promise<Samples> {
  const rng = new Rng(`${seed}/samples`);
  const candidates = Array.from({ length: Math.min(companies, 600) }, () => companyIdentity(seed, rng.int(companies)).id);
  const withPartners = (
    await rows(db, 'UNWIND $ids AS id MATCH (c:Company {id: id}) WHERE EXISTS { (c)-[:PARTY_TO]->(:Partnership) } RETURN DISTINCT c.id AS id', { ids: candidates })
  ).map((r) => String(r.id));
  if (withPartners.length < 10) throw new Error(`only ${withPartners.length} sampled companies have partnerships: is the data loaded?`);
  const companyIds = withPartners.slice(0, 100);

  const searchTerms: string[] = [];
  for (let i = 0; i < 60; i++) {
    const name = companyIdentity(seed, rng.int(companies)).name;
    searchTerms.push([name.short.en, name.ko, name.zh][i % 3]);
  }

  const pathPairs: Samples['pathPairs'] = [];
  for (const from of withPartners.slice(0, 120)) {
    const found = await rows(
      db,
      `MATCH (a:Company {id: $id})-[:PARTY_TO]->(:Partnership)<-[:PARTY_TO]-(h:Company)-[:PARTY_TO]->(:Partnership)<-[:PARTY_TO]-(b:Company)
       WHERE b <> a AND NOT EXISTS { (a)-[:PARTY_TO]->(:Partnership)<-[:PARTY_TO]-(b) }
       WITH b LIMIT 20 RETURN b.id AS id ORDER BY id LIMIT 1`,
      { id: from },
    );
    if (found.length) pathPairs.push({ from, to: String(found[0].id) });
    if (pathPairs.length >= 50) break;
  }
  if (!pathPairs.length) throw new Error('no company pairs joined over a hub were found for the paths workload');
  return { companyIds, countries: ['CN', 'KR', 'US', 'JP', 'TW'], searchTerms, pathPairs };
}
