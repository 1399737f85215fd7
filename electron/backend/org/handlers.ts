import type { OrgChannels } from '../../../shared/api';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';

export const orgHandlers = ({ settings, orgs }: Services): Handlers<OrgChannels> => ({
  'org.getSelf': () => settings.getSelf(),
  'org.saveSelf': (profile) => settings.saveSelf(profile),
  'org.list': ({ query, kind }) => orgs.list(query, kind),
  'org.save': (input) => orgs.save(input),
  'org.remove': ({ id }) => (orgs.remove(id), { ok: true }),
});
