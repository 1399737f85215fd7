import { monthTicks, timelineLayout, TIMELINE_GEOMETRY, type TimelinePlan } from '../../../renderer/src/pages/overview/timelineLayout';

const plan = (planId: string, start: string | null, dues: string[]): TimelinePlan => ({
  planId,
  label: planId,
  start,
  items: dues.map((due, i) => ({ id: `${planId}-${i}`, kind: 'task', label: `task ${i}`, due, status: 'not_started' })),
});

describe('timeline layout', () => {
  it('puts each plan on its own row and each task at its due day, in time order left to right', () => {
    const layout = timelineLayout([plan('a', '2025-01-10', ['2025-02-01', '2025-06-30']), plan('b', null, ['2025-03-15'])], '2025-03-01');
    const [a, b] = layout.plans;
    expect(a!.y).toBeLessThan(b!.y);
    expect(a!.items[0]!.x).toBeLessThan(layout.today.x);
    expect(layout.today.x).toBeLessThan(b!.items[0]!.x);
    expect(b!.items[0]!.x).toBeLessThan(a!.items[1]!.x);
    // The plan's bar runs from its issue day to its last due day; without an issue day, from its first due day.
    expect(a!.bar!.x1).toBeLessThan(a!.items[0]!.x);
    expect(a!.bar!.x2).toBe(a!.items[1]!.x);
    expect(b!.bar).toEqual({ x1: b!.items[0]!.x, x2: b!.items[0]!.x });
    // Everything inside the plot area, right of the labels.
    for (const x of [a!.bar!.x1, a!.items[1]!.x, layout.today.x, ...layout.ticks.map((t) => t.x)]) {
      expect(x).toBeGreaterThan(TIMELINE_GEOMETRY.labelWidth);
      expect(x).toBeLessThan(TIMELINE_GEOMETRY.width);
    }
    expect(layout.height).toBe(TIMELINE_GEOMETRY.top + 2 * TIMELINE_GEOMETRY.rowHeight + 8);
  });

  it('always shows today, even when every task is long past', () => {
    const layout = timelineLayout([plan('a', '2020-01-01', ['2020-03-01'])], '2025-11-30');
    expect(layout.from <= '2020-01-01' && layout.to >= '2025-11-30').toBe(true);
    expect(layout.today.x).toBeGreaterThan(layout.plans[0]!.items[0]!.x);
  });

  it('spaces the month ticks so that at most twelve are drawn', () => {
    expect(monthTicks('2025-01-15', '2025-06-10').map((t) => t.text)).toEqual(['2/2025', '3/2025', '4/2025', '5/2025', '6/2025']);
    expect(monthTicks('2025-01-01', '2026-12-31').map((t) => t.text)).toEqual(['1/2025', '4/2025', '7/2025', '10/2025', '1/2026', '4/2026', '7/2026', '10/2026']);
    expect(monthTicks('2020-03-01', '2030-02-01').map((t) => t.text)).toEqual(['2021', '2022', '2023', '2024', '2025', '2026', '2027', '2028', '2029', '2030']);
  });
});
