import { Tabs, Tag } from 'antd';
import { useI18n } from '../i18n/useI18n';
import { canImportRegions } from '../modules/auth/permissions';
import { useCurrentUser } from '../modules/auth/useCurrentUser';
import { RegionExplorer } from '../modules/regions/RegionExplorer';
import { PageHeader } from '../ui/PageHeader';

export function RegionsPage() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const admin = canImportRegions(me);
  const readOnly = me.role !== 'admin' && me.role !== 'town';
  const scoped = (me.role === 'town' || me.role === 'village') && me.regionName;
  return (
    <>
      <PageHeader
        title={admin ? t('regions.titleManage') : t('regions.title')}
        tags={readOnly ? <Tag>{t('app.readOnly')}</Tag> : null}
        description={scoped ? t('regions.scopeNote', { region: me.regionName ?? '' }) : undefined}
      />
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'district',
            label: t('regions.district'),
            children: <RegionExplorer tree="district" treeLabel={t('regions.district')} />,
          },
          {
            key: 'paired',
            label: t('regions.paired'),
            children: <RegionExplorer tree="paired" treeLabel={t('regions.paired')} />,
          },
        ]}
      />
    </>
  );
}
