// Inputs for the importer's tests: the SAEBench output schemas and every SAEBench output file bundled in
// data/saebench/sources, read as the page reads a drop.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { schemaEvalType, type InputFile, type Schemas } from '../../src/ingest/importResults.ts';
import { parseSaebenchJson, SaebenchParseError } from '../../src/ingest/saebenchJson.ts';

export const SCHEMAS: Schemas = Object.fromEntries(readdirSync('data/saebench/schemas').flatMap((f) => {
  const evalType = schemaEvalType(f);
  return evalType ? [[evalType, JSON.parse(readFileSync(join('data/saebench/schemas', f), 'utf8')) as Record<string, unknown>]] : [];
}));

const SOURCES = 'data/saebench/sources';
const walk = (p: string): string[] => readdirSync(p).flatMap((n) => (statSync(join(p, n)).isDirectory() ? walk(join(p, n)) : [join(p, n)]));

export const input = (path: string, text: string | Uint8Array): InputFile => ({ path, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text });

/** Every bundled .json file that is SAEBench output (third parties' summaries and run records are not). */
export const SAEBENCH_FIXTURES: InputFile[] = walk(SOURCES).filter((p) => p.endsWith('.json')).flatMap((p) => {
  const text = readFileSync(p, 'utf8');
  try {
    parseSaebenchJson(text);
  } catch (e) {
    if (e instanceof SaebenchParseError) return [];
    throw e;
  }
  return [input(relative(SOURCES, p), text)];
});

export const NEURONPEDIA_EXPORT = input('saebench_results.json', readFileSync(join(SOURCES, 'LeStoe11__SAEBench/63318de27ce4cfd1209aa8a5315895e7ea3a9e83/saebench_results.json'), 'utf8'));

export const ACCEPTANCE = 'adamkarvonen__SAEBench/8042bb3828c6340da8d12062324e92b2077c571c/tests/acceptance/test_data';
export const fixtureText = (path: string) => readFileSync(join(SOURCES, ACCEPTANCE, path), 'utf8');
