import { Button, Checkbox, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { OrgInput, type Org } from '../../../../shared/model';
import { ApiCallError } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { notifyError, notifySuccess } from '../../app/notify';
import { apiErrorToFormErrors, zodResolver } from '../../forms/zodResolver';
import { orgKindLabels, toSelectData } from '../../i18n/labels';

const blankOrg = (): OrgInput => ({ name: '', shortName: '', kind: 'co-so', notes: '', shared: false });
/** A received entry is its owner's to share: its flag is left as it is. */
const toValues = (org: Org | null): OrgInput =>
  org
    ? { id: org.id, name: org.name, shortName: org.shortName, kind: org.kind, notes: org.notes, ...(org.receivedFrom === null ? { shared: org.shared } : {}) }
    : blankOrg();

/** Create (org = null) or edit one directory entry. The form starts fresh each time the dialog opens. */
export function OrgModal({ opened, org, onClose }: { opened: boolean; org: Org | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={org ? t('directory.editTitle') : t('directory.createTitle')} size="lg">
      {opened && <OrgForm key={org?.id ?? 'new'} org={org} onDone={onClose} />}
    </Modal>
  );
}

function OrgForm({ org, onDone }: { org: Org | null; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm<OrgInput>({ mode: 'controlled', initialValues: toValues(org), validate: zodResolver(OrgInput), validateInputOnBlur: true });
  const save = useApiMutation('org.save', { silent: true });

  const submit = form.onSubmit(async (values) => {
    try {
      await save.mutateAsync(values);
      notifySuccess(org ? t('directory.updated') : t('directory.created'));
      onDone();
    } catch (err) {
      if (err instanceof ApiCallError) form.setErrors(apiErrorToFormErrors(err.apiError));
      notifyError(err, t('directory.saveFailed'));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          withAsterisk
          data-autofocus
          label={t('directory.name')}
          description={t('directory.nameHint')}
          placeholder={t('directory.namePlaceholder')}
          {...form.getInputProps('name')}
        />
        <TextInput label={t('directory.shortName')} placeholder={t('directory.shortNamePlaceholder')} {...form.getInputProps('shortName')} />
        <NativeSelect label={t('directory.kind')} data={toSelectData(orgKindLabels(t))} {...form.getInputProps('kind')} />
        <Textarea label={t('directory.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        <Checkbox
          label={t('directory.shared')}
          description={org?.receivedFrom ? t('directory.sharedReceived', { name: org.receivedFrom }) : t('directory.sharedHint')}
          disabled={!!org?.receivedFrom}
          {...form.getInputProps('shared', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('directory.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
