// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNativeDialogs, type DialogApi } from '../../../electron/main/file-dialogs';
import { answerFileChannels, createFileService } from '../../../electron/main/file-service';
import { createPathTokens } from '../../../electron/main/path-tokens';
import { blankHuyenUy, createPlan, installRealBridge, openEditor, seedNumber, untilStored, type RealBridge } from './editor-harness';

let bridge: RealBridge;
let saveDir = '';
/** What Electron's save dialog answers next (null: the user cancels). */
const dialogAnswers: (string | null)[] = [];
const printed: string[] = [];
const PDF_BYTES = Buffer.from('%PDF-1.7\n% printed pages\n%%EOF\n');

beforeEach(() => {
  saveDir = mkdtempSync(join(tmpdir(), 'kh-actions-save-'));
  // Main's real file service; Electron's dialog answers from the queue, the hidden print window is a stand-in.
  const service = createFileService({
    invoke: (channel, input) => bridge.backend.invoke(channel, input),
    dialogs: createNativeDialogs(
      {
        showSaveDialog: async () => {
          const filePath = dialogAnswers.shift() ?? null;
          return { canceled: filePath === null, filePath: filePath ?? '' };
        },
        showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      } as unknown as DialogApi,
      () => saveDir,
    ),
    printPdf: async (id) => (printed.push(id), PDF_BYTES),
    tokens: createPathTokens(),
  });
  bridge = installRealBridge({ files: answerFileChannels(service, () => null) });
});
afterEach(() => {
  bridge.dispose();
  rmSync(saveDir, { recursive: true, force: true });
  dialogAnswers.length = 0;
  printed.length = 0;
  vi.restoreAllMocks();
});

