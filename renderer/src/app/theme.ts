import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'red',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif' },
});

/** Root font size for the larger-text option; Mantine sizes are in rem, so the whole UI scales. */
export const LARGE_TEXT_ROOT_FONT_SIZE = '118.75%'; // 19px instead of 16px

export function applyLargeText(on: boolean): void {
  if (typeof document === 'undefined') return;
  document.documentElement.style.fontSize = on ? LARGE_TEXT_ROOT_FONT_SIZE : '';
  document.documentElement.dataset.largeText = on ? 'true' : 'false';
}
