/* collab-csv-read.c: the record tables officers keep in spreadsheets
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A pairing table, a roster of dispatched professionals or a ledger of
 * transactions, one record a row, read into a [class@Collab.Dataset] and
 * written back out (SPEC §8).
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(CollabDataset) dataset = collab_dataset_new_from_file ("wuxi-2021.json", &error);
 *
 * if (dataset != NULL &&
 *     !collab_dataset_import_csv (dataset, COLLAB_RECORD_KIND_DISPATCH, "roster.csv", &error))
 *   g_printerr ("%s\n", error->message);
 *   // roster.csv:7:5: 计划结束日期 (planned_end): ends on 2021-01-01, before it starts on 2021-03-01
 * ```
 *
 * An import goes in three steps. The bytes become UTF-8 (a BOM, valid
 * UTF-8, else GB18030, which is what spreadsheets in Chinese offices
 * write), and the text becomes rows (RFC 4180): collab-csv-text.c. Each
 * row becomes the JSON of one record, typed by the kind's field table
 * (the header row says which field each column gives, and each cell is
 * written as its JSON value), and all of them one dataset document that
 * the JSON reader checks and appends exactly as it would a document on
 * disk: one path checks every record, however it arrives, and a failed
 * import leaves the dataset as it was. The reader names the place of an
 * error as a JSON path (`$.dispatches[4].start`), which is mapped back to
 * the line and column of the file.
 *
 * Only the vocabulary (collab-csv-vocabulary.c) knows the words of the
 * spreadsheets; the rest walks the field tables, so a new field needs no
 * code here. The export, the way back, is collab-csv-write.c.
 *
 * This file holds, each part using only those above it: the state of one
 * import; messages that name the place in the file; the header row;
 * references by name; a cell as a JSON value; the person a roster row
 * describes; the reader's errors mapped back to the file; rows into
 * records; and the whole import, with the public API.
 */

#include <string.h>

#include <libcollab/collab-csv.h>
#include <libcollab/collab-error.h>
#include <libcollab/collab-money.h>

#include "collab-csv-private.h"
#include "collab-json-private.h"
#include "model/collab-dataset-private.h"

/* One import --------------------------------------------------------------- */

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
  GHashTable         *names[COLLAB_N_RECORD_KINDS];  /* name -> NameEntry (name_index()) */
} CollabCsvImport;

static const CollabCsvColumn *
import_column (CollabCsvImport *imp,
               guint            index)
{
  return &g_array_index (imp->columns, CollabCsvColumn, index);
}

/* Appends `"member": ` to a JSON object being written, after a comma
 * unless it is the @first member. */
static void
append_member (GString    *out,
               gboolean   *first,
               const char *member)
{
  if (!*first)
    g_string_append (out, ", ");
  *first = FALSE;
  collab_json_append_string (out, member);
  g_string_append (out, ": ");
}

/* Messages that name the place in the file --------------------------------- */

/* Whoever reads an import error has the spreadsheet open, not the JSON
 * document the import builds: every message reads
 * `FILE:LINE:COLUMN: HEADER (member): message`, LINE being the line of
 * the file the row starts on. The import's own checks say so directly
 * (fail_at()); the JSON reader's errors, which name a JSON path, are
 * mapped back to the row and the column that gave the value
 * (map_reader_error(), below with the other errors of the reader).
 */

static char *
column_label (const CollabCsvColumn *column)
{
  if (column->type == COLLAB_CSV_TARGET_NONE)
    return NULL;
  if (column->member == NULL || strcmp (column->header, column->member) == 0)
    return g_strdup (column->header);
  return g_strdup_printf ("%s (%s)", column->header, column->member);
}

/* `FILE:LINE:COLUMN: HEADER (member): message`. @column is 0-based, or
 * -1 when the member has no column (the position is then column 1).
 * @label is what the message names before the colon: `NULL` for the
 * column's header, "" for nothing. */
G_GNUC_PRINTF (7, 8)
static gboolean
fail_at (CollabCsvImport  *imp,
         GError          **error,
         int               code,
         guint             line,
         int               column,
         const char       *label,
         const char       *format,
         ...)
{
  g_autofree char *message = NULL;
  g_autofree char *own_label = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (label == NULL && column >= 0 && (guint) column < imp->columns->len)
    label = own_label = column_label (import_column (imp, column));

  if (label == NULL)
    label = "";
  g_set_error (error, COLLAB_DATASET_ERROR, code, "%s:%u:%d: %s%s%s",
               imp->name, line, column >= 0 ? column + 1 : 1,
               label, *label != '\0' ? ": " : "", message);
  return FALSE;
}

/* The header row ----------------------------------------------------------- */

/* The header row names the members of the dataset document, in English
 * (`planned_end`, `Planned End`, `period.first_year`) or by a Chinese
 * alias (计划结束日期), and the columns of a roster's person beside those
 * of the dispatch. Each column is resolved once, here, to a field of the
 * kind's table (CollabCsvColumn); the rows are then read by column, with
 * no more look-ups by name. A column the kind does not know is kept as a
 * string member. Every required member the header lacks is reported at
 * once: one round trip to the spreadsheet.
 */

/* The clear function of an array of CollabCsvColumn. */
void
collab_csv_column_clear (gpointer data)
{
  CollabCsvColumn *column = data;

  g_free (column->member);
  g_free (column->header);
}

/* A history such as a project's status: an array of steps, each an enum
 * named like the array and a `date`. A CSV row has room for the latest
 * step only, as `status` and `status_date`. */
gboolean
collab_csv_latest_fields (const CollabField  *field,
                          const CollabField **value,
                          const CollabField **date)
{
  int v, d;

  if (field->type != COLLAB_FIELD_ARRAY)
    return FALSE;
  v = collab_schema_find_field (field->sub, field->name);
  d = collab_schema_find_field (field->sub, "date");
  if (v < 0 || d < 0 || field->sub->fields[v].type != COLLAB_FIELD_ENUM ||
      field->sub->fields[d].type != COLLAB_FIELD_DATE)
    return FALSE;

  *value = &field->sub->fields[v];
  *date = &field->sub->fields[d];
  return TRUE;
}

