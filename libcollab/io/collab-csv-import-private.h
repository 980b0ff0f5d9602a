/* collab-csv-import-private.h: the pieces of the CSV import and export
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The import of a CSV table is spread over the files that each do one
 * step of it; this header is what they share:
 *
 *   collab-csv-decode.c      bytes to UTF-8 (collab-csv-private.h)
 *   collab-csv-parse.c       RFC 4180 text to rows, and quoting
 *   collab-csv-aliases.c     the Chinese words of the spreadsheets
 *   collab-csv-header.c      the header row: which field each column gives
 *   collab-csv-values.c      a cell to its JSON value, references by name
 *   collab-csv-companion.c   the person a roster row describes
 *   collab-csv-errors.c      messages that name the file, line and column
 *   collab-csv-import.c      rows to one dataset document; the public API
 *   collab-csv-export.c      records back to CSV
 *
 * The export shares the columns (a CSV column stands for a field, a
 * field of an inline sub-record, or the latest step of a history) and
 * the text of a value (collab_csv_field_text()), which is also what the
 * import compares a roster row with when its person is already known.
 */

#pragma once

#include "model/collab-store-private.h"
#include "collab-csv-text-private.h"

G_BEGIN_DECLS

/* --- columns --------------------------------------------------------- */

typedef enum
{
  COLLAB_CSV_TARGET_NONE,         /* a column without a header: its cells must be empty */
  COLLAB_CSV_TARGET_FIELD,        /* a scalar, flags or reference-list field */
  COLLAB_CSV_TARGET_SUBFIELD,     /* a field of an inline sub-record: `period.first_year` */
  COLLAB_CSV_TARGET_LATEST,       /* the latest step of a history: `status` */
  COLLAB_CSV_TARGET_LATEST_DATE,  /* its date: `status_date` */
  COLLAB_CSV_TARGET_EXTRA,        /* a member this library does not know, kept as a string */
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
} CollabCsvColumn;

static inline gboolean
collab_csv_is_scalar (CollabFieldType type)
{
  return type != COLLAB_FIELD_OBJECT && type != COLLAB_FIELD_ARRAY;
}

/* collab-csv-header.c */
void        collab_csv_column_clear       (gpointer                data);
/* The value and date fields of a history such as a project's status,
 * which a CSV row gives as `status` and `status_date`. */
gboolean    collab_csv_latest_fields      (const CollabField      *field,
                                           const CollabField     **value,
                                           const CollabField     **date);

/* collab-csv-export.c: what the export writes for a value. */
char       *collab_csv_field_text         (const CollabStore      *store,
                                           const CollabField      *field,
                                           gconstpointer           slot);
void        collab_csv_append_flags_text  (GString                *out,
                                           GType                   type,
                                           guint                   value);

/* --- the import ------------------------------------------------------ */

/* A field of a new companion, as the first row that gives it says it. */
typedef struct
{
  char               *text;    /* canonical, to compare rows with */
  char               *json;
  const CollabCsvRow *row;     /* the row that gave it */
  guint               column;
} CollabCsvGiven;

/* A companion record the dataset does not have yet. */
typedef struct
{
  char               *id;
  const CollabCsvRow *row;     /* the first row that names it */
  CollabCsvGiven     *given;   /* one per field of its kind */
  guint               n_given;
} CollabCsvNewRecord;

/* One import: the file's rows and columns, and the document being built. */
typedef struct
{
  CollabStore        *store;
  const char         *name;
  CollabRecordKind    kind;
  const CollabSchema *schema;

  const CollabField  *via;           /* the companion reference, or NULL */
  CollabRecordKind    via_kind;
  const CollabSchema *via_schema;
  int                 via_column;    /* the column of @via, or -1 */
  gboolean            has_via_columns;

  GPtrArray          *rows;          /* of CollabCsvRow */
  const CollabCsvRow *header;
  GArray             *columns;       /* of CollabCsvColumn */
  char              **cells;         /* the trimmed cells of the row being read */
  GPtrArray          *record_rows;   /* index in the document -> CollabCsvRow */
  GHashTable         *csv_ids;       /* id -> the first CollabCsvRow that has it */
  GHashTable         *new_records;   /* id -> CollabCsvNewRecord */
  GPtrArray          *new_order;     /* of CollabCsvNewRecord, in the order of their first rows */
  GHashTable         *names[COLLAB_N_RECORD_KINDS];  /* name -> NameEntry (collab-csv-values.c) */
} CollabCsvImport;

static inline const CollabCsvColumn *
collab_csv_import_column (CollabCsvImport *imp,
                          guint            index)
{
  return &g_array_index (imp->columns, CollabCsvColumn, index);
}

/* collab-csv-aliases.c: the words of the spreadsheets. */
char       *collab_csv_english_key        (const char             *text);
const char *collab_csv_header_alias       (const char             *header,
                                           guint                   n);
const char *collab_csv_first_alias_of     (const char             *member);
const char *collab_csv_header_unit        (const char             *header,
                                           char                  **base);
const char *collab_csv_value_nick         (const CollabField      *field,
                                           const char             *text);
const char *collab_csv_value_word         (GType                   type,
                                           const char             *nick);
gboolean    collab_csv_read_bool          (const char             *text,
                                           gboolean               *value);

/* collab-csv-header.c: the header row. */
gboolean    collab_csv_read_header        (CollabCsvImport        *imp,
                                           GError                **error);
int         collab_csv_find_column_of     (CollabCsvImport        *imp,
                                           const CollabField      *field,
                                           gboolean                companion);

/* collab-csv-values.c: a cell as JSON; returns its canonical text. */
char       *collab_csv_convert_cell       (CollabCsvImport        *imp,
                                           const CollabField      *field,
                                           const CollabCsvColumn  *column,
                                           const char             *text,
                                           const CollabCsvRow     *row,
                                           guint                   index,
                                           GString                *json,
                                           GError                **error);

/* collab-csv-companion.c: the person of a roster row. */
void        collab_csv_find_companion     (CollabCsvImport        *imp);
void        collab_csv_new_record_free    (gpointer                data);
gboolean    collab_csv_describe_companion (CollabCsvImport        *imp,
                                           const CollabCsvRow     *row,
                                           GError                **error);
gboolean    collab_csv_append_new_records (CollabCsvImport        *imp,
                                           GString                *out,
                                           GError                **error);
int         collab_csv_companion_column   (CollabCsvImport        *imp,
                                           const CollabField      *field);

/* collab-csv-errors.c: `FILE:LINE:COLUMN: HEADER (member): message`. */
gboolean    collab_csv_fail_at            (CollabCsvImport        *imp,
                                           GError                **error,
                                           int                     code,
                                           guint                   line,
                                           int                     column,
                                           const char             *label,
                                           const char             *format,
                                           ...) G_GNUC_PRINTF (7, 8);
void        collab_csv_map_reader_error   (CollabCsvImport        *imp,
                                           GError                 *reader_error,
                                           GError                **error);

/* collab-csv-import.c: `"member": ` in the document being written. */
void        collab_csv_append_member      (GString                *out,
                                           gboolean               *first,
                                           const char             *member);

G_END_DECLS
