import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { SCREENING_AREAS } from '../../../core/households/screening';
import { ApiError } from '../../api/ApiError';
import type { ScreeningRecord } from '../../api/screening';
import { apiErrorProblems } from '../../ui/formErrors';
import {
  buildCampaignBody,
  buildScreeningBody,
  campaignFieldFor,
  canManageCampaigns,
  canRecordScreening,
  checkCampaignBody,
  checkScreeningBody,
  filterFromParams,
  filterToParams,
  formValuesOf,
  nextPending,
  percentScreened,
  screeningFieldFor,
  sumProgress,
} from './screeningForm';
import { AREA_TEXT, LEVEL_TEXT } from './text';

const record: ScreeningRecord = {
  id: 9,
  campaignId: 1,
  householdId: 42,
  headName: '王小梅',
  regionCode: '349901100201',
  screenedOn: '2020-03-12',
  difficulties: {
    industry: { level: 'none', note: null },
    employment: { level: 'some', note: '无法外出务工' },
    medical: { level: 'severe', note: '慢性病停药' },
    schooling: { level: 'none' },
    productSales: { level: 'none', note: null },
  },
  incomeLoss: 3200.5,
  atRisk: true,
  reasons: [{ zh: '看病就医困难严重', en: 'Severe difficulty: medical' }],
  note: null,
};

describe('screening form values', () => {
  it('starts blank on today with every area at "no difficulty", and the body passes the core schema', () => {
    const values = formValuesOf(null, '2026-11-30');
    expect(values.screenedOn?.format('YYYY-MM-DD')).toBe('2026-11-30');
    expect(Object.keys(values.difficulties)).toEqual([...SCREENING_AREAS]);
    for (const a of SCREENING_AREAS) expect(values.difficulties[a]).toEqual({ level: 'none', note: '' });
    const body = buildScreeningBody(values);
    expect(body).toEqual({
      screenedOn: '2026-11-30',
      difficulties: Object.fromEntries(SCREENING_AREAS.map((a) => [a, { level: 'none', note: null }])),
      incomeLoss: 0,
      note: null,
    });
    expect(checkScreeningBody(body).ok).toBe(true);
  });

  it('round-trips a saved screening: levels, notes (trimmed, blank → null), income loss and date', () => {
    const values = formValuesOf(record, '2026-11-30');
    expect(values.screenedOn?.format('YYYY-MM-DD')).toBe('2020-03-12');
    expect(values.difficulties.schooling).toEqual({ level: 'none', note: '' });
    values.difficulties.medical.note = '  慢性病停药，需复诊  ';
    values.difficulties.employment.note = '   ';
    values.note = ' 已联系镇卫生院 ';
    const checked = checkScreeningBody(buildScreeningBody(values));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.input.difficulties.medical).toEqual({ level: 'severe', note: '慢性病停药，需复诊' });
    expect(checked.input.difficulties.employment).toEqual({ level: 'some', note: null });
    expect(checked.input.incomeLoss).toBe(3200.5);
    expect(checked.input.note).toBe('已联系镇卫生院');
  });

  it('refuses a missing date and a negative income loss, each on its own field', () => {
    const values = { ...formValuesOf(null, '2026-11-30'), screenedOn: null, incomeLoss: -5 };
    const checked = checkScreeningBody(buildScreeningBody(values));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const fields = checked.issues.map((i) => screeningFieldFor(i.path as (string | number)[]));
    expect(fields).toEqual(expect.arrayContaining([['screenedOn'], ['incomeLoss']]));
    expect(fields).toHaveLength(2);
  });

  it('puts the server’s located details on the area, date or note fields, and nothing else', () => {
    const error = new ApiError(400, {
      code: 'validation',
      message: { zh: '输入有误', en: 'Invalid input' },
      details: [
        {
          path: 'difficulties.medical.level',
          code: 'validation.invalid_value',
          message: { zh: 'Invalid option', en: 'Invalid option' },
        },
        {
          path: 'difficulties.schooling.note',
          code: 'validation.too_big',
          message: {
            zh: 'Too big: expected string to have <=300 characters',
            en: 'Too big: expected string to have <=300 characters',
          },
        },
        { path: 'screenedOn', code: 'validation.custom', message: { zh: '日期应为 YYYY-MM-DD', en: 'Date' } },
      ],
    });
    const problems = apiErrorProblems(error, 'zh');
    expect(problems.map((p) => screeningFieldFor(p.name))).toEqual([
      ['difficulties', 'medical', 'level'],
      ['difficulties', 'schooling', 'note'],
      ['screenedOn'],
    ]);
    expect(problems[1]!.message).toBe('不能超过 300 个字符');
    expect(screeningFieldFor(['difficulties', 'housing', 'level'])).toBeNull();
    expect(screeningFieldFor(['campaignId'])).toBeNull();
  });

  it('has both languages for every area and level', () => {
    for (const a of SCREENING_AREAS) expect(AREA_TEXT[a].zh && AREA_TEXT[a].en).toBeTruthy();
    for (const l of ['none', 'some', 'severe'] as const)
      expect(LEVEL_TEXT[l].zh && LEVEL_TEXT[l].en).toBeTruthy();
  });
});

