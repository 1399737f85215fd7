/**
 * "Xuất PDF" without a print dialog: the print route `#/print/:id` (the same pages as the preview) loads in a hidden
 * window, and once it says `data-print-ready` its webContents prints to an A4 PDF. The window is passed in (opened by
 * index.ts with the app's security settings) so tests drive this code with a stand-in.
 */
import type { WebContents } from 'electron';

export interface PrintWindow {
  webContents: Pick<WebContents, 'executeJavaScript' | 'printToPDF'>;
  destroy(): void;
}

/** Opens a hidden app window on the given route (e.g. "/print/<id>") and resolves once it has loaded. */
export type OpenPrintWindow = (route: string) => Promise<PrintWindow>;

/** A4, the page boxes carry the profile's margins (as the print stylesheet does with `@page { margin: 0 }`). */
export const PDF_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  margins: { top: 0, bottom: 0, left: 0, right: 0 },
} as const satisfies Parameters<WebContents['printToPDF']>[0];

export interface PrintOptions {
  timeoutMs?: number;
  pollMs?: number;
}

const READY = "document.documentElement.dataset.printReady || ''";

export async function printRouteToPdf(openWindow: OpenPrintWindow, planId: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const { timeoutMs = 60_000, pollMs = 100 } = options;
  const window = await openWindow(`/print/${planId}`);
  try {
    const deadline = Date.now() + timeoutMs;
    while (!(await window.webContents.executeJavaScript(READY))) {
      if (Date.now() > deadline) throw new Error(`trang in chưa sẵn sàng sau ${Math.round(timeoutMs / 1000)} giây`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    return new Uint8Array(await window.webContents.printToPDF(PDF_OPTIONS));
  } finally {
    window.destroy();
  }
}
