import { z } from 'zod';
import { IssuerLevel, Plan } from '../model';
import { Empty } from './common';
import { command, query } from './contract';

export const TemplateSummary = z.object({
  id: z.string(),
  /** Vietnamese name shown in the picker. */
  name: z.string(),
  description: z.string(),
  kind: z.enum(['seed', 'blank']),
  /** The issuer level it is written for (the picker's groups). */
  level: IssuerLevel,
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const templatesChannels = {
  'template.list': query({ input: Empty, output: z.array(TemplateSummary) }),
  /** A new draft plan from a template, filled from the office profile. */
  'template.instantiate': command({ input: z.object({ templateId: z.string().min(1).max(100) }).strict(), output: Plan }),
} as const;
export type TemplatesChannels = typeof templatesChannels;
