// npm start: build when the sources are newer than dist/, then serve the app at http://localhost:4173.
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (path) => {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
};
const inputs = ['src', 'data', 'public/demo-saes', 'index.html', 'package.json', 'vite.config.ts'].filter(existsSync);
const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
if (built === 0 || Math.max(...inputs.map(newest)) > built) {
  console.log('Building SAEBench Explorer…');
  execSync('npm run build', { stdio: 'inherit' });
}
console.log('Serving at http://localhost:4173');
spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', '4173', '--strictPort'], { stdio: 'inherit' });
