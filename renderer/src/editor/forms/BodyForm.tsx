/**
 * Nội dung: the body tree. Sections (numbered headings or run-in numbered paragraphs) hold paragraphs, items
 * ("-" / "+"), notes ("*"), footnotes (inline [^…]) and the smart blocks (pilot units, pilot schedule, duty).
 * Every block can be moved up/down, indented into the section above it, outdented, or removed.
 */
import { createContext, memo, useContext, useRef, useState } from 'react';
import { ActionIcon, Badge, Button, Group, Menu, MultiSelect, NativeSelect, Paper, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppendixTable, Block, FormatProfile, PilotUnit, PlanContent } from '../../../../shared/model';
import { AreaField, SelectField, TextField, type PastedInField } from '../fields/fields';
import { useEdit } from '../state/context';
import { useConfirm } from '../../components/confirm';
import { createBlock, newBlockKinds, peopleToTable, type NewBlockKind } from '../model/blocks';
import { TableEditor } from './TableEditor';
import { PeopleEditor } from './PeopleEditor';
import { focusNewField } from '../model/tabs';
import { appendChild, indentBlock, insertAfter, moveBlock, outdentBlock, removeBlock, updateBlock } from '../../../../shared/model/tree';
import { splitPasteInBody } from '../model/paste';

interface BodyFormProps {
  body: Block[];
  pilotUnits: PilotUnit[];
  /** The profile this plan prints with (its own, else the office's). */
  profile: FormatProfile;
  /** The plan carries its own profile (else the office's applies). */
  ownProfile: boolean;
  /** Each numbered block's printed number, by block id (composeLayout). */
  numbers: Map<string, string>;
  onOpenTab: (tab: 'units' | 'duties') => void;
}

/** The printed numbers of the numbered blocks, for the rows to show. */
const NumbersContext = createContext<Map<string, string>>(new Map());

export const BodyForm = memo(function BodyForm({ body, pilotUnits, profile, ownProfile, numbers, onOpenTab }: BodyFormProps) {
  const { t } = useTranslation('editor');
  const { readOnly } = useEdit();
  return (
    <Stack gap="sm">
      <NumberingChoice profile={profile} ownProfile={ownProfile} />
      <Text size="xs" c="dimmed">
        {t('body.markupHint')}
      </Text>
      {body.length === 0 && (
        <Paper withBorder p="md">
          <Text size="sm">{t('body.empty')}</Text>
        </Paper>
      )}
      <NumbersContext.Provider value={numbers}>
        <BlockList blocks={body} parentId={null} prefix="body" depth={0} pilotUnits={pilotUnits} onOpenTab={onOpenTab} />
      </NumbersContext.Provider>
      {!readOnly && <AddMenu parentId={null} afterId={null} label={t('body.addAtEnd')} pilotUnits={pilotUnits} />}
    </Stack>
  );
});

/**
 * This plan's numbering: the top level ("I.", "I-", "1.") and the marker of each deeper level ("1.1.", "a)", "a.",
 * "-", "+"). A choice here gives the plan its own format profile (from the office's); the preview and the .docx follow.
 */
function NumberingChoice({ profile, ownProfile }: { profile: FormatProfile; ownProfile: boolean }) {
  const { t } = useTranslation('editor');
  const { edit, readOnly } = useEdit();
  const set = (patch: Partial<FormatProfile>) => edit((c) => ({ ...c, profile: { ...profile, ...patch } }));
  const deeper = (numbers: string) => [
    { value: numbers, label: t('body.numbering.numbers', { example: numbers }) },
    { value: 'a)', label: 'a) b) c)' },
    { value: 'a.', label: 'a. b. c.' },
    { value: '-', label: t('body.numbering.dash') },
    { value: '+', label: t('body.numbering.plus') },
  ];
  return (
    <Group gap="md" align="flex-end" data-testid="numbering-choice">
      <NativeSelect
        label={t('body.numbering.level1')}
        disabled={readOnly}
        value={profile.level1Style}
        onChange={(e) => set({ level1Style: e.currentTarget.value as FormatProfile['level1Style'] })}
        data={[
          { value: 'I.', label: 'I. II. III.' },
          { value: 'I-', label: 'I- II- III-' },
          { value: '1.', label: t('body.numbering.level1Number') },
        ]}
      />
      <NativeSelect
        label={t('body.numbering.level3')}
        disabled={readOnly}
        value={profile.level3Style}
        onChange={(e) => set({ level3Style: e.currentTarget.value as FormatProfile['level3Style'] })}
        data={deeper('1.1.')}
      />
      <NativeSelect
        label={t('body.numbering.level4')}
        disabled={readOnly}
        value={profile.level4Style}
        onChange={(e) => set({ level4Style: e.currentTarget.value as FormatProfile['level4Style'] })}
        data={deeper('1.1.1.')}
      />
      <Text size="xs" c="dimmed" maw={260}>
        {ownProfile ? t('body.numbering.own') : t('body.numbering.office')}
      </Text>
    </Group>
  );
}

