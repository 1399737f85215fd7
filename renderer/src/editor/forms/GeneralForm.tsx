/** Thông tin chung: issuer lines, number (+ Cấp số), place and date, trích yếu, marks, draft label, term. */
import { memo, useState } from 'react';
import { Button, Fieldset, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay, formatMonth } from '../../../../shared/format/date';
import { formatSymbolLine, parseTypedDocNumber } from '../../../../shared/format/symbol';
import type { PlanContent, PlanDate, PlanHeader } from '../../../../shared/model';
import { AreaField, SelectField, TextField } from '../fields/fields';
import { ItemControls } from '../fields/ItemControls';
import { useEdit, useFinding, useLookups } from '../state/context';
import { checkNumber, checkPlanDate, checkPlanTerm, checkSymbol } from '../model/validate';
import { moveItem, removeAt, replaceAt } from '../model/list';

interface Props {
  header: PlanHeader;
  trichYeu: string;
  term: string;
  onAllocateNumber: () => void;
  allocating: boolean;
}

const secrecyMarks = ['', 'MẬT', 'TỐI MẬT', 'TUYỆT MẬT'] as const;
const urgencyMarks = ['', 'KHẨN', 'THƯỢNG KHẨN', 'HỎA TỐC'] as const;

export const GeneralForm = memo(function GeneralForm({ header, trichYeu, term, onAllocateNumber, allocating }: Props) {
  const { t } = useTranslation('editor');
  const { edit, readOnly } = useEdit();
  const { self } = useLookups();
  const setHeader = (patch: Partial<PlanHeader>) => edit((c) => ({ ...c, header: { ...c.header, ...patch } }));
  const setIssuer = (patch: Partial<PlanHeader['issuer']>) => edit((c) => ({ ...c, header: { ...c.header, issuer: { ...c.header.issuer, ...patch } } }));
  const setDate = (patch: Partial<PlanDate>) => edit((c) => ({ ...c, header: { ...c.header, date: { ...c.header.date, ...patch } } }));
  const set = (patch: Partial<PlanContent>) => edit((c) => ({ ...c, ...patch }));
  const tr = (key: string | null) => (key ? t(key) : null);
  // An impossible date (31/02) is the day field's own message, computed from what is stored, so it stays.
  const dateError = tr(checkPlanDate(header.date));
  const dateFinding = useFinding(['header', 'date']);
  const lines = header.issuer.higherLines;
  // "24/KH-CB" or "Số: 10-KH/CBTH" pasted (or typed, on leaving the field) splits into number and symbol.
  const [numberSplit, setNumberSplit] = useState<{ typed: string; number: string; symbol: string } | null>(null);
  const splitNumber = (typed: string): boolean => {
    const parsed = parseTypedDocNumber(typed);
    if (!parsed) return false;
    const symbol = parsed.issuerSymbol || header.issuer.symbol;
    edit((c) => ({ ...c, header: { ...c.header, number: parsed.number, issuer: { ...c.header.issuer, symbol } } }));
    setNumberSplit({ typed: typed.trim(), number: parsed.number, symbol: parsed.issuerSymbol });
    return true;
  };

  const takeIssuerFromProfile = () => {
    if (!self) return;
    setHeader({ issuer: { higherLines: [...self.issuer.higherLines], name: self.issuer.name, symbol: self.issuer.symbol }, place: self.place });
  };
  const today = () => {
    const d = new Date();
    setDate({ day: formatDay(d.getDate()), month: formatMonth(d.getMonth() + 1), year: String(d.getFullYear()) });
  };

  return (
    <Stack gap="md">
      <Fieldset legend={t('general.issuer')}>
        <Stack gap="xs">
          {lines.map((line, i) => (
            <Group key={i} align="flex-end" wrap="nowrap">
              <TextField
                className="kh-grow"
                path={['header', 'issuer', 'higherLines', i]}
                label={t('general.higherLine', { n: i + 1 })}
                value={line}
                onChange={(v) => setIssuer({ higherLines: replaceAt(lines, i, v) })}
              />
              <ItemControls
                index={i}
                count={lines.length}
                name={t('general.higherLine', { n: i + 1 })}
                onMove={(d) => setIssuer({ higherLines: moveItem(lines, i, d) })}
                onRemove={() => setIssuer({ higherLines: removeAt(lines, i) })}
              />
            </Group>
          ))}
          {!readOnly && (
            <Group>
              <Button variant="light" size="xs" disabled={lines.length >= 3} onClick={() => setIssuer({ higherLines: [...lines, ''] })}>
                {t('general.addHigherLine')}
              </Button>
              <Button
                variant="subtle"
                size="xs"
                disabled={!self}
                aria-describedby={self ? undefined : 'kh-no-profile-hint'}
                onClick={takeIssuerFromProfile}
              >
                {t('general.issuerFromProfile')}
              </Button>
            </Group>
          )}
          {!readOnly && !self && (
            <Text id="kh-no-profile-hint" size="xs" c="dimmed">
              {t('general.issuerFromProfileNeedsProfile')}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {/* A line break typed in the name (Enter) is where the printed name breaks. */}
            <AreaField
              path={['header', 'issuer', 'name']}
              label={t('general.issuerName')}
              description={t('general.issuerNameHint')}
              required
              minRows={1}
              value={header.issuer.name}
              onChange={(v) => setIssuer({ name: v })}
            />
            <TextField
              path={['header', 'issuer', 'symbol']}
              label={t('general.symbol')}
              description={t('general.symbolHint')}
              required
              value={header.issuer.symbol}
              validate={(v) => tr(checkSymbol(v))}
              onChange={(v) => setIssuer({ symbol: v })}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('general.numberAndDate')}>
        <Stack gap="xs">
          <Group align="flex-end" wrap="nowrap">
            <TextField
              path={['header', 'number']}
              label={t('general.number')}
              description={t('general.numberHint', { symbol: header.issuer.symbol || '…' })}
              placeholder={t('general.numberPlaceholder')}
              value={header.number}
              validate={(v) => tr(checkNumber(v))}
              onChange={(v) => {
                setNumberSplit(null);
                setHeader({ number: v });
              }}
              onPasteText={(text) => !readOnly && splitNumber(text)}
              onBlur={() => void (!readOnly && splitNumber(header.number))}
            />
            {!readOnly && (
              <Button variant="light" loading={allocating} disabled={header.number !== ''} onClick={onAllocateNumber}>
                {t('general.allocateNumber')}
              </Button>
            )}
          </Group>
          {numberSplit && (
            <Text size="sm" c="blue.8" role="status" data-testid="number-split">
              {t(numberSplit.symbol ? 'general.numberSplit' : 'general.numberSplitNumberOnly', {
                typed: numberSplit.typed,
                number: numberSplit.number,
                symbol: numberSplit.symbol,
                printed: formatSymbolLine(numberSplit.number, header.docType, header.issuer.symbol),
              })}
            </Text>
          )}
          <TextField
            path={['header', 'place']}
            label={t('general.place')}
            required
            suggestions={self ? [self.place] : []}
            value={header.place}
            onChange={(v) => setHeader({ place: v })}
          />
          <Group align="flex-start" wrap="wrap" gap="sm">
            {/* Date parts are stored as typed ("05", "3x"); lint names what cannot be printed. */}
            <TextField
              path={['header', 'date', 'day']}
              label={t('general.day')}
              placeholder={t('general.blank')}
              w={90}
              inputMode="numeric"
              value={header.date.day}
              validate={() => dateError}
              onChange={(v) => setDate({ day: v })}
            />
            <TextField
              path={['header', 'date', 'month']}
              label={t('general.month')}
              placeholder={t('general.blank')}
              w={90}
              inputMode="numeric"
              value={header.date.month}
              onChange={(v) => setDate({ month: v })}
            />
            <TextField
              path={['header', 'date', 'year']}
              label={t('general.year')}
              required
              w={110}
              inputMode="numeric"
              value={header.date.year}
              onChange={(v) => setDate({ year: v })}
            />
            {!readOnly && (
              <Stack gap={4} pt={24}>
                <Group gap="xs">
                  <Button size="xs" variant="light" onClick={today}>
                    {t('general.today')}
                  </Button>
                  <Button size="xs" variant="subtle" onClick={() => setDate({ day: '', month: '' })}>
                    {t('general.blankDayMonth')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Group>
          {dateFinding ? (
            <Text size="sm" c="red" role="alert">
              {dateFinding.message}
            </Text>
          ) : (
            <Text size="xs" c="dimmed">
              {t('general.dateHint')}
            </Text>
          )}
        </Stack>
      </Fieldset>

      <AreaField
        path={['trichYeu']}
        label={t('general.trichYeu')}
        description={t('general.trichYeuHint')}
        required
        value={trichYeu}
        onChange={(v) => set({ trichYeu: v })}
      />

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SelectField
          path={['header', 'secrecy']}
          label={t('general.secrecy')}
          value={header.secrecy}
          data={secrecyMarks.map((m) => ({ value: m, label: m || t('general.noMark') }))}
          onChange={(v) => setHeader({ secrecy: v })}
        />
        <SelectField
          path={['header', 'urgency']}
          label={t('general.urgency')}
          value={header.urgency}
          data={urgencyMarks.map((m) => ({ value: m, label: m || t('general.noMark') }))}
          onChange={(v) => setHeader({ urgency: v })}
        />
        <TextField
          path={['header', 'draftLabel']}
          label={t('general.draftLabel')}
          description={t('general.draftLabelHint')}
          suggestions={[t('general.draftLabelFirst'), t('general.draftLabelNth', { n: 2 }), t('general.draftLabelNth', { n: 3 })]}
          value={header.draftLabel}
          onChange={(v) => setHeader({ draftLabel: v })}
        />
        <TextField
          path={['term']}
          label={t('general.term')}
          description={t('general.termHint')}
          placeholder="2025-2030"
          suggestions={self ? [self.term.replace(/\s+/g, '')] : []}
          value={term}
          validate={(v) => tr(checkPlanTerm(v))}
          onChange={(v) => set({ term: v })}
        />
      </SimpleGrid>
    </Stack>
  );
});
