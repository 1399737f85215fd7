import type { BackupChannels } from '../../../shared/api/backup';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';

export const backupHandlers = (s: Services): Handlers<BackupChannels> => ({
  'backup.list': () => s.backups.list(),
  'backup.secretPlans': () => s.backups.secretPlans(),
  'backup.inspect': ({ name }) => s.backups.inspect(name),
  'backup.recovery': () => s.backups.recovery(),
  'backup.exportFile': ({ passphrase, includeOfficeKey }) => s.backups.exportFile(passphrase, includeOfficeKey),
  'backup.create': () => s.backups.create('manual'),
  'backup.stageFile': ({ base64, passphrase }) => s.backups.stageFile(Buffer.from(base64, 'base64'), passphrase),
  'backup.restore': ({ source }) => s.backups.restore(source),
});
