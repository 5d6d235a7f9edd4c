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
  const groupOrder: string[] = [];
  const rowOfGroup = new Map<string, number>();
  for (const edition of editions) {
    for (const block of edition.blocks) {
      const group = find(parent, block.labels[0]);
      if (!rowOfGroup.has(group)) {
        rowOfGroup.set(group, groupOrder.length);
        groupOrder.push(group);
      }
    }
  }
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
