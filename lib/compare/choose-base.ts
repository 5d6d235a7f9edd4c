/** The edition word differences are measured against: the one asked for, else the work's pivot, else the first one. */
export function chooseBase<T extends { id: string; slug: string }>(asked: string | null, editions: readonly T[], pivotId: string | null): T | null {
  return editions.find((edition) => edition.slug === asked) ?? editions.find((edition) => edition.id === pivotId) ?? editions[0] ?? null;
}
