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
 * This file holds, each part using only those above it: messages that
 * name the place in the file; rows into records; and the whole import,
 * with the public API. The header row is collab-csv-header.c, a cell as
 * a JSON value and references collab-csv-cell.c, the person of a roster
 * row, ids made for rows and the reader's errors collab-csv-people.c; a
 * workbook's sheet comes here as rows too (collab-xlsx-read.c).
 */

#include <string.h>

#include <libcollab/collab-csv.h>
#include <libcollab/collab-error.h>
#include <libcollab/collab-money.h>

#include "collab-csv-import-private.h"
#include "collab-json-private.h"
#include "model/collab-dataset-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

/* Appends `"member": ` to a JSON object being written, after a comma
 * unless it is the @first member. */
void
collab_csv_append_member (GString    *out,
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
 * `FILE:LINE:COLUMN: HEADER (member): message` for a CSV file, LINE
 * being the line of the file the row starts on, and
 * `FILE:SHEET!CELL: HEADER (member): message` for a workbook
 * (`roster.xlsx:派出人员!D7`), as Excel names a cell. The import's own
 * checks say so directly (collab_csv_fail_at()); the JSON reader's
 * errors, which name a JSON path, are mapped back to the row and the
 * column that gave the value (collab_csv_map_reader_error()).
 */

static char *
column_label (const CollabCsvColumn *column)
{
  GString *label;

  if (column->type == COLLAB_CSV_TARGET_NONE)
    return NULL;
  /* The header is the file's: cut like any value a message quotes. */
  label = g_string_new (NULL);
  collab_error_append_cut (label, column->header, -1);
  if (column->member != NULL && strcmp (column->header, column->member) != 0)
    collab_error_append_id (label, column->member);
  return g_string_free (label, FALSE);
}

/* Excel's name of a column: A … Z, AA … */
void
collab_csv_append_column_letters (GString *out,
                                  guint    column)
{
  char letters[8];
  int n = 0;

  for (column++; column > 0 && n < (int) sizeof letters; column = (column - 1) / 26)
    letters[n++] = (char) ('A' + (column - 1) % 26);
  while (n > 0)
    g_string_append_c (out, letters[--n]);
}

gboolean
collab_csv_fail_at (CollabCsvImport  *imp,
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
  g_autoptr(GString) place = g_string_new (imp->name);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (label == NULL && column >= 0 && (guint) column < imp->columns->len)
    label = own_label = column_label (collab_csv_import_column (imp, column));

  if (imp->sheet != NULL)
    {
      g_string_append_c (place, ':');
      collab_error_append_cut (place, imp->sheet, -1);
      g_string_append_c (place, '!');
      collab_csv_append_column_letters (place, column >= 0 ? (guint) column : 0);
      g_string_append_printf (place, "%u", line);
    }
  else
    g_string_append_printf (place, ":%u:%d", line, column >= 0 ? column + 1 : 1);

  if (label == NULL)
    label = "";
  g_set_error (error, COLLAB_DATASET_ERROR, code, "%s: %s%s%s",
               place->str, label, *label != '\0' ? ": " : "", message);
  return FALSE;
}

/* Rows into records -------------------------------------------------------- */

static gboolean
check_id (CollabCsvImport    *imp,
          const CollabCsvRow *row,
          int                 column,
          const char         *id,
          GError            **error)
{
  const CollabCsvRow *first = g_hash_table_lookup (imp->csv_ids, id);
  gboolean taken = collab_store_lookup (imp->store, imp->kind, id, NULL);
  g_autofree char *shown = NULL;

  if (!taken && (first == NULL || first == row))
    return TRUE;

  shown = collab_error_cut (id);
  /* A made id that is taken means the same row was imported before. */
  if (taken && column < 0)
    return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_DUPLICATE_ID,
                               row->line, column, "",
                               _("the dataset already has this %s (the id \"%s\" made from the row is "
                                 "taken): was the table imported before?"),
                               _(imp->schema->singular), shown);
  if (taken)
    return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_DUPLICATE_ID,
                               row->line, column, NULL,
                               _("the dataset already has a %s with the id \"%s\""), _(imp->schema->singular), shown);
  return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_DUPLICATE_ID,
                             row->line, column, NULL,
                             imp->sheet != NULL ? _("row %u already has the %s id \"%s\"")
                                                : _("line %u already has the %s id \"%s\""),
                             first->line, _(imp->schema->singular), shown);
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
                   GPtrArray          *canonical,
                   GError            **error)
{
  gboolean latest = field->type == COLLAB_FIELD_ARRAY;
  gboolean opened = FALSE;
  gboolean sub_first = TRUE;

  for (guint c = 0; c < imp->columns->len; c++)
    {
      const CollabCsvColumn *column = collab_csv_import_column (imp, c);
      gboolean gives_field = latest ? (column->type == COLLAB_CSV_TARGET_LATEST ||
                                       column->type == COLLAB_CSV_TARGET_LATEST_DATE)
                                    : column->type == COLLAB_CSV_TARGET_SUBFIELD;
      g_autofree char *text = NULL;

      if (!gives_field || column->field != field || *imp->cells[c] == '\0')
        continue;
      if (!opened)
        {
          collab_csv_append_member (out, first, field->name);
          g_string_append (out, latest ? "[{" : "{");
          opened = TRUE;
        }
      collab_csv_append_member (out, &sub_first, column->sub->name);
      text = collab_csv_convert_cell (imp, column->sub, column, imp->cells[c], row, c, out, error);
      if (text == NULL)
        return FALSE;
      g_ptr_array_add (canonical, g_strdup_printf ("%s\037%s", column->member, text));
    }
  if (opened)
    g_string_append (out, latest ? "}]" : "}");
  return TRUE;
}

