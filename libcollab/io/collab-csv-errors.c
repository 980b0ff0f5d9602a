/* collab-csv-errors.c: messages that name the place in the CSV file
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Whoever reads an import error has the spreadsheet open, not the JSON
 * document the import builds: every message reads
 * `FILE:LINE:COLUMN: HEADER (member): message`, LINE being the line of
 * the file the row starts on. The import's own checks say so directly
 * (collab_csv_fail_at()); the JSON reader's errors, which name a JSON
 * path, are mapped back to the row and the column that gave the value
 * (collab_csv_map_reader_error()).
 */

#include <string.h>

#include <libcollab/collab-error.h>

#include "collab-csv-import-private.h"

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
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (label == NULL && column >= 0 && (guint) column < imp->columns->len)
    label = own_label = column_label (collab_csv_import_column (imp, column));

  if (label == NULL)
    label = "";
  g_set_error (error, COLLAB_DATASET_ERROR, code, "%s:%u:%d: %s%s%s",
               imp->name, line, column >= 0 ? column + 1 : 1,
               label, *label != '\0' ? ": " : "", message);
  return FALSE;
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
      const CollabCsvColumn *column = collab_csv_import_column (imp, c);

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
void
collab_csv_map_reader_error (CollabCsvImport *imp,
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
        column = collab_csv_companion_column (imp, &imp->via_schema->fields[f]);
    }
  else
    goto verbatim;

  collab_csv_fail_at (imp, error, reader_error->code, row->line, column,
                      column < 0 ? field : NULL, "%s", message);
  return;

verbatim:
  g_propagate_error (error, g_error_copy (reader_error));
}

