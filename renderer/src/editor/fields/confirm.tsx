/** An in-app confirmation dialog (no native window.confirm: it blocks and cannot be styled or translated). */
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ConfirmOptions {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
}

type Ask = (options: ConfirmOptions) => Promise<boolean>;

const ConfirmContext = createContext<Ask>(async () => false);

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('editor');
  const [options, setOptions] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const ask = useCallback<Ask>(
    (o) =>
      new Promise<boolean>((resolve) => {
        resolver.current?.(false);
        resolver.current = resolve;
        setOptions(o);
      }),
    [],
  );
  const close = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setOptions(null);
  };
  return (
    <ConfirmContext.Provider value={ask}>
      {children}
      <Modal opened={options !== null} onClose={() => close(false)} title={options?.title} centered>
        <Text size="sm">{options?.message}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => close(false)}>
            {t('confirm.cancel')}
          </Button>
          <Button color={options?.danger ? 'red' : undefined} onClick={() => close(true)} data-autofocus>
            {options?.confirmLabel}
          </Button>
        </Group>
      </Modal>
    </ConfirmContext.Provider>
  );
}

export const useConfirm = (): Ask => useContext(ConfirmContext);