describe('campaign dialog', () => {
  it('builds the body from the range picker and lands date problems on it', () => {
    const body = buildCampaignBody({
      name: '  2020年疫情影响排查 ',
      year: 2020,
      regionCode: '349901000000',
      dates: [dayjs('2020-03-01'), dayjs('2020-03-31')],
    });
    expect(body).toEqual({
      name: '2020年疫情影响排查',
      year: 2020,
      regionCode: '349901000000',
      startDate: '2020-03-01',
      endDate: '2020-03-31',
    });
    expect(checkCampaignBody(body).ok).toBe(true);
    const blank = checkCampaignBody(
      buildCampaignBody({ name: 'x', year: null, regionCode: undefined, dates: null }),
    );
    expect(blank.ok).toBe(false);
    if (blank.ok) return;
    const fields = blank.issues.map((i) => campaignFieldFor(i.path as (string | number)[]));
    expect(fields).toEqual(expect.arrayContaining([['name'], ['year'], ['regionCode'], ['dates']]));
    expect(campaignFieldFor(['endDate'])).toEqual(['dates']);
  });
});

describe('progress and the next household', () => {
  it('sums towns and rounds the percentage down (100 only when done, 0 of 0 is 0)', () => {
    const rows = [
      { households: 200, screened: 199, atRisk: 3 },
      { households: 1, screened: 1, atRisk: 1 },
    ];
    expect(sumProgress(rows)).toEqual({ households: 201, screened: 200, atRisk: 4 });
    expect(percentScreened(sumProgress(rows))).toBe(99);
    expect(percentScreened({ households: 3, screened: 3 })).toBe(100);
    expect(percentScreened({ households: 0, screened: 0 })).toBe(0);
    expect(percentScreened({ households: 3, screened: 1 })).toBe(33);
  });

  it('moves to the next pending household after the current one, wrapping round, never to itself', () => {
    expect(nextPending([5, 8, 13], 8)).toBe(13);
    expect(nextPending([5, 13], 9)).toBe(13);
    expect(nextPending([5, 8], 13)).toBe(5);
    expect(nextPending([8], 8)).toBeNull();
    expect(nextPending([], 8)).toBeNull();
  });

  it('keeps the list filter in the address and ignores an unknown status', () => {
    const filter = { status: 'atRisk' as const, q: ' 王 ', regionCode: '349901100201' };
    const params = new URLSearchParams(filterToParams(filter));
    expect(filterFromParams(params)).toEqual({ ...filter, q: '王' });
    expect(filterFromParams(new URLSearchParams('status=everything'))).toEqual({
      status: 'pending',
      q: '',
      regionCode: undefined,
    });
  });
});

describe('who may do what (mirrors the server)', () => {
  it('lets only the office open and close campaigns, and the office, towns and villages record', () => {
    expect(['admin', 'leader', 'unit', 'town', 'village', 'inspector'].filter(canManageCampaigns)).toEqual([
      'admin',
    ]);
    expect(['admin', 'leader', 'unit', 'town', 'village', 'inspector'].filter(canRecordScreening)).toEqual([
      'admin',
      'town',
      'village',
    ]);
  });
});
