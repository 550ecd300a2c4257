/** A number as the PAR screens write it: decimal comma, a dash when there is none. */
export const fmt = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : String(n).replace('.', ',');