/* Whether @field is given by columns of one flag each (脱贫人口 是/否). */
static gboolean
has_flag_columns (CollabCsvImport   *imp,
                  const CollabField *field)
{
  for (guint c = 0; c < imp->columns->len; c++)
    if (collab_csv_import_column (imp, c)->type == COLLAB_CSV_TARGET_FLAG &&
        collab_csv_import_column (imp, c)->field == field)
      return TRUE;
  return FALSE;
}

/* A flags field given by columns of one flag each, yes or no, and maybe
 * by a column of words too (人员类别): one member, with every flag a
 * column says yes to or the words name; none when nothing says one. */
static gboolean
append_flag_columns (CollabCsvImport    *imp,
                     const CollabCsvRow *row,
                     const CollabField  *field,
                     GString            *out,
                     gboolean           *first,
                     GPtrArray          *canonical,
                     GError            **error)
{
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint flags = 0;
  int at = -1;

  for (guint c = 0; c < imp->columns->len; c++)
    {
      const CollabCsvColumn *column = collab_csv_import_column (imp, c);
      gboolean yes;

      if (column->field != field || *imp->cells[c] == '\0')
        continue;
      if (column->type == COLLAB_CSV_TARGET_FIELD)
        {
          g_string_assign (words, imp->cells[c]);
          at = (int) c;
        }
      else if (!collab_csv_read_bool (imp->cells[c], &yes))
        {
          g_autofree char *found = collab_error_cut (imp->cells[c]);

          return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE, row->line, (int) c, NULL,
                                     _("expected 是 or 否 (true or false, 1 or 0), found \"%s\""), found);
        }
      else if (yes)
        {
          flags |= column->flag;
          at = at < 0 ? (int) c : at;
        }
    }
  if (at < 0)
    return TRUE;

  if (flags != 0)
    {
      if (words->len > 0)
        g_string_append_c (words, ';');
      collab_csv_append_flags_text (words, field->enum_type (), flags);
    }
  collab_csv_append_member (out, first, field->name);
  text = collab_csv_convert_cell (imp, field, NULL, words->str, row, (guint) at, out, error);
  if (text == NULL)
    return FALSE;
  g_ptr_array_add (canonical, g_strdup_printf ("%s\037%s", field->name, text));
  return TRUE;
}

