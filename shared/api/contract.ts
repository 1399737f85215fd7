/**
 * The building blocks of the contract. Every channel is either a query (reads; the renderer caches it under
 * [channel, input]) or a command (writes; it names the queries its success makes stale). Feature files in this
 * folder declare their channels with `query(...)` and `command(...)`, so the type system knows the kind.
 */
import type { z } from 'zod';

type Schema = z.ZodType;

export interface QueryDef<I extends Schema = Schema, O extends Schema = Schema> {
  readonly kind: 'query';
  readonly input: I;
  readonly output: O;
}

export interface CommandDef<I extends Schema = Schema, O extends Schema = Schema, Q extends string = string> {
  readonly kind: 'command';
  readonly input: I;
  readonly output: O;
  /** The query channels a success makes stale (every input of each). `[]` only for a write nothing reads back. */
  readonly invalidates: readonly Q[];
  /** Query channels this command changes but deliberately does not invalidate, each with the reason. */
  readonly leavesAlone?: Readonly<Record<string, string>>;
}

export type ChannelDef = QueryDef | CommandDef;
export type ChannelMap = Readonly<Record<string, ChannelDef>>;

/** A read: no side effect, cached by the renderer. */
export function query<I extends Schema, O extends Schema>(def: { input: I; output: O }): QueryDef<I, O> {
  return { kind: 'query', input: def.input, output: def.output };
}

/** A write: names (by channel) the cached reads its success makes stale. */
export function command<I extends Schema, O extends Schema, const Q extends string>(def: {
  input: I;
  output: O;
  invalidates: readonly Q[];
  leavesAlone?: Readonly<Record<string, string>>;
}): CommandDef<I, O, Q> {
  return { kind: 'command', ...def };
}

/** What a caller passes (before defaults and transforms). */
export type InputOf<D extends ChannelDef> = z.input<D['input']>;
/** What a handler receives (after validation). */
export type ParsedInputOf<D extends ChannelDef> = z.output<D['input']>;
export type OutputOf<D extends ChannelDef> = z.output<D['output']>;
