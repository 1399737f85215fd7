import { z } from 'zod';
import { nfcString } from './common';
import { IssuerLevel } from './org';
import { PlanContent } from './plan';

/** A built-in template file (resources/templates/*.json): a plan to start from. */
export const TemplateFile = z.object({
  id: z.string().min(1).max(100),
  /** Vietnamese name shown in the picker. */
  name: nfcString(200),
  description: nfcString(1000),
  kind: z.enum(['seed', 'blank']),
  /** The issuer level the template is written for; the picker groups by it. */
  level: IssuerLevel.default('khac'),
  /** Blank templates: fill the header issuer, place, term, signature and archive recipient from the office profile. */
  fillIssuerFromProfile: z.boolean().default(false),
  content: PlanContent,
});
export type TemplateFile = z.infer<typeof TemplateFile>;
