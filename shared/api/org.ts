import { z } from 'zod';
import { Org, OrgInput, OrgKind, SelfProfile } from '../model';
import { ById, Empty, Ok } from './common';
import { command, query } from './contract';

/** The office's own profile and the directory of units. */
export const orgChannels = {
  'org.getSelf': query({ input: Empty, output: SelfProfile.nullable() }),
  'org.saveSelf': command({ input: SelfProfile, output: SelfProfile }),
  'org.list': query({ input: z.object({ query: z.string().max(200).default(''), kind: OrgKind.optional() }).strict(), output: z.array(Org) }),
  'org.save': command({ input: OrgInput, output: Org }),
  'org.remove': command({ input: ById, output: Ok }),
} as const;
export type OrgChannels = typeof orgChannels;
