// A plain static server for the built site (npm start, the end-to-end tests, the benchmark):
// precompressed .br/.gz files where the browser accepts them, long cache lifetimes for hashed assets,
// the content security policy and other security headers, no directory listings, nothing outside the roots.
//   node scripts/serve.mjs [--dir dist] [--port 4173] [--base /] [--mount /url/path/=local/dir/] [--strict-port]
// PORT in the environment sets the port too. A taken port falls back to a free one unless --strict-port.
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from './security-headers.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = resolve(opt('dir', 'dist'));
const base = `/${opt('base', '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const strict = args.includes('--strict-port');
const requested = Number(opt('port', process.env.PORT ?? '4173'));
const mounts = args.flatMap((a, i) => (a === '--mount' ? [args[i + 1]] : [])).map((m) => {
  const [url, local] = m.split('=');
  return { url, local: resolve(local) };
});

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.arrows': 'application/vnd.apache.arrow.stream', '.safetensors': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8', '.map': 'application/json', '.webmanifest': 'application/manifest+json',
};

if (!existsSync(join(dir, 'index.html'))) {
  console.error(`serve: ${dir}/index.html not found; build first (npm run build)`);
  process.exit(1);
}

/** The file a URL path names, only if it lies inside its root (no traversal, no symlink out of it). */
function fileFor(pathname) {
  for (const m of mounts) {
    if (pathname.startsWith(m.url)) return inside(m.local, pathname.slice(m.url.length));
  }
  if (!pathname.startsWith(base)) return null;
  return inside(dir, pathname.slice(base.length) || 'index.html');
}

function inside(root, rel) {
  let decoded;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = resolve(root, `.${sep}${decoded}`);
  if (path !== root && !path.startsWith(root + sep)) return null;
  if (!existsSync(path)) return null;
  const real = realpathSync(path);
  const realRoot = realpathSync(root);
  // A mount may be a symlinked folder; what it points to is its root.
  if (real !== realRoot && !real.startsWith(realRoot + sep) && !mounts.some((m) => real.startsWith(realpathSync(m.local)))) return null;
  return statSync(real).isFile() ? real : null;
}

// Links can be long (a shared view with many ids; hostile ones in the tests): accept request lines up to 1 MiB.
const server = createServer({ maxHeaderSize: 2 ** 20 }, (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  let file = fileFor(url.pathname);
  // The app is one page: unknown paths under the base get index.html (no directory listings).
  if (!file && url.pathname.startsWith(base) && !extname(url.pathname)) file = join(dir, 'index.html');
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('Not found');
    return;
  }
  const accept = String(req.headers['accept-encoding'] ?? '');
  const headers = {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    // Hashed assets never change; everything else is revalidated.
    'Cache-Control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    Vary: 'Accept-Encoding',
    ...SECURITY_HEADERS,
  };
  let body = file;
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (accept.includes(enc) && existsSync(file + ext)) {
      body = file + ext;
      headers['Content-Encoding'] = enc;
      break;
    }
  }
  headers['Content-Length'] = statSync(body).size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') res.end();
  else createReadStream(body).pipe(res);
});

function listen(port, retries) {
  server.once('error', (e) => {
    if (e.code === 'EADDRINUSE' && !strict && retries > 0) listen(0, retries - 1);
    else {
      console.error(`serve: cannot listen on port ${port}: ${e.message}`);
      process.exit(1);
    }
  });
  server.listen(port, '127.0.0.1');
}
// Registered once: a retry's listen() must not print the URL twice.
server.once('listening', () => {
  const { port: actual } = server.address();
  console.log(`SAEBench Explorer at http://localhost:${actual}${base}`);
});
listen(requested, 1);
