/** Move up / move down / remove buttons for one item of an ordered list (references, units, tasks, rows…). */
import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEdit } from '../state/context';

interface Props {
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  onRemove?: () => void;
  /** What the item is, for the buttons' accessible names ("Căn cứ 2"). */
  name: string;
  children?: React.ReactNode;
}

export function ItemControls({ index, count, onMove, onRemove, name, children }: Props) {
  const { t } = useTranslation('editor');
  const { readOnly } = useEdit();
  if (readOnly) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {children}
      <Tooltip label={t('list.moveUp')} openDelay={400}>
        <ActionIcon variant="subtle" aria-label={t('list.moveUpNamed', { name })} disabled={index === 0} onClick={() => onMove(-1)}>
          ↑
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('list.moveDown')} openDelay={400}>
        <ActionIcon variant="subtle" aria-label={t('list.moveDownNamed', { name })} disabled={index >= count - 1} onClick={() => onMove(1)}>
          ↓
        </ActionIcon>
      </Tooltip>
      {onRemove && (
        <Tooltip label={t('list.remove')} openDelay={400}>
          <ActionIcon variant="subtle" color="red" aria-label={t('list.removeNamed', { name })} onClick={onRemove}>
            ✕
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
