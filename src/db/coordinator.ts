// The one owner of the database, after uwdata/mosaic's coordinator: clients state the queries they need, and
// the coordinator answers them from its cache, or runs them in priority order (the visible view first,
// facet counts after), one batch per tick, dropping a client's request when the same client asks again
// before it ran (latest wins). Until DuckDB is attached, only cached (build-time prefetched) answers are
// given; the rest wait. Nothing else in the app talks to DuckDB.
import type { Frame } from '../data/frame.ts';
import type { SqlQuery } from '../query/sql.ts';

export interface QueryEngine {
  run(q: SqlQuery): Promise<Frame>;
}

export const Priority = { View: 0, Panel: 1, Background: 2 } as const;
export type Priority = (typeof Priority)[keyof typeof Priority];

export interface QueryOptions {
  /** Requests of one client supersede each other: an older one still queued is dropped. */
  client?: string;
  priority?: Priority;
}

export class SupersededError extends Error {
  constructor() {
    super('superseded by a newer request of the same client');
  }
}

interface Pending {
  key: string;
  query: SqlQuery;
  priority: Priority;
  client: string | undefined;
  resolve: (f: Frame) => void;
  reject: (e: unknown) => void;
}

export const queryKey = (q: SqlQuery): string => JSON.stringify([q.sql, q.params]);

const CACHE_SIZE = 400;
const MAX_IN_FLIGHT = 2;

export class Coordinator {
  private engine: QueryEngine | null = null;
  /** Answers by query key, most recently used last (a Map keeps insertion order). */
  private readonly done = new Map<string, Frame>();
  private readonly running = new Map<string, Promise<Frame>>();
  private queue: Pending[] = [];
  private flushing = false;
  private inFlight = 0;
  /** Bumped when the data changes: answers computed before are not kept. */
  private generation = 0;

  get ready(): boolean {
    return this.engine !== null;
  }

  attach(engine: QueryEngine): void {
    this.engine = engine;
    this.schedule();
  }

  /** Forgets every answer (the data changed); requests in flight still resolve their callers. */
  invalidate(): void {
    this.done.clear();
    this.generation++;
  }

  /** Stores an answer computed elsewhere (the build-time prefetch). */
  seed(q: SqlQuery | string, frame: Frame): void {
    this.remember(typeof q === 'string' ? q : queryKey(q), frame);
  }

  /** The cached answer, synchronously, or undefined. */
  peek(q: SqlQuery): Frame | undefined {
    const key = queryKey(q);
    const hit = this.done.get(key);
    if (hit) {
      this.done.delete(key);
      this.done.set(key, hit);
    }
    return hit;
  }

  query(q: SqlQuery, opts: QueryOptions = {}): Promise<Frame> {
    const hit = this.peek(q);
    if (hit) return Promise.resolve(hit);
    const key = queryKey(q);
    if (opts.client !== undefined) {
      const superseded = this.queue.filter((p) => p.client === opts.client);
      this.queue = this.queue.filter((p) => p.client !== opts.client);
      for (const p of superseded) p.reject(new SupersededError());
    }
    const inFlight = this.running.get(key);
    if (inFlight) return inFlight;
    return new Promise<Frame>((resolve, reject) => {
      this.queue.push({ key, query: q, priority: opts.priority ?? Priority.View, client: opts.client, resolve, reject });
      this.schedule();
    });
  }

  private remember(key: string, frame: Frame): void {
    this.done.delete(key);
    this.done.set(key, frame);
    if (this.done.size > CACHE_SIZE) this.done.delete(this.done.keys().next().value!);
  }

  private schedule(): void {
    if (this.flushing || !this.engine || this.queue.length === 0) return;
    this.flushing = true;
    // One batch per tick: every request made while React commits lands in the queue before any is sent.
    queueMicrotask(() => {
      this.flushing = false;
      this.dispatch();
    });
  }

  /** Sends queued queries, most urgent first, keeping MAX_IN_FLIGHT at the worker: enough that it never waits
   * for the page between two queries, few enough that a superseded request can still be dropped unsent. */
  private dispatch(): void {
    const engine = this.engine!;
    this.queue.sort((a, b) => a.priority - b.priority);
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length) {
      const next = this.queue.shift()!;
      const cached = this.done.get(next.key);
      if (cached) {
        next.resolve(cached);
        continue;
      }
      this.inFlight++;
      const t0 = performance.now();
      const generation = this.generation;
      const run = engine.run(next.query);
      this.running.set(next.key, run);
      run.then((frame) => {
        performance.measure(`saebench:query ${next.client ?? ''}`, { start: t0 });
        if (generation === this.generation) this.remember(next.key, frame);
        next.resolve(frame);
        // Requests for the same query queued meanwhile share the answer.
        for (const p of this.queue.filter((x) => x.key === next.key)) p.resolve(frame);
        this.queue = this.queue.filter((x) => x.key !== next.key);
      }, (e: unknown) => next.reject(e)).finally(() => {
        this.running.delete(next.key);
        this.inFlight--;
        this.dispatch();
      });
    }
  }
}
