import { describe, expect, it } from 'vitest';
import { formatSymbolLine, parseTypedDocNumber } from '../../shared/format/symbol';

describe('a number typed with its symbol', () => {
  it('splits the state form "24/KH-CB" into number and symbol', () => {
    expect(parseTypedDocNumber('24/KH-CB')).toEqual({ number: '24', docType: 'KH', issuerSymbol: 'CB', form: 'state' });
    expect(parseTypedDocNumber(' số 24 / kh - cb ')).toEqual({ number: '24', docType: 'KH', issuerSymbol: 'CB', form: 'state' });
    expect(parseTypedDocNumber('24/KH-ĐU')).toMatchObject({ number: '24', issuerSymbol: 'ĐU' });
    expect(parseTypedDocNumber('24/KH')).toMatchObject({ number: '24', issuerSymbol: '', form: 'state' });
  });

  it('splits "Số: 10-KH/CBTH" and the Party form typed whole', () => {
    expect(parseTypedDocNumber('Số: 10-KH/CBTH')).toEqual({ number: '10', docType: 'KH', issuerSymbol: 'CBTH', form: 'state' });
    expect(parseTypedDocNumber('Số 10-KH/CBTH')).toEqual({ number: '10', docType: 'KH', issuerSymbol: 'CBTH', form: 'party' });
    expect(parseTypedDocNumber('315-KH/HU.')).toMatchObject({ number: '315', issuerSymbol: 'HU', form: 'party' });
    expect(parseTypedDocNumber('Số: 24')).toMatchObject({ number: '24', issuerSymbol: '', form: 'state' });
  });

  it('leaves digits and anything else alone', () => {
    for (const s of ['', '24', '05', '12a', 'abc', '24/', 'KH/CB', '24-KH']) expect(parseTypedDocNumber(s), s).toBeNull();
  });

  it('prints the Party form', () => {
    const { number, docType, issuerSymbol } = parseTypedDocNumber('Số: 5/KH-CBTH')!;
    expect(formatSymbolLine(number, docType, issuerSymbol)).toBe('Số 05-KH/CBTH');
  });
});
