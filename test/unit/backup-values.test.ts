import neo4j from 'neo4j-driver';
import { decodeProps, encodeProps } from '../../src/backup/typed-values';
import { restoreNodes, restoreRelationships, kindLabel } from '../../src/backup/restore.cypher';
import { nameLockKey } from '../../src/write/write-locks';

/** Backup values keep their Cypher types through JSON; restore statements only take the model's labels and types. */
describe('backup values', () => {
  it('integers, floats, dates, datetimes and lists come back as the types they were', () => {
    const encoded = encodeProps([
      ['name', 'Alibaba', 'STRING NOT NULL'],
      ['count', 7, 'INTEGER NOT NULL'],
      ['ratio', 7, 'FLOAT NOT NULL'],
      ['years', [2024, 2025], 'LIST<INTEGER NOT NULL> NOT NULL'],
      ['date', new neo4j.types.Date(2024, 2, 29), 'DATE NOT NULL'],
      ['at', new neo4j.types.DateTime(2025, 1, 2, 3, 4, 5, 120000000, 32400), 'ZONED DATETIME NOT NULL'],
      ['names', [], 'LIST<NOTHING> NOT NULL'],
    ]);
    const json = JSON.parse(JSON.stringify(encoded)) as typeof encoded;
    expect(json.t).toEqual({ count: 'INTEGER NOT NULL', ratio: 'FLOAT NOT NULL', years: 'LIST<INTEGER NOT NULL> NOT NULL', date: 'DATE NOT NULL', at: 'ZONED DATETIME NOT NULL' });
    const back = decodeProps(json);
    expect(neo4j.isInt(back.count)).toBe(true);
    expect(typeof back.ratio).toBe('number');
    expect((back.years as unknown[]).every((y) => neo4j.isInt(y))).toBe(true);
    expect(String(back.date)).toBe('2024-02-29');
    expect(String(back.at)).toBe('2025-01-02T03:04:05.120000000+09:00');
    expect(back.names).toEqual([]);
  });

  it('refuses property types it cannot restore faithfully', () => {
    expect(() => encodeProps([['where', {}, 'POINT NOT NULL']])).toThrow(/POINT/);
  });

  it('restore statements take only labels and relationship types of the model', () => {
    expect(kindLabel(['Entity', 'Company'])).toBe('Company');
    expect(() => kindLabel(['Entity', 'Company', 'Admin'])).toThrow(/not Entity plus one kind label/);
    expect(() => restoreNodes('Company) DETACH DELETE (x', 'create')).toThrow(/not a kind label/);
    expect(() => restoreRelationships('KNOWS]->() DELETE r//', 'create')).toThrow(/not a relationship type/);
    expect(restoreRelationships('REPORTED_IN', 'merge').text).toBe(`UNWIND $rows AS row
MATCH (a:Entity {id: row.a})
MATCH (b:Entity {id: row.b})
MERGE (a)-[r:REPORTED_IN {section: row.p.section, sentence: row.p.sentence, basis: row.p.basis}]->(b)
SET r = row.p
RETURN count(r) AS written`);
  });
});

describe('name lock stripes', () => {
  it('the same name of the same kind shares a stripe whatever its case; stripes are bounded', () => {
    expect(nameLockKey('COMPANY', 'Alibaba')).toBe(nameLockKey('COMPANY', 'ALIBABA'));
    const stripes = new Set(Array.from({ length: 5000 }, (_, i) => nameLockKey('COMPANY', `name ${i}`)));
    expect(stripes.size).toBeLessThanOrEqual(256);
    expect(stripes.size).toBeGreaterThan(200);
  });
});
