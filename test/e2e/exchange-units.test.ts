/**
 * End to end, three web-harness instances: the province (Tỉnh ủy) and two communes. The province's plan assigns a
 * duty to each commune; commune A reports on its duty and also sends a plan of its own, commune B sends a plan and
 * no report. The province picks both packages at once, imports them with one summary, sees in the plan's "Tình hình
 * báo cáo của các đơn vị" that A has reported and B has not (its task overdue), and on Nhiệm vụ the communes' tasks
 * beside its own, filtered by whose plan they are. Screenshots to SCREENSHOT_DIR.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExportOutput, OfficeIdentityInfo, TaskListOutput } from '../../shared/api';
import type { Plan, PlanContentInput, SelfProfile } from '../../shared/model';
import { minimalContent } from '../backend/fixtures/plans';
import { appForFile, invokeIn, SCREENSHOT_DIR } from './browser';

const province = appForFile();
const communeA = appForFile();
const communeB = appForFile();
const work = mkdtempSync(join(tmpdir(), 'kh-e2e-units-'));

const office = (name: string, symbol: string, level: SelfProfile['level'], place: string, archive: string): SelfProfile => ({
  issuer: { higherLines: [level === 'tinh-uy' ? 'ĐẢNG CỘNG SẢN VIỆT NAM' : 'ĐẢNG BỘ TỈNH ĐIỆN BIÊN'], name, symbol },
  level,
  place,
  term: '2025-2030',
  signature: { authority: 'T/M', body: 'BAN THƯỜNG VỤ', title: 'BÍ THƯ', signer: 'Lò Văn Bình' },
  signaturePresets: [],
  archiveRecipient: archive,
});
const PROVINCE = office('TỈNH ỦY ĐIỆN BIÊN', 'TU', 'tinh-uy', 'Điện Biên', 'Lưu Văn phòng Tỉnh ủy');
const A = office('ĐẢNG ỦY XÃ THANH NƯA', 'ĐU', 'dang-uy-xa', 'Thanh Nưa', 'Lưu Văn phòng Đảng ủy');
const B = office('ĐẢNG ỦY XÃ THANH MINH', 'ĐU', 'dang-uy-xa', 'Thanh Minh', 'Lưu Văn phòng Đảng ủy');

/** A plan of `of` that lints clean, with one duty block per `duties` entry (body, task text, due day). */
function planOf(of: SelfProfile, number: string, trichYeu: string, duties: [string, string, string][]): PlanContentInput {
  const base = minimalContent();
  return {
    ...base,
    trichYeu,
    canCu: { items: [], lead: of.level === 'tinh-uy' ? 'Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:' : 'Ban Thường vụ Đảng ủy ban hành Kế hoạch như sau:' },
    header: { ...base.header, issuer: of.issuer, place: of.place, number, date: { day: '5', month: '11', year: '2025' } },
    body: [
      ...(base.body ?? []),
      {
        kind: 'section',
        id: randomUUID(),
        title: 'TỔ CHỨC THỰC HIỆN',
        children: duties.map(([body, text, due]) => ({ kind: 'duty' as const, id: randomUUID(), body, tasks: [{ id: randomUUID(), text, due: { dates: [due] } }] })),
      },
    ],
    recipients: [
      { id: randomUUID(), text: of.level === 'tinh-uy' ? 'Ban Bí thư' : 'Ban Thường vụ Tỉnh ủy', note: '(b/c)' },
      { id: randomUUID(), text: of.archiveRecipient },
    ],
    signature: of.signature,
    term: '2025-2030',
  };
}

async function issue(page: Page, content: PlanContentInput): Promise<Plan> {
  const draft = await invokeIn<Plan>(page, 'plan.save', { ...content, id: randomUUID(), baseRevision: null });
  return invokeIn<Plan>(page, 'plan.issue', { id: draft.id });
}

async function exportTo(page: Page, name: string): Promise<string> {
  const out = await invokeIn<ExportOutput>(page, 'exchange.exportPackage', {});
  const path = join(work, name);
  writeFileSync(path, Buffer.from(out.base64, 'base64'));
  return path;
}

const PROVINCE_PLAN = 'Triển khai Chỉ thị số 35-CT/TW về đại hội đảng bộ cấp xã';
let provincePlan: Plan;
let packages: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await invokeIn(province.page, 'org.saveSelf', PROVINCE);
  await invokeIn(communeA.page, 'org.saveSelf', A);
  await invokeIn(communeB.page, 'org.saveSelf', B);
  // The province assigns a duty to each commune; both were due before today.
  provincePlan = await issue(
    province.page,
    planOf(PROVINCE, '120', PROVINCE_PLAN, [
      ['Đảng ủy xã Thanh Nưa', 'Tổ chức hội nghị quán triệt Chỉ thị, báo cáo kết quả.', '2025-12-15'],
      ['Đảng ủy xã Thanh Minh', 'Xây dựng phương án nhân sự đại hội, báo cáo Ban Thường vụ Tỉnh ủy.', '2025-12-20'],
      ['Văn phòng Tỉnh ủy', 'Tổng hợp kết quả, báo cáo Ban Thường vụ.', '2026-01-10'],
    ]),
  );
  const sent = await invokeIn<ExportOutput>(province.page, 'exchange.exportPackage', { planIds: [provincePlan.id] });
  for (const commune of [communeA, communeB]) await invokeIn(commune.page, 'exchange.import', { base64: sent.base64, trust: true });

  // Commune A reports on its duty and sends a plan of its own; commune B sends only a plan of its own.
  const duty = (await invokeIn<TaskListOutput>(communeA.page, 'task.list', { planId: provincePlan.id })).items.filter((t) => t.reportTo !== null);
  expect(duty).toHaveLength(1);
  await invokeIn(communeA.page, 'task.addReport', { taskId: duty[0]!.id, date: '2025-12-10', text: 'Đã tổ chức hội nghị quán triệt ở 12/12 chi bộ.', percent: 100 });
  await issue(communeA.page, planOf(A, '09', 'Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025', [['Văn phòng Đảng ủy', 'Tổng hợp kết quả các thôn, bản.', '2025-11-25']]));
  await issue(communeB.page, planOf(B, '11', 'Kiểm tra công tác chuẩn bị đại hội chi bộ', [['Ủy ban kiểm tra Đảng ủy', 'Kiểm tra 5 chi bộ.', '2025-11-28']]));
  packages = [await exportTo(communeA.page, 'xa-thanh-nua.khx'), await exportTo(communeB.page, 'xa-thanh-minh.khx')];
}, 120_000);