typedef enum { FIND_NONE, FIND_OK, FIND_NO_CSV_FORM } FindResult;

static FindResult
find_target (const CollabSchema *schema,
             const char         *member,
             CollabCsvColumn    *column)
{
  const char *dot = strchr (member, '.');
  const CollabField *value, *date;
  int i;

  if (dot != NULL)
    {
      g_autofree char *head = g_strndup (member, dot - member);
      const CollabField *object;
      int j;

      i = collab_schema_find_field (schema, head);
      if (i < 0 || schema->fields[i].type != COLLAB_FIELD_OBJECT)
        return FIND_NONE;
      object = &schema->fields[i];
      j = collab_schema_find_field (object->sub, dot + 1);
      if (j < 0 || !collab_csv_is_scalar (object->sub->fields[j].type))
        return FIND_NONE;
      column->type = COLLAB_CSV_TARGET_SUBFIELD;
      column->field = object;
      column->sub = &object->sub->fields[j];
      column->member = g_strdup_printf ("%s.%s", object->name, column->sub->name);
      return FIND_OK;
    }

  i = collab_schema_find_field (schema, member);
  if (i >= 0)
    {
      const CollabField *field = &schema->fields[i];

      column->field = field;
      column->member = g_strdup (field->name);
      if (collab_csv_is_scalar (field->type))
        column->type = COLLAB_CSV_TARGET_FIELD;
      else if (collab_csv_latest_fields (field, &value, &date))
        {
          column->type = COLLAB_CSV_TARGET_LATEST;
          column->sub = value;
        }
      else
        {
          g_clear_pointer (&column->member, g_free);
          return FIND_NO_CSV_FORM;
        }
      return FIND_OK;
    }

  if (g_str_has_suffix (member, "_date"))
    {
      g_autofree char *head = g_strndup (member, strlen (member) - strlen ("_date"));

      i = collab_schema_find_field (schema, head);
      if (i >= 0 && collab_csv_latest_fields (&schema->fields[i], &value, &date))
        {
          column->type = COLLAB_CSV_TARGET_LATEST_DATE;
          column->field = &schema->fields[i];
          column->sub = date;
          column->member = g_strdup (member);
          return FIND_OK;
        }
    }

  return FIND_NONE;
}

static gboolean
same_target (const CollabCsvColumn *a,
             const CollabCsvColumn *b)
{
  if (a->type == COLLAB_CSV_TARGET_NONE || b->type == COLLAB_CSV_TARGET_NONE)
    return FALSE;
  if (a->type == COLLAB_CSV_TARGET_EXTRA || b->type == COLLAB_CSV_TARGET_EXTRA)
    return a->type == b->type && strcmp (a->member, b->member) == 0;
  return a->type == b->type && a->companion == b->companion && a->field == b->field && a->sub == b->sub;
}

static FindResult
find_member (CollabCsvImport *imp,
             const char      *member,
             CollabCsvColumn *column)
{
  FindResult found = find_target (imp->schema, member, column);

  if (found != FIND_NONE || imp->via_schema == NULL)
    return found;

  /* A roster row's person columns: anything the person has but the
   * dispatch does not, its id aside (that is the `person` column). */
  if (find_target (imp->via_schema, member, column) == FIND_OK)
    {
      if (column->type == COLLAB_CSV_TARGET_FIELD && column->field->type != COLLAB_FIELD_ID)
        {
          column->companion = TRUE;
          return FIND_OK;
        }
      g_clear_pointer (&column->member, g_free);
      column->type = COLLAB_CSV_TARGET_NONE;
      column->field = column->sub = NULL;
    }
  return FIND_NONE;
}

/* The column that gives @field of the row's own record or, with
 * @companion, of its companion; -1 when none does. */
static int
find_column_of (CollabCsvImport   *imp,
                const CollabField *field,
                gboolean           companion)
{
  for (guint c = 0; c < imp->columns->len; c++)
    {
      const CollabCsvColumn *column = import_column (imp, c);

      if (column->type == COLLAB_CSV_TARGET_FIELD && column->companion == companion && column->field == field)
        return (int) c;
    }
  return -1;
}

static gboolean
read_header (CollabCsvImport *imp,
             GError         **error)
{
  const CollabCsvRow *header = imp->header;
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_missing = 0;

  for (guint c = 0; c < header->n_cells; c++)
    {
      CollabCsvColumn column = { 0 };
      g_autofree char *base = NULL;
      g_autofree char *key = NULL;
      const char *unit, *alias;
      FindResult found = FIND_NONE;

      column.header = collab_csv_trim_cell (header->cells[c]);
      g_array_append_val (imp->columns, column);
      if (*column.header == '\0')
        continue;

      unit = collab_csv_header_unit (column.header, &base);
      key = collab_csv_english_key (base);
      found = find_member (imp, key, &column);
      for (guint n = 0; found == FIND_NONE && (alias = collab_csv_header_alias (base, n)) != NULL; n++)
        found = find_member (imp, alias, &column);

      if (found == FIND_NO_CSV_FORM)
        return fail_at (imp, error, COLLAB_DATASET_ERROR_TYPE, header->line, c,
                        column.header,
                        "a %s holds a list of records here, which a CSV column cannot",
                        imp->schema->singular);
      if (found == FIND_NONE)
        {
          column.type = COLLAB_CSV_TARGET_EXTRA;
          column.member = g_strdup (column.header);
        }
      if (column.type != COLLAB_CSV_TARGET_EXTRA &&
          (column.type == COLLAB_CSV_TARGET_SUBFIELD ? column.sub : column.field)->type == COLLAB_FIELD_AMOUNT)
        column.unit = unit;
      g_array_index (imp->columns, CollabCsvColumn, c) = column;

      for (guint before = 0; before < c; before++)
        if (same_target (import_column (imp, before), &column))
          return fail_at (imp, error, COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                          header->line, c, NULL,
                          "column %u (%s) already gives \"%s\"", before + 1,
                          import_column (imp, before)->header, column.member);

      if (column.type == COLLAB_CSV_TARGET_FIELD && column.companion)
        imp->has_via_columns = TRUE;
      if (column.type == COLLAB_CSV_TARGET_FIELD && !column.companion && column.field == imp->via)
        imp->via_column = (int) c;
    }

  /* Every column missing at once: one round trip to the spreadsheet. */
  for (guint f = 0; f < imp->schema->n_fields; f++)
    {
      const CollabField *field = &imp->schema->fields[f];
      const char *alias;

      if (!(field->flags & COLLAB_FIELD_REQUIRED) || find_column_of (imp, field, FALSE) >= 0)
        continue;

      alias = collab_csv_first_alias_of (field->name);
      g_string_append_printf (missing, "%s\"%s\"", missing->len > 0 ? ", " : "", field->name);
      if (alias != NULL)
        g_string_append_printf (missing, " (or \"%s\")", alias);
      n_missing++;
    }

  if (n_missing > 0)
    return fail_at (imp, error, COLLAB_DATASET_ERROR_MISSING_MEMBER, header->line, 0,
                    "",
                    "the header has no column%s %s, which every %s needs",
                    n_missing > 1 ? "s" : "", missing->str, imp->schema->singular);

  return TRUE;
}

