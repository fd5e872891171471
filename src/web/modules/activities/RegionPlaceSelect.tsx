import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { buildRegionTree, type RegionNode } from '../regions/buildRegionTree';
import { useRegions } from '../regions/regionQueries';

interface RegionPlaceSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  placeholder?: string;
}

interface PlaceNode {
  value: string;
  title: string;
  children?: PlaceNode[];
}

function toNodes(nodes: readonly RegionNode[], prefix = ''): PlaceNode[] {
  return nodes.map((n) => ({
    value: n.key,
    title: prefix + n.region.name,
    children: n.children.length ? toNodes(n.children) : undefined,
  }));
}

/**
 * Where an activity happened: a place in the paired county (most assistance happens there) or in the
 * district, searchable by name. Form-compatible (`value`/`onChange`).
 */
export function RegionPlaceSelect({ value, onChange, id, placeholder }: RegionPlaceSelectProps) {
  const { t } = useI18n();
  const paired = useRegions('paired');
  const district = useRegions('district');

  const treeData = useMemo(
    () => [
      ...toNodes(buildRegionTree(paired.data ?? []), `${t('regions.paired')} · `),
      ...toNodes(buildRegionTree(district.data ?? []), `${t('regions.district')} · `),
    ],
    [paired.data, district.data, t],
  );
  const handleChange = (next: string | undefined) => onChange?.(next ?? null);

  return (
    <TreeSelect<string>
      id={id}
      value={value ?? undefined}
      onChange={handleChange}
      treeData={treeData}
      placeholder={placeholder}
      loading={paired.isPending || district.isPending}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={treeData.map((n) => n.value)}
      style={{ width: '100%' }}
      popupMatchSelectWidth
    />
  );
}
