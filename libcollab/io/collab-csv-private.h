/* collab-csv-private.h: what the CSV files share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The CSV code is four files:
 *
 *   collab-csv-text.c        bytes to UTF-8 (a BOM, UTF-8, else GB18030),
 *                            RFC 4180 text to rows, and quoting
 *   collab-csv-vocabulary.c  the words of the spreadsheets: headers and
 *                            values in English and Chinese, yes and no,
 *                            units, dates and lists
 *   collab-csv-read.c        the import: the header row, each cell as
 *                            JSON, the person a roster row describes,
 *                            messages that name the file, line and
 *                            column; the public API
 *   collab-csv-write.c       the export: records back to CSV
 *
 * The text of a table knows nothing of records: the report and table
 * writers (report/collab-table-format.c) quote their cells with it too.
 * The import and the export share the columns (a CSV column stands for a
 * field, a field of an inline sub-record, or the latest step of a
 * history) and the text of a value (collab_csv_field_text()), which is
 * also what the import compares a roster row with when its person is
 * already known.
 */

#pragma once

#include <glib.h>

#include <libcollab/collab-dataset.h>

#include "model/collab-store-private.h"

G_BEGIN_DECLS

/* --- rows of text: collab-csv-text.c --------------------------------- */

typedef struct
{
  guint   line;     /* the line of the file the row starts on, 1-based */
  guint   n_cells;
  char  **cells;    /* UTF-8, as read: not trimmed */
} CollabCsvRow;

/* The text of @data as UTF-8: with or without a BOM, else GB18030. The
 * error names the line and column of the first byte that is neither. */
char       *collab_csv_decode        (const char         *data,
                                      gsize               length,
                                      const char         *name,
                                      gsize              *text_length,
                                      GError            **error);

/* The rows of UTF-8 @text, blank lines left out: an array of
 * CollabCsvRow, each one allocation that the array frees. The error
 * (COLLAB_DATASET_ERROR_SYNTAX) names the line and column. */
GPtrArray  *collab_csv_parse         (const char         *text,
                                      gsize               length,
                                      const char         *name,
                                      GError            **error);

/* Like collab_csv_parse() for the start of a file cut anywhere: the row
 * cut short is left out, and @end_line and @end_column say where the cut
 * is. NULL where what comes before the cut is not RFC 4180. */
GPtrArray  *collab_csv_parse_prefix  (const char         *text,
                                      gsize               length,
                                      const char         *name,
                                      guint              *end_line,
                                      guint              *end_column);

/* @text without the padding spreadsheets put around cells: ASCII
 * spaces, no-break spaces and the ideographic space. */
char       *collab_csv_trim_cell     (const char         *text);

/* Whether every cell of @row is empty once trimmed. */
gboolean    collab_csv_row_is_blank  (const CollabCsvRow *row);

/* Appends @text as one cell, quoted when it must be. */
void        collab_csv_append_cell   (GString            *out,
                                      const char         *text);

/* The line break the writer ends every row with (RFC 4180: CRLF). */
#define COLLAB_CSV_EOL "\r\n"

/* --- the words of the spreadsheets: collab-csv-vocabulary.c ---------- */

char       *collab_csv_english_key    (const char         *text);
const char *collab_csv_header_alias   (const char         *header,
                                       guint               n);
gboolean    collab_csv_header_is_ignored (const char      *header);
/* @name without the suffix of its kind of unit (延川 for 延川县, 互助 for
 * 互助土族自治县), or NULL when it has none or nothing would be left. */
char       *collab_csv_short_name     (const char         *name);
char       *collab_csv_short_company_name (const char     *name);
/* The kind of record a sheet named @name holds: its English member or
 * singular in any case, or a Chinese name (派出人员, 结对关系, …). */
gboolean    collab_csv_kind_of_table  (const char         *name,
                                       CollabRecordKind   *kind);
const char *collab_csv_first_alias_of (const char         *member);
const char *collab_csv_header_unit    (const char         *header,
                                       char              **base);
const char *collab_csv_value_nick     (const CollabField  *field,
                                       const char         *text);
const char *collab_csv_value_word     (GType               type,
                                       const char         *nick);
const char *collab_csv_kind_word      (CollabRecordKind    kind);
const char *collab_csv_export_header  (CollabRecordKind    kind,
                                       const char         *member);
gboolean    collab_csv_read_bool      (const char         *text,
                                       gboolean           *value);
/* A list of @type (FLAGS, ENUM_LIST) given but empty (无, 不限), and the
 * word the export writes for one. */
gboolean    collab_csv_is_empty_list  (CollabFieldType     type,
                                       const char         *text);
const char *collab_csv_empty_list_word (CollabFieldType    type,
                                        gboolean           chinese);
/* The flag of the flags @field that a column headed @header gives as yes
 * or no (脱贫人口, 是否残疾人), or FALSE. */
gboolean    collab_csv_flag_of_header (const CollabField  *field,
                                       const char         *header,
                                       guint              *flag);
GPtrArray  *collab_csv_split_list     (const char         *text);
char       *collab_csv_normalize_date (const char         *text);

/* --- columns: collab-csv-read.c and collab-csv-write.c --------------- */