/* References by id, else by name ------------------------------------------- */

typedef struct
{
  char *id;
  char *other;   /* a second record of the same name, or NULL */
} NameEntry;

static void
name_entry_free (gpointer data)
{
  NameEntry *entry = data;

  g_free (entry->id);
  g_free (entry->other);
  g_free (entry);
}

static void
add_name (GHashTable *table,
          const char *name,
          const char *id)
{
  NameEntry *entry = g_hash_table_lookup (table, name);

  if (entry == NULL)
    {
      entry = g_new0 (NameEntry, 1);
      entry->id = g_strdup (id);
      g_hash_table_insert (table, g_strdup (name), entry);
    }
  else if (strcmp (entry->id, id) != 0 && entry->other == NULL)
    entry->other = g_strdup (id);
}

/* The records of @kind by name: those of the dataset, and when the file
 * holds that kind, its rows. Built when a reference first needs it. */
static GHashTable *
name_index (CollabCsvImport  *imp,
            CollabRecordKind  kind)
{
  const CollabSchema *schema = collab_schema_for_kind (kind);
  int n = collab_schema_find_field (schema, "name");
  GHashTable *table;

  if (imp->names[kind] != NULL)
    return imp->names[kind];

  table = imp->names[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, name_entry_free);
  if (n < 0 || schema->fields[n].type != COLLAB_FIELD_STRING)
    return table;

  for (guint i = 0; i < collab_store_count (imp->store, kind); i++)
    {
      gconstpointer record = collab_store_get (imp->store, kind, i);
      const char *id = ((const CollabRecordHeader *) record)->id;

      if (id != NULL && COLLAB_RECORD_PRESENT (record, n))
        add_name (table, *(const char * const *) COLLAB_FIELD_PTR (record, &schema->fields[n]), id);
    }

  if (kind == imp->kind)
    {
      int id_field = collab_schema_find_field (schema, "id");
      int name_column = find_column_of (imp, &schema->fields[n], FALSE);
      int id_column = find_column_of (imp, &schema->fields[id_field], FALSE);

      for (guint r = 0; name_column >= 0 && id_column >= 0 && r < imp->rows->len; r++)
        {
          const CollabCsvRow *row = g_ptr_array_index (imp->rows, r);
          g_autofree char *name = NULL;
          g_autofree char *id = NULL;

          if (row == imp->header || row->n_cells != imp->columns->len)
            continue;
          name = collab_csv_trim_cell (row->cells[name_column]);
          id = collab_csv_trim_cell (row->cells[id_column]);
          if (*name != '\0' && *id != '\0')
            add_name (table, name, id);
        }
    }

  return table;
}

/* The id a reference cell means: an id of the dataset or of the file, or
 * the name of exactly one record (派往地 written 延川县 for `yanchuan`).
 * What names nothing is left for the reader to report. */
static char *
resolve_ref (CollabCsvImport    *imp,
             const CollabField  *field,
             const char         *text,
             const CollabCsvRow *row,
             guint               column,
             GError            **error)
{
  const char *found = NULL;
  CollabRecordKind found_kind = 0;

  if (collab_store_find_ref (imp->store, field->ref_kinds, text) != COLLAB_REF_NONE)
    return g_strdup (text);
  if ((field->ref_kinds & (1u << imp->kind)) && g_hash_table_contains (imp->csv_ids, text))
    return g_strdup (text);
  if (field == imp->via && imp->has_via_columns)
    return g_strdup (text);

  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    {
      NameEntry *entry;

      if (!(field->ref_kinds & (1u << k)))
        continue;
      entry = g_hash_table_lookup (name_index (imp, k), text);
      if (entry == NULL)
        continue;
      if (entry->other != NULL || found != NULL)
        return (fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                         row->line, (int) column, NULL,
                         "\"%s\" is the name of more than one record (%s \"%s\", %s \"%s\"): write the id",
                         text, collab_schema_kind_name (found != NULL ? found_kind : k),
                         found != NULL ? found : entry->id, collab_schema_kind_name (k),
                         found != NULL ? entry->id : entry->other), NULL);
      found = entry->id;
      found_kind = k;
    }

  return g_strdup (found != NULL ? found : text);
}

/* A cell as a JSON value --------------------------------------------------- */

/* The import does not check values itself: it writes each cell as the
 * JSON the dataset document would have (`"2021-03-01"`, `["a", "b"]`,
 * `"1920万"`) and lets the JSON reader check the record, so that a record
 * is held to the same rules however it arrives. What is converted is
 * only what a spreadsheet writes differently from the document: dates
 * as 2021/3/1 or 2021年3月1日, Chinese words for enums, lists with Chinese
 * separators (the spellings are the vocabulary's), bare amounts under a
 * header that names a unit, and references by name instead of id.
 *
 * Each conversion also returns the value's canonical text, what the
 * export would write for it (collab_csv_field_text()), by which the rows
 * of a roster are compared with each other and with the dataset.
 */

