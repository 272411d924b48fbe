import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from '../../bench/lib/load-test';
import { renderSection, RunReport, ServerResult, writeResults } from '../../bench/lib/report';

const row = (server: ServerResult['server'], rps: number, p50: number): ServerResult => ({
  server, requests: rps * 10, seconds: 10, rps, p50, p95: p50 * 2, p99: p50 * 3, errors: 0, roundTrips: 1,
  kbPerResponse: 1, cpuMsPerRequest: 1, dbCpuMsPerRequest: 1, statements: [],
});

const report = (scale: string): RunReport => ({
  scale, command: `npm run bench -- --scale ${scale}`, startedAt: '2026-01-01T00:00:00Z', minutes: 4, machine: 'test machine',
  load: { scale, seed: 's', companies: 10, entities: 100, relationships: 200, documents: 2, importSeconds: 10, entitiesPerSecond: 10, rowsPerSecond: 40, batchSize: 10, heap: '1g', pageCacheMb: 512, loadedAt: '' },
  settings: { connections: 8, seconds: 8, rounds: 2, warmup: 2, jvmWarmup: 15 },
  workloads: [
    { name: 'search', title: 'search', results: [row('ours', 300, 4), row('anchor', 100, 8), row('raw', 600, 2)], skipped: [] },
    { name: 'paths', title: 'paths', results: [row('ours', 50, 10), row('raw', 100, 5)], skipped: [{ server: 'anchor', reason: 'no path query' }] },
  ],
  oursRssMb: { idle: 100, peak: 150 },
  neo4j: { heap: '1g', pageCacheMb: 512, version: '5.26' },
});

describe('benchmark report', () => {
  it('states ours ÷ anchor and ours ÷ floor for throughput and each percentile', () => {
    const text = renderSection(report('10k'));
    expect(text).toContain('| search | 3.00× | 0.50× | 0.50× | 0.50× | 0.50× | 2.00× | 2.00× | 2.00× |');
    expect(text).toContain('| paths | n/a | n/a | n/a | n/a | 0.50× | 2.00× | 2.00× | 2.00× |');
    expect(text).toContain('no path query');
    expect(text).toContain('`npm run bench -- --scale 10k`');
  });

  it("rewrites only its own scale's section of RESULTS.md and keeps the rest", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bench-report-')), 'RESULTS.md');
    writeResults(file, '# Header', '10k', 'first 10k');
    writeResults(file, '# Header', '1m', 'the 1m run');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n## Notes kept by hand\n`);
    writeResults(file, '# Header v2', '10k', 'second 10k');
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# Header v2')).toBe(true);
    expect(text).toContain('second 10k');
    expect(text).not.toContain('first 10k');
    expect(text).toContain('the 1m run');
    expect(text).toContain('## Notes kept by hand');
    expect(text.indexOf('second 10k')).toBeLessThan(text.indexOf('the 1m run'));
  });

  it('takes percentiles over sorted latencies (nearest rank)', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([], 50)).toBeNaN();
  });
});