typedef enum
{
  COLLAB_CSV_TARGET_NONE,         /* a column without a header: its cells must be empty */
  COLLAB_CSV_TARGET_IGNORED,      /* the row numbers officers keep (序号): read by no one */
  COLLAB_CSV_TARGET_FIELD,        /* a scalar, flags or reference-list field */
  COLLAB_CSV_TARGET_SUBFIELD,     /* a field of an inline sub-record: `period.first_year` */
  COLLAB_CSV_TARGET_LATEST,       /* the latest step of a history: `status` */
  COLLAB_CSV_TARGET_LATEST_DATE,  /* its date: `status_date` */
  COLLAB_CSV_TARGET_EXTRA,        /* a member this library does not know, kept as a string */
  COLLAB_CSV_TARGET_FLAG,         /* one flag of a flags field, yes or no: 脱贫人口 是/否 */
  COLLAB_CSV_TARGET_KEY,          /* a field of the record a reference names, by which the
                                   * import finds it: a follow-up's person (姓名) */
} CollabCsvTarget;

typedef struct
{
  CollabCsvTarget    type;
  gboolean           companion;  /* a field of the record the row's companion reference names */
  const CollabField *field;      /* FIELD; SUBFIELD: the object; LATEST*: the array */
  const CollabField *sub;        /* SUBFIELD, LATEST, LATEST_DATE: the field inside */
  char              *member;     /* what the dataset document calls it */
  char              *header;     /* what the file calls it */
  const char        *unit;       /* amounts: the unit the header gives bare numbers */
  guint              flag;       /* FLAG: the flag of @field the column gives */
} CollabCsvColumn;

static inline gboolean
collab_csv_is_scalar (CollabFieldType type)
{
  return type != COLLAB_FIELD_OBJECT && type != COLLAB_FIELD_ARRAY;
}

/* collab-csv-read.c */
void        collab_csv_column_clear      (gpointer            data);
/* The value and date fields of a history such as a project's status,
 * which a CSV row gives as `status` and `status_date`. */
gboolean    collab_csv_latest_fields     (const CollabField  *field,
                                          const CollabField **value,
                                          const CollabField **date);

/* The import of rows, however they were read: a CSV file
 * (collab-csv-read.c) or a sheet (collab-xlsx-read.c). @sheet is NULL
 * for CSV, which names places FILE:LINE:COLUMN; for a sheet they are
 * FILE:SHEET!CELL, each row's `line` being its row number in the sheet
 * and its cells starting at column A. Adds to @n_generated the ids the
 * import made. */
gboolean    collab_csv_import_rows       (CollabStore        *store,
                                          CollabRecordKind    kind,
                                          GPtrArray          *rows,
                                          const char         *name,
                                          const char         *sheet,
                                          guint              *n_generated,
                                          GError            **error);
/* Appends Excel's name of the 0-based @column: A … Z, AA … */
void        collab_csv_append_column_letters (GString        *out,
                                              guint           column);
/* Remembers on @dataset how many ids its last import made. */
void        collab_csv_set_n_generated   (CollabDataset      *dataset,
                                          guint               n_generated);

/* collab-csv-write.c: what the export writes for a value. */
char       *collab_csv_field_text        (const CollabStore  *store,
                                          const CollabField  *field,
                                          gconstpointer       slot);
void        collab_csv_append_flags_text (GString            *out,
                                          GType               type,
                                          guint               value);

/* --- a record table as the export writes it: collab-csv-write.c ------ */

/* The columns of one kind with their headers, in English (the members)
 * or, @chinese, in the Chinese the import reads back (collab_csv_first_
 * alias_of(), value words, 是 and 否). The CSV export writes its cells as
 * text; the xlsx export (report/collab-xlsx.c) writes dates and amounts
 * as what they are, from the slots. */
typedef struct
{
  const CollabStore  *store;
  CollabRecordKind    kind;
  gboolean            chinese;
  GArray             *columns;   /* of CollabCsvColumn, each with its header */
} CollabCsvSheet;

CollabCsvSheet    *collab_csv_sheet_new   (const CollabStore    *store,
                                           CollabRecordKind      kind,
                                           gboolean              chinese);
void               collab_csv_sheet_free  (CollabCsvSheet       *sheet);
/* The field whose values @column holds; NULL for a member this library
 * does not know (written as text). */
const CollabField *collab_csv_sheet_field (const CollabCsvSheet *sheet,
                                           guint                 column);
/* Where the value of a cell is, or NULL when the record has none (and
 * for a member this library does not know). */
gconstpointer      collab_csv_sheet_slot  (const CollabCsvSheet *sheet,
                                           gconstpointer         record,
                                           guint                 column);
/* The text of a cell in the sheet's language, or NULL when it is empty. */
char              *collab_csv_sheet_text  (const CollabCsvSheet *sheet,
                                           gconstpointer         record,
                                           guint                 column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CollabCsvSheet, collab_csv_sheet_free)

/* The byte-order mark that tells Excel a CSV file is UTF-8. */
#define COLLAB_CSV_BOM "\xEF\xBB\xBF"

G_END_DECLS
