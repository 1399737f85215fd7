// @vitest-environment jsdom
/**
 * "Báo cáo theo kỳ" over the real backend (its clock on 15/07/2025): from the plans list and from Nhiệm vụ the clerk
 * chooses a period (quý, 6 tháng, năm) and the plans, "Lập báo cáo" drafts one BÁO CÁO over them and opens it.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { lastEndedPeriod, periodKey } from '../../../renderer/src/pages/reports/periodChoice';
import { appOnDay, planFromSeed } from '../app-on-day';
import { renderApp } from '../render-app';

const TODAY = Date.UTC(2025, 6, 15, 3); // 15/07/2025, 10:00 in Việt Nam
const session = appOnDay(TODAY);

describe('the period of a report', () => {
  it('is keyed as the backend takes it, and offered as the period that last ended', () => {
    expect(periodKey({ kind: 'quarter', year: 2025, part: 3 })).toBe('2025-Q3');
    expect(periodKey({ kind: 'half-year', year: 2025, part: 1 })).toBe('2025-H1');
    expect(periodKey({ kind: 'year', year: 2024, part: 1 })).toBe('2024');
    expect(lastEndedPeriod('quarter', '2025-07-15')).toMatchObject({ year: 2025, part: 2 });
    expect(lastEndedPeriod('quarter', '2025-02-01')).toMatchObject({ year: 2024, part: 4 });
    expect(lastEndedPeriod('half-year', '2025-07-01')).toMatchObject({ year: 2025, part: 1 });
    expect(lastEndedPeriod('half-year', '2025-06-30')).toMatchObject({ year: 2024, part: 2 });
    expect(lastEndedPeriod('year', '2025-01-01')).toMatchObject({ year: 2024 });
  });
});

describe('Báo cáo theo kỳ', () => {
  it('from the plans list: a quarter over two plans, drafted as one BÁO CÁO and opened', async () => {
    const first = await planFromSeed(session.bridge, /đại hội điểm/i);
    const second = await planFromSeed(session.bridge, /Chỉ thị 35|chỉ thị số 35/i);
    const { user, router } = await renderApp('/plans');
    await user.click(await screen.findByRole('button', { name: 'Báo cáo theo kỳ…' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Lập báo cáo kết quả thực hiện theo kỳ' });
    // Offered first: the half-year that last ended by the backend's day (15/07/2025), whatever the machine's calendar says.
    expect(await within(dialog).findByTestId('period-report-label')).toHaveTextContent(/^Kỳ báo cáo: 6 tháng đầu năm 2025$/u);
    const draft = within(dialog).getByRole('button', { name: 'Lập báo cáo' });
    expect(draft).toBeDisabled();

    await user.click(within(dialog).getByRole('radio', { name: 'Quý' }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Quý' }), 'Quý I');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Năm' }), '2025');
    expect(within(dialog).getByTestId('period-report-label')).toHaveTextContent('Kỳ báo cáo: Quý I/2025');
    const plans = within(dialog).getByRole('group', { name: 'Các kế hoạch được báo cáo' });
    await waitFor(() => expect(within(plans).getAllByRole('checkbox')).toHaveLength(2));
    for (const box of within(plans).getAllByRole('checkbox')) await user.click(box);
    await user.click(draft);

    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/plans\/[0-9a-f-]{36}$/));
    const reportId = router.state.location.pathname.split('/')[2]!;
    expect([first.id, second.id]).not.toContain(reportId);
    const report = await session.bridge.call('plan.get', { id: reportId });
    expect(report.header.docType).toBe('BC');
    expect(report.report).toEqual({ planIds: expect.arrayContaining([first.id, second.id]), period: '2025-Q1', asOf: '2025-03-31' });
    expect(report.report?.planIds).toHaveLength(2);
    expect(report.trichYeu).toMatch(/^kết quả quý I\/2025 thực hiện Kế hoạch số .* và Kế hoạch số /u);
  });

  it('from Nhiệm vụ filtered to a plan: that plan is ticked; a year is chosen; a draft plan can be added', async () => {
    const issued = await planFromSeed(session.bridge, /đại hội điểm/i);
    const draftPlan = await planFromSeed(session.bridge, /Chỉ thị 35|chỉ thị số 35/i, false);
    const { user, router } = await renderApp(`/tasks?plan=${issued.id}`);
    await user.click(await screen.findByRole('button', { name: 'Báo cáo theo kỳ…' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Lập báo cáo kết quả thực hiện theo kỳ' });
    // The same day as from the plans list: the backend's.
    expect(await within(dialog).findByTestId('period-report-label')).toHaveTextContent(/^Kỳ báo cáo: 6 tháng đầu năm 2025$/u);
    await user.click(within(dialog).getByRole('radio', { name: 'Năm' }));
    expect(within(dialog).queryByRole('combobox', { name: 'Quý' })).toBeNull();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Năm' }), '2025');
    expect(within(dialog).getByTestId('period-report-label')).toHaveTextContent('Kỳ báo cáo: Năm 2025');
    const plans = within(dialog).getByRole('group', { name: 'Các kế hoạch được báo cáo' });
    await waitFor(() => expect(within(plans).getAllByRole('checkbox')).toHaveLength(2));
    const boxes = within(plans).getAllByRole('checkbox');
    // Issued plans first; the one the list is filtered to is already ticked.
    expect(boxes[0]).toBeChecked();
    expect(boxes[1]).not.toBeChecked();
    await user.click(boxes[1]!);
    await user.click(within(dialog).getByRole('button', { name: 'Lập báo cáo' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/plans\/[0-9a-f-]{36}$/));
    const report = await session.bridge.call('plan.get', { id: router.state.location.pathname.split('/')[2]! });
    expect(report.report).toEqual({ planIds: [issued.id, draftPlan.id], period: '2025', asOf: '2025-07-15' });
  });
});
