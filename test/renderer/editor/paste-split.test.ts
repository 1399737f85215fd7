import type { Block } from '../../../shared/model';
import { splitPastedLines } from '../../../shared/format/pasted-text';
import { splitPasteInBody } from '../../../renderer/src/editor/model/paste';

const paragraph = (id: string, text: string): Block => ({ kind: 'paragraph', id, text, emphasis: 'italic' });
const shape = (blocks: Block[]): unknown[] =>
  blocks.map((b) =>
    b.kind === 'section' ? { [b.title]: shape(b.children) } : b.kind === 'paragraph' ? `p(${b.emphasis}):${b.text}` : b.kind === 'item' ? `${b.marker}${b.text}` : `${b.kind}:${'text' in b ? b.text : ''}`,
  );

describe('splitting a pasted text into blocks', () => {
  it('keeps the text before the caret in the block and the text after it on the last line; new paragraphs follow', () => {
    const body = [paragraph('a', 'Trước Sau'), paragraph('z', 'khác')];
    const out = splitPasteInBody(body, { blockId: 'a', before: 'Trước ', after: ' Sau' }, splitPastedLines('một\r\nhai\r\nba')!);
    expect(shape(out)).toEqual(['p(italic):Trước một', 'p(italic):hai', 'p(italic):ba Sau', 'p(italic):khác']);
    expect(out[0]!.id).toBe('a');
    expect(new Set(out.map((b) => b.id)).size).toBe(4);
  });

  it('turns an empty paragraph into items with their markers', () => {
    const body: Block[] = [{ kind: 'section', id: 's', title: 'NHIỆM VỤ', style: 'heading', children: [paragraph('a', '')] }];
    const out = splitPasteInBody(body, { blockId: 'a', before: '', after: '' }, splitPastedLines('- Ý một\n+ ý phụ\n- Ý hai')!);
    expect(shape(out)).toEqual([{ 'NHIỆM VỤ': ['-Ý một', '+ý phụ', '-Ý hai'] }]);
  });

  it('keeps a paragraph that already has text before the caret, items follow', () => {
    const out = splitPasteInBody([paragraph('a', 'Gồm:')], { blockId: 'a', before: 'Gồm: ', after: '' }, splitPastedLines('- một\n- hai')!);
    expect(shape(out)).toEqual(['p(italic):Gồm: một', '-hai']);
  });

  it('puts the further lines of a section title at the start of its children', () => {
    const body: Block[] = [{ kind: 'section', id: 's', title: '', style: 'runin', children: [paragraph('c', 'cũ')] }];
    const out = splitPasteInBody(body, { blockId: 's', before: '', after: '' }, splitPastedLines('Tiêu đề:\nnội dung')!);
    expect(shape(out)).toEqual([{ 'Tiêu đề:': ['p(none):nội dung', 'p(italic):cũ'] }]);
  });

  it('new lines pasted into an item become items with its marker', () => {
    const body: Block[] = [{ kind: 'item', id: 'i', marker: '+', text: '' }];
    expect(shape(splitPasteInBody(body, { blockId: 'i', before: '', after: '' }, splitPastedLines('một\nhai')!))).toEqual(['+một', '+hai']);
  });
});