interface ListProps {
  blocks: Block[];
  parentId: string | null;
  /** Path key of this list: "body" or "body.2.children". */
  prefix: string;
  depth: number;
  pilotUnits: PilotUnit[];
  onOpenTab: (tab: 'units' | 'duties') => void;
}

function BlockList({ blocks, prefix, depth, pilotUnits, onOpenTab }: ListProps) {
  return (
    <Stack gap="xs">
      {blocks.map((block, i) => (
        <BlockRow
          key={block.id}
          block={block}
          pathKey={`${prefix}.${i}`}
          index={i}
          count={blocks.length}
          prevIsSection={i > 0 && blocks[i - 1]?.kind === 'section'}
          depth={depth}
          pilotUnits={pilotUnits}
          onOpenTab={onOpenTab}
        />
      ))}
    </Stack>
  );
}

interface RowProps {
  block: Block;
  pathKey: string;
  index: number;
  count: number;
  prevIsSection: boolean;
  depth: number;
  pilotUnits: PilotUnit[];
  onOpenTab: (tab: 'units' | 'duties') => void;
}

const toPath = (key: string): (string | number)[] => key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** A short human name of a block, for buttons' accessible names ("Đề mục: MỤC ĐÍCH, YÊU CẦU"). */
function useBlockName() {
  const { t } = useTranslation('editor');
  return (block: Block, depth: number): string => {
    const kind = t(`body.kind.${blockKindKey(block)}`, { level: depth + 1 });
    const text = block.kind === 'section' ? block.title : 'text' in block ? block.text : block.kind === 'duty' ? block.body : '';
    const snippet = text.trim().slice(0, 40);
    return snippet ? `${kind}: ${snippet}` : kind;
  };
}

function blockKindKey(block: Block): string {
  switch (block.kind) {
    case 'section':
      return block.style === 'runin' ? 'runin' : 'heading';
    case 'item':
      return block.marker === '+' ? 'itemPlus' : 'itemDash';
    default:
      return block.kind;
  }
}

