// Owns how much one import takes: rows per bill and per batch, and the size of a spreadsheet before it is read.

/**
 * Rows of one bill file, and of all files of one import together. A year of anyone's bills is
 * about 10,000 rows; past this a file is refused with a message (export it month by month) rather
 * than left to exhaust the page.
 */
export const MAX_BILL_ROWS = 100_000

/** A sheet's cells may reach this row (the bill's rows plus a preamble) and this column (AL). */
export const MAX_SHEET_ROWS = MAX_BILL_ROWS + 1_000
export const MAX_SHEET_COLUMNS = 38

/**
 * The XML of an .xlsx after unzipping, per part and in all: a 100,000-row bill's sheet is about
 * 40 MB. Sizes come from the archive's directory, and nothing is inflated past them.
 */
export const MAX_XLSX_PART_BYTES = 160 * 1024 * 1024
export const MAX_XLSX_TOTAL_BYTES = 256 * 1024 * 1024
