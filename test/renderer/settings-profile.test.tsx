// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { installRealBridge, type RealBridge } from './real-bridge';
import { renderApp } from './render-app';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
});
afterEach(() => bridge.dispose());

const profileForm = async () => screen.findByRole('form', { name: 'Hồ sơ cơ quan ban hành' });

describe('issuer profile form', () => {
  it('shows Vietnamese messages for bad input and saves nothing', async () => {
    const { user } = await renderApp('/settings');
    const form = await profileForm();
    expect(within(form).getByText(/Chưa có hồ sơ cơ quan/)).toBeInTheDocument();

    await user.click(within(form).getByRole('button', { name: 'Lưu hồ sơ cơ quan' }));
    // Issuer name, symbol, place, term and archive line are required; the blank higher-body row is not an error.
    await waitFor(() => expect(within(form).getAllByText('Không được để trống')).toHaveLength(5));
    expect(screen.getByText(/Một số ô chưa hợp lệ/)).toBeInTheDocument();

    await user.type(within(form).getByLabelText(/Ký hiệu cơ quan/), 'hu');
    await user.type(within(form).getByLabelText(/Nhiệm kỳ/), '2025');
    await user.click(within(form).getByRole('button', { name: 'Lưu hồ sơ cơ quan' }));
    expect(await within(form).findByText('Ký hiệu chỉ gồm chữ in hoa và số, ví dụ HU, TU, ĐU')).toBeInTheDocument();
    expect(within(form).getByText('Nhiệm kỳ có dạng 2025-2030')).toBeInTheDocument();

    expect(bridge.calls.filter((c) => c.channel === 'org.saveSelf')).toHaveLength(0);
    expect(await bridge.call('org.getSelf', {})).toBeNull();
  });

  it('saves a valid profile through org.saveSelf and shows it again after a restart', async () => {
    const first = await renderApp('/settings');
    const { user } = first;
    let form = await profileForm();

    await user.type(within(form).getByLabelText('Dòng cấp trên 1'), 'ĐẢNG BỘ TỈNH ĐIỆN BIÊN');
    // Add a second higher line, then remove it again.
    await user.click(within(form).getByRole('button', { name: 'Thêm dòng cấp trên' }));
    await user.type(within(form).getByLabelText('Dòng cấp trên 2'), 'THỪA');
    await user.click(within(form).getByRole('button', { name: 'Bỏ dòng cấp trên 2' }));
    expect(within(form).queryByLabelText('Dòng cấp trên 2')).not.toBeInTheDocument();

    await user.type(within(form).getByLabelText(/Tên cơ quan ban hành/), 'HUYỆN ỦY ĐIỆN BIÊN');
    await user.type(within(form).getByLabelText(/Ký hiệu cơ quan/), 'HU');
    await user.selectOptions(within(form).getByLabelText('Cấp'), 'huyen-uy');
    await user.type(within(form).getByLabelText(/Địa danh/), 'Điện Biên');
    await user.type(within(form).getByLabelText(/Nhiệm kỳ/), '2025-2030');
    await user.selectOptions(within(form).getByLabelText('Thẩm quyền ký'), 'T/M');
    await user.type(within(form).getByLabelText('Tập thể hoặc người đứng đầu'), 'BAN THƯỜNG VỤ');
    await user.type(within(form).getByLabelText('Chức vụ người ký'), 'BÍ THƯ');
    await user.type(within(form).getByLabelText('Họ và tên người ký'), 'Lò Văn Minh');
    await user.click(within(form).getByRole('button', { name: 'Thêm mẫu chữ ký' }));
    const presetAuthority = within(form).getAllByLabelText('Thẩm quyền ký')[1]!;
    await user.selectOptions(presetAuthority, 'K/T');
    await user.type(within(form).getAllByLabelText('Tập thể hoặc người đứng đầu')[1]!, 'BÍ THƯ');
    await user.type(within(form).getAllByLabelText('Chức vụ người ký')[1]!, 'PHÓ BÍ THƯ');
    await user.type(within(form).getAllByLabelText('Họ và tên người ký')[1]!, 'Nguyễn Thị Hoa');
    await user.type(within(form).getByLabelText(/Dòng lưu ở nơi nhận/), 'Lưu Văn phòng Huyện ủy');
    await user.click(within(form).getByRole('button', { name: 'Lưu hồ sơ cơ quan' }));

    expect(await screen.findByText('Đã lưu hồ sơ cơ quan ban hành.')).toBeInTheDocument();
    expect(bridge.calls.filter((c) => c.channel === 'org.saveSelf' && c.ok)).toHaveLength(1);
    expect(await bridge.call('org.getSelf', {})).toEqual({
      issuer: { higherLines: ['ĐẢNG BỘ TỈNH ĐIỆN BIÊN'], name: 'HUYỆN ỦY ĐIỆN BIÊN', symbol: 'HU' },
      level: 'huyen-uy',
      place: 'Điện Biên',
      term: '2025-2030',
      signature: { authority: 'T/M', body: 'BAN THƯỜNG VỤ', title: 'BÍ THƯ', signer: 'Lò Văn Minh' },
      signaturePresets: [{ authority: 'K/T', body: 'BÍ THƯ', title: 'PHÓ BÍ THƯ', signer: 'Nguyễn Thị Hoa' }],
      archiveRecipient: 'Lưu Văn phòng Huyện ủy',
    });

    // Restart: a new backend on the same data folder, a fresh render.
    first.unmount();
    bridge.reopen();
    await renderApp('/settings');
    form = await profileForm();
    expect(within(form).getByLabelText(/Tên cơ quan ban hành/)).toHaveValue('HUYỆN ỦY ĐIỆN BIÊN');
    expect(within(form).getByLabelText('Dòng cấp trên 1')).toHaveValue('ĐẢNG BỘ TỈNH ĐIỆN BIÊN');
    expect(within(form).getByLabelText(/Nhiệm kỳ/)).toHaveValue('2025-2030');
    expect(within(form).getAllByLabelText('Họ và tên người ký').map((el) => (el as HTMLInputElement).value)).toEqual(['Lò Văn Minh', 'Nguyễn Thị Hoa']);
    expect(within(form).queryByText(/Chưa có hồ sơ cơ quan/)).not.toBeInTheDocument();
  });
});
