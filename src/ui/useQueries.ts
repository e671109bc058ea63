// A client's queries: answered synchronously from the coordinator's cache when it can (no extra draw), else
// requested once per change; the previous answer stays until the new one is complete, so a view draws once,
// when all its rows have arrived, together with the state they were asked for.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Priority, SupersededError } from '../db/coordinator.ts';
import type { Frame } from '../data/frame.ts';
import type { SqlQuery } from '../query/sql.ts';
import { useAppData } from './AppData.tsx';

export interface QueriesResult<C> {
  data: Record<string, Frame> | null;
  /** The context (view state) the data was asked for. */
  context: C | null;
  /** A newer request is on its way. */
  pending: boolean;
  error: string | null;
}

interface Answer<C> {
  key: string;
  data: Record<string, Frame>;
  context: C;
}

export function useQueries<C>(client: string, queries: Record<string, SqlQuery> | null, context: C, priority: Priority = Priority.View): QueriesResult<C> {
  const { coordinator } = useAppData();
  const key = queries ? JSON.stringify(Object.entries(queries).map(([name, q]) => [name, q.sql, q.params])) : '';
  const [answer, setAnswer] = useState<Answer<C> | null>(null);
  const [error, setError] = useState<{ key: string; message: string } | null>(null);
  const latest = useRef(key);
  latest.current = key;

  const cached = useMemo((): Answer<C> | null => {
    // An answer that arrived for this very key stays the one shown: switching to an equal cached copy would
    // hand the view new objects and draw it twice.
    if (!queries || (answer?.key === key && answer.context === context)) return null;
    const data: Record<string, Frame> = {};
    for (const [name, q] of Object.entries(queries)) {
      const hit = coordinator.peek(q);
      if (!hit) return null;
      data[name] = hit;
    }
    return { key, data, context };
    // `queries` is described by `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [coordinator, key, context, answer]);

  useEffect(() => {
    if (!queries || cached) return;
    let live = true;
    Promise.all(Object.entries(queries).map(([name, q]) => coordinator.query(q, { client: `${client}:${name}`, priority }).then((f) => [name, f] as const)))
      .then((entries) => {
        if (live && latest.current === key) setAnswer({ key, data: Object.fromEntries(entries), context });
      }, (e: unknown) => {
        if (live && !(e instanceof SupersededError)) setError({ key, message: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [coordinator, key, cached === null]);

  // While a new request is on its way the last answer shown stays, not an older one.
  const shown = useRef<Answer<C> | null>(null);
  const fresh = cached ?? (answer?.key === key ? answer : null);
  if (fresh) shown.current = fresh;
  const current = fresh ?? shown.current;
  return {
    data: current?.data ?? null,
    context: current?.context ?? null,
    pending: queries !== null && fresh === null,
    error: error?.key === key ? error.message : null,
  };
}