static gboolean
bad_value (CollabCsvImport    *imp,
           const CollabField  *field,
           const char         *text,
           const CollabCsvRow *row,
           guint               column,
           GError            **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (field->enum_type ());
  g_autoptr(GString) choices = g_string_new (NULL);
  guint n_values = G_IS_FLAGS_CLASS (klass) ? G_FLAGS_CLASS (klass)->n_values : G_ENUM_CLASS (klass)->n_values;

  for (guint i = 0; i < n_values; i++)
    {
      const char *nick;
      const char *word;

      if (G_IS_FLAGS_CLASS (klass))
        nick = G_FLAGS_CLASS (klass)->values[i].value_nick;
      else if (G_ENUM_CLASS (klass)->values[i].value == 0 && (field->flags & COLLAB_FIELD_NONZERO))
        continue;
      else
        nick = G_ENUM_CLASS (klass)->values[i].value_nick;

      word = collab_csv_value_word (field->enum_type (), nick);
      g_string_append_printf (choices, "%s%s", choices->len > 0 ? ", " : "", nick);
      if (word != NULL)
        g_string_append_printf (choices, " (%s)", word);
    }

  return fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                  row->line, (int) column, NULL,
                  "expected one of %s, found \"%s\"", choices->str, text);
}

/* Converts a trimmed, non-empty cell for @field: appends its JSON value
 * to @json and returns the text the export would write for it, which is
 * what rows are compared by; NULL with @error set when the cell cannot
 * be read. */
static char *
convert_cell (CollabCsvImport       *imp,
              const CollabField     *field,
              const CollabCsvColumn *column,
              const char            *text,
              const CollabCsvRow    *row,
              guint                  index,
              GString               *json,
              GError               **error)
{
  switch (field->type)
    {
    case COLLAB_FIELD_ID:
    case COLLAB_FIELD_STRING:
      collab_json_append_string (json, text);
      return g_strdup (text);

    case COLLAB_FIELD_ENUM:
      {
        const char *nick = collab_csv_value_nick (field, text);

        if (nick == NULL)
          return (bad_value (imp, field, text, row, index, error), NULL);
        collab_json_append_string (json, nick);
        return g_strdup (nick);
      }

    case COLLAB_FIELD_FLAGS:
      {
        g_autoptr(GPtrArray) items = collab_csv_split_list (text);
        g_autoptr(GFlagsClass) klass = g_type_class_ref (field->enum_type ());
        GString *canonical = g_string_new (NULL);
        guint value = 0;

        for (guint i = 0; i < items->len; i++)
          {
            const char *nick = collab_csv_value_nick (field, g_ptr_array_index (items, i));

            if (nick == NULL)
              {
                g_string_free (canonical, TRUE);
                return (bad_value (imp, field, g_ptr_array_index (items, i), row, index, error), NULL);
              }
            value |= g_flags_get_value_by_nick (klass, nick)->value;
          }
        collab_csv_append_flags_text (canonical, field->enum_type (), value);
        g_string_append_c (json, '[');
        for (guint i = 0; i < klass->n_values; i++)
          if (klass->values[i].value != 0 && (value & klass->values[i].value) == klass->values[i].value)
            {
              if (json->str[json->len - 1] != '[')
                g_string_append (json, ", ");
              collab_json_append_string (json, klass->values[i].value_nick);
            }
        g_string_append_c (json, ']');
        return g_string_free (canonical, FALSE);
      }

    case COLLAB_FIELD_REF:
      {
        char *id = resolve_ref (imp, field, text, row, index, error);

        if (id != NULL)
          collab_json_append_string (json, id);
        return id;
      }

    case COLLAB_FIELD_REF_LIST:
      {
        g_autoptr(GPtrArray) items = collab_csv_split_list (text);
        GString *canonical = g_string_new (NULL);

        g_string_append_c (json, '[');
        for (guint i = 0; i < items->len; i++)
          {
            g_autofree char *id = resolve_ref (imp, field, g_ptr_array_index (items, i), row, index, error);

            if (id == NULL)
              {
                g_string_free (canonical, TRUE);
                return NULL;
              }
            if (i > 0)
              {
                g_string_append (json, ", ");
                g_string_append_c (canonical, ';');
              }
            collab_json_append_string (json, id);
            g_string_append (canonical, id);
          }
        g_string_append_c (json, ']');
        return g_string_free (canonical, FALSE);
      }

    case COLLAB_FIELD_DATE:
      {
        char *date = collab_csv_normalize_date (text);

        if (date == NULL)
          return (fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                           row->line, (int) index, NULL,
                           "expected a date such as 2021-03-01, 2021/3/1, 2021.3.1 or 2021年3月1日, "
                           "found \"%s\"", text), NULL);
        collab_json_append_string (json, date);
        return date;
      }

    case COLLAB_FIELD_AMOUNT:
      {
        g_autofree char *amount = NULL;
        gint64 fen;

        /* Bare numbers under 金额（万元） are 万. */
        if (column != NULL && column->unit != NULL && g_ascii_isdigit (text[strlen (text) - 1]))
          amount = g_strconcat (text, column->unit, NULL);
        else
          amount = g_strdup (text);
        collab_json_append_string (json, amount);
        if (collab_money_parse (amount, &fen, NULL))
          return collab_money_format (fen);
        return g_steal_pointer (&amount);
      }

    case COLLAB_FIELD_INT:
    case COLLAB_FIELD_YEAR:
      {
        g_autofree char *digits = g_strdup (text);
        gint64 value;

        if (field->type == COLLAB_FIELD_YEAR && g_str_has_suffix (digits, "年"))
          digits[strlen (digits) - strlen ("年")] = '\0';
        if (!g_ascii_string_to_signed (digits, 10, G_MININT64, G_MAXINT64, &value, NULL))
          return (fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                           row->line, (int) index, NULL,
                           "expected %s, found \"%s\"",
                           field->type == COLLAB_FIELD_YEAR ? "a year such as 2021" : "a whole number",
                           text), NULL);
        g_string_append_printf (json, "%" G_GINT64_FORMAT, value);
        return g_strdup_printf ("%" G_GINT64_FORMAT, value);
      }

    case COLLAB_FIELD_BOOL:
      {
        gboolean value;

        if (!collab_csv_read_bool (text, &value))
          return (fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                           row->line, (int) index, NULL,
                           "expected 是 or 否 (true or false, 1 or 0), found \"%s\"", text), NULL);
        g_string_append (json, value ? "true" : "false");
        return g_strdup (value ? "true" : "false");
      }

    case COLLAB_FIELD_OBJECT:
    case COLLAB_FIELD_ARRAY:
    default:
      g_assert_not_reached ();
    }
}