describe("the province and its communes' reports", () => {
  it('imports the packages of both communes at once, with one summary', async () => {
    const page = province.page;
    await page.goto(`${province.app.harness.url}#/exchange`);
    await page.reload();
    await page.getByRole('tab', { name: 'Nhập gói' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Chọn gói (.khx)…' }).click();
    await (await chooser).setFiles(packages);
    for (const file of ['xa-thanh-nua.khx', 'xa-thanh-minh.khx']) {
      const card = page.getByRole('region', { name: `Gói ${file}` });
      await card.getByRole('checkbox', { name: /^Tôi đã so sánh/u }).check();
    }
    await page.getByRole('button', { name: 'Nhập 2 gói' }).click();
    await page.getByText('Đã nhập 2 gói').waitFor();
    const summary = page.getByRole('table', { name: 'Kết quả nhập từng gói' });
    const rowA = summary.getByRole('row').filter({ hasText: 'xa-thanh-nua.khx' });
    await rowA.getByText(A.issuer.name).waitFor();
    await rowA.getByText('Đã nhập').waitFor();
    await summary.getByRole('row').filter({ hasText: 'xa-thanh-minh.khx' }).getByText(B.issuer.name).waitFor();
    // A brought its own plan and its report on the province's duty: 2 mới, nothing else.
    expect((await rowA.getByRole('cell').allInnerTexts()).slice(3, 8)).toEqual(['2', '0', '0', '0', '0']);
    await page.getByRole('status').filter({ hasText: 'Đã nhập 2 gói' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'exchange-import-many.png') });
  });

  it("the plan's grid shows the commune that reported and the one that has not", async () => {
    const page = province.page;
    const a = await invokeIn<OfficeIdentityInfo>(communeA.page, 'exchange.identity', {});
    await page.goto(`${province.app.harness.url}#/plans`);
    await page.getByRole('button', { name: `Tình hình báo cáo của các đơn vị: ${PROVINCE_PLAN}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Tình hình báo cáo của các đơn vị' });
    const grid = dialog.getByRole('table', { name: 'Tình hình báo cáo của các đơn vị' });
    const unit = (body: string) => grid.locator(`tr[data-unit="${body}"]`);
    await unit('Đảng ủy xã Thanh Nưa').getByText('Đã báo cáo').waitFor();
    expect(await unit('Đảng ủy xã Thanh Nưa').innerText()).toContain('10/12/2025');
    await unit('Đảng ủy xã Thanh Minh').getByText('Quá hạn', { exact: true }).waitFor();
    await unit('Đảng ủy xã Thanh Minh').getByText('Báo cáo qua gói trao đổi').waitFor();
    await dialog.getByText(/^1\/3 đơn vị đã báo cáo/u).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'exchange-report-grid.png') });
    expect(a.officeId).toBeTruthy();

    // Keyboard: each task in the grid is a link to its drawer on Nhiệm vụ.
    const link = grid.getByRole('link', { name: 'Tổ chức hội nghị quán triệt Chỉ thị, báo cáo kết quả.' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByText('Đã tổ chức hội nghị quán triệt ở 12/12 chi bộ.').waitFor();
    expect(page.url()).toContain('task=');
  });

  it("Nhiệm vụ shows the communes' tasks beside the province's, filtered by whose plan they are", async () => {
    const page = province.page;
    const a = await invokeIn<OfficeIdentityInfo>(communeA.page, 'exchange.identity', {});
    await page.goto(`${province.app.harness.url}#/tasks`);
    await page.reload();
    const grid = page.getByRole('grid', { name: 'Danh sách nhiệm vụ' });
    await grid.getByText('Tổng hợp kết quả các thôn, bản.').waitFor();
    await grid.getByText('Kiểm tra 5 chi bộ.').waitFor();
    await grid.getByText('Tổng hợp kết quả, báo cáo Ban Thường vụ.').waitFor();
    await grid.getByRole('row').filter({ hasText: 'Tổng hợp kết quả các thôn, bản.' }).getByText(A.issuer.name).waitFor();
    await page.goto(`${province.app.harness.url}#/tasks?owner=${a.officeId}`);
    await expect.poll(() => page.getByRole('search').getByLabel('Kế hoạch của').first().inputValue()).toBe(A.issuer.name);
    await grid.getByText('Tổng hợp kết quả các thôn, bản.').waitFor();
    await expect.poll(() => grid.getByText('Kiểm tra 5 chi bộ.').count()).toBe(0);
    expect(await grid.getByText('Tổng hợp kết quả, báo cáo Ban Thường vụ.').count()).toBe(0);
  });
});
