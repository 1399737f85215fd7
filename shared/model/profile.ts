import { z } from 'zod';

/**
 * The format profile: every typographic number of THE-THUC.md as data, with the 36-HD defaults.
 * Ranges are the allowed ones; the user may change a value only within them.
 */
export const FormatProfile = z.object({
  page: z.object({ widthMm: z.literal(210), heightMm: z.literal(297) }).default({ widthMm: 210, heightMm: 297 }),
  margins: z
    .object({
      topMm: z.number().min(20).max(25),
      bottomMm: z.number().min(20).max(25),
      leftMm: z.number().min(30).max(35),
      rightMm: z.number().min(15).max(20),
    })
    .default({ topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 }),
  font: z.literal('Times New Roman').default('Times New Roman'),
  sizes: z
    .object({
      /** Header lines (issuer, number, date). */
      header: z.number().min(13).max(14),
      /** "ĐẢNG CỘNG SẢN VIỆT NAM". */
      tieuDe: z.number().min(15).max(15),
      /** "KẾ HOẠCH". */
      tenLoai: z.number().min(15).max(16),
      trichYeu: z.number().min(14).max(15),
      body: z.number().min(14).max(15),
      recipients: z.number().min(11).max(12),
      table: z.number().min(12).max(14),
      footnote: z.number().min(10).max(12),
      signature: z.number().min(14).max(14),
      pageNumber: z.number().min(13).max(14),
    })
    .default({ header: 14, tieuDe: 15, tenLoai: 16, trichYeu: 14, body: 14, recipients: 12, table: 13, footnote: 12, signature: 14, pageNumber: 14 }),
  spacing: z
    .object({
      beforePt: z.number().min(6).max(12),
      afterPt: z.number().min(0).max(12),
      /** Exact line spacing for body text, in points. */
      linePt: z.number().min(15).max(24),
      firstLineIndentMm: z.number().min(10).max(12.7),
    })
    .default({ beforePt: 6, afterPt: 0, linePt: 18, firstLineIndentMm: 10 }),
  pageNumber: z.enum(['top-center', 'bottom-right']).default('top-center'),
  /** Punctuation ending each recipient line except the last (which ends with "."). */
  recipientPunctuation: z.enum([',', ';']).default(','),
  /**
   * Level-1 heading numbering: "I." or "I-" (capitals), or "1." for a short plan (a chi bộ's "1. Mục đích:"), whose
   * headings then number "1.", "1.1.", "1.1.1." in sentence case; the format checker's R18 warns about it.
   */
  level1Style: z.enum(['I.', 'I-', '1.']).default('I.'),
  /** Level-3 heading marker: "1.1." (its parents' numbers), "a)", "a.", "-" or "+". */
  level3Style: z.enum(['1.1.', 'a)', 'a.', '-', '+']).default('1.1.'),
  /** Marker of level-4 headings and deeper: "1.1.1." (numbers), "a)", "a.", "-" or "+". */
  level4Style: z.enum(['1.1.1.', 'a)', 'a.', '-', '+']).default('1.1.1.'),
});
export type FormatProfile = z.infer<typeof FormatProfile>;

export const defaultFormatProfile = (): FormatProfile => FormatProfile.parse({});
