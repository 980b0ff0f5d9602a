/* collab-csv-import-private.h: the state of one import of a table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A table arrives as rows of text cells, from a CSV file
 * (collab-csv-read.c) or a sheet of a workbook (collab-xlsx-read.c), and
 * the same code turns them into records. It is five files that share
 * this state:
 *
 *   collab-csv-read.c    rows into records, the whole import and where
 *                        a message says it happened
 *   collab-csv-header.c  the header row: the field each column gives
 *   collab-csv-cell.c    a cell as a JSON value; references by id, name,
 *                        short name or code, and the candidates when
 *                        none matches
 *   collab-csv-people.c  the person a roster row describes, by id or by
 *                        name and home unit; ids made for rows without
 *                        one; the reader's errors mapped back to cells
 *   collab-csv-workers.c the worker of a placement row by name and home
 *                        county, the placement of a follow-up row by the
 *                        person (姓名) and the day, as officers name them
 */

#pragma once

#include "collab-csv-private.h"

G_BEGIN_DECLS

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

/* The ways a reference cell may name a record, tried in this order:
 * the first that names any record decides. */
typedef enum
{
  COLLAB_CSV_KEY_NAME,        /* the name as written: 延川县 */
  COLLAB_CSV_KEY_CODE,        /* the GB/T 2260 code: 610622 */
  COLLAB_CSV_KEY_SHORT_NAME,  /* the name without its suffix: 延川 */
  COLLAB_CSV_N_KEYS
} CollabCsvKey;

/* One import: the file's rows and columns, and the document being built. */
typedef struct
{
  CollabStore        *store;
  const char         *name;
  const char         *sheet;         /* the sheet of a workbook, or NULL for CSV */
  CollabRecordKind    kind;
  const CollabSchema *schema;

  const CollabField  *via;           /* the companion reference, or NULL */
  CollabRecordKind    via_kind;
  const CollabSchema *via_schema;
  int                 via_column;    /* the column of @via, or -1 */
  gboolean            has_via_columns;
  int                 via_name_column;  /* the companion's name, or -1 */

  GPtrArray          *rows;          /* of CollabCsvRow */
  const CollabCsvRow *header;
  GArray             *columns;       /* of CollabCsvColumn */
  char              **cells;         /* the trimmed cells of the row being read */
  GPtrArray          *record_rows;   /* index in the document -> CollabCsvRow */
  GPtrArray          *record_ids;    /* index in the document -> its id there, or NULL */
  GHashTable         *csv_ids;       /* id -> the first CollabCsvRow that has it */
  GHashTable         *new_records;   /* id -> CollabCsvNewRecord */
  GPtrArray          *new_order;     /* of CollabCsvNewRecord, in the order of their first rows */
  GHashTable         *names[COLLAB_N_RECORD_KINDS][COLLAB_CSV_N_KEYS];  /* key -> NameEntry */

  gboolean            generate_ids;  /* the kind needs ids, and the table has none */
  GHashTable         *made_ids;      /* id made from a row -> how many rows made it */
  GHashTable         *people_by_name;  /* "name\037unit" -> id of a person in the dataset */
  guint               n_generated;

  /* A reference found by fields of what it refers to (KEY columns,
   * collab-csv-workers.c): a placement's worker also by home county, a
   * follow-up's placement by person, employer and day. */
  const CollabField  *keyed;         /* the reference, or NULL */
  int                 key_columns[2];  /* the column of each key field, or -1 */
  GHashTable         *workers_by_name;      /* name -> GArray of worker indexes */
  GPtrArray          *placements_of_worker; /* worker index -> GArray of placement indexes */
} CollabCsvImport;

static inline const CollabCsvColumn *
collab_csv_import_column (CollabCsvImport *imp,
                          guint            index)
{
  return &g_array_index (imp->columns, CollabCsvColumn, index);
}

/* collab-csv-read.c */
void      collab_csv_append_member     (GString            *out,
                                        gboolean           *first,
                                        const char         *member);
/* Sets @error to `PLACE: HEADER (member): message`, where PLACE is
 * `FILE:LINE:COLUMN` of a CSV file or `FILE:SHEET!CELL` of a workbook.
 * @column is 0-based, or -1 when the member has no column; @label is
 * what the message names before the colon: NULL for the column's
 * header, "" for nothing. Returns FALSE. */
gboolean  collab_csv_fail_at           (CollabCsvImport    *imp,
                                        GError            **error,
                                        int                 code,
                                        guint               line,
                                        int                 column,
                                        const char         *label,
                                        const char         *format,
                                        ...) G_GNUC_PRINTF (7, 8);
int       collab_csv_find_column_of    (CollabCsvImport    *imp,
                                        const CollabField  *field,
                                        gboolean            companion);

/* collab-csv-header.c: resolves the columns of @imp->header, and says
 * which required columns are missing. */
gboolean  collab_csv_read_header       (CollabCsvImport    *imp,
                                        GError            **error);

/* collab-csv-cell.c */
char     *collab_csv_convert_cell      (CollabCsvImport       *imp,
                                        const CollabField     *field,
                                        const CollabCsvColumn *column,
                                        const char            *text,
                                        const CollabCsvRow    *row,
                                        guint                  index,
                                        GString               *json,
                                        GError               **error);

/* @items joined for a sentence: `a, b or c` (`a, b and c` with @and);
 * NULL when there are none. */
char     *collab_csv_join              (GPtrArray             *items,
                                        gboolean               and);
/* Up to three records of the kinds @field refers to closest to @text, as
 * `延安市 (yanan) or 延川县 (yanchuan)`; NULL when none is close. */
char     *collab_csv_closest_records   (CollabCsvImport       *imp,
                                        const CollabField     *field,
                                        const char            *text);

/* collab-csv-workers.c */
void      collab_csv_find_keyed        (CollabCsvImport    *imp);
/* Which key of @imp->keyed @field is (its place in @imp->key_columns),
 * or -1 when it is none. */
int       collab_csv_key_of_field      (CollabCsvImport    *imp,
                                        const CollabField  *field);
/* Whether the rows name their follow-ups' placements by person. */
gboolean  collab_csv_by_person         (CollabCsvImport    *imp);
char     *collab_csv_placement_of_row  (CollabCsvImport    *imp,
                                        const CollabCsvRow *row,
                                        GError            **error);
char     *collab_csv_worker_of_row     (CollabCsvImport    *imp,
                                        const CollabCsvRow *row,
                                        guint               column,
                                        GString            *json,
                                        GError            **error);
void      collab_csv_keyed_clear       (CollabCsvImport    *imp);

/* collab-csv-people.c */
void      collab_csv_find_companion    (CollabCsvImport    *imp);
void      collab_csv_new_record_free   (gpointer            data);
char     *collab_csv_person_of_row     (CollabCsvImport    *imp,
                                        const CollabCsvRow *row,
                                        GError            **error);
gboolean  collab_csv_describe_companion (CollabCsvImport   *imp,
                                        const CollabCsvRow *row,
                                        const char         *id,
                                        GError            **error);
gboolean  collab_csv_append_new_records (CollabCsvImport   *imp,
                                        GString            *out,
                                        GError            **error);
char     *collab_csv_make_id           (CollabCsvImport    *imp,
                                        const char         *prefix,
                                        GPtrArray          *canonical);
void      collab_csv_map_reader_error  (CollabCsvImport    *imp,
                                        GError             *reader_error,
                                        GError            **error);

G_END_DECLS
