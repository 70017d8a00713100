/** Rows of an editable list carry a key of their own, stable while rows are added and removed. */
let next = 0;
export const rowKey = () => {
  next += 1;
  return next;
};

export function withKeys<T extends object>(items: readonly T[]): (T & { key: number })[] {
  return items.map((item) => ({ ...item, key: rowKey() }));
}

export function withoutKeys<T extends { key: number }>(items: readonly T[]): Omit<T, 'key'>[] {
  return items.map(({ key: _key, ...item }) => item);
}
