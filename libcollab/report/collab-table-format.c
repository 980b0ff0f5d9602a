/* collab-table-format.c: a CollabTable as CSV, JSON or terminal text
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The three text forms of a table share one spelling of a cell
 * (collab_table_append_cell): amounts in the canonical form of collab_money_format(),
 * days as YYYY-MM-DD, booleans as true and false, so that a notebook, a
 * spreadsheet and a terminal all show the same value. CSV quoting is the
 * CSV reader's own (collab_csv_append_cell), so that a table written here
 * reads back there.
 */

#include <libcollab/collab-money.h>

#include "io/collab-csv-private.h"
#include "types/collab-i18n-private.h"
#include "collab-table-columns-private.h"

/* Appends the text form of a cell (nothing when it is missing); with
 * @labels, in the words people read: an enum's word, yes and no. */
void
collab_table_append_cell (GString           *out,
                          CollabTableColumn *column,
                          guint              row,
                          gboolean           labels)
{
  gint64 value;

  if (collab_table_cell_is_null (column, row))
    return;

  value = collab_table_cell_value (column, row);
  switch (column->type)
    {
    case COLLAB_COLUMN_TYPE_STRING:
      if (labels && column->enum_type != 0)
        g_string_append (out, collab_table_value_label (column->enum_type, collab_table_cell_string (column, row)));
      else
        g_string_append (out, collab_table_cell_string (column, row));
      break;

    case COLLAB_COLUMN_TYPE_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
      break;

    case COLLAB_COLUMN_TYPE_AMOUNT:
      {
        g_autofree char *text = collab_money_format (value);

        g_string_append (out, text);
      }
      break;

    case COLLAB_COLUMN_TYPE_DAY:
      {
        g_autofree char *text = collab_day_format ((CollabDay) value);

        g_string_append (out, text);
      }
      break;

    case COLLAB_COLUMN_TYPE_BOOL:
      if (labels)
        /* Translators: a true cell of a spreadsheet ("Total met: yes"). */
        g_string_append (out, value ? _("yes") : _("no"));
      else
        g_string_append (out, value ? "true" : "false");
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * collab_table_to_csv:
 * @self: a table
 *
 * Writes the table as CSV (RFC 4180, UTF-8, lines ending in `\n`): a
 * header line of column names, then one line per row. Amounts are in the
 * canonical form (`19200000.00`), days `YYYY-MM-DD`, booleans `true` or
 * `false`, and a missing cell is an empty field.
 *
 * Returns: (transfer full): the CSV text
 */
char *
collab_table_to_csv (CollabTable *self)
{
  return collab_table_to_csv_full (self, COLLAB_EXPORT_NONE, NULL);
}

/**
 * collab_table_to_csv_full:
 * @self: a table
 * @flags: what to add for people
 * @length: (out) (optional): the length of the text in bytes
 *
 * Writes the table as CSV, as [method@Collab.Table.to_csv] does, and for
 * a spreadsheet: %COLLAB_EXPORT_BOM starts the text with a UTF-8
 * byte-order mark, which Excel needs to read UTF-8;
 * %COLLAB_EXPORT_LABELS heads the columns with their labels
 * ([method@Collab.Table.get_column_label]) instead of their names and
 * writes the words of a vocabulary (a finding's severity, a project's
 * status) and booleans (yes, no) in the language of the messages.
 * Numbers, amounts and days are written as [method@Collab.Table.to_csv]
 * writes them, whatever the language.
 *
 * Returns: (transfer full): the CSV text
 */
char *
collab_table_to_csv_full (CollabTable       *self,
                          CollabExportFlags  flags,
                          gsize             *length)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean labels = (flags & COLLAB_EXPORT_LABELS) != 0;

  g_return_val_if_fail (COLLAB_IS_TABLE (self), NULL);

  if (flags & COLLAB_EXPORT_BOM)
    g_string_append (out, COLLAB_CSV_BOM);
  for (guint c = 0; c < self->columns->len; c++)
    {
      g_autofree char *label = labels ? collab_table_get_column_label (self, c) : NULL;

      if (c > 0)
        g_string_append_c (out, ',');
      collab_csv_append_cell (out, labels ? label : collab_table_column_at (self, c)->name);
    }
  g_string_append_c (out, '\n');

  for (guint row = 0; row < self->n_rows; row++)
    {
      for (guint c = 0; c < self->columns->len; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          g_string_truncate (cell, 0);
          collab_table_append_cell (cell, collab_table_column_at (self, c), row, labels);
          collab_csv_append_cell (out, cell->str);
        }
      g_string_append_c (out, '\n');
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * collab_table_to_json:
 * @self: a table
 *
 * Builds the table as a JSON array of row objects, one member per column
 * in column order:
 *
 * ```json
 * [{"id": "t1", "type": "allocation", "amount": "19200000.00",
 *   "date": "2021-04-15", "budget_year": 2021, "parent": null}]
 * ```
 *
 * Strings are strings, numbers numbers, booleans booleans; amounts are
 * canonical strings so that no reader turns them into binary floating
 * point; days are `YYYY-MM-DD`; a missing cell is `null`.
 *
 * Returns: (transfer full): a new JSON array node
 */
JsonNode *
collab_table_to_json (CollabTable *self)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  JsonArray *rows;
  JsonNode *node;

  g_return_val_if_fail (COLLAB_IS_TABLE (self), NULL);

  rows = json_array_sized_new (self->n_rows);
  for (guint row = 0; row < self->n_rows; row++)
    {
      JsonObject *object = json_object_new ();

      for (guint c = 0; c < self->columns->len; c++)
        {
          CollabTableColumn *column = collab_table_column_at (self, c);

          if (collab_table_cell_is_null (column, row))
            json_object_set_null_member (object, column->name);
          else if (column->type == COLLAB_COLUMN_TYPE_INT)
            json_object_set_int_member (object, column->name, collab_table_cell_value (column, row));
          else if (column->type == COLLAB_COLUMN_TYPE_BOOL)
            json_object_set_boolean_member (object, column->name, collab_table_cell_value (column, row) != 0);
          else
            {
              g_string_truncate (cell, 0);
              collab_table_append_cell (cell, column, row, FALSE);
              json_object_set_string_member (object, column->name, cell->str);
            }
        }
      json_array_add_object_element (rows, object);
    }

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, rows);
  return node;
}

/* The columns a string takes on a terminal or in a spreadsheet's column:
 * CJK characters take two. */
guint
collab_table_display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (ch))
        continue;
      width += g_unichar_iswide (ch) ? 2 : 1;
    }

  return width;
}

