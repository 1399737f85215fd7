import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPlan } from '../../shared/lint';
import { issuerRank } from '../../shared/lint/levels';
import { type PlanContent, TemplateFile } from '../../shared/model';
import { PROFILES, blankTemplateFiles, filledBlankPlan } from '../fixtures/filled-blanks';
import { plan } from './plan-fixture';

const levelFindings = (c: PlanContent) => lintPlan(c).filter((f) => f.rule.startsWith('level.'));
const CHI_BO = PROFILES['blank-chi-bo-dai-hoi.json']!;

/** An issuer of each level with the words its plans use. */
const LEVELS = [
  { name: 'TỈNH ỦY ĐIỆN BIÊN', lead: 'Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:', sign: 'BAN THƯỜNG VỤ' },
  { name: 'HUYỆN ỦY TAM ĐƯỜNG', lead: 'Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:', sign: 'BAN THƯỜNG VỤ' },
  { name: 'ĐẢNG ỦY XÃ MƯỜNG PHĂNG', lead: 'Ban Thường vụ Đảng ủy ban hành Kế hoạch như sau:', sign: 'BAN THƯỜNG VỤ' },
  { name: 'CHI BỘ TRƯỜNG TIỂU HỌC', lead: 'Chi ủy xây dựng Kế hoạch tổ chức Đại hội Chi bộ như sau:', sign: 'CHI BỘ' },
];
/** The fixture plan (a huyện ủy's duties aside) under another issuer, lead sentence and signature. */
const withIssuer = (name: string, lead: string, sign: string) =>
  plan((c) => {
    c.header.issuer.name = name;
    c.canCu.lead = lead;
    c.signature.body = sign;
    c.recipients = [{ ...c.recipients[0]!, text: 'Lưu Văn phòng', note: '' }];
    c.body = c.body.filter((b) => !JSON.stringify(b).includes('"kind":"duty"'));
  });

describe('level consistency', () => {
  it('a chi bộ plan started from the Đảng ủy xã template, its text kept, is warned about the lead, the nơi nhận and the duties', () => {
    const c = filledBlankPlan('blank-dang-uy-xa.json', CHI_BO);
    expect(c.header.issuer.name).toBe('CHI BỘ TRƯỜNG TIỂU HỌC');
    const found = levelFindings(c);
    expect(found.map((f) => `${f.severity} ${f.rule} ${f.path.join('.')}`)).toEqual([
      'warning level.lead canCu.lead',
      'warning level.recipient recipients.0.text',
      'warning level.recipient recipients.1.text',
      'warning level.duty body.2.children.0.body',
      'warning level.duty body.2.children.3.body',
    ]);
    const lead = found[0]!.message;
    expect(lead).toContain('"CHI BỘ TRƯỜNG TIỂU HỌC" (cấp chi bộ)');
    expect(lead).toContain('"Ban Thường vụ Đảng ủy ban hành …"');
    expect(lead).toContain('"Chi ủy xây dựng …"');
    expect(found[1]!.message).toContain('"Thường trực Tỉnh ủy (b/c)" (cấp tỉnh ủy, thành ủy)');
  });

  it('every level against every other: the lead sentence names the mismatch; its own words pass', () => {
    for (const issuer of LEVELS) {
      for (const other of LEVELS) {
        const found = levelFindings(withIssuer(issuer.name, other.lead, issuer.sign)).map((f) => f.rule);
        expect(found, `${issuer.name} / ${other.lead}`).toEqual(issuer === other ? [] : ['level.lead']);
      }
    }
  });

  it('a chi bộ signs T/M CHI BỘ; a committee above it does not', () => {
    const chiBo = levelFindings(withIssuer('CHI BỘ TRƯỜNG TIỂU HỌC', LEVELS[3]!.lead, 'BAN THƯỜNG VỤ'));
    expect(chiBo.map((f) => f.rule)).toEqual(['level.signature']);
    expect(chiBo[0]!.message).toContain('chi bộ không có ban thường vụ');
    expect(levelFindings(withIssuer('ĐẢNG ỦY XÃ MƯỜNG PHĂNG', LEVELS[2]!.lead, 'CHI BỘ')).map((f) => f.rule)).toEqual(['level.signature']);
    expect(levelFindings(withIssuer('ĐẢNG ỦY XÃ MƯỜNG PHĂNG', 'Đảng ủy ban hành Kế hoạch như sau:', 'ĐẢNG ỦY'))).toEqual([]);
    expect(levelFindings(withIssuer('HUYỆN ỦY TAM ĐƯỜNG', LEVELS[1]!.lead, 'HUYỆN ỦY'))).toEqual([]);
  });

  it('reads the issuer level from its name', () => {
    expect(['TỈNH ỦY ĐIỆN BIÊN', 'THÀNH ỦY HÀ NỘI', 'HUYỆN ỦY TAM ĐƯỜNG', 'ĐẢNG ỦY XÃ TÂN LẬP', 'ĐẢNG ỦY TRƯỜNG ĐẠI HỌC HÙNG VƯƠNG', 'CHI BỘ TRƯỜNG TIỂU HỌC', 'BAN TỔ CHỨC', 'VĂN PHÒNG HUYỆN ỦY'].map(issuerRank)).toEqual([
      1, 1, 2, 3, 3, 4, null, null,
    ]);
  });

  it('finds nothing in the seeds and in every blank template filled by an office of its level', () => {
    const dir = join(__dirname, '../../resources/templates');
    for (const f of readdirSync(dir).filter((x) => x.startsWith('seed-'))) {
      const t = TemplateFile.parse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      expect(levelFindings(t.content), f).toEqual([]);
    }
    for (const f of blankTemplateFiles) expect(levelFindings(filledBlankPlan(f)), f).toEqual([]);
  });
});
