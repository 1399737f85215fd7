// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { installRealBridge, type RealBridge } from './real-bridge';
import { renderApp } from './render-app';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
});
afterEach(() => bridge.dispose());

describe('directory page', () => {
  it('creates, validates, edits, finds and deletes a unit through the real backend', async () => {
    const { user } = await renderApp('/directory');

    expect(await screen.findByText('Danh mục chưa có đơn vị nào', {}, { timeout: 10_000 })).toBeInTheDocument(); // the page loads lazily
    await user.click(screen.getAllByRole('button', { name: 'Thêm đơn vị' })[0]!);

    const dialog = await screen.findByRole('dialog', { name: 'Thêm đơn vị' });
    await user.click(within(dialog).getByRole('button', { name: 'Lưu đơn vị' }));
    expect(await within(dialog).findByText('Không được để trống')).toBeInTheDocument();
    expect(bridge.calls.some((c) => c.channel === 'org.save')).toBe(false);

    await user.type(within(dialog).getByLabelText(/Tên đơn vị/), 'Ban Tổ chức Huyện ủy');
    await user.type(within(dialog).getByLabelText('Tên viết tắt'), 'BTC');
    await user.selectOptions(within(dialog).getByLabelText('Loại đơn vị'), 'ban-dang');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu đơn vị' }));

    const table = await screen.findByRole('table', { name: 'Danh sách đơn vị' });
    expect(within(table).getByText('Ban Tổ chức Huyện ủy')).toBeInTheDocument();
    expect(within(table).getByText('Ban, cơ quan đảng')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const stored = await bridge.call('org.list', {});
    expect(stored).toMatchObject([{ name: 'Ban Tổ chức Huyện ủy', shortName: 'BTC', kind: 'ban-dang' }]);

    // A second unit, then edit the first one.
    await bridge.call('org.save', { name: 'Chi bộ 02 (bản Nà Phát)', kind: 'co-so' });
    await user.click(screen.getByRole('button', { name: 'Sửa Ban Tổ chức Huyện ủy' }));
    const edit = await screen.findByRole('dialog', { name: 'Sửa thông tin đơn vị' });
    const name = within(edit).getByLabelText(/Tên đơn vị/);
    expect(name).toHaveValue('Ban Tổ chức Huyện ủy');
    await user.clear(name);
    await user.click(within(edit).getByRole('button', { name: 'Lưu đơn vị' }));
    expect(await within(edit).findByText('Không được để trống')).toBeInTheDocument();
    await user.type(name, 'Ban Tuyên giáo và Dân vận Huyện ủy');
    await user.click(within(edit).getByRole('checkbox', { name: 'Chia sẻ khi trao đổi' }));
    await user.click(within(edit).getByRole('button', { name: 'Lưu đơn vị' }));
    expect(await screen.findByText('Ban Tuyên giáo và Dân vận Huyện ủy')).toBeInTheDocument();
    expect(await screen.findByText('Chia sẻ')).toBeInTheDocument();
    expect((await bridge.call('org.list', {})).find((o) => o.name === 'Ban Tuyên giáo và Dân vận Huyện ủy')).toMatchObject({ shared: true });
    expect(screen.queryByText('Ban Tổ chức Huyện ủy')).not.toBeInTheDocument();

    // Search without accents.
    await user.type(screen.getByLabelText('Tìm đơn vị'), 'na phat');
    await waitFor(() => expect(screen.queryByText('Ban Tuyên giáo và Dân vận Huyện ủy')).not.toBeInTheDocument());
    expect(screen.getByText('Chi bộ 02 (bản Nà Phát)')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Tìm đơn vị'));
    await user.type(screen.getByLabelText('Tìm đơn vị'), 'khong co don vi nay');
    expect(await screen.findByText('Không có đơn vị phù hợp')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Tìm đơn vị'));

    // Delete asks first; cancelling keeps the unit.
    await user.click(await screen.findByRole('button', { name: 'Xóa Chi bộ 02 (bản Nà Phát)' }));
    let confirm = await screen.findByRole('dialog', { name: 'Xóa đơn vị?' });
    await user.click(within(confirm).getByRole('button', { name: 'Hủy' }));
    expect(await bridge.call('org.list', {})).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Xóa Chi bộ 02 (bản Nà Phát)' }));
    confirm = await screen.findByRole('dialog', { name: 'Xóa đơn vị?' });
    await user.click(within(confirm).getByRole('button', { name: 'Xóa' }));
    await waitFor(() => expect(screen.queryByText('Chi bộ 02 (bản Nà Phát)')).not.toBeInTheDocument());
    expect((await bridge.call('org.list', {})).map((o) => o.name)).toEqual(['Ban Tuyên giáo và Dân vận Huyện ủy']);
  });
});
