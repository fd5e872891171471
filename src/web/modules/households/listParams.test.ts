import { describe, expect, it } from 'vitest';
import { filterFromParams, paramsFromFilter } from './listParams';

describe('household list filters in the address', () => {
  it('reads the links the monitoring page makes', () => {
    const { filter, year } = filterFromParams(
      new URLSearchParams(
        'year=2020&flagged=true&regionCode=349901100000&flagRule=incomeBelowMonitoringLine',
      ),
    );
    expect(year).toBe(2020);
    expect(filter).toEqual({
      q: '',
      flagged: 'true',
      regionCode: '349901100000',
      flagRule: 'incomeBelowMonitoringLine',
    });
    expect(
      filterFromParams(new URLSearchParams('deepGroup=seriouslyIll&withoutMeasure=true')).filter,
    ).toEqual({
      q: '',
      deepGroup: 'seriouslyIll',
      withoutMeasure: true,
    });
  });

  it('drops malformed and unknown values instead of sending them', () => {
    const { filter, year } = filterFromParams(
      new URLSearchParams(
        'year=20x0&regionCode=3499&monitoringType=poor&flagged=yes&deepGroup=rich&caseStep=nowhere&flagRule=a%27%3Bdrop',
      ),
    );
    expect(filter).toEqual({ q: '' });
    expect(year).toBeNull();
    expect(filterFromParams(new URLSearchParams('year=1999')).year).toBeNull();
  });

  it('writes what it reads (round trip), leaving empty values out', () => {
    const url =
      'year=2020&q=%E5%BC%A0&regionCode=349901100201&monitoringStatus=monitored&monitoringType=marginal&flagged=true&flagRule=criterionNotMet%3Ahousing&deepGroup=incapacitated&withoutMeasure=true&caseStep=notice';
    const { filter, year } = filterFromParams(new URLSearchParams(url));
    expect(paramsFromFilter(filter, year).toString()).toBe(url);
    expect(paramsFromFilter({ q: '  ' }, null).toString()).toBe('');
  });
});
