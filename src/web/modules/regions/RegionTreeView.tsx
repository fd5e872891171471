import { Empty, Input, Tree, Typography } from 'antd';
import type { TreeDataNode, TreeProps } from 'antd';
import { useMemo, useState, type ChangeEvent } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { filterRegionTree, type RegionNode } from './buildRegionTree';

interface RegionTreeViewProps {
  roots: RegionNode[];
  selected: string | null;
  onSelect: (code: string) => void;
  /** Accessible name, e.g. 本区 / 结对县. */
  label: string;
}

function toTreeData(nodes: readonly RegionNode[]): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.key,
    title: (
      <span>
        <span>{node.region.name}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
          {node.region.kindLabel}
        </Typography.Text>
      </span>
    ),
    children: node.children.length ? toTreeData(node.children) : undefined,
    isLeaf: node.children.length === 0,
  }));
}

/** The region tree with a finder; the roots start expanded so the first level below them shows. */
export function RegionTreeView({ roots, selected, onSelect, label }: RegionTreeViewProps) {
  const { t } = useI18n();
  const [term, setTerm] = useState('');
  const [expanded, setExpanded] = useState<string[]>(() => roots.map((r) => r.key));

  const filtered = useMemo(() => filterRegionTree(roots, term), [roots, term]);
  const treeData = useMemo(() => toTreeData(filtered.roots), [filtered]);
  const expandedKeys = term.trim() ? filtered.expand : expanded;
  const count = useMemo(() => {
    const walk = (list: readonly RegionNode[]): number => list.reduce((n, r) => n + 1 + walk(r.children), 0);
    return walk(roots);
  }, [roots]);

  const handleSearch = (event: ChangeEvent<HTMLInputElement>) => setTerm(event.target.value);
  const handleExpand: TreeProps['onExpand'] = (keys) => {
    if (!term.trim()) setExpanded(keys.map(String));
  };
  const handleSelect: TreeProps['onSelect'] = (keys) => {
    const key = keys[0];
    if (key !== undefined) onSelect(String(key));
  };

  return (
    <div>
      <Input.Search
        allowClear
        placeholder={t('regions.search')}
        value={term}
        onChange={handleSearch}
        style={{ marginBottom: 8 }}
        aria-label={t('regions.search')}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('regions.count', { n: count })}
      </Typography.Text>
      {treeData.length ? (
        <Tree
          aria-label={label}
          treeData={treeData}
          expandedKeys={expandedKeys}
          onExpand={handleExpand}
          selectedKeys={selected ? [selected] : []}
          onSelect={handleSelect}
          showLine
          blockNode
          height={count > 400 ? 560 : undefined}
          style={{ marginTop: 8 }}
        />
      ) : (
        <Empty description={t('regions.empty')} />
      )}
    </div>
  );
}
