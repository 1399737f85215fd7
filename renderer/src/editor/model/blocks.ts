/** Factories for new, empty model pieces (ids are fresh UUIDs). */
import type {
  Appendix,
  AppendixTable,
  Block,
  DutyBlock,
  ItemBlock,
  NoteBlock,
  ParagraphBlock,
  PilotScheduleBlock,
  PilotUnit,
  PilotUnitsBlock,
  Recipient,
  SectionBlock,
  TableCell,
  TableRow,
  Task,
} from '../../../../shared/model';
import { newId } from './ids';

export const newSection = (style: SectionBlock['style'] = 'heading', title = ''): SectionBlock => ({
  kind: 'section',
  id: newId(),
  title,
  style,
  children: [],
});
export const newParagraph = (emphasis: ParagraphBlock['emphasis'] = 'none', text = ''): ParagraphBlock => ({
  kind: 'paragraph',
  id: newId(),
  text,
  emphasis,
});
export const newItem = (marker: ItemBlock['marker'] = '-', text = ''): ItemBlock => ({ kind: 'item', id: newId(), marker, text });
export const newNote = (text = ''): NoteBlock => ({ kind: 'note', id: newId(), text });
export const newPilotUnitsBlock = (): PilotUnitsBlock => ({ kind: 'pilotUnits', id: newId() });
export const newPilotScheduleBlock = (unitIds: string[] = []): PilotScheduleBlock => ({
  kind: 'pilotSchedule',
  id: newId(),
  unitIds,
  note: '',
});
export const newTask = (text = ''): Task => ({ id: newId(), text, due: null });
export const newDuty = (body = '', orgId: string | null = null): DutyBlock => ({
  kind: 'duty',
  id: newId(),
  body,
  orgId,
  headingSuffix: '',
  taskStyle: 'dash',
  tasks: [newTask()],
});

/** What the "add" menus of the body tree can create. */
export type NewBlockKind =
  | 'heading'
  | 'runin'
  | 'paragraph'
  | 'paragraph-italic'
  | 'paragraph-italic-center'
  | 'item-dash'
  | 'item-plus'
  | 'note'
  | 'pilotUnits'
  | 'pilotSchedule'
  | 'duty';

export const newBlockKinds: readonly NewBlockKind[] = [
  'heading',
  'runin',
  'paragraph',
  'paragraph-italic',
  'paragraph-italic-center',
  'item-dash',
  'item-plus',
  'note',
  'pilotUnits',
  'pilotSchedule',
  'duty',
];

export function createBlock(kind: NewBlockKind, pilotUnitIds: string[] = []): Block {
  switch (kind) {
    case 'heading':
      return newSection('heading');
    case 'runin':
      return newSection('runin');
    case 'paragraph':
      return newParagraph('none');
    case 'paragraph-italic':
      return newParagraph('italic');
    case 'paragraph-italic-center':
      return newParagraph('italic-center');
    case 'item-dash':
      return newItem('-');
    case 'item-plus':
      return newItem('+');
    case 'note':
      return newNote();
    case 'pilotUnits':
      return newPilotUnitsBlock();
    case 'pilotSchedule':
      return newPilotScheduleBlock(pilotUnitIds);
    case 'duty':
      return newDuty();
  }
}

export const newPilotUnit = (): PilotUnit => ({
  id: newId(),
  name: '',
  category: 'chi-bo-co-so',
  term: '',
  attendees: '',
  members: null,
  invited: null,
  total: null,
  durationDays: 1,
  deadline: null,
  orgId: null,
});

export const newRecipient = (text = '', note = '', orgId: string | null = null): Recipient => ({ id: newId(), text, note, orgId });

export const newCell = (text = '', bold = false): TableCell => ({
  paragraphs: [text],
  colSpan: 1,
  rowSpan: 1,
  align: bold ? 'center' : 'justify',
  bold,
});
export const newRow = (columns: number, bold = false): TableRow => ({
  cells: Array.from({ length: Math.max(1, columns) }, () => newCell('', bold)),
});
export const newTable = (columns = 2): AppendixTable => ({
  columnWidths: Array.from({ length: columns }, () => 1),
  headerRows: [newRow(columns, true)],
  rows: [newRow(columns)],
});
export const newAppendix = (): Appendix => ({ id: newId(), title: '', intro: [], tables: [newTable(2)] });
