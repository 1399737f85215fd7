/**
 * A plan's content in the form a round trip through the printed document can keep: what prints, compared field
 * by field. The allowed differences, each because the printed document does not hold it:
 *  - ids (blocks, tasks, recipients, pilot units, appendices) and directory links (orgId): not printed; the pilot
 *    schedule names its units by position instead;
 *  - the plan's term and a pilot unit's term: not printed;
 *  - the order of pilot units across groups: the layout prints the units of the "trực thuộc" group first, so they
 *    compare in that order;
 *  - spacing: runs of white space are one space, texts trimmed;
 *  - number and date parts compare as printed ("5" and "05" both print "05");
 *  - căn cứ references without their final punctuation (the layout puts its own);
 *  - issuer lines, signature body and title in capitals (printed so);
 *  - the format profile only where the text shows it (heading numbering, recipients' punctuation), others are
 *    page measures the importer does not read;
 *  - appendixIssuedBy as the appendix line prints it ("của " and the derived default are the same line);
 *  - a table's column widths as shares of the width, to 0.1 %;
 *  - a BÁO CÁO's link to its plans and period (`report`) and the content version: not printed.
 */
import { deriveAppendixIssuedBy, trimEndPunctuation } from '../../shared/layout/phrases';
import { formatDocNumber, formatDay, formatMonth, datePartNumber } from '../../shared/format';
import { defaultFormatProfile, type Block, type PlanContent } from '../../shared/model';

const ws = (s: string) => s.replace(/[ \t\u00A0]+/gu, ' ').replace(/ ?\n ?/gu, '\n').trim();
const part = (p: string, pad: (n: number) => string) => {
  const n = datePartNumber(p);
  return n == null ? p.trim() : pad(n);
};

function block(b: Block, unitIndex: Map<string, number>): unknown {
  switch (b.kind) {
    case 'section':
      return { kind: b.kind, title: ws(b.title), style: b.style, children: b.children.map((c) => block(c, unitIndex)) };
    case 'paragraph':
      return { kind: b.kind, text: ws(b.text), emphasis: b.emphasis };
    case 'item':
      return { kind: b.kind, marker: b.marker, text: ws(b.text) };
    case 'note':
      return { kind: b.kind, text: ws(b.text.replace(/^\*\s*/u, '')) };
    case 'pilotUnits':
      return { kind: b.kind };
    case 'pilotSchedule':
      return { kind: b.kind, units: b.unitIds.map((id) => unitIndex.get(id)), note: ws(b.note) };
    case 'duty':
      return {
        kind: b.kind,
        body: ws(b.body),
        headingSuffix: b.headingSuffix,
        taskStyle: b.taskStyle,
        tasks: b.tasks.map((t) => ({ text: ws(t.text), due: t.due ? { dates: t.due.dates, relative: t.due.relative } : null })),
      };
    case 'table': {
      // Widths are relative (the printed grid in twips comes back rescaled): compared as rounded shares.
      const sum = b.table.columnWidths.reduce((a, w) => a + w, 0);
      const rows = (r: typeof b.table.rows) => r.map((row) => row.cells.map((c) => ({ paragraphs: c.paragraphs.map(ws), colSpan: c.colSpan, rowSpan: c.rowSpan })));
      return { kind: b.kind, widths: b.table.columnWidths.map((w) => Math.round((w / sum) * 100)), headerRows: rows(b.table.headerRows), rows: rows(b.table.rows) };
    }
    case 'people':
      return { kind: b.kind, prefix: b.prefix, print: b.print, people: b.people.map((p) => ({ name: ws(p.name), position: ws(trimEndPunctuation(p.position)), role: ws(trimEndPunctuation(p.role)) })) };
  }
}

/** Without references, the form prints nothing. */
function canCu(c: PlanContent) {
  const items = c.canCu.items.map((i) => ({ verb: i.verb.trim(), text: ws(trimEndPunctuation(i.text)), join: i.join })).filter((i) => i.text);
  return { form: items.length ? c.canCu.form : '', items, lead: ws(c.canCu.lead) };
}

export function comparable(c: PlanContent) {
  const profile = c.profile ?? defaultFormatProfile();
  const printed = [...c.pilotUnits.filter((u) => u.category === 'chi-bo-truc-thuoc'), ...c.pilotUnits.filter((u) => u.category !== 'chi-bo-truc-thuoc')];
  const unitIndex = new Map(printed.map((u, i) => [u.id, i]));
  const issuedBy = c.appendixIssuedBy.trim().replace(/^của\s+/u, '') || deriveAppendixIssuedBy(c.signature, c.header.issuer);
  return {
    header: {
      higherLines: c.header.issuer.higherLines.map((l) => ws(l).toUpperCase()).filter(Boolean),
      issuer: ws(c.header.issuer.name).toUpperCase(),
      symbol: c.header.issuer.symbol.trim(),
      docType: c.header.docType,
      number: formatDocNumber(c.header.number),
      place: ws(c.header.place),
      date: { day: part(c.header.date.day, formatDay), month: part(c.header.date.month, formatMonth), year: c.header.date.year.trim() },
      secrecy: c.header.secrecy,
      urgency: c.header.urgency,
      draftLabel: ws(c.header.draftLabel),
    },
    trichYeu: c.trichYeu.split('\n').map(ws).filter(Boolean).join('\n'),
    canCu: canCu(c),
    body: c.body.map((b) => block(b, unitIndex)),
    pilotUnits: printed.map((u) => ({
      name: ws(trimEndPunctuation(u.name)),
      category: u.category,
      attendees: ws(trimEndPunctuation(u.attendees)),
      members: u.members,
      invited: u.invited,
      total: u.total ?? (u.members != null && u.invited != null ? u.members + u.invited : null),
      durationDays: u.durationDays,
      deadline: u.deadline,
    })),
    recipients: c.recipients.map((r) => ({ text: ws(trimEndPunctuation(r.text)), note: ws(r.note) })).filter((r) => r.text || r.note),
    signature: { authority: c.signature.authority, body: ws(c.signature.body).toUpperCase(), title: ws(c.signature.title).toUpperCase(), signer: ws(c.signature.signer) },
    appendices: c.appendices.map((a) => ({
      title: ws(a.title),
      intro: a.intro.map(ws),
      tables: a.tables.map((t) => {
        const sum = t.columnWidths.reduce((x, y) => x + y, 0);
        return { ...t, columnWidths: t.columnWidths.map((w) => Math.round((w / sum) * 1000) / 10) };
      }),
    })),
    appendixIssuedBy: c.appendices.length ? issuedBy : '',
    profile: { level1Style: profile.level1Style, level3Style: profile.level3Style, recipientPunctuation: profile.recipientPunctuation },
  };
}
