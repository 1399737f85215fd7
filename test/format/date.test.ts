import { describe, expect, it } from 'vitest';
import { formatDay, formatMonth, formatPlaceDateLine, formatShortDate, isoToPlanDate, planDateToIso } from '../../shared/format';

describe('administrative dates', () => {
  it('pads days 1–9 and only months 1–2', () => {
    for (let d = 1; d <= 9; d++) expect(formatDay(d)).toBe(`0${d}`);
    expect(formatDay(10)).toBe('10');
    expect(formatDay(31)).toBe('31');
    expect(formatMonth(1)).toBe('01');
    expect(formatMonth(2)).toBe('02');
    for (let m = 3; m <= 12; m++) expect(formatMonth(m)).toBe(String(m));
  });

  it('writes the place-and-date line', () => {
    expect(formatPlaceDateLine('Điện Biên', { day: 5, month: 2, year: 2025 })).toBe('Điện Biên, ngày 05 tháng 02 năm 2025');
    expect(formatPlaceDateLine('Điện Biên', { day: 5, month: 11, year: 2024 })).toBe('Điện Biên, ngày 05 tháng 11 năm 2024');
    expect(formatPlaceDateLine('Hà Nội', { day: 19, month: 4, year: 2025 })).toBe('Hà Nội, ngày 19 tháng 4 năm 2025');
    expect(formatPlaceDateLine('Hà Nội', { day: 1, month: 1, year: 2026 })).toBe('Hà Nội, ngày 01 tháng 01 năm 2026');
  });

  it('leaves blanks for a draft', () => {
    expect(formatPlaceDateLine('Thừa Thiên Huế', { day: null, month: 8, year: 2024 })).toBe('Thừa Thiên Huế, ngày      tháng 8 năm 2024');
    expect(formatPlaceDateLine('Điện Biên', { day: null, month: null, year: 2025 })).toBe('Điện Biên, ngày      tháng      năm 2025');
    expect(formatShortDate({ day: null, month: null, year: 2024 })).toBe('     /     /2024');
    expect(formatShortDate({ day: null, month: 2, year: 2024 })).toBe('     /02/2024');
  });

  it('writes short dates with the same padding rule', () => {
    expect(formatShortDate('2025-01-10')).toBe('10/01/2025');
    expect(formatShortDate('2025-03-31')).toBe('31/3/2025');
    expect(formatShortDate('2024-10-03')).toBe('03/10/2024');
    expect(formatShortDate('2024-02-09')).toBe('09/02/2024');
    expect(formatShortDate({ day: 5, month: 11, year: 2024 })).toBe('05/11/2024');
  });

  it('converts between ISO and PlanDate', () => {
    expect(isoToPlanDate('2025-01-10')).toEqual({ day: 10, month: 1, year: 2025 });
    expect(planDateToIso({ day: 10, month: 1, year: 2025 })).toBe('2025-01-10');
    expect(planDateToIso({ day: null, month: 1, year: 2025 })).toBeNull();
    expect(planDateToIso({ day: 30, month: 2, year: 2025 })).toBeNull();
    expect(planDateToIso({ day: 29, month: 2, year: 2024 })).toBe('2024-02-29');
    expect(() => isoToPlanDate('10/01/2025')).toThrow();
  });
});

describe('dates as typed', () => {
  it('prints numbers padded and anything else as typed, so the print shows what is stored', () => {
    expect(formatPlaceDateLine('Điện Biên', { day: '31', month: '2', year: '2025' })).toBe('Điện Biên, ngày 31 tháng 02 năm 2025');
    expect(formatPlaceDateLine('Điện Biên', { day: '5', month: '02', year: '205' })).toBe('Điện Biên, ngày 05 tháng 02 năm 205');
    expect(formatPlaceDateLine('Điện Biên', { day: '', month: ' 8 ', year: '' })).toBe('Điện Biên, ngày      tháng 8 năm     ');
    expect(formatShortDate({ day: '3x', month: '4', year: '2025' })).toBe('3x/4/2025');
  });

  it('gives no ISO day for a malformed or impossible date', () => {
    expect(planDateToIso({ day: '31', month: '2', year: '2025' })).toBeNull();
    expect(planDateToIso({ day: '5', month: '2', year: '205' })).toBeNull();
    expect(planDateToIso({ day: '05', month: '02', year: '2025' })).toBe('2025-02-05');
  });
});
