import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCommitteeIssuer, lintPlan } from '../../shared/lint';
import { LintFinding, PlanContent, TemplateFile } from '../../shared/model';
import { U, plan } from './plan-fixture';

const rules = (c: PlanContent) => lintPlan(c).map((f) => `${f.severity} ${f.rule} ${f.path.join('.')}`);
const only = (c: PlanContent, rule: string) => lintPlan(c).filter((f) => f.rule === rule);

describe('lintPlan', () => {
  it('finds nothing in a well-formed plan, and every finding has the contract shape', () => {
    expect(lintPlan(plan())).toEqual([]);
    const messy = plan((c) => {
      c.trichYeu = '';
      c.recipients = [];
    });
    for (const f of lintPlan(messy)) expect(LintFinding.parse(f)).toEqual(f);
  });

  describe('signature authority of a committee', () => {
    it('K/T for a committee is an error', () => {
      const f = only(plan((c) => void (c.signature.authority = 'K/T')), 'signature.committee-kt');
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ severity: 'error', path: ['signature', 'authority'] });
      expect(f[0]!.message).toContain('T/M');
    });

    it('no authority at all for a committee is an error', () => {
      expect(rules(plan((c) => void (c.signature = { authority: '', body: '', title: 'BÍ THƯ', signer: 'Lò Văn Tiến' })))).toEqual([
        'error signature.committee-tm signature.authority',
      ]);
    });

    it('T/M with a deputy title is fine', () => {
      expect(lintPlan(plan((c) => void (c.signature.title = 'PHÓ BÍ THƯ')))).toEqual([]);
    });

    it('K/T is right for an advisory body (Ban, Văn phòng) even when its name contains ỦY', () => {
      for (const name of ['BAN TỔ CHỨC', 'VĂN PHÒNG HUYỆN ỦY', 'BAN TUYÊN GIÁO TỈNH UỶ']) {
        const c = plan((x) => {
          x.header.issuer.name = name;
          x.signature = { authority: 'K/T', body: 'TRƯỞNG BAN', title: 'PHÓ TRƯỞNG BAN', signer: 'Hoàng Đăng Quang' };
        });
        expect(rules(c), name).toEqual([]);
      }
    });

    it('tells committees from other bodies, whatever the spelling of ủy', () => {
      for (const n of ['HUYỆN ỦY TAM ĐƯỜNG', 'Huyện uỷ Tam Đường', 'TỈNH ỦY THỪA THIÊN HUẾ', 'ĐẢNG ỦY XÃ BẢN HON', 'CHI BỘ TRƯỜNG THPT', 'ỦY BAN KIỂM TRA HUYỆN ỦY', 'ĐẢNG ĐOÀN MẶT TRẬN TỔ QUỐC', 'BAN CÁN SỰ ĐẢNG UBND TỈNH']) {
        expect(isCommitteeIssuer(n), n).toBe(true);
      }
      for (const n of ['BAN TỔ CHỨC', 'VĂN PHÒNG TỈNH ỦY', 'Ban Dân vận Huyện ủy', 'TRƯỜNG CHÍNH TRỊ TỈNH']) expect(isCommitteeIssuer(n), n).toBe(false);
    });
  });

  describe('header', () => {
    it('a one-digit number is an error that shows the padded form', () => {
      const f = only(plan((c) => void (c.header.number = '5')), 'header.number-digits');
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ severity: 'error', path: ['header', 'number'] });
      expect(f[0]!.message).toContain('"05"');
    });

    it('an unnumbered draft and numbers of two or more digits are fine', () => {
      for (const n of ['', '05', '315', '1024']) expect(only(plan((c) => void (c.header.number = n)), 'header.number-digits'), n).toEqual([]);
    });

    it('missing issuer, symbol, place and trích yếu are errors on their fields', () => {
      const c = plan((x) => {
        x.header.issuer.name = '  ';
        x.header.issuer.symbol = '';
        x.header.place = '';
        x.trichYeu = '';
      });
      expect(rules(c)).toEqual([
        'error header.issuer-missing header.issuer.name',
        'error header.symbol-missing header.issuer.symbol',
        'error header.place-missing header.place',
        'error title.trich-yeu-missing trichYeu',
      ]);
    });

    it('a Huyện ủy / Quận ủy / Thị ủy dated after 30/6/2025 earns a warning that explains the reorganisation', () => {
      for (const name of ['HUYỆN ỦY TAM ĐƯỜNG', 'QUẬN ỦY BA ĐÌNH', 'Thị uỷ Mường Lay']) {
        // The fixture's text speaks of an đảng ủy (its level warnings are levels.test.ts's matter).
        const f = lintPlan(plan((c) => {
          c.header.issuer.name = name;
          c.header.date = { day: 1, month: 7, year: 2025 };
        })).filter((x) => !x.rule.startsWith('level.'));
        expect(f.map((x) => [x.severity, x.rule]), name).toEqual([['warning', 'header.district-after-reorganisation']]);
        expect(f[0]!.message).toContain('2025');
        expect(f[0]!.message).toContain('sắp xếp');
      }
    });

    it('no reorganisation warning on or before 30/6/2025, for an uncertain draft date, or for a Đảng ủy xã', () => {
      const huyen = (date: { day: number | null; month: number | null; year: number }) =>
        only(plan((c) => {
          c.header.issuer.name = 'HUYỆN ỦY TAM ĐƯỜNG';
          c.header.date = date;
          c.pilotUnits = [];
          c.body = [{ kind: 'paragraph', id: U(2), text: 'x' }];
        }), 'header.district-after-reorganisation');
      expect(huyen({ day: 30, month: 6, year: 2025 })).toEqual([]);
      expect(huyen({ day: 15, month: 10, year: 2024 })).toEqual([]);
      expect(huyen({ day: null, month: null, year: 2025 })).toEqual([]);
      expect(huyen({ day: null, month: 7, year: 2025 })).toHaveLength(1);
      expect(only(plan(), 'header.district-after-reorganisation')).toEqual([]);
    });
  });

  describe('closing', () => {
    it('the last recipient must be "Lưu …"', () => {
      const f = only(plan((c) => c.recipients.reverse()), 'recipients.last-luu');
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ severity: 'error', path: ['recipients', 1, 'text'] });
      expect(only(plan((c) => void (c.recipients[1]!.text = 'Lưu.')), 'recipients.last-luu')).toEqual([]);
      expect(only(plan((c) => void (c.recipients[1]!.text = 'Lưu VP, TH')), 'recipients.last-luu')).toEqual([]);
      expect(only(plan((c) => void (c.recipients[1]!.text = 'Lưu trữ lịch sử Đảng')), 'recipients.last-luu')).toEqual([]);
      expect(only(plan((c) => void (c.recipients[1]!.text = 'Lưuý')), 'recipients.last-luu')).toHaveLength(1);
    });

    it('no recipients is an error', () => {
      expect(rules(plan((c) => void (c.recipients = [])))).toEqual(['error recipients.none recipients']);
    });

    it('a blank recipient line is an error', () => {
      expect(rules(plan((c) => void (c.recipients[0]!.text = ' ')))).toEqual(['error recipients.blank recipients.0.text']);
    });

    it('missing signer, title or body after the authority are errors', () => {
      expect(rules(plan((c) => void (c.signature = { authority: 'T/M', body: '', title: '', signer: '' })))).toEqual([
        'error signature.signer-missing signature.signer',
        'error signature.title-missing signature.title',
        'error signature.body-missing signature.body',
      ]);
    });
  });

  describe('pilot units and deadlines', () => {
    it('delegate arithmetic: total must equal members + invited', () => {
      const c = plan();
      c.pilotUnits[0]!.total = 34; // the schema refuses this on save; lint must still say so for data that got in
      const f = only(c, 'pilot.delegates');
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ severity: 'error', path: ['pilotUnits', 0, 'total'] });
      expect(f[0]!.message).toContain('33');
      c.pilotUnits[0]!.invited = null;
      expect(only(c, 'pilot.delegates')).toEqual([]);
    });

    it('a pilot deadline before the plan date is a warning', () => {
      const f = lintPlan(plan((c) => void (c.pilotUnits![0]!.deadline = '2025-11-04')));
      expect(f.map((x) => [x.severity, x.rule, x.path])).toEqual([['warning', 'pilot.deadline-before-plan', ['pilotUnits', 0, 'deadline']]]);
      expect(f[0]!.message).toContain('04/11/2025');
      expect(lintPlan(plan((c) => void (c.pilotUnits![0]!.deadline = '2025-11-05')))).toEqual([]);
    });

    it('a task due date before the plan date is a warning with the path of that date', () => {
      const c = plan((x) => {
        const duty = (x.body[1] as { children: { kind: string; tasks?: { due: unknown }[] }[] }).children[2]!;
        duty.tasks![0]!.due = { dates: ['2025-12-20', '2025-10-01'] };
      });
      expect(rules(c)).toEqual(['warning task.due-before-plan body.1.children.2.tasks.0.due.dates.1']);
    });

    it('a draft date counts from the start of its month', () => {
      const draft = (deadline: string) =>
        only(plan((c) => {
          c.header.date = { day: null, month: 11, year: 2025 };
          c.pilotUnits![0]!.deadline = deadline;
        }), 'pilot.deadline-before-plan');
      expect(draft('2025-11-01')).toEqual([]);
      expect(draft('2025-10-31')).toHaveLength(1);
    });

    it('a schedule naming an unknown pilot unit is an error', () => {
      const c = plan((x) => {
        (x.body[1] as { children: { unitIds?: string[] }[] }).children[1]!.unitIds = [U(20), U(99)];
      });
      expect(rules(c)).toEqual(['error body.schedule-unit body.1.children.1.unitIds.1']);
    });
  });

  describe('empty parts', () => {
    it('a heading section with nothing under it is a warning; a blank heading title an error', () => {
      const c = plan((x) => void x.body.push({ kind: 'section', id: U(40), title: '', children: [] }));
      expect(rules(c)).toEqual(['error body.section-title body.2.title', 'warning body.empty-section body.2.children']);
    });

    it('blank paragraphs, duties without tasks and blank tasks are reported', () => {
      const c = plan((x) => {
        x.body.push({ kind: 'item', id: U(41), text: '' });
        x.body.push({ kind: 'duty', id: U(42), body: '', tasks: [] });
        x.body.push({ kind: 'duty', id: U(43), body: 'Ủy ban nhân dân xã', tasks: [{ id: U(44), text: ' ' }] });
      });
      expect(rules(c)).toEqual([
        'warning body.empty-text body.2.text',
        'error body.duty-body body.3.body',
        'warning body.duty-empty body.3.tasks',
        'warning body.empty-text body.4.tasks.0.text',
      ]);
    });

    it('a pilot-units block with no pilot units is a warning', () => {
      const c = plan((x) => {
        x.pilotUnits = [];
        (x.body[1] as { children: unknown[] }).children.splice(1, 1);
      });
      expect(rules(c)).toEqual(['warning body.pilot-units-empty body.1.children.0']);
    });
  });

  describe('tables and lists of people in the body', () => {
    const cell = (text: string) => ({ paragraphs: [text], colSpan: 1, rowSpan: 1, align: 'justify' as const, bold: false });
    const table = (rows: string[][]) => ({ kind: 'table' as const, id: U(40), table: { columnWidths: [1, 1], headerRows: [{ cells: [cell('TT'), cell('Nội dung')] }], rows: rows.map((r) => ({ cells: r.map(cell) })) } });
    const people = (list: { name: string; position?: string; role?: string }[]) => ({
      kind: 'people' as const,
      id: U(41),
      prefix: 'Đ/c',
      print: 'lines' as const,
      people: list.map((p, i) => ({ id: U(50 + i), name: p.name, position: p.position ?? '', role: p.role ?? '' })),
    });
    const inBody = (...blocks: unknown[]) => plan((x) => void (x.body[0] as { children: unknown[] }).children.push(...blocks));

    it('a filled table and a list of named people lint clean', () => {
      expect(lintPlan(inBody(table([['1', 'Chuẩn bị văn kiện']]), people([{ name: 'Nguyễn Văn An', position: 'Bí thư', role: 'Tổ trưởng' }])))).toEqual([]);
    });

    it.each([
      ['no body rows at all', table([]), 'body.table-empty body.0.children.1.table.rows'],
      ['body rows with only blank cells (a header alone is no content)', table([['', ' '], ['', '']]), 'body.table-empty body.0.children.1.table.rows'],
      ['a list without anyone', people([]), 'body.people-empty body.0.children.1.people'],
      ['a person with a position but no name', people([{ name: 'Nguyễn Văn An' }, { name: ' ', position: 'Bí thư' }]), 'body.person-name body.0.children.1.people.1.name'],
    ])('%s is a warning on the field to fill', (_, block, finding) => {
      const found = lintPlan(inBody(block));
      expect(found.map((f) => `${f.severity} ${f.rule} ${f.path.join('.')}`)).toEqual([`warning ${finding}`]);
    });

    it('names the person by place: "Người thứ 2 …"', () => {
      expect(only(inBody(people([{ name: 'A' }, { name: '' }])), 'body.person-name')[0]!.message).toBe('Người thứ 2 trong danh sách chưa có họ tên.');
    });

    it('a name, position or role over 300 characters and a body table cell over 20,000 are too long for print', () => {
      const long = 'Nguyễn Văn An '.repeat(25);
      const c = inBody(people([{ name: long, role: long }]), table([['1', 'chữ '.repeat(5001)]]));
      expect(only(c, 'text.too-long').map((f) => f.path.join('.'))).toEqual([
        'body.0.children.1.people.0.name',
        'body.0.children.1.people.0.role',
        'body.0.children.2.table.rows.0.cells.1.paragraphs.0',
      ]);
    });

    it('a name typed in a TCVN3 font is found in a list of people, with its conversion', () => {
      const [f] = only(inBody(people([{ name: 'NguyÔn V¨n An', position: 'BÝ th­', role: '' }])), 'text.legacy-font');
      expect(f).toMatchObject({ path: ['body', 0, 'children', 1, 'people', 0, 'name'], fix: { value: 'Nguyễn Văn An' } });
    });
  });

  describe('state-document phrases', () => {
    it('the state motto and "Số:" anywhere are errors on the field that holds them', () => {
      const c = plan((x) => {
        x.header.issuer.higherLines = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'];
        x.canCu.items = [{ verb: 'Căn cứ', text: 'Số: 12/2024/NĐ-CP của Chính phủ', join: '' }];
        x.recipients[0]!.text = 'Độc lập - Tự do - Hạnh phúc';
      });
      expect(rules(c)).toEqual([
        'error text.state-document header.issuer.higherLines.0',
        'error text.state-number canCu.items.0.text',
        'error text.state-document recipients.0.text',
      ]);
    });

    it('matches the motto in any case and with the old accent placement, but not "Số lượng:"', () => {
      expect(only(plan((x) => void (x.trichYeu = 'Cộng hoà xã hội chủ nghĩa Việt Nam')), 'text.state-document')).toHaveLength(1);
      expect(lintPlan(plan((x) => void (x.trichYeu = 'Số lượng: 38 đoàn; Số 315-KH/HU')))).toEqual([]);
    });
  });

  it.each(['seed-01-huyen-uy-dai-hoi-diem.json', 'seed-02-tinh-uy-thuc-hien-chi-thi-35.json', 'seed-03-btctw-doan-du-dai-hoi.json'])(
    'the seed template %s lints with no errors',
    (f) => {
      const t = TemplateFile.parse(JSON.parse(readFileSync(join(__dirname, '../../resources/templates', f), 'utf8')));
      expect(lintPlan(t.content).filter((x) => x.severity === 'error')).toEqual([]);
    },
  );
});
