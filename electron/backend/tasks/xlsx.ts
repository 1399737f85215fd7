/**
 * The task table as an .xlsx workbook (exceljs): one row per task with its status on the chosen day, Vietnamese
 * headers, the header row frozen and filterable. Province offices collect these.
 */
import ExcelJS from 'exceljs';
import type { TaskItem } from '../../../shared/api/tasks';
import { formatDue } from './due-text';

const HEADERS: { header: string; key: string; width: number }[] = [
  { header: 'STT', key: 'stt', width: 6 },
  { header: 'Kế hoạch', key: 'plan', width: 16 },
  { header: 'Trích yếu kế hoạch', key: 'title', width: 36 },
  { header: 'Đơn vị chủ trì', key: 'body', width: 28 },
  { header: 'Đơn vị phối hợp', key: 'partners', width: 28 },
  { header: 'Nội dung nhiệm vụ', key: 'text', width: 60 },
  { header: 'Thời hạn', key: 'due', width: 22 },
  { header: 'Hạn (ngày)', key: 'dueDay', width: 12 },
  { header: 'Tình trạng', key: 'status', width: 26 },
  { header: 'Ngày hoàn thành', key: 'completed', width: 14 },
  { header: 'Báo cáo gần nhất', key: 'last', width: 16 },
  { header: 'Tiến độ (%)', key: 'percent', width: 11 },
];

/** "2025-03-31" → "31/03/2025" (as the office's spreadsheets write days). */
const dmy = (iso: string | null | undefined): string => (iso ? iso.split('-').reverse().join('/') : '');

export async function tasksXlsx(items: TaskItem[], on: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'KẾ HOẠCH Desk';
  const ws = wb.addWorksheet('Nhiệm vụ', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getCell(1, 1).value = `Tình trạng thực hiện nhiệm vụ tính đến ngày ${dmy(on)}`;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.columns = HEADERS.map(({ key, width }) => ({ key, width }));
  const head = ws.getRow(2);
  HEADERS.forEach((h, i) => (head.getCell(i + 1).value = h.header));
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  items.forEach((t, i) => {
    const row = ws.addRow({
      stt: i + 1,
      plan: t.plan.ref,
      title: t.plan.trichYeu,
      body: t.body,
      partners: t.partners.join('; '),
      text: t.text,
      due: formatDue(t.due),
      dueDay: dmy(t.dueDay),
      status: t.statusLabel,
      completed: dmy(t.facts.completedAt),
      last: dmy(t.lastReport?.date),
      percent: t.lastReport?.percent ?? '',
    });
    row.alignment = { vertical: 'top', wrapText: true };
    if (t.status === 'overdue') row.getCell('status').font = { bold: true, color: { argb: 'FFC00000' } };
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: HEADERS.length } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
