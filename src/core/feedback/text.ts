/** Text helpers for the public side of PAKN: diacritic-free search, contacts kept out of view. */

/** "Đường Lê Lợi" → "duong le loi": the stored search column, the same on both databases. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export const HIDDEN = '[đã ẩn]';

/**
 * A second guard under the staff's redaction: e-mail addresses and runs of 9 or more digits
 * (phone numbers, ID numbers: "0901 234 567", "079.123.456.789") are replaced before any text is
 * shown on a public page.
 */
export function maskContacts(text: string): string {
  return text
    .replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, HIDDEN)
    .replace(/\+?\d(?:[\s.()-]*\d){8,}/g, (run, offset: number, all: string) =>
      // An amount of money ("150.000.000 đồng") is not a contact.
      /^\d{1,3}(?:[.,]\d{3})+$/.test(run) && /^\s*(?:đồng|đ\b|vnđ|vnd)/iu.test(all.slice(offset + run.length))
        ? run
        : HIDDEN,
    );
}

/** Decree 20/2008: a submission is in Vietnamese. A light check: some Vietnamese letters or words. */
export function looksVietnamese(text: string): boolean {
  if (/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý]/i.test(text)) return true;
  return /\b(khong|duoc|truong|phuong|xin|cho|cua|va|la|toi)\b/i.test(text);
}
