import type { ExchangeChannels } from '../../../shared/api/exchange';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';

const bytesOf = (base64: string) => Buffer.from(base64, 'base64');

export const exchangeHandlers = ({ exchange, trust, exchangeRecords, reportGrid }: Services): Handlers<ExchangeChannels> => ({
  'exchange.identity': () => exchange.identityInfo(),
  'exchange.exportKeyCard': () => exchange.exportKeyCard(),
  'exchange.replaceKey': () => exchange.replaceKey(),
  'exchange.trustList': () => trust.list(),
  'exchange.checkKeyCards': ({ files }) => exchange.checkKeyCards(files),
  'exchange.enrolKeyCards': ({ files, confirmChanged }) => exchange.enrolKeyCards(files, confirmChanged),
  'exchange.revokeKey': ({ officeId }) => trust.revoke(officeId),
  'exchange.linkOrg': ({ officeId, orgId }) => trust.link(officeId, orgId),
  'exchange.exportPackage': (input) => {
    const { bytes, ...out } = exchange.exportPackage(input);
    return { ...out, base64: bytes.toString('base64') };
  },
  'exchange.packageWritten': ({ packageId }) => exchange.packageWritten(packageId),
  'exchange.inspect': ({ base64, passphrase }) => exchange.inspect(bytesOf(base64), passphrase),
  'exchange.import': ({ base64, passphrase, trust: accept }) => exchange.importPackage(bytesOf(base64), { passphrase, trust: accept }),
  'exchange.importMany': ({ packages, trust: accept }) => exchange.importMany(packages, accept),
  'exchange.conflicts': () => exchange.conflicts(),
  'exchange.conflict': ({ copyId }) => exchange.conflict(copyId),
  'exchange.resolveConflict': ({ copyId, keep }) => exchange.resolveConflict(copyId, keep),
  'exchange.reportGrid': ({ planId, on }) => reportGrid(planId, on),
  'exchange.log': () => exchangeRecords.logLines(),
  'exchange.incoming': () => exchangeRecords.incomingLines(),
});