/* The person a roster row describes ---------------------------------------- */

/* A roster lists dispatches, and beside each the columns of its person
 * (姓名, 职业, 单位). The dispatch is the record of the row; the person is
 * its companion, named by the row's companion reference (`person`). A
 * person the dataset has is only compared with the row: records are
 * appended, never changed. A person it does not have is gathered from
 * every row that names them, each field from the first row that gives
 * it, and written once into the document after the records, where the
 * reader resolves the references to it.
 */

/* A record a row may describe beside its own, created when the dataset
 * does not have it yet: the person of a roster row. */
static const struct
{
  CollabRecordKind  kind;
  const char       *via;
} companions[] = {
  { COLLAB_RECORD_KIND_DISPATCH, "person" },
};

/* Sets the companion reference of @imp, when its kind has one. */
static void
find_companion (CollabCsvImport *imp)
{
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    if (companions[i].kind == imp->kind)
      {
        imp->via = &imp->schema->fields[collab_schema_find_field (imp->schema, companions[i].via)];
        imp->via_kind = (CollabRecordKind) g_bit_nth_lsf (imp->via->ref_kinds, -1);
        imp->via_schema = collab_schema_for_kind (imp->via_kind);
      }
}

static void
new_record_free (gpointer data)
{
  CollabCsvNewRecord *record = data;

  for (guint i = 0; i < record->n_given; i++)
    {
      g_free (record->given[i].text);
      g_free (record->given[i].json);
    }
  g_free (record->given);
  g_free (record->id);
  g_free (record);
}

/* A roster row's person columns: compared with the person the dataset
 * has, or gathered into the person the import creates. */
static gboolean
describe_companion (CollabCsvImport    *imp,
                    const CollabCsvRow *row,
                    GError            **error)
{
  const CollabSchema *schema = imp->via_schema;
  const char *id = imp->cells[imp->via_column];
  gconstpointer existing = NULL;
  CollabCsvNewRecord *record = NULL;
  guint index;

  if (*id == '\0')
    return TRUE;

  if (collab_store_lookup (imp->store, imp->via_kind, id, &index))
    existing = collab_store_get (imp->store, imp->via_kind, index);
  else if ((record = g_hash_table_lookup (imp->new_records, id)) == NULL)
    {
      record = g_new0 (CollabCsvNewRecord, 1);
      record->id = g_strdup (id);
      record->row = row;
      record->n_given = schema->n_fields;
      record->given = g_new0 (CollabCsvGiven, schema->n_fields);
      g_hash_table_insert (imp->new_records, record->id, record);
      g_ptr_array_add (imp->new_order, record);
    }

  for (guint c = 0; c < imp->columns->len; c++)
    {
      const CollabCsvColumn *column = import_column (imp, c);
      g_autoptr(GString) json = NULL;
      g_autofree char *text = NULL;
      int f;

      if (!column->companion || *imp->cells[c] == '\0')
        continue;

      f = (int) (column->field - schema->fields);
      json = g_string_new (NULL);
      text = convert_cell (imp, column->field, column, imp->cells[c], row, c, json, error);
      if (text == NULL)
        return FALSE;

      if (existing != NULL)
        {
          g_autofree char *known = NULL;

          /* What the dataset does not say, a roster cannot add: records
           * are appended, never changed. */
          if (!COLLAB_RECORD_PRESENT (existing, f))
            continue;
          known = collab_csv_field_text (imp->store, column->field,
                                         COLLAB_FIELD_PTR (existing, column->field));
          if (strcmp (known, text) != 0)
            return fail_at (imp, error, COLLAB_DATASET_ERROR_INCONSISTENT,
                            row->line, (int) c, NULL,
                            "the %s \"%s\" has the %s \"%s\" in the dataset, "
                            "and this row says \"%s\"",
                            schema->singular, id, column->field->name, known, text);
        }
      else if (record->given[f].text == NULL)
        {
          record->given[f].text = g_steal_pointer (&text);
          record->given[f].json = g_string_free (g_steal_pointer (&json), FALSE);
          record->given[f].row = row;
          record->given[f].column = c;
        }
      else if (strcmp (record->given[f].text, text) != 0)
        return fail_at (imp, error, COLLAB_DATASET_ERROR_INCONSISTENT,
                        row->line, (int) c, NULL,
                        "line %u gives the %s \"%s\" the %s \"%s\", and this row says \"%s\"",
                        record->given[f].row->line, schema->singular, id, column->field->name,
                        record->given[f].text, text);
    }

  return TRUE;
}

/* The column that gives @field of the companion, else the column of the
 * companion reference: where a message about that field points. */
static int
companion_column (CollabCsvImport   *imp,
                  const CollabField *field)
{
  int column = find_column_of (imp, field, TRUE);

  return column >= 0 ? column : imp->via_column;
}

/* Appends the companions the rows created to the document, each with
 * every field its kind requires. */
static gboolean
append_new_records (CollabCsvImport  *imp,
                    GString          *out,
                    GError          **error)
{
  const CollabSchema *schema = imp->via_schema;

  for (guint i = 0; i < imp->new_order->len; i++)
    {
      CollabCsvNewRecord *record = g_ptr_array_index (imp->new_order, i);
      gboolean first = TRUE;

      for (guint f = 0; f < schema->n_fields; f++)
        {
          const CollabField *field = &schema->fields[f];

          if ((field->flags & COLLAB_FIELD_REQUIRED) && field->type != COLLAB_FIELD_ID &&
              record->given[f].text == NULL)
            return fail_at (imp, error, COLLAB_DATASET_ERROR_MISSING_MEMBER,
                            record->row->line, companion_column (imp, field), NULL,
                            "the %s \"%s\" is not in the dataset, and none of its rows "
                            "gives the %s a new %s needs",
                            schema->singular, record->id, field->name, schema->singular);
        }

      g_string_append (out, i > 0 ? ",\n" : "\n");
      g_string_append_c (out, '{');
      append_member (out, &first, "id");
      collab_json_append_string (out, record->id);
      for (guint f = 0; f < schema->n_fields; f++)
        if (record->given[f].json != NULL)
          {
            append_member (out, &first, schema->fields[f].name);
            g_string_append (out, record->given[f].json);
          }
      g_string_append_c (out, '}');
    }

  return TRUE;
}

