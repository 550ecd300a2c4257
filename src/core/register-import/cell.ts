/** A spreadsheet cell as the file reader gives it (text NFC, numbers, booleans, dates, or empty). */
export type Cell = string | number | boolean | Date | null;
