// Runs a query whenever its SQL or parameters change; stale answers are dropped.
import { useEffect, useState } from 'react';
import type { Coordinator, Row } from '../db/coordinator.ts';
import type { SqlQuery } from '../query/sql.ts';

export interface QueryResult<T> {
  rows: T[] | null;
  error: string | null;
}

export function useQuery<T extends Row>(coordinator: Coordinator, query: SqlQuery | null): QueryResult<T> {
  const [result, setResult] = useState<QueryResult<T>>({ rows: null, error: null });
  const key = query ? JSON.stringify(query) : '';
  useEffect(() => {
    if (!query) return;
    let live = true;
    coordinator.query<T>(query).then(
      (rows) => live && setResult({ rows, error: null }),
      (e: unknown) => live && setResult({ rows: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [coordinator, key]);
  return result;
}