/* Errors of the reader ----------------------------------------------------- */

static int
find_column_for (CollabCsvImport *imp,
                 gboolean         companion,
                 const char      *field,
                 const char      *sub)
{
  int found = -1;

  for (guint c = 0; c < imp->columns->len; c++)
    {
      const CollabCsvColumn *column = import_column (imp, c);

      if (column->field == NULL || column->companion != companion || strcmp (column->field->name, field) != 0)
        continue;
      if (sub == NULL || (column->sub != NULL && strcmp (column->sub->name, sub) == 0))
        return (int) c;
      if (found < 0)
        found = (int) c;
    }
  return found;
}

/* The reader says where as `FILE: $.member[N].field…: message`, with
 * ` (line L, column C)` of the document it was given, which means nothing
 * to whoever edits the CSV: the path is mapped to the row and column. */
static void
map_reader_error (CollabCsvImport *imp,
                  GError          *reader_error,
                  GError         **error)
{
  const char *p = reader_error->message;
  g_autofree char *member = NULL;
  g_autofree char *field = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *message = NULL;
  const CollabCsvRow *row = NULL;
  CollabRecordKind kind;
  const char *q, *tail;
  guint64 index;
  int column = -1;

  if (!g_str_has_prefix (p, imp->name) || !g_str_has_prefix (p + strlen (imp->name), ": $."))
    goto verbatim;
  p += strlen (imp->name) + strlen (": $.");

  for (q = p; *q != '\0' && *q != '['; q++)
    ;
  if (*q != '[')
    goto verbatim;
  member = g_strndup (p, q - p);
  index = g_ascii_strtoull (q + 1, (char **) &p, 10);
  if (*p != ']' || !collab_schema_kind_from_member (member, &kind))
    goto verbatim;
  p++;

  /* `.planned_end`, `.period.first_year`, `.status[0].date`, `.assisted[1]`, or nothing. */
  if (*p == '.')
    {
      for (q = ++p; *q != '\0' && *q != '.' && *q != '[' && *q != ':'; q++)
        ;
      field = g_strndup (p, q - p);
      p = q;
      if (*p == '[')
        p = strchr (p, ']') != NULL ? strchr (p, ']') + 1 : p;
      if (*p == '.')
        {
          for (q = ++p; *q != '\0' && *q != '.' && *q != '[' && *q != ':'; q++)
            ;
          sub = g_strndup (p, q - p);
          p = q;
        }
    }
  q = strstr (p, ": ");
  if (q == NULL)
    goto verbatim;
  message = g_strdup (q + 2);
  tail = g_strrstr (message, " (line ");
  if (tail != NULL && g_str_has_suffix (tail, ")"))
    message[tail - message] = '\0';

  if (kind == imp->kind && index < imp->record_rows->len)
    {
      row = g_ptr_array_index (imp->record_rows, index);
      if (field != NULL)
        column = find_column_for (imp, FALSE, field, sub);
    }
  else if (imp->via != NULL && kind == imp->via_kind && index < imp->new_order->len)
    {
      CollabCsvNewRecord *record = g_ptr_array_index (imp->new_order, index);
      int f = field != NULL ? collab_schema_find_field (imp->via_schema, field) : -1;

      row = record->row;
      column = imp->via_column;
      if (f >= 0 && record->given[f].row != NULL)
        {
          row = record->given[f].row;
          column = (int) record->given[f].column;
        }
      else if (f >= 0)
        column = companion_column (imp, &imp->via_schema->fields[f]);
    }
  else
    goto verbatim;

  fail_at (imp, error, reader_error->code, row->line, column,
           column < 0 ? field : NULL, "%s", message);
  return;

verbatim:
  g_propagate_error (error, g_error_copy (reader_error));
}

/* Rows into records -------------------------------------------------------- */

static gboolean
check_id (CollabCsvImport    *imp,
          const CollabCsvRow *row,
          guint               column,
          const char         *id,
          GError            **error)
{
  const CollabCsvRow *first = g_hash_table_lookup (imp->csv_ids, id);

  if (collab_store_lookup (imp->store, imp->kind, id, NULL))
    return fail_at (imp, error, COLLAB_DATASET_ERROR_DUPLICATE_ID,
                    row->line, (int) column, NULL,
                    "the dataset already has a %s with the id \"%s\"", imp->schema->singular, id);
  if (first != NULL && first != row)
    return fail_at (imp, error, COLLAB_DATASET_ERROR_DUPLICATE_ID,
                    row->line, (int) column, NULL,
                    "line %u already has the %s id \"%s\"",
                    first->line, imp->schema->singular, id);
  return TRUE;
}

/* The columns of an inline sub-record or of a history make one member:
 * `period.first_year` and `period.last_year` make `"period": {…}`, and
 * `status` and `status_date` make `"status": [{"status": …, "date": …}]`. */
static gboolean
append_sub_record (CollabCsvImport    *imp,
                   const CollabCsvRow *row,
                   const CollabField  *field,
                   GString            *out,
                   gboolean           *first,
                   GError            **error)
{
  gboolean latest = field->type == COLLAB_FIELD_ARRAY;
  gboolean opened = FALSE;
  gboolean sub_first = TRUE;

  for (guint c = 0; c < imp->columns->len; c++)
    {
      const CollabCsvColumn *column = import_column (imp, c);
      gboolean gives_field = latest ? (column->type == COLLAB_CSV_TARGET_LATEST ||
                                       column->type == COLLAB_CSV_TARGET_LATEST_DATE)
                                    : column->type == COLLAB_CSV_TARGET_SUBFIELD;
      g_autofree char *text = NULL;

      if (!gives_field || column->field != field || *imp->cells[c] == '\0')
        continue;
      if (!opened)
        {
          append_member (out, first, field->name);
          g_string_append (out, latest ? "[{" : "{");
          opened = TRUE;
        }
      append_member (out, &sub_first, column->sub->name);
      text = convert_cell (imp, column->sub, column, imp->cells[c], row, c, out, error);
      if (text == NULL)
        return FALSE;
    }
  if (opened)
    g_string_append (out, latest ? "}]" : "}");
  return TRUE;
}