const BlockRow = memo(function BlockRow({ block, pathKey, index, count, prevIsSection, depth, pilotUnits, onOpenTab }: RowProps) {
  const { t } = useTranslation('editor');
  const { edit, readOnly } = useEdit();
  const nameOf = useBlockName();
  const confirm = useConfirm();
  const name = nameOf(block, depth);
  const path = toPath(pathKey);
  const number = useContext(NumbersContext).get(block.id);
  const change = (update: (b: Block) => Block) => edit((c: PlanContent) => ({ ...c, body: updateBlock(c.body, block.id, update) }));
  const tree = (op: (body: Block[]) => Block[]) => edit((c: PlanContent) => ({ ...c, body: op(c.body) }));

  return (
    <Paper
      withBorder
      p="xs"
      className="kh-block"
      data-block-id={block.id}
      data-block-kind={block.kind}
      style={{ borderLeftWidth: block.kind === 'section' ? 4 : 1 }}
      aria-label={name}
      role="group"
    >
      <Group justify="space-between" wrap="nowrap" mb={4}>
        <Group gap="xs" wrap="nowrap">
          <Badge variant="light" color={block.kind === 'section' ? 'blue' : ['pilotUnits', 'pilotSchedule', 'duty'].includes(block.kind) ? 'grape' : block.kind === 'table' || block.kind === 'people' ? 'teal' : 'gray'}>
            {t(`body.kind.${blockKindKey(block)}`, { level: depth + 1 })}
          </Badge>
          {number && block.kind !== 'pilotUnits' && (
            <Text size="sm" fw={700} data-testid="block-number">
              {number}
            </Text>
          )}
          {block.kind === 'section' && (
            <SegmentedControl
              size="xs"
              readOnly={readOnly}
              value={block.style}
              aria-label={t('body.sectionStyle')}
              onChange={(v) => change((b) => (b.kind === 'section' ? { ...b, style: v as 'heading' | 'runin' } : b))}
              data={[
                { value: 'heading', label: t('body.styleHeading') },
                { value: 'runin', label: t('body.styleRunin') },
              ]}
            />
          )}
        </Group>
        {!readOnly && (
          <Group gap={2} wrap="nowrap">
            <Tooltip label={t('body.moveUp')} openDelay={400}>
              <ActionIcon variant="subtle" aria-label={t('list.moveUpNamed', { name })} disabled={index === 0} onClick={() => tree((b) => moveBlock(b, block.id, -1))}>
                ↑
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('body.moveDown')} openDelay={400}>
              <ActionIcon variant="subtle" aria-label={t('list.moveDownNamed', { name })} disabled={index >= count - 1} onClick={() => tree((b) => moveBlock(b, block.id, 1))}>
                ↓
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('body.outdent')} openDelay={400}>
              <ActionIcon variant="subtle" aria-label={t('body.outdentNamed', { name })} disabled={depth === 0} onClick={() => tree((b) => outdentBlock(b, block.id))}>
                ←
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('body.indent')} openDelay={400}>
              <ActionIcon variant="subtle" aria-label={t('body.indentNamed', { name })} disabled={!prevIsSection} onClick={() => tree((b) => indentBlock(b, block.id))}>
                →
              </ActionIcon>
            </Tooltip>
            <AddMenu parentId={null} afterId={block.id} label={t('body.addAfter')} compact pilotUnits={pilotUnits} ownerName={name} />
            <Tooltip label={t('list.remove')} openDelay={400}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('list.removeNamed', { name })}
                onClick={async () => {
                  const big = block.kind === 'section' && block.children.length > 0;
                  const ok =
                    !big ||
                    (await confirm({
                      title: t('body.confirmRemoveTitle'),
                      message: t('body.confirmRemoveSection', { count: block.children.length }),
                      confirmLabel: t('list.remove'),
                      danger: true,
                    }));
                  if (ok) tree((b) => removeBlock(b, block.id));
                }}
              >
                ✕
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
      <BlockFields block={block} path={path} change={change} pilotUnits={pilotUnits} onOpenTab={onOpenTab} />
      {block.kind === 'section' && (
        <Stack gap="xs" mt="xs" pl="md" className="kh-children">
          <BlockList blocks={block.children} parentId={block.id} prefix={`${pathKey}.children`} depth={depth + 1} pilotUnits={pilotUnits} onOpenTab={onOpenTab} />
          {!readOnly && <AddMenu parentId={block.id} afterId={null} label={t('body.addInside')} pilotUnits={pilotUnits} ownerName={name} />}
        </Stack>
      )}
    </Paper>
  );
});

interface FieldsProps {
  block: Block;
  path: (string | number)[];
  change: (update: (b: Block) => Block) => void;
  pilotUnits: PilotUnit[];
  onOpenTab: (tab: 'units' | 'duties') => void;
}

