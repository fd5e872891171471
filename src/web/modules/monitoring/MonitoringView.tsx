import { Select, Skeleton, Tag } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { rolesFor } from '../../app/navigation';
import { useI18n } from '../../i18n/useI18n';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { useCurrentUser } from '../auth/useCurrentUser';
import { templateFor } from './configForm';
import { DeepDifficultyCard } from './DeepDifficultyCard';
import { useWatchList, useYearConfigs } from './monitoringQueries';
import { useMt } from './text';
import { initialYear, yearChoices, yearFromUrl } from './thresholds';
import { WatchListCard } from './WatchListCard';
import { YearConfigCard } from './YearConfigCard';

/**
 * 动态监测: the chosen year's thresholds (the office edits them and re-evaluates), each town's watch
 * list and the R12 deep-difficulty groups. The server scopes every figure to the user; the page only
 * offers what the role may do (editing for the office, links for roles that may open the household list).
 */
export function MonitoringView() {
  const { t } = useI18n();
  const mt = useMt();
  const me = useCurrentUser();
  const narrow = useIsNarrow();
  const [params, setParams] = useSearchParams();
  const currentYear = new Date().getFullYear();
  const configs = useYearConfigs(currentYear);
  const configured = useMemo(() => [...(configs.data?.keys() ?? [])], [configs.data]);
  const fromUrl = params.get('year');
  // Without a year in the address, wait for the configured years so the page opens on the latest.
  const ready = !configs.isPending || yearFromUrl(fromUrl) !== null;
  const year = initialYear(fromUrl, configured, currentYear);
  const watch = useWatchList(year, ready);

  const canEdit = me.role === 'admin';
  const linkable = rolesFor('households').includes(me.role);
  const ownRegion = me.role === 'village' ? me.regionCode : null;
  // A town clerk's or village cadre's whole scope is their own region: name it so.
  const scopeName = me.role === 'town' || me.role === 'village' ? me.regionName : null;
  const towns = watch.data?.towns ?? [];
  const areas = [
    {
      key: 'all',
      name: scopeName ?? mt('mon.all'),
      regionCode: undefined,
    },
    ...(towns.length > 1
      ? towns.map((r) => ({ key: r.townCode, name: r.townName ?? r.townCode, regionCode: r.townCode }))
      : []),
  ];

  const handleYear = (y: number) => setParams({ year: String(y) }, { replace: true });

  const picker = (
    <Select<number>
      value={year}
      onChange={handleYear}
      aria-label={mt('mon.year')}
      style={{ width: narrow ? 160 : 180 }}
      loading={configs.isPending}
      options={yearChoices(currentYear, configured).map((y) => ({
        value: y,
        label: configured.includes(y)
          ? mt('mon.yearN', { year: y })
          : `${mt('mon.yearN', { year: y })}（${mt('mon.notConfigured')}）`,
      }))}
    />
  );

  return (
    <>
      <PageHeader
        title={mt('mon.title')}
        tags={canEdit ? null : <Tag>{t('app.readOnly')}</Tag>}
        extra={picker}
        description={mt('mon.description')}
      />
      {configs.error ? <QueryError error={configs.error} onRetry={() => void configs.refetch()} /> : null}
      {configs.isPending ? (
        <Skeleton active />
      ) : (
        <YearConfigCard
          key={year}
          year={year}
          config={configs.data?.get(year) ?? null}
          template={configs.data ? templateFor(year, configs.data) : null}
          canEdit={canEdit}
        />
      )}
      {ready ? (
        <WatchListCard
          year={year}
          configured={configs.data?.has(year) ?? true}
          linkable={linkable}
          ownRegion={ownRegion}
          village={me.role === 'village'}
          ownName={me.role === 'village' ? me.regionName : null}
        />
      ) : null}
      {ready && watch.data ? (
        <DeepDifficultyCard areas={areas} linkable={linkable} ownRegion={ownRegion} />
      ) : null}
    </>
  );
}
