/** Two or more offices for exchange tests: backends on their own data folders, plans that lint clean. */
import { cpSync } from 'node:fs';
import type { Backend } from '../../../electron/backend';
import type { SelfProfile } from '../../../shared/model';
import { DANG_UY } from '../fixtures/drafts';
import { profile } from '../fixtures/profile';
import { call, openBackend, tempDir } from '../helpers';

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

/**
 * One commune office installed on two computers: on the first, `makePlans` drafts its plans and the province (which
 * trusts it) imports them; then the first computer's data folder is copied to the second. Both stay open.
 */
export async function officeOnTwoComputers<T>(makePlans: (commune: Backend) => Promise<T>) {
  const firstDir = tempDir();
  const commune = openBackend(firstDir);
  const province = openBackend();
  await call(commune, 'org.saveSelf', communeProfile);
  await enrol(province, commune);
  const plans = await makePlans(commune);
  await call(province, 'exchange.import', { base64: await exportFrom(commune) });
  commune.close();
  const secondDir = tempDir();
  cpSync(firstDir, secondDir, { recursive: true });
  return { province, first: openBackend(firstDir), second: openBackend(secondDir), firstDir, plans };
}
