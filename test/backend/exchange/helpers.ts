/** Two or more offices for exchange tests: backends on their own data folders, plans that lint clean. */
import type { Backend } from '../../../electron/backend';
import type { SelfProfile } from '../../../shared/model';
import { DANG_UY } from '../fixtures/drafts';
import { profile } from '../fixtures/profile';
import { call } from '../helpers';

export const communeProfile: SelfProfile = { ...profile, ...DANG_UY, level: 'dang-uy-xa', term: '2025 - 2030', archiveRecipient: 'Lưu Văn phòng Đảng ủy' };

export const provinceProfile: SelfProfile = {
  ...communeProfile,
  issuer: { higherLines: ['ĐẢNG CỘNG SẢN VIỆT NAM'], name: 'TỈNH ỦY ĐIỆN BIÊN', symbol: 'TU' },
  level: 'tinh-uy',
  place: 'Điện Biên',
  archiveRecipient: 'Lưu Văn phòng Tỉnh ủy',
};

export { draft, edit } from '../fixtures/drafts';

/** Export from `from` (all its plans unless `planIds`) and return the package's base64. */
export async function exportFrom(
  from: Backend,
  input: { planIds?: string[]; receiverId?: string; passphrase?: string; orgIds?: string[]; term?: string; sinceLast?: boolean } = {},
): Promise<string> {
  return (await call(from, 'exchange.exportPackage', input)).base64;
}

/** `to` enrols `from`'s key card. */
export async function enrol(to: Backend, from: Backend): Promise<void> {
  const card = await call(from, 'exchange.exportKeyCard', {});
  await call(to, 'exchange.enrolKeyCards', { files: [card] });
}