function BlockFields({ block, path, change, pilotUnits, onOpenTab }: FieldsProps) {
  const { t } = useTranslation('editor');
  const { readOnly } = useEdit();
  const confirm = useConfirm();
  switch (block.kind) {
    case 'section':
      return (
        <Stack gap={6}>
          {block.style === 'heading' ? (
            <TextField
              path={[...path, 'title']}
              label={t('body.title')}
              value={block.title}
              onChange={(v) => change((b) => (b.kind === 'section' ? { ...b, title: v } : b))}
            />
          ) : (
            <TextArea blockId={block.id} path={[...path, 'title']} label={t('body.runinText')} value={block.title} onChange={(v) => change((b) => (b.kind === 'section' ? { ...b, title: v } : b))} />
          )}
        </Stack>
      );
    case 'paragraph':
      return (
        <Stack gap={6}>
          <TextArea blockId={block.id} path={[...path, 'text']} label={t('body.text')} value={block.text} onChange={(v) => change((b) => (b.kind === 'paragraph' ? { ...b, text: v } : b))} />
          <SelectField
            label={t('body.emphasis')}
            value={block.emphasis}
            data={[
              { value: 'none', label: t('body.emphasisNone') },
              { value: 'italic', label: t('body.emphasisItalic') },
              { value: 'italic-center', label: t('body.emphasisItalicCenter') },
            ]}
            onChange={(v) => change((b) => (b.kind === 'paragraph' ? { ...b, emphasis: v } : b))}
          />
        </Stack>
      );
    case 'item':
      return (
        <Group align="flex-start" wrap="nowrap">
          <SegmentedControl
            size="xs"
            mt={26}
            readOnly={readOnly}
            aria-label={t('body.marker')}
            value={block.marker}
            onChange={(v) => change((b) => (b.kind === 'item' ? { ...b, marker: v as '-' | '+' } : b))}
            data={[
              { value: '-', label: '-' },
              { value: '+', label: '+' },
            ]}
          />
          <TextArea blockId={block.id} className="kh-grow" path={[...path, 'text']} label={t('body.text')} value={block.text} onChange={(v) => change((b) => (b.kind === 'item' ? { ...b, text: v } : b))} />
        </Group>
      );
    case 'note':
      return <TextArea blockId={block.id} path={[...path, 'text']} label={t('body.noteText')} value={block.text} onChange={(v) => change((b) => (b.kind === 'note' ? { ...b, text: v } : b))} />;
    case 'pilotUnits':
      return (
        <Group justify="space-between">
          <Text size="sm">{pilotUnits.length ? t('body.pilotUnitsSummary', { count: pilotUnits.length }) : t('body.pilotUnitsEmpty')}</Text>
          <Button size="xs" variant="light" onClick={() => onOpenTab('units')}>
            {t('body.openUnits')}
          </Button>
        </Group>
      );
    case 'pilotSchedule':
      return (
        <Stack gap={6}>
          <MultiSelect
            label={t('body.scheduleUnits')}
            description={t('body.scheduleUnitsHint')}
            readOnly={readOnly}
            data-path={[...path, 'unitIds'].join('.')}
            data={pilotUnits.map((u, i) => ({ value: u.id, label: u.name || t('units.unnamed', { n: i + 1 }) }))}
            value={block.unitIds.filter((id) => pilotUnits.some((u) => u.id === id))}
            onChange={(v) => change((b) => (b.kind === 'pilotSchedule' ? { ...b, unitIds: v } : b))}
            placeholder={pilotUnits.length ? undefined : t('body.pilotUnitsEmpty')}
          />
          <TextField
            path={[...path, 'note']}
            label={t('body.scheduleNote')}
            placeholder={t('body.scheduleNotePlaceholder')}
            value={block.note}
            onChange={(v) => change((b) => (b.kind === 'pilotSchedule' ? { ...b, note: v } : b))}
          />
        </Stack>
      );
    case 'duty':
      return (
        <Group justify="space-between">
          <Text size="sm">{t('body.dutySummary', { body: block.body || t('duties.unnamedBody'), count: block.tasks.length })}</Text>
          <Button size="xs" variant="light" onClick={() => onOpenTab('duties')}>
            {t('body.openDuties')}
          </Button>
        </Group>
      );
    case 'table':
      return (
        <TableEditor
          table={block.table}
          name={t('body.tableCells')}
          path={[...path, 'table']}
          onChange={(update: (x: AppendixTable) => AppendixTable) => change((b) => (b.kind === 'table' ? { ...b, table: update(b.table) } : b))}
        />
      );
    case 'people':
      return (
        <PeopleEditor
          block={block}
          path={path}
          onChange={(update) => change((b) => (b.kind === 'people' ? update(b) : b))}
          onToTable={async () => {
            const ok = await confirm({ title: t('people.toTableTitle'), message: t('people.toTableMessage'), confirmLabel: t('people.toTable') });
            if (ok) change((b) => (b.kind === 'people' ? peopleToTable(b) : b));
          }}
        />
      );
  }
}

