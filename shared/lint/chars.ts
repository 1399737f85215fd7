/** Characters a printed document must not hold: raw control characters and emoji (shared/format/text-chars.ts). */
import { emojiIn, hasControlChars, hasEmoji, removeEmoji, replaceControlChars } from '../format/text-chars';
import type { PlanContent } from '../model/plan';
import { type Findings, texts } from './findings';

export function checkCharacters(c: PlanContent, f: Findings): void {
  for (const [s, path] of texts(c, [])) {
    // The trích yếu is printed line by line: a line break there is wanted.
    const options = { keepLineBreaks: path.length === 1 && path[0] === 'trichYeu' };
    if (hasControlChars(s, options)) {
      f.warning(
        'text.control-chars',
        path,
        'Có ký tự điều khiển (xuống dòng, tab) dán vào giữa một ô nhập: văn bản in ra thành một đoạn liền. Mỗi đoạn văn nên là một mục riêng; sửa nhanh sẽ thay các ký tự này bằng dấu cách.',
        { kind: 'replaceChars', path, from: s, value: replaceControlChars(s, options) },
      );
    }
    if (hasEmoji(s)) {
      f.error('text.emoji', path, `Có biểu tượng cảm xúc, hình vẽ (${emojiIn(s).join(' ')}) không được dùng trong văn bản của Đảng. Hãy xóa.`, {
        kind: 'removeChars',
        path,
        from: s,
        value: removeEmoji(s),
      });
    }
  }
}
