import { z } from 'zod';
import { FormatProfile } from './profile';

export const Language = z.enum(['vi', 'en']);
export type Language = z.infer<typeof Language>;

export const Settings = z.object({
  language: Language.default('vi'),
  /** Larger UI text for older staff. */
  largeText: z.boolean().default(false),
  /** The office default format profile for new plans. */
  formatProfile: FormatProfile.default(FormatProfile.parse({})),
  /** Saved nơi nhận presets, e.g. "Thường trực Tỉnh ủy (b/c)". */
  recipientPresets: z.array(z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().min(1).max(500))).max(200).default([]),
  /** A task falls "Sắp đến hạn" this many days before its due day (and on it). */
  taskDueSoonDays: z.number().int().min(0).max(60).default(7),
});
export type Settings = z.infer<typeof Settings>;
/**
 * Only the keys given. (Settings.partial() would not do: under zod 4 an absent key of an optional-with-default
 * field is filled with its default, so every partial set would reset the other settings.)
 */
export const SettingsPatch = z.object({
  language: Settings.shape.language.unwrap().optional(),
  largeText: Settings.shape.largeText.unwrap().optional(),
  formatProfile: Settings.shape.formatProfile.unwrap().optional(),
  recipientPresets: Settings.shape.recipientPresets.unwrap().optional(),
  taskDueSoonDays: Settings.shape.taskDueSoonDays.unwrap().optional(),
});
export type SettingsPatch = z.input<typeof SettingsPatch>;