static gboolean
convert_row (CollabCsvImport    *imp,
             const CollabCsvRow *row,
             GString            *out,
             GError            **error)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  for (guint c = 0; c < imp->columns->len; c++)
    {
      const CollabCsvColumn *column = import_column (imp, c);
      const char *text = imp->cells[c];
      g_autofree char *canonical = NULL;

      if (column->companion || column->type == COLLAB_CSV_TARGET_SUBFIELD ||
          column->type == COLLAB_CSV_TARGET_LATEST || column->type == COLLAB_CSV_TARGET_LATEST_DATE)
        continue;

      if (*text == '\0')
        {
          /* An empty cell is a member not given, which the reader would
           * report for the record; say it of the cell. */
          if (column->type == COLLAB_CSV_TARGET_FIELD && (column->field->flags & COLLAB_FIELD_REQUIRED))
            return fail_at (imp, error, COLLAB_DATASET_ERROR_MISSING_MEMBER,
                            row->line, (int) c, NULL,
                            "the cell is empty, and every %s needs one", imp->schema->singular);
          continue;
        }

      if (column->type == COLLAB_CSV_TARGET_NONE)
        return fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                        row->line, (int) c, NULL,
                        "\"%s\" is in a column without a header", text);

      append_member (out, &first, column->member);
      if (column->type == COLLAB_CSV_TARGET_EXTRA)
        {
          collab_json_append_string (out, text);
          continue;
        }

      if (column->field->type == COLLAB_FIELD_ID && !check_id (imp, row, c, text, error))
        return FALSE;
      canonical = convert_cell (imp, column->field, column, text, row, c, out, error);
      if (canonical == NULL)
        return FALSE;
    }

  for (guint f = 0; f < imp->schema->n_fields; f++)
    {
      const CollabField *field = &imp->schema->fields[f];

      if ((field->type == COLLAB_FIELD_OBJECT || field->type == COLLAB_FIELD_ARRAY) &&
          !append_sub_record (imp, row, field, out, &first, error))
        return FALSE;
    }
  g_string_append_c (out, '}');

  if (imp->has_via_columns && imp->via_column >= 0)
    return describe_companion (imp, row, error);
  return TRUE;
}

/* The whole import --------------------------------------------------------- */