static void
append_padding (GString *out,
                guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

/**
 * collab_table_to_text:
 * @self: a table
 *
 * Writes the table for a terminal: a header line, a rule, then one line
 * per row, the columns aligned (Chinese characters count as two columns
 * wide), numbers and amounts to the right, everything else to the left,
 * and a missing cell blank.
 *
 * Returns: (transfer full): the text, each line ending in `\n`
 */
char *
collab_table_to_text (CollabTable *self)
{
  return collab_table_to_text_full (self, COLLAB_EXPORT_NONE);
}

/**
 * collab_table_to_text_full:
 * @self: a table
 * @flags: what to add for people
 *
 * Writes the table for a terminal, as [method@Collab.Table.to_text]
 * does; with %COLLAB_EXPORT_LABELS, the columns are headed with their
 * labels ([method@Collab.Table.get_column_label]) and the words of a
 * vocabulary and booleans are written in the language of the messages,
 * as [method@Collab.Table.to_csv_full] writes them. A terminal has no
 * byte-order mark: %COLLAB_EXPORT_BOM is ignored.
 *
 * Returns: (transfer full): the text, each line ending in `\n`
 */
char *
collab_table_to_text_full (CollabTable       *self,
                           CollabExportFlags  flags)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) cells = NULL;
  g_autofree guint *widths = NULL;
  gboolean labels = (flags & COLLAB_EXPORT_LABELS) != 0;
  guint n_columns, n_lines;

  g_return_val_if_fail (COLLAB_IS_TABLE (self), NULL);

  /* Every cell is written twice (to measure, then to print), so keep the
   * text of each: line 0 is the header. */
  n_columns = self->columns->len;
  n_lines = self->n_rows + 1;
  cells = g_ptr_array_new_full ((guint) MIN ((gsize) n_lines * n_columns, G_MAXUINT), g_free);
  widths = g_new0 (guint, MAX (n_columns, 1));
  for (guint line = 0; line < n_lines; line++)
    for (guint c = 0; c < n_columns; c++)
      {
        CollabTableColumn *column = collab_table_column_at (self, c);
        g_autoptr(GString) text = g_string_new (NULL);

        if (line == 0)
          {
            g_autofree char *label = labels ? collab_table_get_column_label (self, c) : NULL;

            g_string_append (text, labels ? label : column->name);
          }
        else
          collab_table_append_cell (text, column, line - 1, labels);
        widths[c] = MAX (widths[c], collab_table_display_width (text->str));
        g_ptr_array_add (cells, g_string_free (g_steal_pointer (&text), FALSE));
      }

  for (guint line = 0; line < n_lines; line++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          CollabTableColumn *column = collab_table_column_at (self, c);
          const char *text = g_ptr_array_index (cells, (gsize) line * n_columns + c);
          guint pad = widths[c] - collab_table_display_width (text);
          gboolean right = column->type == COLLAB_COLUMN_TYPE_INT ||
                           column->type == COLLAB_COLUMN_TYPE_AMOUNT;

          if (c > 0)
            g_string_append (out, "  ");
          if (right)
            append_padding (out, pad);
          g_string_append (out, text);
          if (!right && c + 1 < n_columns)
            append_padding (out, pad);
        }
      /* A blank last cell must not leave trailing blanks. */
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');

      if (line == 0)
        {
          for (guint c = 0; c < n_columns; c++)
            {
              if (c > 0)
                g_string_append (out, "  ");
              for (guint i = 0; i < widths[c]; i++)
                g_string_append_c (out, '-');
            }
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
