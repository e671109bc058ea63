// The content security policy and other security headers, in one place: served as headers by
// scripts/serve.mjs, written to dist/_headers for static hosts, and put into index.html as a meta tag
// (a meta tag cannot carry frame-ancestors, so framing is only refused where headers are served).
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  // DuckDB-WASM and the re-scoring kernels compile WebAssembly; no 'unsafe-eval' (Plotly's WebGL traces come
  // from its CSP-safe "strict" bundles), no inline script.
  "script-src 'self' 'wasm-unsafe-eval'",
  // DuckDB and the re-scoring workers are files of this site.
  "worker-src 'self'",
  // Plotly and React set style attributes on the elements they draw.
  "style-src 'self' 'unsafe-inline'",
  // Figure export renders to data: and blob: URLs in the page.
  "img-src 'self' data: blob:",
  // https: only so that a dataset the user agreed to load from another site (?data=) can be fetched; the
  // app requests nothing off this origin unless asked.
  "connect-src 'self' https:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const CSP = CSP_DIRECTIVES.join('; ');
/** frame-ancestors is ignored in a meta tag (and browsers warn about it). */
export const META_CSP = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