static void
import_clear (CollabCsvImport *imp)
{
  g_clear_pointer (&imp->rows, g_ptr_array_unref);
  g_clear_pointer (&imp->columns, g_array_unref);
  g_clear_pointer (&imp->cells, g_strfreev);
  g_clear_pointer (&imp->record_rows, g_ptr_array_unref);
  g_clear_pointer (&imp->csv_ids, g_hash_table_unref);
  g_clear_pointer (&imp->new_order, g_ptr_array_unref);
  g_clear_pointer (&imp->new_records, g_hash_table_unref);
  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    g_clear_pointer (&imp->names[k], g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CollabCsvImport, import_clear)

static void
trim_row (CollabCsvImport    *imp,
          const CollabCsvRow *row)
{
  g_clear_pointer (&imp->cells, g_strfreev);
  imp->cells = g_new0 (char *, row->n_cells + 1);
  for (guint c = 0; c < row->n_cells; c++)
    imp->cells[c] = collab_csv_trim_cell (row->cells[c]);
}

static gboolean
import_rows (CollabCsvImport  *imp,
             GString          *records,
             GError          **error)
{
  const CollabCsvRow *header = imp->header;
  int id_field = collab_schema_find_field (imp->schema, "id");
  int id_column = find_column_of (imp, &imp->schema->fields[id_field], FALSE);

  /* Every id of the file first: a row may refer to one further down. */
  for (guint r = 0; id_column >= 0 && r < imp->rows->len; r++)
    {
      const CollabCsvRow *row = g_ptr_array_index (imp->rows, r);
      char *id;

      if (row->line <= header->line || row->n_cells != header->n_cells)
        continue;
      id = collab_csv_trim_cell (row->cells[id_column]);
      if (*id != '\0' && !g_hash_table_contains (imp->csv_ids, id))
        g_hash_table_insert (imp->csv_ids, id, (gpointer) row);
      else
        g_free (id);
    }

  for (guint r = 0; r < imp->rows->len; r++)
    {
      const CollabCsvRow *row = g_ptr_array_index (imp->rows, r);

      if (row->line <= header->line || collab_csv_row_is_blank (row))
        continue;
      if (row->n_cells != header->n_cells)
        {
          guint column = MIN (row->n_cells, header->n_cells);

          return fail_at (imp, error, COLLAB_DATASET_ERROR_SYNTAX, row->line, (int) column,
                          row->n_cells < header->n_cells ? NULL : "",
                          "the row has %u cells, and the header %u",
                          row->n_cells, header->n_cells);
        }

      trim_row (imp, row);
      if (imp->record_rows->len > 0)
        g_string_append (records, ",\n");
      if (!convert_row (imp, row, records, error))
        return FALSE;
      g_ptr_array_add (imp->record_rows, (gpointer) row);
    }

  return TRUE;
}

static gboolean
import_text (CollabStore       *store,
             CollabRecordKind   kind,
             const char        *data,
             gsize              length,
             const char        *name,
             GError           **error)
{
  g_auto(CollabCsvImport) imp = { 0 };
  g_autoptr(GString) document = NULL;
  g_autoptr(GError) reader_error = NULL;
  g_autofree char *text = NULL;
  gsize text_length;

  imp.store = store;
  imp.name = name;
  imp.kind = kind;
  imp.schema = collab_schema_for_kind (kind);
  imp.via_column = -1;
  find_companion (&imp);
  imp.columns = g_array_new (FALSE, TRUE, sizeof (CollabCsvColumn));
  g_array_set_clear_func (imp.columns, collab_csv_column_clear);
  imp.record_rows = g_ptr_array_new ();
  imp.csv_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp.new_records = g_hash_table_new (g_str_hash, g_str_equal);
  imp.new_order = g_ptr_array_new_with_free_func (new_record_free);

  text = collab_csv_decode (data, length, name, &text_length, error);
  if (text == NULL)
    return FALSE;
  imp.rows = collab_csv_parse (text, text_length, name, error);
  g_clear_pointer (&text, g_free);
  if (imp.rows == NULL)
    return FALSE;

  for (guint r = 0; r < imp.rows->len && imp.header == NULL; r++)
    if (!collab_csv_row_is_blank (g_ptr_array_index (imp.rows, r)))
      imp.header = g_ptr_array_index (imp.rows, r);
  if (imp.header == NULL)
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   "%s:1:1: the file is empty: expected a header row naming the columns", name);
      return FALSE;
    }

  if (!read_header (&imp, error))
    return FALSE;

  /* The records, then the people a roster creates: the reader resolves
   * references once the whole document is read. */
  document = g_string_sized_new (text_length * 2 + 256);
  g_string_append_printf (document, "{\"format\": \"%s\", \"version\": %d,\n\"%s\": [\n",
                          COLLAB_DATASET_FORMAT, COLLAB_DATASET_VERSION, imp.schema->member);
  if (!import_rows (&imp, document, error))
    return FALSE;
  g_string_append (document, "]");
  if (imp.new_order->len > 0)
    {
      g_string_append_printf (document, ",\n\"%s\": [", imp.via_schema->member);
      if (!append_new_records (&imp, document, error))
        return FALSE;
      g_string_append (document, "]");
    }
  g_string_append (document, "}\n");

  if (!collab_json_read_into (store, document->str, document->len, name, &reader_error))
    {
      map_reader_error (&imp, reader_error, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * collab_dataset_import_csv_data:
 * @dataset: a dataset
 * @kind: the kind of record each row is
 * @data: (array length=length) (element-type guint8): the bytes of a CSV file
 * @length: the length of @data in bytes, or -1 when it ends with a NUL
 * @name: (nullable): the name error messages give the file, or `NULL` for `<data>`
 * @error: return location for a #GError
 *
 * Appends the rows of a CSV table to @dataset as records of @kind: a
 * roster, a pairing table, a ledger of transactions as spreadsheets export
 * them.
 *
 * **Encoding.** UTF-8 with or without a byte-order mark; otherwise
 * GB18030 (which includes GBK and GB2312), the encoding spreadsheets in
 * Chinese offices save CSV in. A file that is good UTF-8 but for a few
 * bytes is taken as damaged UTF-8 rather than read as GB18030; UTF-16 is
 * refused. Bytes that neither encoding reads are a
 * %COLLAB_DATASET_ERROR_SYNTAX error naming their line and column.
 *
 * **Table.** RFC 4180: cells separated by commas, quoted with `"` when
 * they hold commas, quotes (doubled) or line breaks; CRLF, LF or CR line
 * ends. The first non-blank row is the header; blank rows are skipped,
 * and a row with more or fewer cells than the header is an error. Cells
 * are trimmed of surrounding white space, and an empty cell is a member
 * not given.
 *
 * **Columns.** The header names the members of the dataset document
 * (`id`, `planned_end`, `period.first_year`; any case) or their Chinese
 * names (编号, 计划结束日期, …). A project's `status` and `status_date`
 * give its latest status. A column the kind does not know is kept as a
 * string member of each record and saved with it. An amount column whose
 * header names a unit, as 金额（万元）, reads bare numbers in that unit.
 *
 * **Values.** Closed vocabularies take their English word or a Chinese
 * one (教师, 专业技术人才, 选派, 下达, 乡村振兴, …). Lists (flags,
 * several ids) are separated by `;`, `,` or `、`. Dates are written
 * `2021-03-01`, `2021/3/1`, `2021.3.1` or `2021年3月1日`; amounts as in
 * the dataset document (`1920万`, `300.50`); booleans `是`/`否`,
 * `true`/`false` or `1`/`0`. A reference is an id, or the name of
 * exactly one record of the kind it refers to (`延川县` for a region).
 *
 * **Rosters.** A dispatch row may also describe its person: the columns
 * `name`, `profession` and `organization` (姓名, 职业, 单位). A person the
 * dataset does not have is created once, however many rows name them;
 * a row that contradicts what the dataset or an earlier row says of the
 * person (another profession) is a %COLLAB_DATASET_ERROR_INCONSISTENT
 * error.
 *
 * Records may refer to records @dataset already has and to each other.
 * Errors read `FILE:LINE:COLUMN: HEADER: message`, where LINE is the line
 * of the file the row starts on (the header is usually line 1) and
 * COLUMN the cell's position in the row. The import is atomic: on error,
 * @dataset keeps exactly the records it had.
 *
 * Returns: whether the rows were imported
 */
gboolean
collab_dataset_import_csv_data (CollabDataset     *dataset,
                                CollabRecordKind   kind,
                                const char        *data,
                                gssize             length,
                                const char        *name,
                                GError           **error)
{
  CollabStore *store;
  gboolean ok;

  g_return_val_if_fail (COLLAB_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length < 0)
    length = (gssize) strlen (data);
  store = collab_dataset_begin_edit (dataset);
  ok = import_text (store, kind, data != NULL ? data : "", (gsize) length, name != NULL ? name : "<data>", error);
  collab_dataset_end_edit (dataset, ok);
  return ok;
}

/**
 * collab_dataset_import_csv:
 * @dataset: a dataset
 * @kind: the kind of record each row is
 * @path: (type filename): a CSV file
 * @error: return location for a #GError
 *
 * Like [method@Collab.Dataset.import_csv_data], from a file; messages
 * name it by @path.
 *
 * Returns: whether the rows were imported
 */
gboolean
collab_dataset_import_csv (CollabDataset     *dataset,
                           CollabRecordKind   kind,
                           const char        *path,
                           GError           **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (COLLAB_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The message of GLib names the file and the reason. */
  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;

  return collab_dataset_import_csv_data (dataset, kind, data, (gssize) length, path, error);
}
