import { describe, expect, it } from 'vitest';
import { Coordinator, Priority, SupersededError, type QueryEngine } from '../../src/db/coordinator.ts';
import { EMPTY_FRAME, frameFromRows, type Frame } from '../../src/data/frame.ts';
import type { SqlQuery } from '../../src/query/sql.ts';
import { openTestDb } from '../helpers/duckdb.ts';

/** An engine that records what it was asked and answers when told to. */
function recordingEngine() {
  const asked: string[] = [];
  const pending: (() => void)[] = [];
  const engine: QueryEngine = {
    run: (q) => new Promise<Frame>((resolve) => {
      asked.push(q.sql);
      pending.push(() => resolve(frameFromRows([{ sql: q.sql, p: Number(q.params[0] ?? 0) }])));
    }),
  };
  const answerAll = async () => {
    while (pending.length) {
      pending.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { engine, asked, answerAll };
}

const q = (sql: string, ...params: number[]): SqlQuery => ({ sql, params });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the coordinator', () => {
  it('answers repeated queries from its cache, synchronously through peek', async () => {
    const { engine, asked, answerAll } = recordingEngine();
    const c = new Coordinator();
    c.attach(engine);
    const first = c.query(q('a', 1));
    await tick();
    await answerAll();
    const frame = await first;
    expect(await c.query(q('a', 1))).toBe(frame);
    expect(c.peek(q('a', 1))).toBe(frame);
    expect(c.peek(q('a', 2))).toBeUndefined();
    expect(asked).toEqual(['a']);
  });

  it('sends one tick\'s requests most urgent first', async () => {
    const { engine, asked, answerAll } = recordingEngine();
    const c = new Coordinator();
    c.attach(engine);
    void c.query(q('facets'), { priority: Priority.Panel });
    void c.query(q('background'), { priority: Priority.Background });
    void c.query(q('view'), { priority: Priority.View });
    void c.query(q('view2'), { priority: Priority.View });
    await tick();
    expect(asked).toEqual(['view', 'view2']); // two in flight; the rest wait
    await answerAll();
    expect(asked).toEqual(['view', 'view2', 'facets', 'background']);
  });

  it('drops a client\'s request still queued when the same client asks again (latest wins)', async () => {
    const { engine, asked, answerAll } = recordingEngine();
    const c = new Coordinator();
    c.attach(engine);
    void c.query(q('busy1'));
    void c.query(q('busy2'));
    const stale = c.query(q('rows', 1), { client: 'view' });
    const fresh = c.query(q('rows', 2), { client: 'view' });
    await expect(stale).rejects.toBeInstanceOf(SupersededError);
    await tick();
    await answerAll();
    expect(asked).toEqual(['busy1', 'busy2', 'rows']);
    expect((await fresh).columns.get('p')).toEqual(new Float64Array([2]));
  });

  it('holds queries until the database is attached, answering seeded (prefetched) ones at once', async () => {
    const c = new Coordinator();
    c.seed(q('prefetched'), EMPTY_FRAME);
    expect(await c.query(q('prefetched'))).toBe(EMPTY_FRAME);
    let done = false;
    const later = c.query(q('later')).then(() => { done = true; });
    await tick();
    expect(done).toBe(false);
    const { engine, answerAll } = recordingEngine();
    c.attach(engine);
    await tick();
    await answerAll();
    await later;
    expect(done).toBe(true);
  });

  it('runs real queries on DuckDB and reports a failing one without stopping the others', async () => {
    const db = await openTestDb();
    const c = new Coordinator();
    c.attach({ run: async (x) => db.frame(x) });
    const [bad, good] = await Promise.allSettled([c.query(q('SELECT * FROM no_such_table')), c.query({ sql: 'SELECT count(*)::DOUBLE AS n FROM saes', params: [] })]);
    expect(bad.status).toBe('rejected');
    expect(good.status === 'fulfilled' && good.value.columns.get('n')).toEqual(new Float64Array([277]));
  });
});
