import { z } from 'zod';

// zod's own messages (wrong types, missing fields) in Vietnamese too, wherever the schemas are used: backend,
// main, renderer, CLI. Our schemas give their own Vietnamese messages for everything else.
z.config(z.locales.vi());

/**
 * Code units whose text is NFC whatever surrounds them (Unicode NFC_Quick_Check = Yes, and not the second of a
 * composition pair): everything below the combining marks (U+0300), which holds ASCII, đ, ơ and ư; the precomposed
 * Latin letters of U+1E00–U+1EFF, which hold Vietnamese's letters with tone marks; and the dashes, quotes and
 * ellipsis of U+2010–U+2027 (U+2000–U+200A, the spaces with singleton decompositions, are not among them).
 */
export const nfcStable = (c: number): boolean => c < 0x300 || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2010 && c <= 0x2027);

/**
 * `s.normalize('NFC')`, without ICU's pass for the common text made only of code units that are NFC whatever their
 * neighbours (nfcStable): a plan's hundreds of strings are checked at every boundary.
 */
export function toNfc(s: string): string {
  for (let i = 0; i < s.length; i++) if (!nfcStable(s.charCodeAt(i))) return s.normalize('NFC');
  return s;
}

/** Every stored text is NFC-normalised at the boundary. */
export const nfcString = (max = 20_000) =>
  z
    .string()
    .max(max, { message: `Tối đa ${max} ký tự` })
    .transform(toNfc);

export const requiredText = (max = 20_000) =>
  z
    .string()
    .transform((s) => toNfc(s).trim())
    .pipe(z.string().min(1, { message: 'Không được để trống' }).max(max, { message: `Tối đa ${max} ký tự` }));

export const uuid = z.string().uuid({ message: 'Mã định danh không hợp lệ' });

/** ISO calendar date YYYY-MM-DD (no time). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày phải có dạng YYYY-MM-DD' })
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }, { message: 'Ngày không tồn tại' });

export const isoTimestamp = z.string().min(10);
