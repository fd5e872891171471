import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../households/householdQueries';
import { filterQuery, progressOf } from './registryQuery';

describe('filterQuery', () => {
  it('passes the list filters under the API names and drops what is unset', () => {
    expect(filterQuery(EMPTY_FILTER, 2020)).toEqual({
      q: undefined,
      regionCode: undefined,
      monitoringStatus: undefined,
      monitoringType: undefined,
      flagged: undefined,
      deepGroup: undefined,
      withoutMeasure: undefined,
      caseStep: undefined,
      year: undefined,
    });
    expect(
      filterQuery(
        {
          q: '  张 ',
          regionCode: '349901100000',
          flagged: 'true',
          withoutMeasure: true,
          deepGroup: 'seriouslyIll',
        },
        2020,
      ),
    ).toMatchObject({
      q: '张',
      regionCode: '349901100000',
      flagged: 'true',
      year: 2020,
      withoutMeasure: 'true',
      deepGroup: 'seriouslyIll',
    });
  });

  it('ignores the flag filter when no year has thresholds', () => {
    expect(filterQuery({ q: '', flagged: 'true' }, null)).toMatchObject({
      flagged: undefined,
      year: undefined,
    });
  });
});

describe('progressOf', () => {
  const job = (
    status: 'running' | 'done' | 'failed',
    progress: Partial<Parameters<typeof progressOf>[0]['progress']>,
  ) => ({
    status,
    progress: { phase: 'validate' as const, rowsRead: 0, totalRows: null, ...progress },
  });

  it('has no percentage while validating (the total is not known), counting rows read', () => {
    expect(progressOf(job('running', { rowsRead: 5000 }), 0)).toEqual({
      percent: null,
      phase: 'validate',
      done: 5000,
      total: null,
    });
  });

  it('counts what is written against the validated total, never 100 before the end', () => {
    expect(progressOf(job('running', { phase: 'write', totalRows: 200 }), 50).percent).toBe(25);
    expect(progressOf(job('running', { phase: 'write', totalRows: 200 }), 200)).toEqual({
      percent: 99,
      phase: 'write',
      done: 200,
      total: 200,
    });
  });

  it('is complete when the job has ended', () => {
    expect(progressOf(job('done', { phase: 'done', totalRows: 200, rowsRead: 200 }), 200)).toMatchObject({
      percent: 100,
      done: 200,
    });
    // A refused file never had a total: the rows read are what was done.
    expect(progressOf(job('done', { phase: 'done', rowsRead: 7 }), 0)).toMatchObject({
      percent: 100,
      done: 7,
    });
  });
});
