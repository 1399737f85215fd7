import { randomUUID } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { docxFileName } from '../../electron/backend';
import { PlanContent } from '../../shared/model';
import { minimalContent, seedContent } from './fixtures/plans';
import { call, callError, cleanup, openBackend } from './helpers';

afterEach(cleanup);

describe('plan.renderDocx', () => {
  it('returns the .docx of the stored plan as base64 with an ASCII-safe name', async () => {
    const backend = openBackend();
    const plan = await call(backend, 'plan.save', { ...seedContent(), id: randomUUID(), baseRevision: null });
    const file = await call(backend, 'plan.renderDocx', { id: plan.id });
    expect(file.fileName).toBe('KH-315-KH-HU-2024.docx');
    const entries = unzipSync(Buffer.from(file.base64, 'base64'));
    const xml = strFromU8(entries['word/document.xml']!);
    expect(xml).toContain('KẾ HOẠCH');
    expect(xml).toContain(plan.signature.signer);
  });

  it('names unnumbered drafts and non-ASCII symbols safely', () => {
    const base = PlanContent.parse(minimalContent());
    const content = { ...base, header: { ...base.header, number: '', issuer: { ...base.header.issuer, symbol: 'ĐU' } } };
    expect(docxFileName(content)).toBe('KH-chua-so-KH-DU-2024.docx');
    expect(docxFileName({ ...content, header: { ...content.header, number: '5' } })).toBe('KH-05-KH-DU-2024.docx');
    expect(docxFileName({ ...content, header: { ...content.header, number: '3/x', date: { day: '', month: '', year: '20/25' } } })).toBe('KH-3x-KH-DU-2025.docx');
  });

  it('answers NOT_FOUND for an unknown plan', async () => {
    expect((await callError(openBackend(), 'plan.renderDocx', { id: randomUUID() })).code).toBe('NOT_FOUND');
  });
});
