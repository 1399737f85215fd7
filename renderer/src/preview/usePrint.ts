/**
 * Printing the preview: the pages are drawn into a body-level container that the print stylesheet alone shows,
 * then the system print dialog opens (A4, no added margins: the page boxes carry the profile's margins).
 * Prints started elsewhere (Ctrl+P, the app menu) are caught through beforeprint/afterprint.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { loadPreviewFonts } from './fonts';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export function usePrint() {
  const [printRoot, setPrintRoot] = useState<HTMLElement | null>(null);
  const [preparing, setPreparing] = useState(false);
  const rootRef = useRef<HTMLElement | null>(null);

  const attach = useCallback(() => {
    if (rootRef.current) return rootRef.current;
    const el = document.createElement('div');
    el.className = 'kh-print-root';
    document.body.appendChild(el);
    rootRef.current = el;
    flushSync(() => setPrintRoot(el));
    return el;
  }, []);
  const detach = useCallback(() => {
    const el = rootRef.current;
    rootRef.current = null;
    setPrintRoot(null);
    el?.remove();
  }, []);

  const print = useCallback(async () => {
    setPreparing(true);
    try {
      await loadPreviewFonts();
      attach();
      await nextFrame();
      await nextFrame();
      window.print();
    } finally {
      detach();
      setPreparing(false);
    }
  }, [attach, detach]);

  useEffect(() => {
    const before = () => {
      if (!rootRef.current) attach();
    };
    const after = () => {
      if (rootRef.current) detach();
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      rootRef.current?.remove();
    };
  }, [attach, detach]);

  return { printRoot, print, preparing };
}
