// Package csvimport reads activity entries (kegiatan) and partner agencies
// (instansi) from CSV files as offices keep them in spreadsheets, and
// writes the same column layout back out, so that an exported activity list
// can be imported again.
//
// The layout, the accepted values and what happens on errors are described
// for users in docs/IMPORT.md; the example files are in templates/ (see
// Template). In short:
//
//   - The first non-empty line is the header. Column names are matched
//     case-insensitively, in any order, by their code ("tanggal_mulai") or
//     their label ("Tanggal mulai"), and a few common synonyms. A missing
//     required column is one error naming every missing column; an unknown
//     column is an error too, so that a misspelt column never drops data.
//   - The separator is sniffed from the header line: comma, semicolon (what
//     Excel writes with Indonesian regional settings) or tab; an Excel
//     "sep=;" first line is honoured. A UTF-8 byte-order mark is skipped;
//     a file that is not valid UTF-8 is read as Windows-1252 (what Excel's
//     plain "CSV (Comma delimited)" writes). UTF-16 is refused with advice.
//   - Line numbers are 1-based lines of the file, the header being line 1
//     (when there is no "sep=" line). Lines with every cell empty are skipped.
//   - Import is all-or-nothing: every bad line is reported (line, column,
//     reason in Indonesian) in an Errors value, and nothing is written
//     unless every line is good. Good files are written in one
//     transaction with store.InsertBatch, queued for sync.
//   - Rows matching a record already in the database (activities: same start
//     date and title; agencies: same name, both case-insensitive) are by
//     default skipped and listed in Result.Duplicates, so that importing the
//     same file twice does not double the report; see DuplicatePolicy.
package csvimport
