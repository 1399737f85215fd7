/** Save a file the backend produced (base64) through the browser's download (the web harness; Electron routes a save dialog). */
export function downloadBase64(fileName: string, base64: string, mime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
