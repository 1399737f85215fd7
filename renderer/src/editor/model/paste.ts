/**
 * A pasted text of several lines, split where it was pasted: the block keeps the text before the caret and the first
 * line, every further line becomes a block of its own right after it (paragraphs, or items with their "-"/"+"
 * marker), and the text after the caret goes on after the last line. In a section's title the further lines become
 * the section's first children.
 */
import type { Block } from '../../../../shared/model';
import type { PastedLines } from '../../../../shared/format/pasted-text';
import { insertAfter, updateBlock } from '../../../../shared/model/tree';
import { newItem, newNote, newParagraph } from './blocks';

/** Where the text was pasted: what the field held before and after the pasted part. */
export interface PasteSite {
  blockId: string;
  before: string;
  after: string;
}

/** The blocks the block becomes: itself (the first line) and one new block per further line. */
export function blocksForPaste(block: Block, site: Omit<PasteSite, 'blockId'>, pasted: PastedLines): { first: Block; rest: Block[] } {
  const texts = pasted.lines.map((l, i) => (i === 0 ? site.before : '') + l.text + (i === pasted.lines.length - 1 ? site.after : ''));
  const [firstText = '', ...restTexts] = texts;
  const markers = pasted.lines.map((l) => l.marker ?? '-');
  const items = pasted.kind === 'items';
  const startsFresh = site.before.trim() === '';

  const rest = restTexts.map((text, i): Block => {
    if (items) return newItem(markers[i + 1], text);
    if (block.kind === 'item') return newItem(block.marker, text);
    if (block.kind === 'note') return newNote(text);
    return newParagraph(block.kind === 'paragraph' ? block.emphasis : 'none', text);
  });

  let first: Block;
  if (block.kind === 'section') first = { ...block, title: firstText };
  else if (block.kind === 'item') first = { ...block, text: firstText, marker: items && startsFresh ? markers[0]! : block.marker };
  else if (items && startsFresh && (block.kind === 'paragraph' || block.kind === 'note')) first = { kind: 'item', id: block.id, marker: markers[0]!, text: firstText };
  else if (block.kind === 'paragraph' || block.kind === 'note') first = { ...block, text: firstText };
  else first = block;
  return { first, rest };
}

/** The body with the pasted lines split off the block `site.blockId` (unchanged if the block is gone). */
export function splitPasteInBody(body: readonly Block[], site: PasteSite, pasted: PastedLines): Block[] {
  let rest: Block[] = [];
  let intoChildren = false;
  let result = updateBlock(body, site.blockId, (block) => {
    const split = blocksForPaste(block, site, pasted);
    if (split.first.kind !== 'section') {
      rest = split.rest;
      return split.first;
    }
    intoChildren = true;
    return { ...split.first, children: [...split.rest, ...split.first.children] };
  });
  if (intoChildren) return result;
  let after = site.blockId;
  for (const block of rest) {
    result = insertAfter(result, after, block);
    after = block.id;
  }
  return result;
}
