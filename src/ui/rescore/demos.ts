// The committed synthetic demo SAEs (public/demo-saes, made by scripts/make-demo-saes.ts).

export interface DemoEntry {
  name: string;
  path: string;
  description: string;
  files: string[];
  bundle: string;
  ground_truth: Record<string, number>;
}

const base = () => import.meta.env.BASE_URL;

async function fetchBytes(path: string): Promise<Uint8Array> {
  const res = await fetch(`${base()}${path}`);
  if (!res.ok) throw new Error(`could not load ${path}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function listDemos(): Promise<DemoEntry[]> {
  const res = await fetch(`${base()}demo-saes/index.json`);
  if (!res.ok) throw new Error(`could not load the demo list: HTTP ${res.status}`);
  return ((await res.json()) as { saes: DemoEntry[] }).saes;
}

export async function loadDemo(d: DemoEntry): Promise<{ saeFiles: Map<string, Uint8Array>; bundle: Uint8Array }> {
  const saeNames = d.files.filter((f) => f !== d.bundle && f !== 'ground_truth.json');
  const [bundle, ...files] = await Promise.all([d.bundle, ...saeNames].map((f) => fetchBytes(`${d.path}${f}`)));
  return { bundle: bundle!, saeFiles: new Map(saeNames.map((n, i) => [n, files[i]!])) };
}