/* Writes the record of @row into @out, and its id, if it has one, into
 * @imp->record_ids. @canonical collects `member\037text` for each value
 * the row gives, the row's content by which an id is made for it when
 * the table has none. */
static gboolean
convert_row (CollabCsvImport    *imp,
             const CollabCsvRow *row,
             GString            *out,
             GError            **error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) canonical = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *person = NULL;
  g_autofree char *id = NULL;
  gboolean first = TRUE;

  for (guint c = 0; c < imp->columns->len; c++)
    {
      const CollabCsvColumn *column = collab_csv_import_column (imp, c);
      const char *text = imp->cells[c];
      g_autofree char *value = NULL;

      if (column->companion || column->type == COLLAB_CSV_TARGET_SUBFIELD ||
          column->type == COLLAB_CSV_TARGET_LATEST || column->type == COLLAB_CSV_TARGET_LATEST_DATE ||
          column->type == COLLAB_CSV_TARGET_IGNORED || column->type == COLLAB_CSV_TARGET_FLAG ||
          column->type == COLLAB_CSV_TARGET_KEY)
        continue;
      if (column->type == COLLAB_CSV_TARGET_FIELD && column->field->type == COLLAB_FIELD_FLAGS &&
          has_flag_columns (imp, column->field))
        continue;

      if (*text == '\0')
        {
          /* An empty cell is a member not given, which the reader would
           * report for the record; say it of the cell. A follow-up's
           * placement may be found by the person instead. */
          if (column->type == COLLAB_CSV_TARGET_FIELD && (column->field->flags & COLLAB_FIELD_REQUIRED) &&
              !(column->field == imp->keyed && collab_csv_by_person (imp)))
            return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_MISSING_MEMBER,
                                       row->line, (int) c, NULL,
                                       _("the cell is empty, and every %s needs one"), _(imp->schema->singular));
          continue;
        }

      if (column->type == COLLAB_CSV_TARGET_NONE)
        {
          g_autofree char *found = collab_error_cut (text);

          return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                                     row->line, (int) c, NULL,
                                     _("\"%s\" is in a column without a header"), found);
        }

      collab_csv_append_member (body, &first, column->member);
      if (column->type == COLLAB_CSV_TARGET_EXTRA)
        {
          collab_json_append_string (body, text);
          g_ptr_array_add (canonical, g_strdup_printf ("%s\037%s", column->member, text));
          continue;
        }

      if (column->field->type == COLLAB_FIELD_ID && !check_id (imp, row, (int) c, text, error))
        return FALSE;
      /* A placement's worker named by name and home county. */
      if (column->field == imp->keyed && imp->kind == COLLAB_RECORD_KIND_PLACEMENT)
        value = collab_csv_worker_of_row (imp, row, c, body, error);
      else
        value = collab_csv_convert_cell (imp, column->field, column, text, row, c, body, error);
      if (value == NULL)
        return FALSE;
      if (column->field->type == COLLAB_FIELD_ID)
        {
          g_free (id);
          id = g_strdup (value);
        }
      g_ptr_array_add (canonical, g_strdup_printf ("%s\037%s", column->member, value));
    }

  for (guint f = 0; f < imp->schema->n_fields; f++)
    {
      const CollabField *field = &imp->schema->fields[f];

      if ((field->type == COLLAB_FIELD_OBJECT || field->type == COLLAB_FIELD_ARRAY) &&
          !append_sub_record (imp, row, field, body, &first, canonical, error))
        return FALSE;
      if (field->type == COLLAB_FIELD_FLAGS && has_flag_columns (imp, field) &&
          !append_flag_columns (imp, row, field, body, &first, canonical, error))
        return FALSE;
    }

  /* A follow-up that names its person rather than its placement. */
  if (collab_csv_by_person (imp))
    {
      int given = collab_csv_find_column_of (imp, imp->keyed, FALSE);

      if (given < 0 || *imp->cells[given] == '\0')
        {
          g_autofree char *placement = collab_csv_placement_of_row (imp, row, error);

          if (placement == NULL)
            return FALSE;
          collab_csv_append_member (body, &first, imp->keyed->name);
          collab_json_append_string (body, placement);
          g_ptr_array_add (canonical, g_strdup_printf ("%s\037%s", imp->keyed->name, placement));
        }
    }

  /* A roster row that names its person rather than giving the id. */
  if (imp->via != NULL && imp->via_column < 0 && imp->via_name_column >= 0)
    {
      person = collab_csv_person_of_row (imp, row, error);
      if (person == NULL)
        return FALSE;
      collab_csv_append_member (body, &first, imp->via->name);
      collab_json_append_string (body, person);
      g_ptr_array_add (canonical, g_strdup_printf ("%s\037%s", imp->via->name, person));
    }
  else if (imp->has_via_columns && imp->via_column >= 0)
    person = g_strdup (imp->cells[imp->via_column]);

  g_string_append_c (out, '{');
  if (imp->generate_ids)
    {
      id = collab_csv_make_id (imp, imp->schema->singular, canonical);
      if (!check_id (imp, row, -1, id, error))
        return FALSE;
      collab_json_append_string (out, "id");
      g_string_append_printf (out, ": ");
      collab_json_append_string (out, id);
      if (body->len > 0)
        g_string_append (out, ", ");
    }
  g_string_append_len (out, body->str, body->len);
  g_string_append_c (out, '}');
  g_ptr_array_add (imp->record_ids, g_steal_pointer (&id));

  if (person != NULL && imp->has_via_columns)
    return collab_csv_describe_companion (imp, row, person, error);
  return TRUE;
}

