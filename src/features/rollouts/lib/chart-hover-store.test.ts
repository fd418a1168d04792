import { afterEach, describe, expect, it } from 'vitest';
import { useChartHoverStore } from './chart-hover-store';

afterEach(() => useChartHoverStore.setState({ t: null, source: null }));

describe('chart hover store', () => {
  it('shares the hovered time between charts and clears it when the pointer leaves', () => {
    const { chartHovered, chartLeft } = useChartHoverStore.getState();
    chartHovered('latency', 1000);
    expect(useChartHoverStore.getState()).toMatchObject({ t: 1000, source: 'latency' });
    chartLeft('latency');
    expect(useChartHoverStore.getState()).toMatchObject({ t: null, source: null });
  });

  it('ignores a late leave from a chart the pointer already moved away from', () => {
    const { chartHovered, chartLeft } = useChartHoverStore.getState();
    chartHovered('latency', 1000);
    chartHovered('errors', 2000);
    chartLeft('latency');
    expect(useChartHoverStore.getState()).toMatchObject({ t: 2000, source: 'errors' });
  });

  it('does not notify subscribers when the hovered bucket did not change', () => {
    let calls = 0;
    const unsubscribe = useChartHoverStore.subscribe(() => (calls += 1));
    useChartHoverStore.getState().chartHovered('cpu', 5);
    useChartHoverStore.getState().chartHovered('cpu', 5);
    unsubscribe();
    expect(calls).toBe(1);
  });
});
