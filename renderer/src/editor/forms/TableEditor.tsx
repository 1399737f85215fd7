/**
 * Appendix table editor: header rows (bold, repeated on every page) and body rows, merged cells through
 * colSpan/rowSpan (merge right, merge down, split), multi-paragraph cells (one paragraph per line),
 * per-cell alignment and bold, relative column widths.
 */
import { ActionIcon, Button, Group, Menu, NumberInput, ScrollArea, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppendixTable, TableCell, TableRow } from '../../../../shared/model';
import { useEdit, pathKey, useFinding, type FieldPath } from '../state/context';
import { newRow } from '../model/blocks';
import { moveItem } from '../model/list';
import { canMergeDown, canMergeRight, insertColumn, insertRow, mergeDown, mergeRight, removeColumn, removeRow, rowProblems, splitCell } from '../model/table';

type Part = 'headerRows' | 'rows';

interface Props {
  table: AppendixTable;
  onChange: (update: (table: AppendixTable) => AppendixTable) => void;
  path: FieldPath;
  name: string;
}

export function TableEditor({ table, onChange, path, name }: Props) {
  const { t } = useTranslation('editor');
  const { readOnly } = useEdit();
  const columns = table.columnWidths.length;
  const total = table.columnWidths.reduce((a, b) => a + b, 0) || 1;
  const setRows = (part: Part, update: (rows: TableRow[]) => TableRow[]) => onChange((tb) => ({ ...tb, [part]: update(tb[part]) }));
  const problems = { headerRows: rowProblems(table.headerRows, columns), rows: rowProblems(table.rows, columns) };

  const renderPart = (part: Part) =>
    table[part].map((row, r) => (
      <tr key={`${part}-${r}`} className={part === 'headerRows' ? 'kh-table-header-row' : undefined}>
        {row.cells.map((cell, i) => (
          <td key={i} colSpan={cell.colSpan} rowSpan={cell.rowSpan} style={{ verticalAlign: 'top', padding: 2, border: '1px solid var(--mantine-color-gray-4)' }}>
            <CellEditor
              cell={cell}
              path={[...path, part, r, 'cells', i, 'paragraphs']}
              label={t('table.cellLabel', { part: t(part === 'headerRows' ? 'table.header' : 'table.body'), row: r + 1, cell: i + 1 })}
              onChange={(update) =>
                setRows(part, (rows) => rows.map((rw, rr) => (rr === r ? { cells: rw.cells.map((c, ii) => (ii === i ? update(c) : c)) } : rw)))
              }
              canMergeRight={canMergeRight(table[part], columns, r, i)}
              canMergeDown={canMergeDown(table[part], columns, r, i)}
              onMergeRight={() => setRows(part, (rows) => mergeRight(rows, columns, r, i))}
              onMergeDown={() => setRows(part, (rows) => mergeDown(rows, columns, r, i))}
              onSplit={() => setRows(part, (rows) => splitCell(rows, columns, r, i))}
            />
          </td>
        ))}
        {!readOnly && (
          <td style={{ verticalAlign: 'top', width: 1, whiteSpace: 'nowrap' }}>
            <Group gap={0} wrap="nowrap">
              <ActionIcon size="sm" variant="subtle" aria-label={t('table.rowUp', { n: r + 1 })} disabled={r === 0} onClick={() => setRows(part, (rows) => moveItem(rows, r, -1))}>
                ↑
              </ActionIcon>
              <ActionIcon size="sm" variant="subtle" aria-label={t('table.rowDown', { n: r + 1 })} disabled={r >= table[part].length - 1} onClick={() => setRows(part, (rows) => moveItem(rows, r, 1))}>
                ↓
              </ActionIcon>
              <ActionIcon size="sm" variant="subtle" aria-label={t('table.rowInsertBelow', { n: r + 1 })} onClick={() => setRows(part, (rows) => insertRow(rows, columns, r + 1, part === 'headerRows'))}>
                +
              </ActionIcon>
              <ActionIcon
                size="sm"
                variant="subtle"
                color="red"
                aria-label={t('table.rowRemove', { n: r + 1 })}
                disabled={part === 'rows' && table.rows.length <= 1}
                onClick={() => setRows(part, (rows) => (rows.length <= 1 && part === 'headerRows' ? [] : removeRow(rows, columns, r)))}
              >
                ✕
              </ActionIcon>
            </Group>
            {problems[part].includes(r) && (
              <Text size="xs" c="orange" role="alert">
                {t('table.rowShape')}
              </Text>
            )}
          </td>
        )}
      </tr>
    ));

  return (
    <Stack gap="xs" aria-label={name} role="group">
      <Group gap="xs" align="flex-end">
        <Text size="sm" fw={500}>
          {t('table.columnWidths')}
        </Text>
        {table.columnWidths.map((w, c) => (
          <Group key={c} gap={2} align="flex-end" wrap="nowrap">
            <NumberInput
              w={70}
              size="xs"
              aria-label={t('table.columnWidth', { n: c + 1 })}
              min={1}
              max={1000}
              allowDecimal={false}
              readOnly={readOnly}
              value={w}
              onChange={(v) => {
                const n = Number(v);
                if (Number.isFinite(n) && n >= 1) onChange((tb) => ({ ...tb, columnWidths: tb.columnWidths.map((x, i) => (i === c ? n : x)) }));
              }}
            />
            {!readOnly && (
              <Menu withinPortal>
                <Menu.Target>
                  <ActionIcon size="sm" variant="subtle" aria-label={t('table.columnMenu', { n: c + 1 })}>
                    ⋮
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => onChange((tb) => insertColumn(tb, c))}>{t('table.columnInsertLeft')}</Menu.Item>
                  <Menu.Item onClick={() => onChange((tb) => insertColumn(tb, c + 1))}>{t('table.columnInsertRight')}</Menu.Item>
                  <Menu.Item color="red" disabled={columns <= 1} onClick={() => onChange((tb) => removeColumn(tb, c))}>
                    {t('table.columnRemove')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        ))}
      </Group>
      <ScrollArea type="auto">
        <table style={{ borderCollapse: 'collapse', width: '100%', minWidth: columns * 140, tableLayout: 'fixed' }}>
          <colgroup>
            {table.columnWidths.map((w, c) => (
              <col key={c} style={{ width: `${(w / total) * 100}%` }} />
            ))}
            {!readOnly && <col style={{ width: 110 }} />}
          </colgroup>
          <thead>{renderPart('headerRows')}</thead>
          <tbody>{renderPart('rows')}</tbody>
        </table>
      </ScrollArea>
      {!readOnly && (
        <Group gap="xs">
          <Button size="xs" variant="light" disabled={table.headerRows.length >= 5} onClick={() => setRows('headerRows', (rows) => [...rows, newRow(columns, true)])}>
            {t('table.addHeaderRow')}
          </Button>
          <Button size="xs" variant="light" onClick={() => setRows('rows', (rows) => [...rows, newRow(columns)])}>
            {t('table.addRow')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

interface CellProps {
  cell: TableCell;
  path: FieldPath;
  label: string;
  onChange: (update: (c: TableCell) => TableCell) => void;
  canMergeRight: boolean;
  canMergeDown: boolean;
  onMergeRight: () => void;
  onMergeDown: () => void;
  onSplit: () => void;
}

function CellEditor({ cell, path, label, onChange, canMergeRight, canMergeDown, onMergeRight, onMergeDown, onSplit }: CellProps) {
  const { t } = useTranslation('editor');
  const { readOnly } = useEdit();
  const finding = useFinding(path);
  const merged = cell.colSpan > 1 || cell.rowSpan > 1;
  return (
    <Stack gap={0}>
      <Textarea
        aria-label={label}
        autosize
        minRows={1}
        maxRows={20}
        variant="unstyled"
        readOnly={readOnly}
        error={finding?.message}
        data-path={pathKey(path)}
        styles={{ input: { fontWeight: cell.bold ? 700 : 400, textAlign: cell.align === 'center' ? 'center' : 'left', padding: 4 } }}
        value={cell.paragraphs.join('\n')}
        onChange={(e) => {
          const paragraphs = e.currentTarget.value.split('\n').slice(0, 200);
          onChange((c) => ({ ...c, paragraphs }));
        }}
      />
      {!readOnly && (
        <Group gap={2} justify="flex-end">
          {merged && (
            <Text size="xs" c="dimmed">
              {t('table.spanInfo', { cols: cell.colSpan, rows: cell.rowSpan })}
            </Text>
          )}
          <Menu withinPortal position="bottom-end">
            <Menu.Target>
              <Tooltip label={t('table.cellMenu')} openDelay={400}>
                <ActionIcon size="xs" variant="subtle" aria-label={t('table.cellMenuNamed', { name: label })}>
                  ⋯
                </ActionIcon>
              </Tooltip>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item disabled={!canMergeRight} onClick={onMergeRight}>
                {t('table.mergeRight')}
              </Menu.Item>
              <Menu.Item disabled={!canMergeDown} onClick={onMergeDown}>
                {t('table.mergeDown')}
              </Menu.Item>
              <Menu.Item disabled={!merged} onClick={onSplit}>
                {t('table.split')}
              </Menu.Item>
              <Menu.Divider />
              {(['left', 'center', 'justify'] as const).map((a) => (
                <Menu.Item key={a} onClick={() => onChange((c) => ({ ...c, align: a }))} rightSection={cell.align === a ? '✓' : null}>
                  {t(`table.align.${a}`)}
                </Menu.Item>
              ))}
              <Menu.Item onClick={() => onChange((c) => ({ ...c, bold: !c.bold }))} rightSection={cell.bold ? '✓' : null}>
                {t('table.bold')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      )}
    </Stack>
  );
}
