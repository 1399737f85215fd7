import type { PlansChannels } from '../../../shared/api';
import { planFileName } from '../../../shared/format/file-name';
import type { FormatProfile, Plan, PlanContent } from '../../../shared/model';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';
import { createPlanChecks } from './checks';

/** The .docx file name of a plan (shared/format/file-name.ts). */
export const docxFileName = (content: PlanContent): string => planFileName(content, 'docx');

type RenderPlanDocx = (content: PlanContent, profile: FormatProfile) => Uint8Array | Promise<Uint8Array>;

/** renderPlanDocx (../docx) loads on first use: docx is heavy and start-up stays fast without it. */
async function loadRenderer(): Promise<RenderPlanDocx> {
  return (await import('../docx/index')).renderPlanDocx;
}

export const plansHandlers = ({ plans, settings, register, exchange }: Services): Handlers<PlansChannels> => {
  const checks = createPlanChecks({ register, defaultTerm: () => settings.getSelf()?.term ?? '' });
  const profileFor = (plan: Plan): FormatProfile => plan.profile ?? settings.get().formatProfile;
  return {
    'plan.list': (input) => plans.list(input),
    'plan.get': ({ id }) => plans.get(id),
    'plan.years': ({ deleted }) => plans.years(deleted),
    'plan.revisions': ({ id, offset, limit }) => plans.revisions(id, { offset, limit }),
    'plan.getRevision': ({ id, revision }) => plans.getRevision(id, revision),
    'plan.damagedRevisions': ({ id }) => ({ items: plans.damagedRevisions(id) }),
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
    // At Ban hành the issued .docx is stored as the plan's official copy (with its SHA-256): packages carry it as is.
    'plan.issue': async ({ id }) => {
      const plan = plans.issue(id);
      try {
        exchange.storeOfficialCopy(plan.id, plan.revision, await (await loadRenderer())(plan, profileFor(plan)));
      } catch (err) {
        // The plan is issued either way; a package then goes without its .docx until it is issued again.
        process.stderr.write(`Không lưu được bản .docx chính thức của kế hoạch ${plan.id}: ${err instanceof Error ? err.message : String(err)}\n`);
      }
      return plan;
    },
    'plan.reopen': ({ id }) => plans.reopen(id),
    'plan.archive': ({ id }) => plans.archive(id),
    'plan.unarchive': ({ id }) => plans.unarchive(id),
  };
};
