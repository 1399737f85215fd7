/**
 * End to end, two web-harness instances (two data folders): a commune (Đảng ủy xã) and the province (Tỉnh ủy) carry
 * packages to each other through the "Trao đổi dữ liệu" page. The commune issues a plan and reports progress on a
 * task, exports; the province imports after comparing the sender's fingerprint, sees the plan and the progress,
 * issues its own, exports; the commune imports. A tampered package is refused with its message; a MẬT plan asks for
 * a passphrase both ways; a conflict from two installations of the commune (its data folder copied) is shown side
 * by side and resolved. Screenshots of the page go to SCREENSHOT_DIR.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import type { OfficeIdentityInfo, TaskGetOutput, TaskListOutput } from '../../shared/api';
import type { Plan, PlanContentInput, SelfProfile } from '../../shared/model';
import { minimalContent } from '../backend/fixtures/plans';
import { appForFile, invokeIn, openApp, SCREENSHOT_DIR, type AppSession } from './browser';

const commune = appForFile();
const province = appForFile();
const work = mkdtempSync(join(tmpdir(), 'kh-e2e-exchange-'));

const COMMUNE: SelfProfile = {
  issuer: { higherLines: ['ĐẢNG BỘ TỈNH ĐIỆN BIÊN'], name: 'ĐẢNG ỦY XÃ THANH NƯA', symbol: 'ĐU' },
  level: 'dang-uy-xa',
  place: 'Thanh Nưa',
  term: '2025-2030',
  signature: { authority: 'T/M', body: 'BAN THƯỜNG VỤ', title: 'BÍ THƯ', signer: 'Lò Văn Bình' },
  signaturePresets: [],
  archiveRecipient: 'Lưu Văn phòng Đảng ủy',
};
const PROVINCE: SelfProfile = {
  ...COMMUNE,
  issuer: { higherLines: ['ĐẢNG CỘNG SẢN VIỆT NAM'], name: 'TỈNH ỦY ĐIỆN BIÊN', symbol: 'TU' },
  level: 'tinh-uy',
  place: 'Điện Biên',
  archiveRecipient: 'Lưu Văn phòng Tỉnh ủy',
};

/** A plan of `office` that lints clean, numbered `number`, with one duty task due at the end of 2025. */
function planOf(office: SelfProfile, number: string, trichYeu: string, extra: Partial<PlanContentInput['header']> = {}): PlanContentInput {
  const base = minimalContent();
  const lead = office.level === 'tinh-uy' ? 'Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:' : 'Ban Thường vụ Đảng ủy ban hành Kế hoạch như sau:';
  return {
    ...base,
    trichYeu,
    canCu: { items: [], lead },
    header: { ...base.header, issuer: office.issuer, place: office.place, number, date: { day: '5', month: '11', year: '2025' }, ...extra },
    body: [
      ...(base.body ?? []),
      {
        kind: 'section',
        id: randomUUID(),
        title: 'TỔ CHỨC THỰC HIỆN',
        children: [{ kind: 'duty', id: randomUUID(), body: 'Văn phòng', tasks: [{ id: randomUUID(), text: 'Tổng hợp kết quả, báo cáo trước ngày 31/12/2025.', due: { dates: ['2025-12-31'] } }] }],
      },
    ],
    recipients: [
      { id: randomUUID(), text: office.level === 'tinh-uy' ? 'Ban Bí thư' : 'Ban Thường vụ Tỉnh ủy', note: '(b/c)' },
      { id: randomUUID(), text: office.archiveRecipient },
    ],
    signature: office.signature,
    term: '2025-2030',
  };
}

const save = (page: Page, content: PlanContentInput) => invokeIn<Plan>(page, 'plan.save', { ...content, id: randomUUID(), baseRevision: null });
const exchangeTab = async (page: Page, url: string, tab: string) => {
  // Loaded afresh: set-up calls went past the page's cache.
  await page.goto(`${url}#/exchange`);
  await page.reload();
  await page.getByRole('tab', { name: tab }).click();
};

