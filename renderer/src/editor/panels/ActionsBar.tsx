/** Xuất .docx, In, Xuất PDF, Ban hành, Lập báo cáo (a KẾ HOẠCH), Lịch sử — with progress while each runs. */
import { Button, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  onExportDocx: () => void;
  exporting: boolean;
  onPrint: () => void;
  onPdf: () => void;
  printing: boolean;
  onIssue: () => void;
  issuing: boolean;
  canIssue: boolean;
  /** Why Ban hành is not possible now (lint errors remain), or null. */
  issueBlocked: string | null;
  onHistory: () => void;
  /** Lập báo cáo: offered on a KẾ HOẠCH only (absent on a BÁO CÁO). */
  onDraftReport?: (() => void) | undefined;
  draftingReport?: boolean;
}

export function ActionsBar(p: Props) {
  const { t } = useTranslation('editor');
  return (
    <Group gap="xs" wrap="wrap" role="toolbar" aria-label={t('actions.toolbar')}>
      <Button size="xs" variant="light" loading={p.exporting} onClick={p.onExportDocx}>
        {t('actions.exportDocx')}
      </Button>
      <Tooltip label={t('actions.printHint')} openDelay={300}>
        <Button size="xs" variant="light" loading={p.printing} onClick={p.onPrint}>
          {t('actions.print')}
        </Button>
      </Tooltip>
      <Tooltip label={t('actions.pdfHint')} openDelay={300} multiline w={260}>
        <Button size="xs" variant="light" loading={p.printing} onClick={p.onPdf}>
          {t('actions.exportPdf')}
        </Button>
      </Tooltip>
      {p.canIssue && (
        <Tooltip label={p.issueBlocked} disabled={!p.issueBlocked} multiline w={260}>
          {/* A disabled button gets no pointer events: the wrapper carries the tooltip and the reason. */}
          <span>
            <Button size="xs" color="green" loading={p.issuing} disabled={p.issueBlocked !== null} aria-describedby={p.issueBlocked ? 'kh-issue-blocked' : undefined} onClick={p.onIssue}>
              {t('actions.issue')}
            </Button>
            {p.issueBlocked && (
              <span id="kh-issue-blocked" hidden>
                {p.issueBlocked}
              </span>
            )}
          </span>
        </Tooltip>
      )}
      {p.onDraftReport && (
        <Tooltip label={t('actions.draftReportHint')} openDelay={300} multiline w={260}>
          <Button size="xs" variant="light" color="grape" loading={p.draftingReport} onClick={p.onDraftReport}>
            {t('actions.draftReport')}
          </Button>
        </Tooltip>
      )}
      <Button size="xs" variant="default" onClick={p.onHistory}>
        {t('actions.history')}
      </Button>
    </Group>
  );
}
