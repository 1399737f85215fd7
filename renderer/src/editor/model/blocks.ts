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
  PeopleBlock,
  Person,
  Recipient,
  SectionBlock,
  TableBlock,
  TableCell,
  TableRow,
  Task,
} from '../../../../shared/model';
import { peopleTable } from '../../../../shared/layout/phrases';
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
  | 'duty'
  | 'table'
  | 'people';

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
  'table',
  'people',
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
    case 'table':
      return newTableBlock();
    case 'people':
      return newPeopleBlock();
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

/** A body table: a bold header row and one body row, three columns. */
export const newTableBlock = (table: AppendixTable = newTable(3)): TableBlock => ({ kind: 'table', id: newId(), table });
export const newPerson = (): Person => ({ id: newId(), name: '', position: '', role: '' });
/** A person list printed as aligned lines "Đ/c <họ tên> – <chức vụ> – <nhiệm vụ>", with one empty row. */
export const newPeopleBlock = (): PeopleBlock => ({ kind: 'people', id: newId(), prefix: 'Đ/c', print: 'lines', people: [newPerson()] });

/**
 * "Điền vào bảng": the person list becomes a body table TT / Họ và tên / Chức vụ / Nhiệm vụ of the same people (as
 * the list prints with print 'table'), keeping the block's id; an empty list gets one empty row to type in.
 */
export function peopleToTable(block: PeopleBlock): TableBlock {
  const table = peopleTable(block.prefix, block.people);
  return { kind: 'table', id: block.id, table: table.rows.length ? table : { ...table, rows: [newRow(table.columnWidths.length)] } };
}
