import type { Region } from '../../../core/region/region.schemas';

export interface RegionNode {
  key: string;
  region: Region;
  children: RegionNode[];
}

function byOrder(a: RegionNode, b: RegionNode): number {
  return a.region.sort - b.region.sort || a.region.code.localeCompare(b.region.code);
}

/**
 * Nests the API's flat list. A node whose parent is not in the list is a root: a town user's list
 * starts at its own town.
 */
export function buildRegionTree(items: readonly Region[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>();
  for (const region of items) nodes.set(region.code, { key: region.code, region, children: [] });
  const roots: RegionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.region.parentCode ? nodes.get(node.region.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sortDeep = (list: RegionNode[]) => {
    list.sort(byOrder);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}

/** Keeps the nodes whose name or code contains `term`, with their ancestors; also returns them to expand. */
export function filterRegionTree(
  roots: readonly RegionNode[],
  term: string,
): { roots: RegionNode[]; expand: string[] } {
  const needle = term.trim().toLowerCase();
  const expand: string[] = [];
  const walk = (list: readonly RegionNode[]): RegionNode[] => {
    const kept: RegionNode[] = [];
    for (const node of list) {
      const children = walk(node.children);
      const hit = node.region.name.toLowerCase().includes(needle) || node.region.code.startsWith(needle);
      if (hit || children.length) {
        if (children.length) expand.push(node.key);
        kept.push({ ...node, children });
      }
    }
    return kept;
  };
  if (!needle) return { roots: [...roots], expand: [] };
  return { roots: walk(roots), expand };
}
