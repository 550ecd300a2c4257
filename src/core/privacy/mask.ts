/** "Nguyễn Văn An" → "Nguyễn V*** A**": enough for the citizen to recognise, not to identify. */
export function maskName(name: string): string {
  const parts = name.normalize('NFC').trim().split(/\s+/);
  return parts
    .map((p, i) => (i === 0 ? p : `${[...p][0] ?? ''}${'*'.repeat(Math.max(1, [...p].length - 1))}`))
    .join(' ');
}
