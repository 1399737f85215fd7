/**
 * The printed form of the plan's short fields, once: the lint reports a stored value that breaks them, the editor
 * flags it while typing, the directory's schema refuses it. Terms capture the two years.
 */
export const FIELD_FORMS = {
  /** A document number: digits only, at most six ("05", "315"). */
  docNumber: /^\d{1,6}$/,
  /** An issuer symbol: capitals (Đ included) and digits ("HU", "TU", "ĐU"). */
  issuerSymbol: /^[A-ZĐ0-9]+$/u,
  /** The committee term of a plan and of the number register: "2025-2030". */
  planTerm: /^(\d{4})-(\d{4})$/,
  /** A pilot unit's term as printed: "2025 - 2030". */
  unitTerm: /^(\d{4}) - (\d{4})$/,
} as const;
