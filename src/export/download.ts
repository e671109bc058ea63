// Saves files made in the page (object or data: URLs); no request leaves the page.
export function saveUrl(filename: string, url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadText(filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  saveUrl(filename, url);
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from the view, safe on every OS. */
export function exportFileName(parts: string[], ext: string): string {
  const stem = parts.filter(Boolean).join('_').replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120);
  return `saebench_${stem || 'all'}.${ext}`;
}
