import type { RegisterChannels } from '../../../shared/api';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';

export const registerHandlers = ({ registerBook }: Services): Handlers<RegisterChannels> => ({
  'register.list': (filter) => registerBook.list(filter),
});
