/**
 * The building blocks of the contract. Every channel is either a query (reads; the renderer caches it under
 * [channel, input]) or a command (writes; `invalidation.ts` names the queries its success makes stale). Feature files in this
 * folder declare their channels with `query(...)` and `command(...)`, so the type system knows the kind.
 */
import type { z } from 'zod';

type Schema = z.ZodType;

export interface QueryDef<I extends Schema = Schema, O extends Schema = Schema> {
  readonly kind: 'query';
  readonly input: I;
  readonly output: O;
}

/** What a command makes stale is declared apart from its schemas, in `invalidation.ts` (plain data the renderer loads without zod). */
export interface CommandDef<I extends Schema = Schema, O extends Schema = Schema> {
  readonly kind: 'command';
  readonly input: I;
  readonly output: O;
}

export type ChannelDef = QueryDef | CommandDef;
export type ChannelMap = Readonly<Record<string, ChannelDef>>;

/** A read: no side effect, cached by the renderer. */
export function query<I extends Schema, O extends Schema>(def: { input: I; output: O }): QueryDef<I, O> {
  return { kind: 'query', input: def.input, output: def.output };
}

/** A write. The cached reads its success makes stale are listed in `invalidation.ts`, by channel. */
export function command<I extends Schema, O extends Schema>(def: { input: I; output: O }): CommandDef<I, O> {
  return { kind: 'command', input: def.input, output: def.output };
}

/** What a caller passes (before defaults and transforms). */
export type InputOf<D extends ChannelDef> = z.input<D['input']>;
/** What a handler receives (after validation). */
export type ParsedInputOf<D extends ChannelDef> = z.output<D['input']>;
export type OutputOf<D extends ChannelDef> = z.output<D['output']>;
