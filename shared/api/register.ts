import { z } from 'zod';
import { PlanDate, PlanStatus, uuid } from '../model';
import { query } from './contract';

/** Filters of the outgoing-number book; each one left out means "all". */
export const RegisterListInput = z
  .object({
    term: z.string().max(20).optional(),
    symbol: z.string().max(20).optional(),
    docType: z.string().max(20).optional(),
  })
  .strict();
export type RegisterListInput = z.input<typeof RegisterListInput>;

export const RegisterEntry = z.object({
  id: z.string(),
  symbol: z.string(),
  docType: z.string(),
  term: z.string(),
  /** As printed: "01", "315". */
  number: z.string(),
  allocatedAt: z.string(),
  /** The plan holding the number: null once the plan no longer exists at all. */
  plan: z
    .object({
      id: uuid,
      trichYeu: z.string(),
      /** The number the plan carries now (normally the allocated one). */
      number: z.string(),
      date: PlanDate,
      status: PlanStatus,
      /** Set when the plan is in the bin: its number stays taken. */
      deletedAt: z.string().nullable(),
    })
    .nullable(),
});
export type RegisterEntry = z.infer<typeof RegisterEntry>;

export const RegisterListOutput = z.object({
  entries: z.array(RegisterEntry),
  /** Every term, symbol and document type the book holds (newest term first), for the filters. */
  terms: z.array(z.string()),
  symbols: z.array(z.string()),
  docTypes: z.array(z.string()),
});
export type RegisterListOutput = z.infer<typeof RegisterListOutput>;

export const registerChannels = {
  /** Sổ văn bản đi: every allocated number, per issuer symbol + document type + term, with its plan. */
  'register.list': query({ input: RegisterListInput, output: RegisterListOutput }),
} as const;
export type RegisterChannels = typeof registerChannels;
