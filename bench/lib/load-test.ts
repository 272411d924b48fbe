import autocannon from 'autocannon';

/**
 * One fixed-concurrency load run with autocannon. Every response's latency is kept (autocannon's
 * own summary has no p95), so the runs of one server can be pooled before taking percentiles.
 */
export interface RunResult {
  requests: number;
  seconds: number;
  latencies: number[];
  /** non-2xx answers, GraphQL errors and socket errors/timeouts */
  errors: number;
  bytes: number;
  firstError?: string;
}

export interface RunOptions {
  url: string;
  /** request bodies, cycled in order by every connection together */
  bodies: string[];
  connections: number;
  seconds: number;
}

export function loadRun(o: RunOptions): Promise<RunResult> {
  let next = 0;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: o.url,
        method: 'POST',
        connections: o.connections,
        duration: o.seconds,
        timeout: 30,
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (req) => ({ ...req, body: o.bodies[next++ % o.bodies.length] }),
            onResponse: (status, body) => {
              if (status !== 200 || body.startsWith('{"errors"') || body.includes('"errors":[')) {
                errors++;
                firstError ??= `${status} ${body.slice(0, 300)}`;
              }
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          requests: result.requests.total,
          seconds: result.duration,
          latencies,
          errors: errors + result.errors + result.timeouts,
          bytes: result.throughput.total,
          firstError,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
