/**
 * Translated labels for the model's enums. Written as literal t('…') calls so the key test sees them.
 */
import type { TFunction } from 'i18next';
import type { IssuerLevel, OrgKind, PlanStatus, SignatureAuthority } from '../../../shared/model';

export const issuerLevelLabels = (t: TFunction): Record<IssuerLevel, string> => ({
  'tinh-uy': t('level.tinhUy'),
  'huyen-uy': t('level.huyenUy'),
  'dang-uy-xa': t('level.dangUyXa'),
  'dang-uy-co-so': t('level.dangUyCoSo'),
  'chi-bo': t('level.chiBo'),
  ban: t('level.ban'),
  'trung-uong': t('level.trungUong'),
  khac: t('level.khac'),
});

export const orgKindLabels = (t: TFunction): Record<OrgKind, string> => ({
  'cap-tren': t('orgKind.capTren'),
  'ban-dang': t('orgKind.banDang'),
  'co-so': t('orgKind.coSo'),
  'chinh-quyen': t('orgKind.chinhQuyen'),
  'doan-the': t('orgKind.doanThe'),
  'ca-nhan': t('orgKind.caNhan'),
  khac: t('orgKind.khac'),
});

export const planStatusLabels = (t: TFunction): Record<PlanStatus, string> => ({
  draft: t('planStatus.draft'),
  issued: t('planStatus.issued'),
  archived: t('planStatus.archived'),
});

export const signatureAuthorityLabels = (t: TFunction): Record<SignatureAuthority, string> => ({
  'T/M': t('authority.tm'),
  'K/T': t('authority.kt'),
  'T/L': t('authority.tl'),
  '': t('authority.none'),
});

/** [value, label] pairs for a Select, in the enum's order. */
export const toSelectData = <V extends string>(labels: Record<V, string>) =>
  (Object.entries(labels) as [V, string][]).map(([value, label]) => ({ value, label }));
