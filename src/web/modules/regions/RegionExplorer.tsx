import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Spin } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { Region, RegionTree } from '../../../core/region/region.schemas';
import { useI18n } from '../../i18n/useI18n';
import { QueryError } from '../../ui/QueryError';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { canAddChildRegion, canEditRegion, canImportRegions } from '../auth/permissions';
import { useCurrentUser } from '../auth/useCurrentUser';
import { buildRegionTree } from './buildRegionTree';
import { RegionCreateModal } from './RegionCreateModal';
import { RegionDetail } from './RegionDetail';
import { RegionEditModal } from './RegionEditModal';
import { RegionImportModal } from './RegionImportModal';
import { RegionTreeView } from './RegionTreeView';
import { useRegions } from './regionQueries';

interface RegionExplorerProps {
  tree: RegionTree;
  treeLabel: string;
}

/** One region tree: the tree, the selected region's detail, and the changes the role may make. */
export function RegionExplorer({ tree, treeLabel }: RegionExplorerProps) {
  const me = useCurrentUser();
  const { t } = useI18n();
  const narrow = useIsNarrow();
  const { data, isPending, error, refetch } = useRegions(tree);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Region | null>(null);
  const [adding, setAdding] = useState<{ parent: Region | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const detailRef = useRef<HTMLDivElement>(null);

  const byCode = useMemo(() => new Map((data ?? []).map((r) => [r.code, r])), [data]);
  const roots = useMemo(() => buildRegionTree(data ?? []), [data]);
  const childCount = useMemo(() => {
    const counts = new Map<string, number>();
    for (const r of data ?? [])
      if (r.parentCode) counts.set(r.parentCode, (counts.get(r.parentCode) ?? 0) + 1);
    return counts;
  }, [data]);

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;

  const region = selected ? (byCode.get(selected) ?? null) : null;
  const parent = region?.parentCode ? (byCode.get(region.parentCode) ?? null) : null;
  const admin = canImportRegions(me);

  const handleSelect = (code: string) => {
    setSelected(code);
    if (narrow)
      requestAnimationFrame(() => detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };
  const handleEdit = (r: Region) => setEditing(r);
  const handleEditClose = () => setEditing(null);
  const handleAddChild = (r: Region) => setAdding({ parent: r });
  const handleAddRoot = () => setAdding({ parent: null });
  const handleAddClose = () => setAdding(null);
  const handleCreated = (r: Region) => setSelected(r.code);
  const handleImportOpen = () => setImporting(true);
  const handleImportClose = () => setImporting(false);

  return (
    <>
      {admin ? (
        <Flex gap={8} wrap justify="flex-end" style={{ marginBottom: 12 }}>
          <Button icon={<UploadOutlined />} onClick={handleImportOpen}>
            {t('regions.import')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={handleAddRoot}>
            {t('regions.addRoot')}
          </Button>
        </Flex>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} xl={9}>
          <Card
            size="small"
            styles={{ body: { maxHeight: narrow ? 420 : 'calc(100vh - 260px)', overflow: 'auto' } }}
          >
            <RegionTreeView
              key={`${tree}:${roots.map((r) => r.key).join(',')}`}
              roots={roots}
              selected={selected}
              onSelect={handleSelect}
              label={treeLabel}
            />
          </Card>
        </Col>
        <Col xs={24} md={14} xl={15}>
          <div ref={detailRef} style={{ scrollMarginTop: 72 }}>
            <Card size="small">
              <RegionDetail
                region={region}
                parent={parent}
                childCount={region ? (childCount.get(region.code) ?? 0) : 0}
                canEdit={region ? canEditRegion(me, region) : false}
                canAddChild={region ? canAddChildRegion(me, region) : false}
                onEdit={handleEdit}
                onAddChild={handleAddChild}
              />
            </Card>
          </div>
        </Col>
      </Row>
      <RegionEditModal region={editing} onClose={handleEditClose} />
      <RegionCreateModal
        open={adding !== null}
        tree={tree}
        parent={adding?.parent ?? null}
        onClose={handleAddClose}
        onCreated={handleCreated}
      />
      {admin ? (
        <RegionImportModal open={importing} tree={tree} treeLabel={treeLabel} onClose={handleImportClose} />
      ) : null}
    </>
  );
}