/* The whole import --------------------------------------------------------- */

static void
import_clear (CollabCsvImport *imp)
{
  g_clear_pointer (&imp->columns, g_array_unref);
  g_clear_pointer (&imp->cells, g_strfreev);
  g_clear_pointer (&imp->record_rows, g_ptr_array_unref);
  g_clear_pointer (&imp->record_ids, g_ptr_array_unref);
  g_clear_pointer (&imp->csv_ids, g_hash_table_unref);
  g_clear_pointer (&imp->new_order, g_ptr_array_unref);
  g_clear_pointer (&imp->new_records, g_hash_table_unref);
  g_clear_pointer (&imp->made_ids, g_hash_table_unref);
  g_clear_pointer (&imp->people_by_name, g_hash_table_unref);
  collab_csv_keyed_clear (imp);
  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    for (guint key = 0; key < COLLAB_CSV_N_KEYS; key++)
      g_clear_pointer (&imp->names[k][key], g_hash_table_unref);
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
import_records (CollabCsvImport  *imp,
                GString          *records,
                GError          **error)
{
  const CollabCsvRow *header = imp->header;
  int id_field = collab_schema_find_field (imp->schema, "id");
  int id_column = collab_csv_find_column_of (imp, &imp->schema->fields[id_field], FALSE);

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

          return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_SYNTAX, row->line, (int) column,
                                     row->n_cells < header->n_cells ? NULL : "",
                                     _("the row has %u cells, and the header %u"),
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

static guint
count_filled (const CollabCsvRow *row)
{
  guint n = 0;

  for (guint c = 0; c < row->n_cells; c++)
    {
      g_autofree char *cell = collab_csv_trim_cell (row->cells[c]);

      n += *cell != '\0';
    }
  return n;
}

/* The header row: the first that fills two cells or more. Officers put
 * a title above their tables (2021年选派专业技术人才花名册, in a cell
 * merged across the columns) and sometimes a line of who filled it in;
 * those fill one cell. A table of one column has its header first. */
static const CollabCsvRow *
find_header (GPtrArray *rows)
{
  const CollabCsvRow *first = NULL;

  for (guint r = 0; r < rows->len; r++)
    {
      const CollabCsvRow *row = g_ptr_array_index (rows, r);
      guint filled = count_filled (row);

      if (filled >= 2)
        return row;
      if (filled == 1 && first == NULL)
        first = row;
    }
  return first;
}

gboolean
collab_csv_import_rows (CollabStore       *store,
                        CollabRecordKind   kind,
                        GPtrArray         *rows,
                        const char        *name,
                        const char        *sheet,
                        guint             *n_generated,
                        GError           **error)
{
  g_auto(CollabCsvImport) imp = { 0 };
  g_autoptr(GString) document = NULL;
  g_autoptr(GError) reader_error = NULL;

  imp.store = store;
  imp.name = name;
  imp.sheet = sheet;
  imp.kind = kind;
  imp.schema = collab_schema_for_kind (kind);
  imp.via_column = -1;
  imp.via_name_column = -1;
  imp.key_columns[0] = imp.key_columns[1] = -1;
  collab_csv_find_companion (&imp);
  collab_csv_find_keyed (&imp);
  imp.rows = rows;
  imp.columns = g_array_new (FALSE, TRUE, sizeof (CollabCsvColumn));
  g_array_set_clear_func (imp.columns, collab_csv_column_clear);
  imp.record_rows = g_ptr_array_new ();
  imp.record_ids = g_ptr_array_new_with_free_func (g_free);
  imp.csv_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp.new_records = g_hash_table_new (g_str_hash, g_str_equal);
  imp.new_order = g_ptr_array_new_with_free_func (collab_csv_new_record_free);
  imp.made_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  imp.header = find_header (imp.rows);
  if (imp.header == NULL)
    {
      if (sheet != NULL)
        g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                     _("%s:%s!A1: the sheet is empty: expected a header row naming the columns"), name, sheet);
      else
        g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                     _("%s:1:1: the file is empty: expected a header row naming the columns"), name);
      return FALSE;
    }

  if (!collab_csv_read_header (&imp, error))
    return FALSE;

  /* The records, then the people a roster creates: the reader resolves
   * references once the whole document is read. */
  document = g_string_sized_new (4096);
  g_string_append_printf (document, "{\"format\": \"%s\", \"version\": %d,\n\"%s\": [\n",
                          COLLAB_DATASET_FORMAT, COLLAB_DATASET_VERSION, imp.schema->member);
  if (!import_records (&imp, document, error))
    return FALSE;
  g_string_append (document, "]");
  if (imp.new_order->len > 0)
    {
      g_string_append_printf (document, ",\n\"%s\": [", imp.via_schema->member);
      if (!collab_csv_append_new_records (&imp, document, error))
        return FALSE;
      g_string_append (document, "]");
    }
  g_string_append (document, "}\n");

  if (!collab_json_read_into (store, document->str, document->len, name, &reader_error))
    {
      collab_csv_map_reader_error (&imp, reader_error, error);
      return FALSE;
    }

  if (n_generated != NULL)
    *n_generated += imp.n_generated;
  return TRUE;
}

