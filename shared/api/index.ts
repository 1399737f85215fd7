/**
 * The one IPC contract: every channel maps to a zod schema for its input and its output, and says whether it is a
 * query or a command (and what a command makes stale). Each feature declares its channels in its own file in this
 * folder; they are merged here into `channels`. Preload, main, backend, renderer client and web harness all derive
 * from this map.
 */
import { appChannels } from './app';
import { backupChannels } from './backup';
import type { ChannelDef, ChannelMap, CommandDef, InputOf, OutputOf, ParsedInputOf } from './contract';
import { validationError, type ApiError } from './errors';
import { exchangeChannels } from './exchange';
import { fileChannels, type FileChannel } from './file';
import { importChannels } from './import';
import { orgChannels } from './org';
import { plansChannels } from './plans';
import { registerChannels } from './register';
import { reportsChannels } from './reports';
import { settingsChannels } from './settings';
import { tasksChannels } from './tasks';
import { templatesChannels } from './templates';

export * from './app';
export * from './backup';
export * from './contract';
export * from './errors';
export * from './exchange';
export * from './file';
export * from './import';
export * from './invalidation';
export * from './org';
export * from './plans';
export * from './register';
export * from './reports';
export * from './settings';
export * from './tasks';
export * from './templates';

/** The channels of each feature (one file each in shared/api/). Adding a feature = one import and one entry here. */
export const features = {
  app: appChannels,
  org: orgChannels,
  settings: settingsChannels,
  plans: plansChannels,
  import: importChannels,
  register: registerChannels,
  reports: reportsChannels,
  templates: templatesChannels,
  backup: backupChannels,
  tasks: tasksChannels,
  exchange: exchangeChannels,
  file: fileChannels,
} as const satisfies Record<string, ChannelMap>;

type Features = typeof features;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type AllChannels = UnionToIntersection<Features[keyof Features]>;
type MergedChannels = { readonly [C in keyof AllChannels]: AllChannels[C] };

/** Every feature's channels in one map; a channel name declared by two features is a start-up error. */
function mergeFeatures(all: Features): MergedChannels {
  const merged: Record<string, ChannelDef> = {};
  for (const [feature, map] of Object.entries(all)) {
    for (const [name, def] of Object.entries(map)) {
      if (Object.hasOwn(merged, name)) throw new Error(`Channel ${name} is declared twice (again in ${feature})`);
      merged[name] = def;
    }
  }
  return merged as MergedChannels;
}

export const channels = mergeFeatures(features);

export type Channels = typeof channels;
export type Channel = keyof Channels;
/** The channels the backend answers: all but the file channels, which main answers itself (shared/api/file.ts). */
export type BackendChannels = Omit<Channels, FileChannel>;
export type BackendChannel = keyof BackendChannels;
/** What a caller passes (before defaults and transforms). */
export type Input<C extends Channel> = InputOf<Channels[C]>;
/** What a handler receives (after validation). */
export type ParsedInput<C extends Channel> = ParsedInputOf<Channels[C]>;
export type Output<C extends Channel> = OutputOf<Channels[C]>;

/** The reads: cached by the renderer under [channel, input]. */
export type QueryChannel = { [C in Channel]: Channels[C]['kind'] extends 'query' ? C : never }[Channel];
/** The writes: `invalidations` (invalidation.ts) names the queries each makes stale. */
export type CommandChannel = Exclude<Channel, QueryChannel>;

export const isChannel = (name: unknown): name is Channel => typeof name === 'string' && Object.hasOwn(channels, name);

export const isCommand = (def: ChannelDef): def is CommandDef => def.kind === 'command';

export type InvokeResult<C extends Channel> = { ok: true; data: Output<C> } | { ok: false; error: ApiError };

/** The only thing the preload exposes (and the web harness shims) as window.kehoach. */
export interface KehoachBridge {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<InvokeResult<C>>;
}

/** A channel name for a message: the string itself (cut short), or what kind of value came instead. */
const describeChannel = (channel: unknown): string =>
  typeof channel === 'string' ? channel.slice(0, 80) : `(không phải tên kênh: ${channel === null ? 'null' : typeof channel})`;

export type ParsedCall = { ok: true; channel: Channel; input: ParsedInput<Channel> } | { ok: false; error: ApiError };

/**
 * Check a raw call against the contract: the channel must exist and the input must match its schema (a missing
 * input counts as `{}`). Returns the parsed input or the contract's error (UNKNOWN_CHANNEL, VALIDATION).
 */
export function parseCall(channel: unknown, input: unknown): ParsedCall {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Kênh không tồn tại: ${describeChannel(channel)}` } };
  }
  const parsed = channels[channel].input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  return { ok: true, channel, input: parsed.data as ParsedInput<Channel> };
}