/** Xuất gói on the page with the given choices; the download is kept as `name` in the work folder. */
async function exportPackage(page: Page, url: string, choose: (page: Page) => Promise<void>, name: string): Promise<string> {
  await exchangeTab(page, url, 'Xuất gói');
  await choose(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất gói ra tệp…' }).click();
  const path = join(work, name);
  await (await download).saveAs(path);
  await page.getByText(/^Đã ghi goi-.*\.khx$/u).waitFor();
  return path;
}

/** Nhập gói: choose the files; the inspection cards appear. */
async function choosePackages(page: Page, url: string, files: string[]) {
  await exchangeTab(page, url, 'Nhập gói');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Chọn gói (.khx)…' }).click();
  await (await chooser).setFiles(files);
}

const card = (page: Page, file: string) => page.getByRole('region', { name: `Gói ${file}` });

let communePlan: Plan;
let communePackage = '';
let provincePackage = '';

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await invokeIn(commune.page, 'org.saveSelf', COMMUNE);
  await invokeIn(province.page, 'org.saveSelf', PROVINCE);
}, 60_000);

describe('Trao đổi dữ liệu between a commune and the province', () => {
  it('the commune issues a plan, reports progress on its task, and exports it', async () => {
    const page = commune.page;
    const draft = await save(page, planOf(COMMUNE, '07', 'Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025'));
    communePlan = await invokeIn<Plan>(page, 'plan.issue', { id: draft.id });
    const tasks = await invokeIn<TaskListOutput>(page, 'task.list', { planId: communePlan.id });
    expect(tasks.items).toHaveLength(1);
    await invokeIn(page, 'task.addReport', { taskId: tasks.items[0]!.id, date: '2025-11-20', text: 'Đã tổ chức ở 12/12 thôn, bản.', percent: 80 });

    communePackage = await exportPackage(
      page,
      commune.app.harness.url,
      async (p) => {
        await p.getByRole('checkbox', { name: 'Chọn “Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025”' }).check();
        await p.getByText('Đã chọn 1 kế hoạch.').waitFor();
      },
      'xa-thanh-nua.khx',
    );
    const written = page.getByRole('status').filter({ hasText: 'Đã ghi' });
    const summary = await written.textContent();
    expect(summary).toContain('1 kế hoạch, 1 văn bản ban hành kèm theo,');
    expect(summary).toContain('1 báo cáo tiến độ; tệp đã được đọc lại và khớp từng byte.');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'exchange-export.png') });
    await page.getByRole('tab', { name: 'Sổ trao đổi' }).click();
    await page.getByRole('table', { name: 'Sổ trao đổi' }).getByText('Gửi đi').waitFor();
  });

  it('the province inspects it, compares the unknown sender’s fingerprint, imports it, and sees the plan and its progress', async () => {
    const page = province.page;
    await choosePackages(page, province.app.harness.url, [communePackage]);
    const inspected = card(page, 'xa-thanh-nua.khx');
    await inspected.getByText('Đơn vị gửi chưa có trong danh sách khóa tin cậy', { exact: true }).waitFor();
    // The digits shown are the commune's key, as Cài đặt shows them there.
    const communeKey = await invokeIn<OfficeIdentityInfo>(commune.page, 'exchange.identity', {});
    expect((await inspected.getByRole('group', { name: 'Dãy số nhận dạng khóa của đơn vị gửi' }).innerText()).split(/\s+/u).join(' ')).toBe(communeKey.fingerprint);
    const records = inspected.getByRole('table', { name: 'Nội dung gói xa-thanh-nua.khx' });
    await records.getByRole('row').filter({ hasText: 'Kế hoạch' }).filter({ hasText: 'Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025' }).getByText('Mới').waitFor();
    await records.getByRole('row').filter({ hasText: 'Báo cáo tiến độ' }).filter({ hasText: 'Đã tổ chức ở 12/12 thôn, bản.' }).getByText('Mới').waitFor();
    const apply = page.getByRole('button', { name: 'Nhập 0 gói' });
    expect(await apply.isDisabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'exchange-import.png') });

    await inspected.getByRole('checkbox', { name: 'Tôi đã so sánh: dãy số trùng khớp với dãy số của đơn vị gửi' }).check();
    await page.getByRole('button', { name: 'Nhập 1 gói' }).click();
    await page.getByText('Đã nhập 1 gói').waitFor();

    await page.goto(`${province.app.harness.url}#/plans?view=received`);
    const table = page.getByRole('table', { name: 'Danh sách kế hoạch' });
    await table.getByRole('columnheader', { name: 'ĐẢNG ỦY XÃ THANH NƯA' }).waitFor();
    await table.getByText('Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025').click();
    await page.getByText('Kế hoạch của ĐẢNG ỦY XÃ THANH NƯA').waitFor();
    expect(await page.getByRole('toolbar', { name: 'Thao tác với kế hoạch' }).getByRole('button', { name: 'Ban hành' }).count()).toBe(0);

    // The commune's progress came with it.
    const tasks = await invokeIn<TaskListOutput>(page, 'task.list', { planId: communePlan.id });
    const detail = await invokeIn<TaskGetOutput>(page, 'task.get', { id: tasks.items[0]!.id });
    expect(detail.reports.map((r) => [r.text, r.percent])).toEqual([['Đã tổ chức ở 12/12 thôn, bản.', 80]]);

    // The sổ văn bản đến has it; the same package again says when it came.
    await exchangeTab(page, province.app.harness.url, 'Sổ văn bản đến');
    await page.getByRole('table', { name: 'Sổ văn bản đến' }).getByText('Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025').waitFor();
    await choosePackages(page, province.app.harness.url, [communePackage]);
    await card(page, 'xa-thanh-nua.khx').getByText(/^Gói này đã được nhập ngày \d\d\/\d\d\/\d{4} \d\d:\d\d\./u).waitFor();
  });

  it('the province issues its own plan and exports everything it owns; the commune imports it', async () => {
    const draft = await save(province.page, planOf(PROVINCE, '120', 'Thực hiện Chỉ thị số 35-CT/TW về đại hội đảng bộ các cấp'));
    await invokeIn(province.page, 'plan.issue', { id: draft.id });
    provincePackage = await exportPackage(province.page, province.app.harness.url, (p) => p.getByRole('radio', { name: 'Tất cả kế hoạch của đơn vị (trừ thùng rác)' }).check(), 'tinh-uy.khx');

    const page = commune.page;
    await choosePackages(page, commune.app.harness.url, [provincePackage]);
    const inspected = card(page, 'tinh-uy.khx');
    await inspected.getByText('Đơn vị gửi chưa có trong danh sách khóa tin cậy', { exact: true }).waitFor();
    await inspected.getByRole('checkbox', { name: /^Tôi đã so sánh/u }).check();
    await page.getByRole('button', { name: 'Nhập 1 gói' }).click();
    await page.getByText('Đã nhập 1 gói').waitFor();
    await page.goto(`${commune.app.harness.url}#/plans?view=received`);
    await page.getByRole('table', { name: 'Danh sách kế hoạch' }).getByText('Thực hiện Chỉ thị số 35-CT/TW về đại hội đảng bộ các cấp').waitFor();
    // Its key is trusted now (Danh mục).
    await page.goto(`${commune.app.harness.url}#/directory`);
    await page.getByRole('table', { name: 'Khóa của các đơn vị' }).getByText('TỈNH ỦY ĐIỆN BIÊN (TU)').waitFor();
  });

  it('a package changed after signing is refused with its message, nothing imported', async () => {
    const entries = unzipSync(readFileSync(communePackage));
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as { sender: { name: string } };
    manifest.sender.name = 'TỈNH ỦY GIẢ MẠO';
    entries['manifest.json'] = strToU8(JSON.stringify(manifest));
    const tampered = join(work, 'bi-sua.khx');
    writeFileSync(tampered, zipSync(entries));
    const page = province.page;
    await choosePackages(page, province.app.harness.url, [tampered]);
    const refused = card(page, 'bi-sua.khx');
    await refused.getByText('Gói bị từ chối').waitFor();
    expect(await refused.getByRole('alert').innerText()).toContain('Gói bị sửa sau khi ký');
    expect(await page.getByRole('button', { name: 'Nhập 0 gói' }).isDisabled()).toBe(true);
  });

  it('a MẬT plan asks for a passphrase when exported and when imported', async () => {
    const page = commune.page;
    await save(page, planOf(COMMUNE, '', 'Kế hoạch bảo vệ bí mật nhà nước', { secrecy: 'MẬT' }));
    await exchangeTab(page, commune.app.harness.url, 'Xuất gói');
    await page.getByRole('checkbox', { name: 'Chọn “Kế hoạch bảo vệ bí mật nhà nước”' }).check();
    await page.getByRole('button', { name: 'Xuất gói ra tệp…' }).click();
    await page.getByText(/Gói có kế hoạch mang độ mật MẬT nên phải đặt mật khẩu/u).waitFor();
    await page.getByText('Mật khẩu chỉ bảo vệ gói khi USB bị mất hoặc rơi vào tay người khác. Đây không phải mã hóa cơ yếu.').first().waitFor();
    await page.getByRole('checkbox', { name: 'Đặt mật khẩu cho gói' }).check();
    await page.getByLabel('Mật khẩu của gói').fill('hai con trau vang');
    await page.getByLabel('Nhập lại mật khẩu').fill('hai con trau vang');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất gói ra tệp…' }).click();
    const secret = join(work, 'mat.khx');
    await (await download).saveAs(secret);
    await page.getByText('Gói đã được đặt mật khẩu.', { exact: false }).waitFor();

    const to = province.page;
    await choosePackages(to, province.app.harness.url, [secret]);
    const locked = card(to, 'mat.khx');
    await locked.getByText(/Gói này được đặt mật khẩu/u).waitFor();
    await locked.getByLabel('Mật khẩu của gói').fill('hai con trau vang');
    await locked.getByRole('button', { name: 'Mở gói' }).click();
    await locked.getByRole('table', { name: 'Nội dung gói mat.khx' }).getByText('Kế hoạch bảo vệ bí mật nhà nước').waitFor();
    await to.getByRole('button', { name: 'Nhập 1 gói' }).click();
    await to.getByText('Đã nhập 1 gói').waitFor();
  });

  it('one plan changed on two computers of the commune reaches the province as a conflict, shown side by side and resolved', async () => {
    const page = commune.page;
    const shared = await save(page, planOf(COMMUNE, '', 'Kế hoạch tuyên truyền kỷ niệm ngày thành lập Đảng'));
    const first = await invokeIn<{ base64: string }>(page, 'exchange.exportPackage', { planIds: [shared.id] });
    await invokeIn(province.page, 'exchange.import', { base64: first.base64 });
    // A second installation of the same office: its data folder copied.
    const twinDir = mkdtempSync(join(tmpdir(), 'kh-e2e-twin-'));
    cpSync(commune.app.dataDir, twinDir, { recursive: true });
    const twin: AppSession = await openApp(twinDir);
    try {
      const edit = async (p: Page, trichYeu: string) => {
        const plan = await invokeIn<Plan>(p, 'plan.get', { id: shared.id });
        await invokeIn(p, 'plan.save', { ...planOf(COMMUNE, '', trichYeu), body: plan.body, id: plan.id, baseRevision: plan.revision });
      };
      await edit(page, 'Kế hoạch tuyên truyền kỷ niệm 96 năm ngày thành lập Đảng (máy 1)');
      await edit(twin.page, 'Kế hoạch tuyên truyền kỷ niệm 96 năm ngày thành lập Đảng (máy 2)');
      for (const from of [page, twin.page]) {
        const pkg = await invokeIn<{ base64: string }>(from, 'exchange.exportPackage', { planIds: [shared.id] });
        await invokeIn(province.page, 'exchange.import', { base64: pkg.base64 });
      }
    } finally {
      await twin.close();
    }

    const to = province.page;
    await exchangeTab(to, province.app.harness.url, 'Xung đột');
    await to.getByRole('button', { name: /^So sánh hai bản của/u }).click();
    const ours = to.getByRole('region', { name: 'Bản đang có ở máy này' });
    const theirs = to.getByRole('region', { name: 'Bản nhận từ ĐẢNG ỦY XÃ THANH NƯA' });
    await expect.poll(() => ours.locator('.kh-pages').first().innerText()).toContain('(máy 1)');
    await expect.poll(() => theirs.locator('.kh-pages').first().innerText()).toContain('(máy 2)');
    await to.screenshot({ path: join(SCREENSHOT_DIR, 'exchange-conflict.png') });
    await theirs.getByRole('button', { name: 'Nhận bản này' }).click();
    await to.getByRole('dialog').getByRole('button', { name: 'Nhận bản này' }).click();
    await to.getByText('Không có xung đột').waitFor();
    const kept = await invokeIn<Plan>(to, 'plan.get', { id: shared.id });
    expect(kept.trichYeu).toContain('(máy 2)');
  });
});
