/** Roles chosen by hand in the review: recognition runs again with those paragraphs taken as the clerk says. */
import { describe, expect, it } from 'vitest';
import { recognise, sourceFromText } from '../../shared/import';
import { IMPORT_VARIANTS } from '../fixtures/import-variants';

const text = IMPORT_VARIANTS.find((v) => v.name.startsWith('đảng ủy xã, "Số:" with a colon'))!.text;
const indexOf = (paragraphs: Array<{ text: string }>, start: string) => paragraphs.findIndex((p) => p.text.startsWith(start));

describe('role overrides', () => {
  const first = recognise(sourceFromText(text));

  it('a paragraph left out by hand is dropped and listed, the rest stays', () => {
    const at = indexOf(first.paragraphs, 'Kế hoạch này được phổ biến');
    expect(first.paragraphs[at]!.role).toBe('paragraph');
    const again = recognise(sourceFromText(text), { overrides: { [at]: 'boilerplate' } });
    expect(again.paragraphs[at]).toMatchObject({ role: 'boilerplate', overridden: true, text: 'Kế hoạch này được phổ biến đến các chi bộ.' });
    expect(again.dropped).toContain('Kế hoạch này được phổ biến đến các chi bộ.');
    expect(JSON.stringify(again.plan.body)).not.toContain('được phổ biến');
    expect(again.plan.body).toHaveLength(first.plan.body.length - 1);
  });

  it('a numbered heading taken as a plain paragraph keeps its number in the text', () => {
    const at = indexOf(first.paragraphs, 'a) Chi bộ thôn Thanh Yên');
    expect(first.paragraphs[at]!.role).toBe('runin');
    const again = recognise(sourceFromText(text), { overrides: { [at]: 'paragraph' } });
    expect(again.paragraphs[at]!.role).toBe('paragraph');
    const time = (again.plan.body[1] as { children: Array<{ children: Array<{ kind: string; text?: string }> }> }).children[0]!;
    expect(time.children[0]).toMatchObject({ kind: 'paragraph', text: 'a) Chi bộ thôn Thanh Yên hoàn thành trước ngày 30/6/2025.' });
  });

  it('a plain paragraph taken as a heading opens a section one level below the open one', () => {
    const at = indexOf(first.paragraphs, 'Đánh giá đúng kết quả');
    const again = recognise(sourceFromText(text), { overrides: { [at]: 'heading' } });
    expect(again.paragraphs[at]).toMatchObject({ role: 'heading', overridden: true });
    const purpose = (again.plan.body[0] as { children: Array<{ children: Array<{ kind: string; style?: string; title?: string }> }> }).children[0]!;
    expect(purpose.children[0]).toMatchObject({ kind: 'section', style: 'heading', title: expect.stringMatching(/^Đánh giá đúng kết quả/u) });
  });

  it('a heading taken as an item becomes an item of the section above', () => {
    const at = indexOf(first.paragraphs, '2. Yêu cầu');
    const again = recognise(sourceFromText(text), { overrides: { [at]: 'item' } });
    expect(again.paragraphs[at]!.role).toBe('item');
    const purposeSection = (again.plan.body[0] as { children: Array<{ kind: string; children?: Array<{ kind: string; text?: string }> }> }).children[0]!;
    expect(purposeSection.children!.map((c) => c.kind)).toEqual(['paragraph', 'item', 'item', 'item']);
    expect(purposeSection.children![1]).toMatchObject({ text: '2. Yêu cầu' });
  });
});
