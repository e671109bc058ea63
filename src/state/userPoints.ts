// SAEs the user re-scored in this page and added to the plot. Kept out of the URL on purpose: they are
// computed from local files, which a shared link cannot carry.
import { create } from 'zustand';

export interface UserPoint {
  id: string;
  label: string;
  architecture: string;
  synthetic: boolean;
  metrics: Record<string, number>;
}

interface UserPointStore {
  points: UserPoint[];
  add: (p: UserPoint) => void;
  clear: () => void;
}

export const useUserPoints = create<UserPointStore>()((set) => ({
  points: [],
  add: (p) => set((s) => ({ points: [...s.points.filter((q) => q.id !== p.id), p] })),
  clear: () => set({ points: [] }),
}));