describe('actions bar', () => {
  it('Xuất .docx stores pending edits first, then saves the rendered file where the user chose', async () => {
    const plan = await createPlan(bridge, seedNumber(1));
    const { user } = await openEditor(bridge, plan);
    const place = screen.getByRole('textbox', { name: /Địa danh/ });
    await user.clear(place);
    await user.type(place, 'Tam Đường');
    dialogAnswers.push(join(saveDir, 'ke-hoach.docx'));
    await user.click(screen.getByRole('button', { name: 'Xuất .docx' }));
    expect(await screen.findByText('Đã lưu tệp ke-hoach.docx', {}, { timeout: 10_000 })).toBeInTheDocument();
    const bytes = readFileSync(join(saveDir, 'ke-hoach.docx'));
    expect(bytes.byteLength).toBeGreaterThan(5000);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip, i.e. a .docx
    // the export rendered the stored plan, which already had the edit
    const exportCall = bridge.calls.findIndex((c) => c.channel === 'file.chooseSave');
    expect(bridge.calls[exportCall]!.input).toEqual({ source: { kind: 'plan.docx', id: plan.id } });
    const lastSaveBefore = bridge.calls.slice(0, exportCall).filter((c) => c.channel === 'plan.save').at(-1)!;
    expect((lastSaveBefore.input as { header: { place: string } }).header.place).toBe('Tam Đường');
  });

  it('Xuất PDF saves the printed pages without the print dialog; a cancelled save says nothing', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const plan = await createPlan(bridge, seedNumber(1)); // a plan without errors: no question before exporting
    const { user } = await openEditor(bridge, plan);
    dialogAnswers.push(join(saveDir, 'ban-in'));
    await user.click(screen.getByRole('button', { name: 'Xuất PDF' }));
    expect(await screen.findByText('Đã lưu tệp ban-in.pdf', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(readFileSync(join(saveDir, 'ban-in.pdf')).equals(PDF_BYTES)).toBe(true);
    expect(printed).toEqual([plan.id]);

    dialogAnswers.push(null);
    await user.click(screen.getByRole('button', { name: 'Xuất PDF' }));
    await waitFor(() => expect(printed).toHaveLength(2));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Xuất PDF' })).toBeEnabled());
    expect(screen.getAllByText(/Đã lưu tệp ban-in/)).toHaveLength(1);
    expect(readdirSync(saveDir)).toEqual(['ban-in.pdf']);
    expect(print).not.toHaveBeenCalled();
  });

  it('In and Ctrl+P of a draft with errors ask first, listing the errors, then print the preview pages through the print container', async () => {
    const printed: number[] = [];
    vi.spyOn(window, 'print').mockImplementation(() => {
      // at print time the pages are in the body-level print container that the print stylesheet shows
      printed.push(document.querySelectorAll('body > .kh-print-root .kh-page').length);
    });
    const plan = await createPlan(bridge, blankHuyenUy);
    const { user } = await openEditor(bridge, plan);
    const findings = screen.getByRole('region', { name: 'Kiểm tra thể thức' });
    await waitFor(() => expect(within(findings).getAllByText('Lỗi').length).toBeGreaterThan(0), { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'In' }));
    let ask = await screen.findByRole('dialog', { name: 'Bản này còn lỗi thể thức' });
    expect(within(ask).getByText(/Kế hoạch còn \d+ lỗi/)).toBeInTheDocument();
    expect(within(ask).getAllByRole('listitem').length).toBeGreaterThan(0);
    await user.click(within(ask).getByRole('button', { name: 'In' }));
    await waitFor(() => expect(printed).toEqual([1]));
    expect(document.querySelector('.kh-print-root')).toBeNull(); // removed after printing
    fireEvent.keyDown(document.body, { key: 'p', ctrlKey: true });
    ask = await screen.findByRole('dialog', { name: 'Bản này còn lỗi thể thức' });
    await user.click(within(ask).getByRole('button', { name: 'In' }));
    await waitFor(() => expect(printed).toEqual([1, 1]));
  });

  it('Xuất .docx and Xuất PDF of a draft with errors ask first; "Hủy" exports nothing; Ban hành is disabled with the reason', async () => {
    const printed = vi.spyOn(window, 'print').mockImplementation(() => {});
    const plan = await createPlan(bridge, blankHuyenUy);
    const { user } = await openEditor(bridge, plan);
    const findings = screen.getByRole('region', { name: 'Kiểm tra thể thức' });
    await waitFor(() => expect(within(findings).getAllByText('Lỗi').length).toBeGreaterThan(0), { timeout: 5000 });
    const firstError = within(findings).getAllByRole('listitem')[0]!.textContent!.replace(/^Lỗi/, '');

    await user.click(screen.getByRole('button', { name: 'Xuất .docx' }));
    let ask = await screen.findByRole('dialog', { name: 'Bản này còn lỗi thể thức' });
    expect(within(ask).getByText(firstError)).toBeInTheDocument();
    await user.click(within(ask).getByRole('button', { name: 'Hủy' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(bridge.calls.some((c) => c.channel === 'plan.renderDocx')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Xuất PDF' }));
    ask = await screen.findByRole('dialog', { name: 'Bản này còn lỗi thể thức' });
    await user.click(within(ask).getByRole('button', { name: 'Hủy' }));
    expect(printed).not.toHaveBeenCalled();

    const issue = screen.getByRole('button', { name: 'Ban hành' });
    expect(issue).toBeDisabled();
    expect(issue).toHaveAccessibleDescription(/^Chưa ban hành được: còn \d+ lỗi thể thức/);
  });

  it('an issued plan is read-only until the user confirms, and can be duplicated as a new draft', async () => {
    const plan = await createPlan(bridge, seedNumber(1));
    await bridge.call('plan.allocateNumber', { id: plan.id }); // new plans start unnumbered; issuing needs a number
    await bridge.call('plan.issue', { id: plan.id });
    const { user, router } = await openEditor(bridge, plan);
    expect(await screen.findByText('Kế hoạch đã ban hành')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Trích yếu/ })).toHaveAttribute('readonly');
    await user.click(screen.getByRole('button', { name: 'Sửa kế hoạch' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa kế hoạch đã ban hành?' });
    await user.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    expect(screen.getByRole('textbox', { name: /Trích yếu/ })).toHaveAttribute('readonly');

    await user.click(screen.getByRole('button', { name: 'Nhân bản thành dự thảo mới' }));
    await waitFor(() => expect(router.state.location.pathname).not.toBe(`/plans/${plan.id}`));
    const copyId = router.state.location.pathname.split('/')[2]!;
    await screen.findByRole('tab', { name: 'Thông tin chung' });
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Trích yếu/ })).not.toHaveAttribute('readonly'));
    await user.type(screen.getByRole('textbox', { name: /Trích yếu/ }), '!');
    await untilStored(bridge, copyId, (p) => expect(p.trichYeu).toBe(`${plan.trichYeu}!`));
  });
});
