/** The layout never carries a raw control character: the preview and the .docx print the same text. */
import { describe, expect, it } from 'vitest';
import { composeLayout } from '../../shared/layout';
import { printableContent } from '../../shared/layout/printable';
import { defaultFormatProfile, type PlanContent } from '../../shared/model';
import { plan } from '../lint/plan-fixture';

/** Every run text of the layout (deep walk: header, title, body, tables, closing, footnotes). */
function runTexts(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) runTexts(x, out);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k === 'text' && typeof x === 'string') out.push(x);
      else runTexts(x, out);
    }
  }
  return out;
}

describe('printable layout', () => {
  const pasted = (c: PlanContent) => composeLayout(c, defaultFormatProfile());

  it('a tab or line break pasted into a field prints as one space, in every part of the document', () => {
    const layout = pasted(
      plan((x) => {
        (x.body[0] as { children: { text: string }[] }).children[0]!.text = 'Rút kinh nghiệm\tđại hội.\r\n\r\nChỉ đạo chặt chẽ.';
        x.recipients![0]!.text = 'Ban Thường vụ\nTỉnh ủy';
        x.signature!.signer = 'Lò\tVăn Tiến';
        x.header.place = 'Thanh\u000bNưa';
      }),
    );
    const texts = runTexts(layout);
    expect(texts.filter((t) => /[\u0000-\u001f\u007f-\u009f]/u.test(t))).toEqual([]);
    expect(texts).toContain('Rút kinh nghiệm đại hội. Chỉ đạo chặt chẽ.');
    expect(texts.some((t) => t.includes('Ban Thường vụ Tỉnh ủy'))).toBe(true);
  });

  it('the trích yếu keeps its line breaks as break runs; a tab there becomes a space', () => {
    const layout = pasted(plan((x) => void (x.trichYeu = 'tổ chức\tđại hội\r\nchi bộ')));
    expect(layout.title[1]!.runs).toEqual([{ text: 'tổ chức đại hội' }, { text: 'chi bộ', breakBefore: true }]);
  });
});

describe('printable content', () => {
  it('keeps the parts without control characters as they are (the same objects: unchanged tables are not composed again)', () => {
    const content = plan((x) => {
      x.header.place = 'Thanh\u000bNưa';
    });
    const printable = printableContent(content);
    expect(printable.header.place).toBe('Thanh Nưa');
    expect(printable.header).not.toBe(content.header);
    expect(printable.header.issuer).toBe(content.header.issuer);
    expect(printable.body).toBe(content.body);
    expect(printable.appendices).toBe(content.appendices);
    expect(content.header.place).toBe('Thanh\u000bNưa');
  });
});
