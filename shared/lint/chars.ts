/**
 * Characters a printed document must not hold: raw control characters and emoji (shared/format/text-chars.ts), and
 * text typed in a legacy TCVN3/VNI font pasted as Unicode (shared/format/legacy-text.ts).
 */
import { LEGACY_ENCODING_NAMES, convertLegacyText, findLegacyText } from '../format/legacy-text';
import { emojiIn, hasControlChars, hasEmoji, removeEmoji, replaceControlChars } from '../format/text-chars';
import type { PlanContent } from '../model/plan';
import { type Findings, texts } from './findings';

/** Fields whose line breaks print as breaks: the trích yếu, the issuer's name and higher lines. */
const LINE_BROKEN = /^(trichYeu|header\.issuer\.name|header\.issuer\.higherLines\.\d+)$/u;

export function checkCharacters(c: PlanContent, f: Findings): void {
  for (const [s, path] of texts(c, [])) {
    // The trích yếu and the issuer's lines print line by line: a line break there is wanted.
    const options = { keepLineBreaks: LINE_BROKEN.test(path.join('.')) };
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
    const legacy = findLegacyText(s);
    if (legacy) {
      const value = convertLegacyText(s, legacy);
      const example = legacy.examples.join(' ');
      f.error(
        'text.legacy-font',
        path,
        `Văn bản gõ bằng phông ${LEGACY_ENCODING_NAMES[legacy.encoding]} ("${example}"): in ra sẽ thành chữ lỗi. Sửa nhanh sẽ chuyển sang chữ Unicode ("${convertLegacyText(example)}").`,
        { kind: 'convertLegacyText', path, from: s, value },
      );
    }
  }
}
