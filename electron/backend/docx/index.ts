/**
 * The plan → .docx entry points used by the backend's plan.renderDocx channel, the CLI, tests and the benchmark.
 */
import { composeLayout } from '../../../shared/layout';
import { defaultFormatProfile, type FormatProfile, type PlanContent } from '../../../shared/model';
import { writeDocx } from './write-docx';

export { writeDocx } from './write-docx';

/** Render a plan as a .docx. The profile defaults to the plan's own, then to the 36-HD defaults. */
export async function renderPlanDocx(content: PlanContent, profile?: FormatProfile): Promise<Uint8Array> {
  return writeDocx(composeLayout(content, profile ?? content.profile ?? defaultFormatProfile()));
}
