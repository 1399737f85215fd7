// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { blankHuyenUy, createPlan, installRealBridge, openEditor, seedNumber, untilStored, type RealBridge } from './editor-harness';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
});
afterEach(() => {
  bridge.dispose();
  vi.restoreAllMocks();
});

describe('actions bar', () => {
  it('Xuất .docx stores pending edits first, then downloads the rendered file under its name', async () => {
    // jsdom has no blob URLs: give it the two browser functions, and catch the download click
    const blobs: Blob[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:test'), revokeObjectURL: () => {} });
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const plan = await createPlan(bridge, seedNumber(1));
    const { user } = await openEditor(bridge, plan);
    const place = screen.getByRole('textbox', { name: /Địa danh/ });
    await user.clear(place);
    await user.type(place, 'Tam Đường');
    await user.click(screen.getByRole('button', { name: 'Xuất .docx' }));
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
    expect(downloads[0]).toMatch(/\.docx$/);
    expect(blobs[0]!.size).toBeGreaterThan(5000);
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK'); // a zip, i.e. a .docx
    // the export rendered the stored plan, which already had the edit
    const renderCall = bridge.calls.findIndex((c) => c.channel === 'plan.renderDocx');
    const lastSaveBefore = bridge.calls.slice(0, renderCall).filter((c) => c.channel === 'plan.save').at(-1)!;
    expect((lastSaveBefore.input as { header: { place: string } }).header.place).toBe('Tam Đường');
    expect(await screen.findByText(/Đã xuất tệp/)).toBeInTheDocument();
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
