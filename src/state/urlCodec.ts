// ViewState <-> URL query. Decoding validates every key and value against the catalog and the loaded
// data's domains; anything unknown is dropped with a notice. Nothing from the URL reaches SQL unchecked.
import { COLOR_COLUMNS, DIMENSIONS, TABLE_COLUMNS, isUserSaeId } from '../catalog/columns.ts';
import { isAxisId, isMetricId } from '../catalog/metrics.ts';
import {
  DEFAULT_STATE, FACET_COLUMNS, SCALING_AXES, URL_VERSION, V1_DEFAULTS, VIEWS, defaultLog, defaultsFor, type FacetColumn, type ScalingAxis, type ViewKind, type ViewState,
} from './viewState.ts';
import type { Domains } from '../data/datasetInfo.ts';
import { translateNeuronpedia } from './neuronpedia.ts';
import { fixL0Range, fixScalingWindow } from './rangeRepairs.ts';
import { decodeItem, parseDecimal, quoteForNotice as shown, splitQuery } from './queryString.ts';

export interface Decoded {
  state: ViewState;
  notices: string[];
}

const FLAGS = ['both', 'lines', 'fonly', 'baselines', 'partial', 'pool'] as const;
const KEYS = new Set(['v', 'view', 'x', 'y', 'color', 'logx', 'logy', 'l0min', 'l0max', 'xr', 'yr', 'sel', 'cmp', 'data', 'cols', 'sort',
  'scale', 'wmin', 'wmax', 'facet', ...FLAGS, ...DIMENSIONS.map((d) => d.key)]);

/** Most notices a link can produce; a hostile link with 10,000 bad items gets a summary, not 10,000 lines. */
export const MAX_NOTICES = 12;

/** One notice for all the rejected items of a list: the first three named, the rest counted. */
function itemsNotice(key: string, noun: string, items: readonly string[], reason: string): string {
  const named = items.slice(0, 3).map(shown).join(', ');
  const more = items.length > 3 ? ` and ${(items.length - 3).toLocaleString('en-US')} more` : '';
  return `Ignored ${key} ${noun}${items.length > 1 ? 's' : ''} ${named}${more}: ${reason}`;
}

function capNotices(notices: string[]): string[] {
  const unique = [...new Set(notices)];
  if (unique.length <= MAX_NOTICES) return unique;
  return [...unique.slice(0, MAX_NOTICES - 1), `…and ${unique.length - MAX_NOTICES + 1} more problems with this link`];
}

const isColor = (c: string) => (COLOR_COLUMNS as readonly string[]).includes(c) || isMetricId(c);

/** The defaults a link's version stands for: `v=1` links keep their meaning; no `v` means the current one. */
function defaultsOf(pairs: readonly [string, string][], domains: Domains): ViewState {
  const v = pairs.find(([k]) => decodeItem(k) === 'v');
  return v && decodeItem(v[1]) === '1' ? V1_DEFAULTS : defaultsFor(domains);
}

