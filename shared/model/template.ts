import { z } from 'zod';
import { nfcString } from './common';
import { IssuerLevel } from './org';
import { NewerContentError, upgradeContent } from './content-migrations';
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
  /** Template files of any known content version are upgraded on read. */
  content: z.preprocess((raw, ctx) => {
    try {
      return upgradeContent(raw);
    } catch (err) {
      if (!(err instanceof NewerContentError)) throw err;
      ctx.addIssue({ code: 'custom', message: err.message });
      return raw;
    }
  }, PlanContent),
});
export type TemplateFile = z.infer<typeof TemplateFile>;
