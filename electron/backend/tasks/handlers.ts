import type { TasksChannels } from '../../../shared/api';
import { MAX_EVIDENCE_BYTES } from '../../../shared/api/tasks';
import { BackendError, notFound } from '../errors';
import type { Handlers } from '../dispatch';
import type { StagedEvidence } from '../repositories/tasks';
import type { Services } from '../services';
import { taskFilterOptions } from '../repositories/tasks/filter-options';
import type { StagedFile } from './evidence-store';
import { sniffEvidence } from './evidence-store';

const MB = 1024 * 1024;

/** Whole base64 (the alphabet, padding only at the end). */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** An evidence file's bytes, checked: size and type by content. A Vietnamese message names the field. */
function evidenceBytes(name: string, base64: string, index: number): { bytes: Buffer; mediaType: StagedEvidence['mediaType'] } {
  const path = ['files', index];
  const clean = base64.replace(/\s+/g, '');
  if (!BASE64.test(clean) || clean.length % 4 === 1) {
    throw new BackendError('VALIDATION', `Tệp minh chứng «${name}» (trường files.${index}) không đọc được.`, [{ path, message: 'Dữ liệu tệp không hợp lệ' }]);
  }
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.length > MAX_EVIDENCE_BYTES) {
    const size = (bytes.length / MB).toFixed(1).replace('.', ',');
    throw new BackendError('VALIDATION', `Tệp minh chứng «${name}» (trường files.${index}) nặng ${size} MB, quá giới hạn 25 MB.`, [
      { path, message: 'Tệp lớn hơn 25 MB' },
    ]);
  }
  if (bytes.length === 0) {
    throw new BackendError('VALIDATION', `Tệp minh chứng «${name}» (trường files.${index}) rỗng.`, [{ path, message: 'Tệp rỗng' }]);
  }
  const mediaType = sniffEvidence(bytes);
  if (!mediaType) {
    throw new BackendError(
      'VALIDATION',
      `Tệp minh chứng «${name}» (trường files.${index}) không phải loại được nhận (PDF, ảnh PNG/JPEG, Word .docx, Excel .xlsx, văn bản .txt), xét theo nội dung tệp.`,
      [{ path, message: 'Loại tệp không được nhận' }],
    );
  }
  return { bytes, mediaType };
}

/** An ASCII-safe .xlsx name for the day: "nhiem-vu-2025-03-31.xlsx". */
export const tasksXlsxFileName = (on: string): string => `nhiem-vu-${on}.xlsx`;

export const tasksHandlers = ({ tasks, plans, evidence, ctx }: Services): Handlers<TasksChannels> => ({
  'task.list': (input) => tasks.list(input),
  'task.get': (input) => tasks.get(input),
  'task.summary': (input) => tasks.summary(input),
  'task.timeline': (input) => tasks.timeline(input),
  'task.filterOptions': (input) => {
    tasks.settle();
    return taskFilterOptions(ctx.db, input);
  },
  'task.preview': ({ planId }) => tasks.preview(planId, plans.get(planId)),
  'task.evidence': ({ sha256 }) => {
    const file = tasks.evidence(sha256);
    let bytes: Buffer;
    try {
      bytes = evidence.read(sha256);
    } catch {
      throw notFound(`tệp minh chứng «${file.name}» trong thư mục dữ liệu`);
    }
    return { fileName: file.name, mediaType: file.mediaType, base64: bytes.toString('base64') };
  },
  'task.exportXlsx': async (input) => {
    const { on, items } = tasks.all(input);
    const { tasksXlsx } = await import('./xlsx');
    const bytes = await tasksXlsx(items, on);
    return { fileName: tasksXlsxFileName(on), base64: Buffer.from(bytes).toString('base64') };
  },
  'task.addReport': (input) => {
    // Everything is checked before anything is written: the task, the date, then each file.
    tasks.checkReport(input);
    const checked = input.files.map((f, i) => ({ name: f.name, ...evidenceBytes(f.name, f.base64, i) }));
    const staged: StagedFile[] = [];
    try {
      for (const f of checked) staged.push(evidence.stage(f.bytes));
      const report = tasks.addReport(
        input,
        checked.map((f, i) => ({ sha256: staged[i]!.sha256, size: f.bytes.length, mediaType: f.mediaType, name: f.name })),
      );
      for (const s of staged.splice(0)) evidence.commit(s);
      return report;
    } finally {
      for (const s of staged) evidence.discard(s);
    }
  },
  'task.setState': (input) => tasks.setState(input),
});
