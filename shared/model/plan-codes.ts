/**
 * A plan's codes as plain lists, without zod: the start-up pages (the plans list) read them; the schemas in plan.ts
 * are built from the same lists.
 */

/** KH (KẾ HOẠCH) or BC (BÁO CÁO kết quả thực hiện kế hoạch). */
export const DOC_TYPES = ['KH', 'BC'] as const;
export const PLAN_STATUSES = ['draft', 'issued', 'archived'] as const;

export const isDocType = (value: string): value is (typeof DOC_TYPES)[number] => (DOC_TYPES as readonly string[]).includes(value);
export const isPlanStatus = (value: string): value is (typeof PLAN_STATUSES)[number] => (PLAN_STATUSES as readonly string[]).includes(value);
