// Saves text as a file through an object URL (no request leaves the page).
export function downloadText(filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from the view, safe on every OS. */
export function exportFileName(parts: string[], ext: string): string {
  const stem = parts.filter(Boolean).join('_').replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120);
  return `saebench_${stem || 'all'}.${ext}`;
}
