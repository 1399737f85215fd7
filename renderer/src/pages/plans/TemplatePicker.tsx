import { Alert, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../../shared/api';
import type { IssuerLevel } from '../../../../shared/model';
import { issuerLevelLabels } from '../../i18n/labels';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { PageLoader } from '../../app/AppLayout';

function TemplateCards({ templates, onPick, pendingId }: { templates: TemplateSummary[]; onPick: (id: string) => void; pendingId: string | null }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {templates.map((template) => (
        <Card key={template.id} withBorder padding="md" component="article" aria-label={template.name}>
          <Stack gap="xs" h="100%" justify="space-between">
            <div>
              <Text fw={600}>{template.name}</Text>
              <Text size="sm" c="dimmed">
                {template.description}
              </Text>
            </div>
            <Button
              size="xs"
              w="fit-content"
              variant="light"
              loading={pendingId === template.id}
              disabled={pendingId !== null && pendingId !== template.id}
              onClick={() => onPick(template.id)}
              aria-label={t('templates.useNamed', { name: template.name })}
            >
              {t('templates.use')}
            </Button>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** The picker's order of levels, from the province down to the chi bộ. */
const LEVEL_ORDER: IssuerLevel[] = ['tinh-uy', 'huyen-uy', 'dang-uy-xa', 'dang-uy-co-so', 'chi-bo', 'ban', 'trung-uong', 'khac'];

/** Blank templates grouped by the level they are written for, each group under the level's name. */
function BlankByLevel({ templates, onPick, pendingId }: { templates: TemplateSummary[]; onPick: (id: string) => void; pendingId: string | null }) {
  const { t } = useTranslation();
  const labels = issuerLevelLabels(t);
  return (
    <Stack gap="sm">
      {LEVEL_ORDER.filter((level) => templates.some((x) => x.level === level)).map((level) => (
        <Stack gap={4} key={level} role="group" aria-label={labels[level]}>
          <Text size="sm" fw={600} c="dimmed">
            {labels[level]}
          </Text>
          <TemplateCards templates={templates.filter((x) => x.level === level)} onPick={onPick} pendingId={pendingId} />
        </Stack>
      ))}
    </Stack>
  );
}

/** "Tạo kế hoạch": pick a template (a seed plan or a blank one per issuer level), create the plan, open it. */
export function TemplatePicker({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const templates = useApiQuery('template.list', {}, { enabled: opened, staleTime: Infinity });
  const instantiate = useApiMutation('template.instantiate', {
    onSuccess: (plan) => {
      onClose();
      void navigate(`/plans/${plan.id}`);
    },
  });
  const pendingId = instantiate.isPending ? (instantiate.variables?.templateId ?? null) : null;
  const pick = (templateId: string) => instantiate.mutate({ templateId });
  const blank = templates.data?.filter((x) => x.kind === 'blank') ?? [];
  const seeds = templates.data?.filter((x) => x.kind === 'seed') ?? [];

  return (
    <Modal opened={opened} onClose={onClose} title={t('templates.title')} size="xl">
      {templates.isPending ? (
        <PageLoader />
      ) : templates.isError ? (
        <Alert color="red" title={t('errors.loadFailed')}>
          {errorMessage(templates.error)}
        </Alert>
      ) : (
        <Stack>
          <Text size="sm" c="dimmed">
            {t('templates.hint')}
          </Text>
          {blank.length > 0 && (
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('templates.blank')}
              </Title>
              <BlankByLevel templates={blank} onPick={pick} pendingId={pendingId} />
            </Stack>
          )}
          {seeds.length > 0 && (
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('templates.seeds')}
              </Title>
              <TemplateCards templates={seeds} onPick={pick} pendingId={pendingId} />
            </Stack>
          )}
          {templates.data.length === 0 && <Text>{t('templates.none')}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
