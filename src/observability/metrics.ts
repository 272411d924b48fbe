import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AccessMode, Database } from '../db/database';
import type { ShapeBudget, ShapeOutcome } from '../read/planner/shape-budget';

/**
 * The service's Prometheus metrics, in a registry of its own (not prom-client's global one), so
 * that several services in one process (tests) never share or double-register series.
 *
 * Label values are bounded: operation names are client-chosen, so only well-formed names are kept
 * and at most MAX_OPERATIONS distinct ones; the rest count as `other`. Outcomes are `success` or
 * the contract's error code. HTTP routes are the fixed paths the service serves.
 */
const MAX_OPERATIONS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics', '/export', '/', '/graphiql', '/review']);
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const MODES: AccessMode[] = ['READ', 'WRITE'];

export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly graphqlRequests: Counter<'operation' | 'outcome'>;
  private readonly graphqlDuration: Histogram<'operation' | 'outcome'>;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(db: Database) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.graphqlRequests = new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL operations by operation name and outcome (success or the error code)',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.graphqlDuration = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL operation to sending its response',
      labelNames: ['operation', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    const queryDuration = new Histogram({
      name: 'neo4j_query_duration_seconds',
      help: 'Cypher statements by query name (cypher/<name>.cypher or builder name), access mode and outcome',
      labelNames: ['query', 'mode', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    db.onQuery(({ name, mode, ms, ok }) => queryDuration.observe({ query: name, mode, outcome: ok ? 'success' : 'error' }, ms / 1000));
    new Gauge({
      name: 'neo4j_sessions_in_use',
      help: 'Driver sessions open now, by access mode; each holds at most one pooled connection (the driver has no public pool API, so the chokepoint counts)',
      labelNames: ['mode'],
      registers,
      collect() {
        for (const mode of MODES) this.set({ mode }, db.sessionsInUse(mode));
      },
    });
    new Gauge({
      name: 'neo4j_pool_max_size',
      help: 'The driver connection pool size limit',
      registers,
      collect() {
        this.set(db.maxPoolSize);
      },
    });
    new Gauge({
      name: 'neo4j_up',
      help: '1 while the health monitor finds the database answering, else 0',
      registers,
      collect() {
        this.set(db.available ? 1 : 0);
      },
    });
  }

  /**
   * The planning budget (read/planner/shape-budget.ts): statement shapes the read path asked to
   * send, by outcome (`known`: planned before; `new`: paid from the budget; `declined`: the budget
   * was spent, the shape-independent statement went instead), and the shapes remembered.
   */
  watchShapes(shapes: ShapeBudget): void {
    const registers = [this.registry];
    const sent: Record<ShapeOutcome, number> = { known: 0, new: 0, declined: 0 };
    new Counter({
      name: 'planner_statement_shapes_total',
      help: 'Statement shapes built from client selections, by outcome: known (planned before), new (paid from the planning budget), declined (budget spent: the shape-independent statement was sent)',
      labelNames: ['outcome'],
      registers,
      collect() {
        for (const outcome of Object.keys(sent) as ShapeOutcome[]) {
          this.inc({ outcome }, shapes.counts[outcome] - sent[outcome]);
          sent[outcome] = shapes.counts[outcome];
        }
      },
    });
    new Gauge({
      name: 'planner_known_shapes',
      help: 'Statement shapes the read path remembers as planned by Neo4j (at most PLAN_KNOWN_SHAPES)',
      registers,
      collect() {
        this.set(shapes.size);
      },
    });
  }

  /** A bounded label for a client-chosen operation name. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATIONS) return 'other';
    this.operations.add(name);
    return name;
  }

  recordOperation(name: string | null | undefined, outcome: string, seconds: number): void {
    const labels = { operation: this.operationLabel(name), outcome };
    this.graphqlRequests.inc(labels);
    this.graphqlDuration.observe(labels, seconds);
  }

  /** Times every HTTP request, whatever answers it (GraphQL, probes, pages, 404s): called first for each. */
  observeHttp(req: IncomingMessage, res: ServerResponse): void {
    const end = this.httpDuration.startTimer();
    // the URL as received: express rewrites req.url inside mounted routers (/export)
    const path = (req.url ?? '').split('?')[0];
    res.once('finish', () => {
      const route = ROUTES.has(path) ? path : path.startsWith('/assets/') ? '/assets' : 'other';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
  }

  /** `GET /metrics` in the Prometheus text format. */
  handler(): RequestHandler {
    return async (_req, res) => {
      res.setHeader('content-type', this.registry.contentType);
      res.send(await this.registry.metrics());
    };
  }
}