/** A dataset location: a relative path on this site, or an http(s) URL (loaded only after the user agrees). */
export function isDatasetLocation(value: string): boolean {
  if (value.length > 500) return false;
  if (/^https?:\/\/[^\s"'<>]+$/i.test(value)) return true;
  return /^[A-Za-z0-9._~\-/]+$/.test(value) && !value.startsWith('/') && !value.split('/').includes('..');
}

export function decodeUrl(search: string, domains: Domains): Decoded {
  const notices: string[] = [];
  const translated = translateNeuronpedia(splitQuery(search));
  const state: ViewState = { ...defaultsOf(translated.pairs, domains) };
  let logx: boolean | null = null;
  let logy: boolean | null = null;
  notices.push(...translated.notices);
  const seen = new Set<string>();
  for (const [rawKey, rawValue] of translated.pairs) {
    const key = decodeItem(rawKey);
    const value = decodeItem(rawValue);
    const list = [...new Set(rawValue === '' ? [] : rawValue.split(',').map(decodeItem))];
    const bad = () => notices.push(`Ignored ${key}=${shown(value)}: not a valid value`);
    if (!KEYS.has(key)) {
      notices.push(`Ignored unknown URL parameter ${shown(key)}`);
      continue;
    }
    if (seen.has(key)) notices.push(`The link repeats ${key}=; the last one is used`);
    seen.add(key);
    const dim = DIMENSIONS.find((d) => d.key === key);
    if (dim) {
      const known = domains.values[dim.key];
      const kept: (string | number)[] = [];
      const rejected: string[] = [];
      for (const item of list) {
        const v = dim.numeric ? parseDecimal(item) : item;
        if (item !== '' && known.some((k) => k === v)) kept.push(v!);
        else rejected.push(item);
      }
      if (rejected.length) notices.push(itemsNotice(key, 'value', rejected, 'not in the data'));
      (state as unknown as Record<string, unknown>)[dim.key] = kept;
      continue;
    }
    switch (key) {
      case 'v':
        if (value !== '1' && value !== String(URL_VERSION)) notices.push(`URL version ${shown(value)} is not 1 or ${URL_VERSION}; read as version ${URL_VERSION}`);
        break;
      case 'view':
        if ((VIEWS as readonly string[]).includes(value)) state.view = value as ViewKind;
        else bad();
        break;
      case 'x':
      case 'y':
        if (isAxisId(value)) state[key] = value;
        else notices.push(`Ignored ${key}=${shown(value)}: not a metric id`);
        break;
      case 'color':
        if (isColor(value)) state.color = value;
        else bad();
        break;
      case 'logx':
      case 'logy':
      case 'both':
      case 'lines':
      case 'fonly':
      case 'baselines':
      case 'partial':
      case 'pool': {
        if (value !== '1' && value !== '0') bad();
        else if (key === 'logx') logx = value === '1';
        else if (key === 'logy') logy = value === '1';
        else state[key] = value === '1';
        break;
      }
      case 'facet':
        if ((FACET_COLUMNS as readonly string[]).includes(value)) state.facet = value as FacetColumn;
        else bad();
        break;
      case 'scale':
        if ((SCALING_AXES as readonly string[]).includes(value)) state.scale = value as ScalingAxis;
        else bad();
        break;
      case 'wmin':
      case 'wmax':
      case 'l0min':
      case 'l0max': {
        const n = parseDecimal(value);
        if (n !== null) state[key] = n;
        else bad();
        break;
      }
      case 'sel':
        // Large datasets list no ids up front; the detail panel then says if the id is unknown.
        if (domains.saeIds ? domains.saeIds.has(value) : value !== '' && value.length <= 300) state.sel = value;
        else notices.push(`Ignored sel=${shown(value)}: no SAE with that id`);
        break;
      case 'xr':
      case 'yr': {
        const parts = rawValue.split(',');
        const [lo, hi] = parts.map((item) => parseDecimal(decodeItem(item)));
        if (parts.length === 2 && lo != null && hi != null && lo < hi) state[key] = [lo, hi];
        else bad();
        break;
      }
      case 'cmp': {
        const known = (id: string) => (domains.saeIds ? domains.saeIds.has(id) : id !== '' && id.length <= 300);
        const rejected = list.filter((id) => !known(id));
        if (rejected.length) notices.push(itemsNotice(key, 'item', rejected, 'no SAE with that id'));
        state.cmp = list.filter(known).slice(0, 4);
        break;
      }
      case 'data':
        if (isDatasetLocation(value)) state.data = value;
        else bad();
        break;
      case 'cols': {
        const rejected = list.filter((c) => !TABLE_COLUMNS.includes(c));
        if (rejected.length) notices.push(itemsNotice(key, 'column', rejected, 'not a column'));
        state.cols = list.filter((c) => TABLE_COLUMNS.includes(c));
        break;
      }
      case 'sort': {
        const [column = '', dir] = value.split(':');
        if (TABLE_COLUMNS.includes(column) && (dir === 'asc' || dir === 'desc')) state.sort = { column, desc: dir === 'desc' };
        else bad();
        break;
      }
    }
  }
  state.logx = logx ?? defaultLog(state.x);
  state.logy = logy ?? defaultLog(state.y);
  notices.push(...fixL0Range(state), ...fixScalingWindow(state));
  return { state, notices: capNotices(notices) };
}

const enc = (v: string | number) => encodeURIComponent(String(v));

const sameList = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Query string (with "?") holding everything that differs from the defaults, plus v and view. A filter
 * cleared to "all" where the default has values is written as an empty value (`model=`). */
export function encodeUrl(s: ViewState, defaults: ViewState = DEFAULT_STATE): string {
  const parts: string[] = [`v=${URL_VERSION}`, `view=${s.view}`];
  const add = (k: string, v: string) => parts.push(`${k}=${v}`);
  if (s.x !== DEFAULT_STATE.x) add('x', enc(s.x));
  if (s.y !== DEFAULT_STATE.y) add('y', enc(s.y));
  if (s.color !== DEFAULT_STATE.color) add('color', enc(s.color));
  if (s.logx !== defaultLog(s.x)) add('logx', s.logx ? '1' : '0');
  if (s.logy !== defaultLog(s.y)) add('logy', s.logy ? '1' : '0');
  for (const d of DIMENSIONS) {
    const values = s[d.key] as (string | number)[];
    if (!sameList(values, defaults[d.key] as (string | number)[])) add(d.key, values.map(enc).join(','));
  }
  if (s.l0min !== null) add('l0min', enc(s.l0min));
  if (s.l0max !== null) add('l0max', enc(s.l0max));
  for (const flag of FLAGS) if (s[flag] !== DEFAULT_STATE[flag]) add(flag, s[flag] ? '1' : '0');
  if (s.facet !== DEFAULT_STATE.facet) add('facet', s.facet);
  if (s.scale !== DEFAULT_STATE.scale) add('scale', s.scale);
  if (s.wmin !== DEFAULT_STATE.wmin) add('wmin', enc(s.wmin));
  if (s.wmax !== DEFAULT_STATE.wmax) add('wmax', enc(s.wmax));
  if (s.xr) add('xr', s.xr.map(enc).join(','));
  if (s.yr) add('yr', s.yr.map(enc).join(','));
  // The user's own SAEs live in their browser only: a link never carries them.
  if (s.sel !== null && !isUserSaeId(s.sel)) add('sel', enc(s.sel));
  const cmp = s.cmp.filter((id) => !isUserSaeId(id));
  if (cmp.length) add('cmp', cmp.map(enc).join(','));
  if (s.data !== null) add('data', enc(s.data));
  if (s.cols.length) add('cols', s.cols.map(enc).join(','));
  if (s.sort) add('sort', `${enc(s.sort.column)}:${s.sort.desc ? 'desc' : 'asc'}`);
  return `?${parts.join('&')}`;
}
