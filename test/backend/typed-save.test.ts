/** What she typed is always stored: plan.save never refuses a person's input; plan.lint reports what cannot print. */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { call, cleanup, openBackend } from './helpers';
import { minimalContent } from './fixtures/plans';

afterEach(cleanup);

describe('plan.save keeps what was typed', () => {
  it('a 10,000-character trích yếu, year "205", number "3x" and 31 tháng 2 all save and come back identical', async () => {
    const backend = openBackend();
    const trichYeu = 'Tổ chức đại hội điểm chi bộ trực thuộc; '.repeat(250).slice(0, 10_000);
    expect(trichYeu).toHaveLength(10_000);
    const base = minimalContent();
    const content = { ...base, trichYeu, header: { ...base.header, number: '3x', date: { day: '31', month: '2', year: '205' } } };
    const id = randomUUID();
    const saved = await call(backend, 'plan.save', { ...content, id, baseRevision: null });
    const got = await call(backend, 'plan.get', { id });
    expect(got.trichYeu).toBe(trichYeu);
    expect(got.header.number).toBe('3x');
    expect(got.header.date).toEqual({ day: '31', month: '2', year: '205' });
    expect(got).toEqual(saved);

    const findings = await call(backend, 'plan.lint', { content: got });
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.path.join('.')}`)).toEqual([
      'date.year-invalid header.date.year',
      'date.impossible header.date.day',
      'header.number-invalid header.number',
      'text.too-long trichYeu',
    ]);
  });

  it('a 10,000-character paste into any text field saves; so does a plan stored with numeric dates', async () => {
    const backend = openBackend();
    const paste = 'Đánh giá công tác chuẩn bị đại hội. '.repeat(300).slice(0, 10_000);
    const base = minimalContent();
    const content = {
      ...base,
      header: { ...base.header, place: paste, issuer: { ...base.header.issuer, name: paste, symbol: paste, higherLines: [paste, paste, paste, paste] } },
      canCu: { items: [{ verb: paste, text: paste }], lead: paste },
      recipients: [{ id: randomUUID(), text: paste, note: paste }],
      signature: { authority: 'T/M' as const, body: paste, title: paste, signer: paste },
      term: paste,
      appendixIssuedBy: paste,
    };
    const id = randomUUID();
    await call(backend, 'plan.save', { ...content, id, baseRevision: null });
    const got = await call(backend, 'plan.get', { id });
    expect(got.header.issuer.symbol).toBe(paste);
    expect(got.signature.signer).toBe(paste);
    expect(got.canCu.lead).toBe(paste);
    // minimalContent still writes the date as numbers (content stored before dates were kept as typed).
    const old = await call(backend, 'plan.save', { ...minimalContent(), id: randomUUID(), baseRevision: null });
    expect(old.header.date).toEqual({ day: '5', month: '11', year: '2024' });
  });
});
