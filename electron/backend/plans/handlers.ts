import type { PlansChannels } from '../../../shared/api';
import { foldVietnamese } from '../../../shared/format/fold';
import { formatDocNumber } from '../../../shared/format/symbol';
import type { FormatProfile, Plan, PlanContent } from '../../../shared/model';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';
import { createPlanChecks } from './checks';

/** ASCII-safe .docx name: "KH-315-KH-HU-2024.docx"; an unnumbered draft: "KH-chua-so-KH-HU-2024.docx". */
export function docxFileName(content: PlanContent): string {
  const ascii = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]+/g, '');
  const h = content.header;
  // Number and year are stored as typed: only their ASCII letters and digits reach the file name.
  const number = ascii(formatDocNumber(h.number)) || 'chua-so';
  const symbol = ascii(h.issuer.symbol).toUpperCase() || 'KHAC';
  const year = ascii(h.date.year) || 'chua-nam';
  return `KH-${number}-${ascii(h.docType).toUpperCase()}-${symbol}-${year}.docx`;
}

type RenderPlanDocx = (content: PlanContent, profile: FormatProfile) => Uint8Array | Promise<Uint8Array>;

/** renderPlanDocx (../docx) loads on first use: docx is heavy and start-up stays fast without it. */
async function loadRenderer(): Promise<RenderPlanDocx> {
  return (await import('../docx/index')).renderPlanDocx;
}

export const plansHandlers = ({ plans, settings, register }: Services): Handlers<PlansChannels> => {
  const checks = createPlanChecks({ register, defaultTerm: () => settings.getSelf()?.term ?? '' });
  const profileFor = (plan: Plan): FormatProfile => plan.profile ?? settings.get().formatProfile;
  return {
    'plan.list': (input) => plans.list(input),
    'plan.get': ({ id }) => plans.get(id),
    'plan.years': ({ deleted }) => plans.years(deleted),
    'plan.revisions': ({ id, offset, limit }) => plans.revisions(id, { offset, limit }),
    'plan.getRevision': ({ id, revision }) => plans.getRevision(id, revision),
    'plan.lint': ({ content, id }) => checks.lint(content, id),
    'plan.renderDocx': async ({ id }) => {
      const plan = plans.get(id);
      const bytes = await (await loadRenderer())(plan, profileFor(plan));
      return { fileName: docxFileName(plan), base64: Buffer.from(bytes).toString('base64') };
    },

    'plan.save': (input) => plans.save(input),
    'plan.remove': ({ id }) => (plans.remove(id), { ok: true }),
    'plan.restore': ({ id }) => plans.restore(id),
    'plan.duplicate': ({ id }) => plans.duplicate(id),
    'plan.restoreRevision': ({ id, revision }) => plans.restoreRevision(id, revision),
    'plan.allocateNumber': ({ id }) => plans.allocateNumber(id),
    'plan.issue': ({ id }) => plans.issue(id),
    'plan.reopen': ({ id }) => plans.reopen(id),
    'plan.archive': ({ id }) => plans.archive(id),
    'plan.unarchive': ({ id }) => plans.unarchive(id),
  };
};
