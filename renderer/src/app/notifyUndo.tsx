import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

/** How long an undoable action can be taken back. */
export const UNDO_MS = 5000;

let nextId = 0;

/** A notification with an undo button, shown for UNDO_MS; the button runs `onUndo` and closes it. */
export function notifyUndoable({ message, undoLabel, onUndo }: { message: string; undoLabel: string; onUndo: () => void }): string {
  const id = `undo-${(nextId += 1)}`;
  notifications.show({
    id,
    autoClose: UNDO_MS,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{message}</Text>
        <Button
          size="xs"
          variant="light"
          onClick={() => {
            notifications.hide(id);
            onUndo();
          }}
        >
          {undoLabel}
        </Button>
      </Group>
    ),
  });
  return id;
}