/* How many ids the last import into a dataset made: kept on the dataset
 * object, where collab_dataset_get_n_generated_ids() reads it. */
static GQuark
n_generated_quark (void)
{
  return g_quark_from_static_string ("collab-import-n-generated-ids");
}

void
collab_csv_set_n_generated (CollabDataset *dataset,
                            guint          n_generated)
{
  g_object_set_qdata (G_OBJECT (dataset), n_generated_quark (), GUINT_TO_POINTER (n_generated));
}

/**
 * collab_dataset_get_n_generated_ids:
 * @dataset: a dataset
 *
 * How many ids the last successful import of a table into @dataset
 * ([method@Collab.Dataset.import_csv], [method@Collab.Dataset.import_xlsx]
 * and their `_data` forms) made: for the rows of a table without an id
 * column, and for the people a roster names by name and home unit.
 * The ids are deterministic: the same row content gives the same id.
 *
 * Returns: the number of ids made, 0 before any import
 */
guint
collab_dataset_get_n_generated_ids (CollabDataset *dataset)
{
  g_return_val_if_fail (COLLAB_IS_DATASET (dataset), 0);

  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (dataset), n_generated_quark ()));
}

static gboolean
import_text (CollabStore       *store,
             CollabRecordKind   kind,
             const char        *data,
             gsize              length,
             const char        *name,
             guint             *n_generated,
             GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  gsize text_length;

  text = collab_csv_decode (data, length, name, &text_length, error);
  if (text == NULL)
    return FALSE;
  rows = collab_csv_parse (text, text_length, name, error);
  g_clear_pointer (&text, g_free);
  if (rows == NULL)
    return FALSE;

  return collab_csv_import_rows (store, kind, rows, name, NULL, n_generated, error);
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
 * ends. The header is the first row that fills two cells or more (a
 * title above the table is passed over), else the first non-blank row;
 * blank rows are skipped, and a row with more or fewer cells than the
 * header is an error. Cells are trimmed of surrounding white space, and
 * an empty cell is a member not given.
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
 * `true`/`false` or `1`/`0`. A reference is an id, or the full name, the
 * GB/T 2260 code or the name without its suffix of exactly one record of
 * the kind it refers to (`延川县`, `610622` or `延川` for a region); one
 * that names nothing is a %COLLAB_DATASET_ERROR_DANGLING_REFERENCE error
 * that offers the closest records (`no region is named 延安县; did you
 * mean 延安市 (yanan) …?`).
 *
 * **Ids.** A table of a kind whose records need an id, without an id
 * column, gets ids made from the content of each row: the same table
 * always makes the same ids. [method@Collab.Dataset.get_n_generated_ids]
 * says how many an import made. Row numbers (序号) are ignored.
 *
 * **Rosters.** A dispatch row may also describe its person: the columns
 * `name`, `profession` and `organization` (姓名, 职业 or 专业, 单位 or
 * 派出单位, the home unit; the district that sends them is 派出地). A
 * person the dataset does not have is created once, however many rows
 * name them; a row that contradicts what the dataset or an earlier row
 * says of the person (another profession) is a
 * %COLLAB_DATASET_ERROR_INCONSISTENT error. Without a `person` column the
 * person of a row is the one of the dataset with its name and home unit,
 * else a new one per distinct name and home unit.
 *
 * **Labour forms.** A worker's flags may come as one 是/否 column each,
 * headed by the flag's word (脱贫人口, 监测对象, 残疾人), and a list of
 * wanted job types as 不限 for any. A placement's worker may be named by
 * name, told apart from another of the name by a column 户籍县 (home
 * county). A follow-up row may name its person (姓名, and maybe 用工单位)
 * instead of its placement: the placement is that worker's one that is
 * on at the follow-up's date, else the latest that started on or before
 * it; none or several is a %COLLAB_DATASET_ERROR_DANGLING_REFERENCE or
 * %COLLAB_DATASET_ERROR_INVALID_VALUE error that lists the candidates.
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
  guint n_generated = 0;
  gboolean ok;

  g_return_val_if_fail (COLLAB_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length < 0)
    length = (gssize) strlen (data);
  store = collab_dataset_begin_edit (dataset);
  ok = import_text (store, kind, data != NULL ? data : "", (gsize) length, name != NULL ? name : "<data>",
                    &n_generated, error);
  collab_dataset_end_edit (dataset, ok);
  if (ok)
    collab_csv_set_n_generated (dataset, n_generated);
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
