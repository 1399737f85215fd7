/**
 * The closing block: "Nơi nhận:" and its recipients (each with its purpose note: "(b/c)", "(để báo cáo)"), and the
 * signature: authority ("T/M BAN THƯỜNG VỤ"; "TM." normalised), title, name. A pasted text may wrap a long recipient
 * over two lines: a line that does not open with "-" goes on the one above.
 */
import type { Recipient } from '../model/plan';
import type { PlanSignature } from '../model/plan';
import type { Context } from './context';
import type { Line } from './lines';
import { AUTHORITY, RECIPIENTS_HEADING, RECIPIENT_NOTE, isBoilerplate, isUpperLine } from './patterns';

const AUTHORITY_FORMS: Record<string, PlanSignature['authority']> = { 'T/M': 'T/M', 'K/T': 'K/T', 'T/L': 'T/L', TM: 'T/M', 'TM.': 'T/M', KT: 'K/T', 'KT.': 'K/T', TL: 'T/L', 'TL.': 'T/L' };

export interface ClosingResult {
  recipients: Recipient[];
  signature: PlanSignature;
  punctuation: ',' | ';';
}

export function readClosing(lines: Line[], ctx: Context, newId: () => string): ClosingResult {
  const recipients: Array<{ text: string; lines: Line[] }> = [];
  const signature: PlanSignature = { authority: '', body: '', title: '', signer: '' };
  const endings: string[] = [];
  let inRecipients = false;
  let sawAuthority = false;
  const titles: Line[] = [];
  let name: Line | null = null;
  for (const line of lines) {
    let text = line.text.replace(/\s*\n\s*/gu, ' ').trim();
    if (!text) continue;
    if (RECIPIENTS_HEADING.test(text)) {
      ctx.role(line, 'recipients-heading');
      inRecipients = true;
      text = text.replace(RECIPIENTS_HEADING, '').trim();
      if (!text) continue;
    }
    const auth = AUTHORITY.exec(text);
    const rightColumn = line.column === 'right';
    if (auth && !sawAuthority) {
      const form = auth[1]!;
      signature.authority = AUTHORITY_FORMS[form] ?? 'T/M';
      if (!form.includes('/')) ctx.notes.push(`Thẩm quyền ký "${form}" đã viết lại theo thể thức của Đảng: "${signature.authority}".`);
      signature.body = auth[2]!.trim();
      sawAuthority = true;
      inRecipients = false;
      ctx.role(line, 'signature-authority');
      continue;
    }
    const dashed = /^[-–+•]\s*/u.test(text);
    if (inRecipients && !rightColumn && (dashed || (line.formatted && line.column === 'left') || (!isUpperLine(text) && recipients.length && !sawAuthority))) {
      if (dashed || line.formatted || !recipients.length) recipients.push({ text: text.replace(/^[-–+•]\s*/u, ''), lines: [line] });
      else {
        const last = recipients.at(-1)!;
        last.text += ` ${text}`;
        last.lines.push(line);
      }
      ctx.role(line, 'recipient');
      continue;
    }
    if (isBoilerplate(text)) {
      ctx.drop(line);
      continue;
    }
    if (isUpperLine(text) && !name) {
      titles.push(line);
      ctx.role(line, 'signature-title');
      inRecipients = false;
      continue;
    }
    if (!name && (sawAuthority || titles.length) && text.split(/\s+/u).length <= 8) {
      name = line;
      ctx.role(line, 'signature-name');
      continue;
    }
    ctx.drop(line);
  }
  // Without an authority line, a signature of two capital lines is body + title (signing for the body).
  if (!sawAuthority && titles.length >= 2) {
    signature.body = titles.shift()!.text;
    ctx.confident('signature.authority', 0.4);
  }
  signature.title = titles.map((l) => l.text.replace(/\s*\n\s*/gu, ' ')).join(' ');
  signature.signer = name?.text.replace(/\s*\n\s*/gu, ' ') ?? '';
  const out: Recipient[] = recipients.map((r) => {
    const raw = r.text.trim();
    const end = /[,;.]$/u.exec(raw)?.[0];
    if (end) endings.push(end);
    let text = raw.replace(/[\s,;.]+$/u, '');
    let note = '';
    const m = RECIPIENT_NOTE.exec(text);
    if (m) {
      note = m[1]!;
      text = text.slice(0, m.index).trim();
    }
    return { id: newId(), text, note, orgId: null };
  });
  const semis = endings.slice(0, -1).filter((e) => e === ';').length;
  const commas = endings.slice(0, -1).filter((e) => e === ',').length;
  ctx.confident('recipients', out.length ? 0.9 : 0.2);
  ctx.confident('signature.authority', sawAuthority ? 0.95 : 0.5);
  ctx.confident('signature.title', signature.title ? 0.9 : 0.3);
  ctx.confident('signature.signer', name ? 0.9 : 0);
  return { recipients: out, signature, punctuation: semis > commas ? ';' : ',' };
}
