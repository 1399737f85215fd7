/** Loads the bundled Times-metric font and tells the preview when (re)measuring is due. */
import { useEffect, useState } from 'react';
import './fonts.css';

export const PREVIEW_FONT_FAMILY = "'KH Tinos', 'Times New Roman', 'Liberation Serif', serif";

const faces = ['normal 400', 'normal 700', 'italic 400', 'italic 700'];

/** Resolves when all four faces (regular, bold, italic, bold italic) with Vietnamese glyphs are ready. */
export function loadPreviewFonts(): Promise<void> {
  if (typeof document === 'undefined' || typeof document.fonts?.load !== 'function') return Promise.resolve();
  return Promise.all(faces.map((f) => document.fonts.load(`${f} 14pt "KH Tinos"`, 'Aaầệ'))).then(
    () => undefined,
    () => undefined,
  );
}

/** Increments each time fonts finish loading, so text is measured again with the real font. */
export function useFontsVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (typeof document === 'undefined' || typeof document.fonts?.load !== 'function') return;
    let alive = true;
    const bump = () => alive && setVersion((v) => v + 1);
    void loadPreviewFonts().then(bump);
    document.fonts.addEventListener?.('loadingdone', bump);
    return () => {
      alive = false;
      document.fonts.removeEventListener?.('loadingdone', bump);
    };
  }, []);
  return version;
}
