/** The exchange's verdicts and standings in the clerk's words, with their colours. */
import type { TFunction } from 'i18next';
import type { KeyStanding, RecordKind, RecordVerdict } from '../../../../shared/api';

export const verdictLabels = (t: TFunction): Record<RecordVerdict, string> => ({
  new: t('exchange.verdict.new'),
  update: t('exchange.verdict.update'),
  same: t('exchange.verdict.same'),
  conflict: t('exchange.verdict.conflict'),
  refused: t('exchange.verdict.refused'),
});

export const verdictColor: Record<RecordVerdict, string> = { new: 'green', update: 'blue', same: 'gray', conflict: 'orange', refused: 'red' };

export const standingLabels = (t: TFunction): Record<KeyStanding, string> => ({
  self: t('exchange.standing.self'),
  trusted: t('exchange.standing.trusted'),
  unknown: t('exchange.standing.unknown'),
  changed: t('exchange.standing.changed'),
  revoked: t('exchange.standing.revoked'),
});

export const standingColor: Record<KeyStanding, string> = { self: 'gray', trusted: 'green', unknown: 'yellow', changed: 'orange', revoked: 'red' };

export const recordKindLabels = (t: TFunction): Record<RecordKind, string> => ({
  plan: t('exchange.kind.plan'),
  task: t('exchange.kind.task'),
  report: t('exchange.kind.report'),
  org: t('exchange.kind.org'),
});
