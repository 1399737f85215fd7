import { z } from 'zod';

// zod's own messages (wrong types, missing fields) in Vietnamese too, wherever the schemas are used: backend,
// main, renderer, CLI. Our schemas give their own Vietnamese messages for everything else.
z.config(z.locales.vi());

/** Every stored text is NFC-normalised at the boundary. */
export const nfcString = (max = 20_000) =>
  z
    .string()
    .max(max, { message: `Tối đa ${max} ký tự` })
    .transform((s) => s.normalize('NFC'));

export const requiredText = (max = 20_000) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
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
