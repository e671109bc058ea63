// npm start: build when the sources are newer than dist/, then serve it (PORT or --port; 4173 by default, a free
// port if that is taken). Arguments go to scripts/serve.mjs.
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (path) => {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
};
const inputs = ['src', 'data', 'scripts', 'public/demo-saes', 'index.html', 'package.json', 'vite.config.ts'].filter(existsSync);
const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
if (built === 0 || Math.max(...inputs.map(newest)) > built) {
  console.log('Building SAEBench Explorer…');
  execSync('npm run build', { stdio: 'inherit' });
}
const server = spawn(process.execPath, ['scripts/serve.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 1));
