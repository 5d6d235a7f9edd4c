/**
 * Builds paragraph-level grid rows from the correspondence labels blocks carry (`{#p12}`, `{#p12 #p13}`):
 * labels that share a block are one group, each group is one row. Used for corpora whose editions were
 * written paragraph by paragraph, such as the demo corpus.
 */

export interface LabelledEdition {
  id: string;
  /** Each block's labels and how many segments it has, in edition order. */
  blocks: { labels: string[]; segmentCount: number; line: number }[];
}

export interface LabelRow {
  /** Edition id -> indexes of its segments (counted over the whole edition) in this row. */
  cells: Record<string, number[]>;
}

export class LabelAlignmentError extends Error {}

function find(parent: Map<string, string>, label: string): string {
  let root = label;
  while (parent.get(root) !== root) root = parent.get(root)!;
  parent.set(label, root);
  return root;
}

/**
 * One order of the groups that keeps every edition's order (a topological sort of "comes right after" over all
 * editions), so that a group missing from one edition still goes where the others put it. Ties go to the group seen
 * first. When the editions contradict each other the cycle is broken at the group seen first; the caller's order
 * check then names the edition and line that disagree.
 */
function orderGroups(sequences: string[][]): string[] {
  const firstSeen = new Map<string, number>();
  const successors = new Map<string, Set<string>>();
  const inDegree = new Map<string, number>();
  for (const sequence of sequences) {
    sequence.forEach((group, index) => {
      if (!firstSeen.has(group)) {
        firstSeen.set(group, firstSeen.size);
        successors.set(group, new Set());
        inDegree.set(group, 0);
      }
      const previous = sequence[index - 1];
      if (previous !== undefined && previous !== group && !successors.get(previous)!.has(group)) {
        successors.get(previous)!.add(group);
        inDegree.set(group, inDegree.get(group)! + 1);
      }
    });
  }
  const byFirstSeen = (a: string, b: string) => firstSeen.get(a)! - firstSeen.get(b)!;
  const remaining = new Set(firstSeen.keys());
  const ready = [...remaining].filter((group) => inDegree.get(group) === 0);
  const order: string[] = [];
  while (remaining.size) {
    ready.sort(byFirstSeen);
    const group = ready.shift() ?? [...remaining].sort(byFirstSeen)[0];
    if (!remaining.delete(group)) continue;
    order.push(group);
    for (const next of successors.get(group)!) {
      const degree = inDegree.get(next)! - 1;
      inDegree.set(next, degree);
      if (degree === 0 && remaining.has(next)) ready.push(next);
    }
  }
  return order;
}

export function rowsFromLabels(editions: LabelledEdition[]): LabelRow[] {
  const parent = new Map<string, string>();
  for (const edition of editions) {
    for (const block of edition.blocks) {
      if (!block.labels.length) {
        throw new LabelAlignmentError(`edition ${edition.id}, line ${block.line}: a block without a label cannot be aligned by labels`);
      }
      for (const label of block.labels) if (!parent.has(label)) parent.set(label, label);
      for (const label of block.labels.slice(1)) parent.set(find(parent, label), find(parent, block.labels[0]));
    }
  }
  const groupOrder = orderGroups(editions.map((edition) => edition.blocks.map((block) => find(parent, block.labels[0]))));
  const rowOfGroup = new Map(groupOrder.map((group, row) => [group, row]));
  const rows: LabelRow[] = groupOrder.map(() => ({ cells: {} }));
  for (const edition of editions) {
    let segment = 0;
    let lastRow = -1;
    for (const block of edition.blocks) {
      const row = rowOfGroup.get(find(parent, block.labels[0]))!;
      if (row < lastRow) {
        throw new LabelAlignmentError(
          `edition ${edition.id}, line ${block.line}: label ${block.labels.join(" ")} comes before a block that other editions put earlier`,
        );
      }
      lastRow = row;
      const cell = (rows[row].cells[edition.id] ??= []);
      for (let i = 0; i < block.segmentCount; i++) cell.push(segment++);
    }
  }
  return rows;
}
