// Build-time parts of hosting the site: the CSP meta tag in index.html, a _headers file for static hosts
// (Netlify, Cloudflare Pages) with the same headers scripts/serve.mjs sends, and .br/.gz copies of every
// compressible file so servers can send them precompressed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { META_CSP, SECURITY_HEADERS } from './security-headers.mjs';

const COMPRESSIBLE = /\.(js|mjs|css|html|json|wasm|arrows|svg|txt|map|webmanifest)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

export function precompress(dir) {
  let count = 0;
  for (const path of files(dir)) {
    if (!COMPRESSIBLE.test(path)) continue;
    const body = readFileSync(path);
    if (body.length < 1024) continue;
    // Quality 11 is slow on the 34 MB DuckDB wasm; 5 gets within 5 % of it there.
    const quality = body.length > 4 * 2 ** 20 ? 5 : 11;
    writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    count++;
  }
  return count;
}

/** dist/sw.js: the offline service worker, listing every file of the site, versioned by their contents. */
export function writeServiceWorker(dir) {
  const hash = createHash('sha256');
  const list = [];
  for (const path of [...files(dir)].sort()) {
    const rel = relative(dir, path).split(sep).join('/');
    if (/\.(br|gz)$/.test(rel) || rel === '_headers' || rel === 'sw.js') continue;
    hash.update(rel).update(readFileSync(path));
    list.push(rel === 'index.html' ? './' : `./${rel}`);
  }
  const version = hash.digest('hex').slice(0, 16);
  const template = readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');
  writeFileSync(join(dir, 'sw.js'), template.replace("'__VERSION__'", JSON.stringify(version)).replace('__FILES__', JSON.stringify(list)));
  return list.length;
}

export function sitePlugin() {
  let outDir = 'dist';
  let isBuild = false;
  return {
    name: 'saebench-site',
    configResolved(config) {
      outDir = config.build.outDir;
      isBuild = config.command === 'build';
    },
    transformIndexHtml(html) {
      // The manifest is the first thing the app fetches; the browser can fetch it while the JS compiles.
      const preload = '<link rel="preload" href="./data/manifest.json" as="fetch" crossorigin="anonymous" />';
      return html.replace('<!--csp-->', `<meta http-equiv="Content-Security-Policy" content="${META_CSP}" />\n    ${preload}`);
    },
    closeBundle() {
      if (!isBuild) return;
      const headers = Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`).join('\n');
      writeFileSync(join(outDir, '_headers'), `/*\n${headers}\n/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n`);
      const cached = writeServiceWorker(outDir);
      const n = precompress(outDir);
      console.log(`site: _headers written, service worker precaching ${cached} files, ${n} files precompressed (.br, .gz)`);
    },
  };
}