/**
 * A text area with a "insert footnote" button that puts [^…] at the caret. A text of several lines pasted into it
 * is kept as pasted (tabs as spaces), with an offer to split it into paragraphs, or items when its lines start with
 * "-" or "+"; the offer goes away when she declines it or types on.
 */
function TextArea(props: { blockId: string; path: (string | number)[]; label: string; value: string; onChange: (v: string) => void; className?: string }) {
  const { t } = useTranslation('editor');
  const { edit, readOnly } = useEdit();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [pasted, setPasted] = useState<PastedInField | null>(null);
  const offer = pasted && pasted.value === props.value && !readOnly ? pasted : null;
  const insertFootnote = () => {
    const el = ref.current;
    const placeholder = t('body.footnotePlaceholder');
    const at = el ? el.selectionStart : props.value.length;
    const end = el ? el.selectionEnd : at;
    const selected = props.value.slice(at, end);
    const inner = selected || placeholder;
    props.onChange(`${props.value.slice(0, at)}[^${inner}]${props.value.slice(end)}`);
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(at + 2, at + 2 + inner.length);
    });
  };
  const split = (paste: PastedInField) => {
    setPasted(null);
    edit((c) => ({ ...c, body: splitPasteInBody(c.body, { blockId: props.blockId, before: paste.before, after: paste.after }, paste.lines) }));
  };
  const count = offer?.lines.lines.length ?? 0;
  return (
    <Stack gap={2} className={props.className}>
      <AreaField inputRef={ref} path={props.path} label={props.label} value={props.value} onChange={props.onChange} onPasteLines={setPasted} minRows={1} />
      {offer && (
        <Group gap="xs" role="group" aria-label={t('body.paste.offerLabel')} className="kh-paste-offer" p={4} bg="var(--mantine-color-blue-0)" style={{ borderRadius: 4 }}>
          <Text size="xs">{t('body.paste.offer', { count })}</Text>
          <Button size="compact-xs" onClick={() => split(offer)}>
            {offer.lines.kind === 'items' ? t('body.paste.splitItems', { count }) : t('body.paste.splitParagraphs', { count })}
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={() => setPasted(null)}>
            {t('body.paste.keep')}
          </Button>
        </Group>
      )}
      {!readOnly && (
        <Group gap={4}>
          <Button size="compact-xs" variant="subtle" onClick={insertFootnote}>
            {t('body.insertFootnote')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

interface AddMenuProps {
  /** Append inside this section (null with afterId null = at the end of the body). */
  parentId: string | null;
  /** Insert right after this block instead. */
  afterId: string | null;
  label: string;
  compact?: boolean;
  pilotUnits: PilotUnit[];
  ownerName?: string;
}

function AddMenu({ parentId, afterId, label, compact, pilotUnits, ownerName }: AddMenuProps) {
  const { t } = useTranslation('editor');
  const { edit } = useEdit();
  const add = (kind: NewBlockKind) => {
    const block = createBlock(kind, pilotUnits.map((u) => u.id));
    edit((c) => ({ ...c, body: afterId ? insertAfter(c.body, afterId, block) : appendChild(c.body, parentId, block) }));
    // A table's first cell, not its column widths.
    focusNewField(kind === 'table' ? `[data-block-id="${block.id}"] .kh-table-header-row` : `[data-block-id="${block.id}"]`);
  };
  const accessible = ownerName ? `${label} — ${ownerName}` : label;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {compact ? (
          <Tooltip label={label} openDelay={400}>
            <ActionIcon variant="subtle" aria-label={accessible}>
              +
            </ActionIcon>
          </Tooltip>
        ) : (
          <Button variant={parentId ? 'subtle' : 'light'} size={parentId ? 'compact-xs' : 'xs'} aria-label={accessible} style={{ alignSelf: 'flex-start' }}>
            {label}
          </Button>
        )}
      </Menu.Target>
      <Menu.Dropdown>
        {newBlockKinds.map((kind) => (
          <Menu.Item key={kind} onClick={() => add(kind)}>
            {t(`body.new.${kind}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
