import { z } from 'zod';
import { nfcString, requiredText, uuid, isoTimestamp } from './common';
import { FIELD_FORMS } from './field-forms';

/** Signature preset: how a document of this issuer is signed. */
export const SignatureAuthority = z.enum(['T/M', 'K/T', 'T/L', '']);
export type SignatureAuthority = z.infer<typeof SignatureAuthority>;

export const Signature = z.object({
  /** T/M, K/T, T/L or '' (a person signing in their own name). */
  authority: SignatureAuthority,
  /** The body after the authority: "BAN THƯỜNG VỤ", "TỈNH ỦY", "TRƯỞNG BAN". Empty when authority is ''. */
  body: nfcString(200),
  /** Title of the signer: "BÍ THƯ", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC". */
  title: nfcString(200),
  /** Signer's full name, no academic titles. */
  signer: nfcString(200),
});
export type Signature = z.infer<typeof Signature>;

/** The issuing body as it appears in the left column of the header. */
export const Issuer = z.object({
  /** Higher bodies above the issuer, top first, e.g. ["ĐẢNG BỘ TỈNH ĐIỆN BIÊN"]. Printed regular. */
  higherLines: z.array(requiredText(200)).max(3),
  /** The issuing body, e.g. "HUYỆN ỦY ĐIỆN BIÊN". Printed bold. */
  name: requiredText(200),
  /** Issuer symbol used in the number: HU, TU, ĐU, BTCTW, ... free text. */
  symbol: requiredText(20).pipe(z.string().regex(FIELD_FORMS.issuerSymbol, { message: 'Ký hiệu chỉ gồm chữ in hoa và số, ví dụ HU, TU, ĐU' })),
});
export type Issuer = z.infer<typeof Issuer>;

/**
 * The issuer's level: tỉnh ủy; huyện ủy (until 30/6/2025); đảng ủy xã, phường; đảng ủy cơ sở of an agency, enterprise or
 * school; chi bộ (trực thuộc đảng ủy cơ sở, or chi bộ cơ sở); an advisory body (ban); the Centre; other.
 */
export const IssuerLevel = z.enum(['tinh-uy', 'huyen-uy', 'dang-uy-xa', 'dang-uy-co-so', 'chi-bo', 'ban', 'trung-uong', 'khac']);
export type IssuerLevel = z.infer<typeof IssuerLevel>;

/** The office's own issuer profile. */
export const SelfProfile = z.object({
  issuer: Issuer,
  level: IssuerLevel,
  /** Place name used in the date line: "Điện Biên". */
  place: requiredText(100),
  /** Committee term used by the outgoing-number register, e.g. "2025-2030". */
  term: requiredText(20).pipe(z.string().regex(/^\d{4}\s*-\s*\d{4}$/, { message: 'Nhiệm kỳ có dạng 2025-2030' })),
  signature: Signature,
  /** Extra signature presets the office uses (deputy, office chief...). */
  signaturePresets: z.array(Signature).max(20).default([]),
  /** The archive line for nơi nhận: "Lưu Văn phòng Huyện ủy". */
  archiveRecipient: requiredText(200),
});
export type SelfProfile = z.infer<typeof SelfProfile>;

export const OrgKind = z.enum(['cap-tren', 'ban-dang', 'co-so', 'chinh-quyen', 'doan-the', 'ca-nhan', 'khac']);
export type OrgKind = z.infer<typeof OrgKind>;

/** A unit in the directory: a recipient body, a body given tasks, a pilot unit. */
export const OrgInput = z.object({
  id: uuid.optional(),
  name: requiredText(300),
  shortName: nfcString(100).default(''),
  kind: OrgKind,
  notes: nfcString(1000).default(''),
  /** Chia sẻ khi trao đổi: every exchange package carries it (absent: kept as it was, false for a new entry). */
  shared: z.boolean().optional(),
});
export type OrgInput = z.input<typeof OrgInput>;

export const Org = z.object({
  id: uuid,
  name: z.string(),
  shortName: z.string(),
  kind: OrgKind,
  notes: z.string(),
  /** Chia sẻ khi trao đổi. */
  shared: z.boolean(),
  /** Received from another office (its owner's; never sent on as ours): that office's name, else null. */
  receivedFrom: z.string().nullable(),
  revision: z.number().int(),
  updatedAt: isoTimestamp,
});
export type Org = z.infer<typeof Org>;
