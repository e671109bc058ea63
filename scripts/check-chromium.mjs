// npm test needs Debian's Chromium for the end-to-end tests and for WebGPU (SwiftShader) in Node.
import { existsSync } from 'node:fs';

if (!existsSync('/usr/bin/chromium')) {
  console.error('Chromium is missing: /usr/bin/chromium not found.\nInstall it with:\n  sudo apt-get update && sudo apt-get install -y chromium\nthen run npm test again.');
  process.exit(1);
}
