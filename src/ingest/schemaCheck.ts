// Checks a SAEBench result against its JSON output schema (the subset of JSON Schema that SAEBench's pydantic
// schemas use: type, properties, required, items, prefixItems, min/maxItems, minimum, anyOf, $ref into $defs,
// additionalProperties). Findings are for people: the field, what was expected, what was found. Results from
// other SAEBench versions differ from the v0.6.0 schemas in harmless ways, so a finding is an error only when
// a metric value cannot be used; everything else is a warning.

export interface SchemaFinding {
  /** Dotted path, e.g. eval_result_metrics.mean.mean_absorption_fraction_score. */
  field: string;
  expected: string;
  found: string;
  /** An error makes the value unusable; a warning only reports a difference from the schema. */
  severity: 'error' | 'warning';
}

type Schema = Record<string, unknown>;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How a JSON value reads in a message: its type, and a short rendering of small values. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `text ${JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}

function typeMatches(type: string, v: unknown): boolean {
  switch (type) {
    case 'object': return isObj(v);
    case 'array': return Array.isArray(v);
    case 'string': return typeof v === 'string';
    case 'boolean': return typeof v === 'boolean';
    case 'null': return v === null;
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    default: return true;
  }
}

const MAX_FINDINGS = 50;
const SKIPPED = new Set(['eval_result_details', 'eval_result_unstructured']);

export function checkSchema(doc: unknown, schema: Schema): SchemaFinding[] {
  const defs = isObj(schema.$defs) ? schema.$defs : {};
  const out: SchemaFinding[] = [];
  const resolve = (s: Schema): Schema => {
    let cur = s;
    for (let i = 0; i < 20 && typeof cur.$ref === 'string'; i++) cur = (defs[cur.$ref.split('/').pop()!] as Schema | undefined) ?? {};
    return cur;
  };
  const report = (field: string, expected: string, v: unknown, missing = false) => {
    if (out.length >= MAX_FINDINGS) return;
    // A metric (or a category of them) of the wrong type cannot be used; a missing one is a version difference.
    const metric = field.startsWith('eval_result_metrics.') && !missing;
    out.push({ field, expected, found: missing ? 'missing' : describeValue(v), severity: metric ? 'error' : 'warning' });
  };
  const matches = (s: Schema, v: unknown): boolean => {
    const r = resolve(s);
    if (Array.isArray(r.anyOf)) return r.anyOf.some((a) => matches(a as Schema, v));
    return typeof r.type !== 'string' || typeMatches(r.type, v);
  };
  const walk = (s: Schema, v: unknown, field: string, depth: number) => {
    if (depth > 12 || out.length >= MAX_FINDINGS) return;
    const r = resolve(s);
    if (Array.isArray(r.anyOf)) {
      const branch = r.anyOf.find((a) => matches(a as Schema, v));
      if (!branch) report(field, r.anyOf.map((a) => String(resolve(a as Schema).type ?? 'value')).join(' or '), v);
      else walk(branch as Schema, v, field, depth + 1);
      return;
    }
    if (typeof r.type === 'string' && !typeMatches(r.type, v)) {
      report(field, r.type === 'number' ? 'a finite number' : r.type, v);
      return;
    }
    if (typeof r.minimum === 'number' && typeof v === 'number' && v < r.minimum) report(field, `at least ${r.minimum}`, v);
    if (isObj(v)) {
      const props = isObj(r.properties) ? r.properties : {};
      for (const req of Array.isArray(r.required) ? r.required : []) {
        if (!(String(req) in v)) report(field ? `${field}.${req}` : String(req), 'present', undefined, true);
      }
      for (const [k, child] of Object.entries(v)) {
        // Per-latent details and free-form output are large, vary between versions, and are not read.
        if (!field && SKIPPED.has(k)) continue;
        const sub = props[k];
        if (isObj(sub)) walk(sub, child, field ? `${field}.${k}` : k, depth + 1);
        else if (isObj(r.additionalProperties)) walk(r.additionalProperties, child, field ? `${field}.${k}` : k, depth + 1);
      }
    } else if (Array.isArray(v)) {
      if (typeof r.minItems === 'number' && v.length < r.minItems) report(field, `at least ${r.minItems} items`, v);
      if (typeof r.maxItems === 'number' && v.length > r.maxItems) report(field, `at most ${r.maxItems} items`, v);
      const prefix = Array.isArray(r.prefixItems) ? r.prefixItems : [];
      // Per-item checks stop early: a details list can be long, and one finding per field is enough.
      v.slice(0, 200).forEach((item, i) => {
        const sub = (prefix[i] as Schema | undefined) ?? (isObj(r.items) ? r.items : null);
        if (sub) walk(sub, item, `${field}[${i}]`, depth + 1);
      });
    }
  };
  walk(schema, doc, '', 0);
  return out;
}
