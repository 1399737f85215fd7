/**
 * The passphrase of a .khbak: chosen when writing one ("Sao lưu ra USB", typed twice), asked when reading an
 * encrypted one. The screen says what it is: protection for a lost stick, not cơ yếu encryption.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const MIN_LENGTH = 8;

/** Writing a .khbak: encrypt or not (always when a plan has a secrecy mark), and the passphrase. */
export function UsbBackupModal(props: {
  opened: boolean;
  secretPlans: boolean;
  busy: boolean;
  onSave: (passphrase: string | undefined, includeOfficeKey: boolean) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [encrypt, setEncrypt] = useState(false);
  const [withKey, setWithKey] = useState(false);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  // The office key never leaves unencrypted.
  const mustEncrypt = props.secretPlans || withKey;
  const encrypting = mustEncrypt || encrypt;
  const tooShort = encrypting && first.length < MIN_LENGTH;
  const mismatch = encrypting && first !== second;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('backup.usbTitle')} size="lg">
      <Stack>
        <Text size="sm">{t('backup.usbExplain')}</Text>
        <Checkbox label={t('backup.includeKey')} description={t('backup.includeKeyHint')} checked={withKey} onChange={(e) => setWithKey(e.currentTarget.checked)} />
        <Checkbox
          label={t('backup.encrypt')}
          checked={encrypting}
          disabled={mustEncrypt}
          onChange={(e) => setEncrypt(e.currentTarget.checked)}
          description={withKey ? t('backup.encryptRequiredKey') : mustEncrypt ? t('backup.encryptRequired') : undefined}
        />
        {encrypting && (
          <>
            <PasswordInput label={t('backup.passphrase')} value={first} onChange={(e) => setFirst(e.currentTarget.value)} error={first && tooShort ? t('backup.passphraseShort', { count: MIN_LENGTH }) : undefined} />
            <PasswordInput label={t('backup.passphraseAgain')} value={second} onChange={(e) => setSecond(e.currentTarget.value)} error={second && mismatch ? t('backup.passphraseMismatch') : undefined} />
            <Alert color="blue">{t('backup.encryptNotice')}</Alert>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('actions.cancel')}
          </Button>
          <Button loading={props.busy} disabled={encrypting && (tooShort || mismatch)} onClick={() => props.onSave(encrypting ? first : undefined, withKey)}>
            {t('backup.usbSave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Reading an encrypted .khbak. */
export function AskPassphraseModal(props: { opened: boolean; busy: boolean; onSubmit: (passphrase: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('backup.askPassphraseTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit(value);
        }}
      >
        <Stack>
          <PasswordInput label={t('backup.passphrase')} value={value} onChange={(e) => setValue(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={props.busy} disabled={value.length < MIN_LENGTH}>
              {t('backup.open')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
