/**
 * The app's one confirmation dialog, asked as a promise: `if (await confirm({...})) …`. In-app (no native
 * window.confirm: it blocks and cannot be styled or translated). `items` lists what the question is about
 * (e.g. the errors a draft still has).
 */
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { Button, Group, List, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ConfirmOptions {
  title: string;
  message: string;
  /** Shown as a list under the message. */
  items?: string[];
  /** More about what confirming does, under the list (e.g. the tasks issuing a plan creates). */
  details?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
}

type Ask = (options: ConfirmOptions) => Promise<boolean>;

const ConfirmContext = createContext<Ask>(async () => false);

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
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
      {/* Above drawers and other modals (Mantine's default is 200 for all): a question asked from inside the
          history drawer must be on top of it, not under its overlay. */}
      <Modal
        opened={options !== null}
        onClose={() => close(false)}
        title={options?.title}
        centered
        size={options?.items?.length || options?.details ? 'lg' : 'md'}
        zIndex={300}
      >
        <Stack gap="sm">
          <Text size="sm">{options?.message}</Text>
          {options?.items && options.items.length > 0 && (
            <ScrollArea.Autosize mah={260} type="auto">
              <List size="sm" spacing={4} aria-label={options.title}>
                {options.items.map((item, i) => (
                  <List.Item key={i}>{item}</List.Item>
                ))}
              </List>
            </ScrollArea.Autosize>
          )}
          {options?.details}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => close(false)}>
              {t('actions.cancel')}
            </Button>
            <Button color={options?.danger ? 'red' : undefined} onClick={() => close(true)} data-autofocus>
              {options?.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </ConfirmContext.Provider>
  );
}

export const useConfirm = (): Ask => useContext(ConfirmContext);
