import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, Flex, Typography } from 'antd';
import type { Region } from '../../../core/region/region.schemas';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/useI18n';
import { useIsNarrow } from '../../ui/useIsNarrow';

interface RegionDetailProps {
  region: Region | null;
  parent: Region | null;
  childCount: number;
  canEdit: boolean;
  canAddChild: boolean;
  onEdit: (region: Region) => void;
  onAddChild: (region: Region) => void;
}

const LEVEL_KEYS: Record<Region['level'], MessageKey> = {
  county: 'regions.level.county',
  town: 'regions.level.town',
  village: 'regions.level.village',
};

export function RegionDetail({
  region,
  parent,
  childCount,
  canEdit,
  canAddChild,
  onEdit,
  onAddChild,
}: RegionDetailProps) {
  const { t } = useI18n();
  const narrow = useIsNarrow();
  if (!region) return <Empty description={narrow ? t('regions.pickNarrow') : t('regions.pick')} />;

  const handleEdit = () => onEdit(region);
  const handleAddChild = () => onAddChild(region);

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {region.name}
      </Typography.Title>
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: narrow ? 96 : 120 } }}
        items={[
          {
            key: 'code',
            label: t('regions.code'),
            children: <Typography.Text copyable>{region.code}</Typography.Text>,
          },
          { key: 'level', label: t('regions.level'), children: t(LEVEL_KEYS[region.level]) },
          { key: 'kind', label: t('regions.kind'), children: region.kindLabel },
          {
            key: 'parent',
            label: t('regions.parent'),
            children: parent ? `${parent.name}（${parent.code}）` : (region.parentCode ?? '—'),
          },
          { key: 'children', label: t('regions.children'), children: childCount },
          { key: 'sort', label: t('regions.sort'), children: region.sort },
        ]}
      />
      {canEdit || canAddChild ? (
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          {canEdit ? (
            <Button icon={<EditOutlined />} onClick={handleEdit}>
              {t('regions.rename')}
            </Button>
          ) : null}
          {canAddChild ? (
            <Button icon={<PlusOutlined />} onClick={handleAddChild}>
              {t('regions.addChild')}
            </Button>
          ) : null}
        </Flex>
      ) : null}
    </div>
  );
}
