// The dataset and its coordinator, provided to every component by context (not passed through props).
import { createContext, useContext, type ReactNode } from 'react';
import type { DatasetInfo } from '../data/datasetInfo.ts';
import type { StartedDatabase } from '../db/boot.ts';
import type { Coordinator } from '../db/coordinator.ts';

export interface AppData {
  coordinator: Coordinator;
  /** What the app knows about the data (changes when the user adds results). */
  info: DatasetInfo;
  setInfo: (info: DatasetInfo) => void;
  /** DuckDB, once up. */
  database: Promise<StartedDatabase>;
  /** Loads the long value table on first use (only the detail panel needs it). */
  loadValues: () => Promise<void>;
}

const Context = createContext<AppData | null>(null);

export function AppDataProvider({ value, children }: { value: AppData; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useAppData(): AppData {
  const v = useContext(Context);
  if (!v) throw new Error('useAppData outside AppDataProvider');
  return v;
}
