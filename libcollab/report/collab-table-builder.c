/* collab-table-builder.c: making a CollabTable a cell at a time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The private builder of collab-table-private.h, with which reports
 * declare their columns and append their rows. Each STRING column
 * dictionary-encodes as it goes (one hash look-up per append), and a
 * column only gets validity bytes on its first missing cell, so that a
 * column without gaps costs nothing for them. collab_table_builder_end()
 * freezes the columns into the GBytes the table hands out.
 *
 * The column primitives here (a new column, interning a category, the
 * validity bytes) are also what the record export fills its columns
 * with (collab-table-export.c).
 */

#include <string.h>

#include "collab-table-columns-private.h"

/* A column belongs to the builder until collab_table_builder_end(), then
 * to the table: both free it with this. */
void
collab_table_column_free (gpointer data)
{
  CollabTableColumn *column = data;

  g_free (column->name);
  g_clear_pointer (&column->values, g_array_unref);
  g_clear_pointer (&column->validity, g_byte_array_unref);
  g_clear_pointer (&column->lookup, g_hash_table_unref);
  g_clear_pointer (&column->data, g_bytes_unref);
  g_clear_pointer (&column->valid, g_bytes_unref);
  g_clear_pointer (&column->categories, g_ptr_array_unref);
  g_free (column);
}

CollabTableBuilder *
collab_table_builder_new (void)
{
  CollabTableBuilder *self = g_new0 (CollabTableBuilder, 1);

  self->strings = g_string_chunk_new (16 * 1024);
  self->columns = g_ptr_array_new_with_free_func (collab_table_column_free);
  return self;
}

void
collab_table_builder_free (CollabTableBuilder *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->columns);
  g_string_chunk_free (self->strings);
  g_free (self);
}

CollabTableColumn *
collab_table_builder_new_column (CollabTableBuilder *self,
                                 const char         *name,
                                 CollabColumnType    type,
                                 guint               reserve)
{
  CollabTableColumn *column = g_new0 (CollabTableColumn, 1);

  column->name = g_strdup (name);
  column->type = type;
  if (type == COLLAB_COLUMN_TYPE_STRING)
    {
      column->values = g_array_sized_new (FALSE, FALSE, sizeof (gint32), reserve);
      column->categories = g_ptr_array_new ();
    }
  else if (type == COLLAB_COLUMN_TYPE_DAY)
    column->values = g_array_sized_new (FALSE, FALSE, sizeof (CollabDay), reserve);
  else
    column->values = g_array_sized_new (FALSE, FALSE, sizeof (gint64), reserve);
  g_ptr_array_add (self->columns, column);

  return column;
}

guint
collab_table_builder_add_column (CollabTableBuilder *self,
                                 const char         *name,
                                 CollabColumnType    type)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (type <= COLLAB_COLUMN_TYPE_BOOL, 0);
  /* Columns come first: a column added under rows would be short. */
  g_return_val_if_fail (self->n_rows == 0 && self->cursor == 0, 0);

  collab_table_builder_new_column (self, name, type, 0);
  return self->columns->len - 1;
}

/* The code of @value in a STRING column, adding it as a category when it
 * is new: one hash look-up. */
gint32
collab_table_column_intern (CollabTableColumn *column,
                            GStringChunk      *strings,
                            const char        *value)
{
  gpointer code;
  const char *copy;

  if (column->lookup == NULL)
    {
      column->lookup = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < column->categories->len; i++)
        g_hash_table_insert (column->lookup, column->categories->pdata[i], GUINT_TO_POINTER (i + 1));
    }

  code = g_hash_table_lookup (column->lookup, value);
  if (code != NULL)
    return GPOINTER_TO_INT (code) - 1;

  copy = g_string_chunk_insert (strings, value);
  g_ptr_array_add (column->categories, (gpointer) copy);
  g_hash_table_insert (column->lookup, (gpointer) copy, GUINT_TO_POINTER (column->categories->len));
  return (gint32) column->categories->len - 1;
}

guint
collab_table_builder_add_column_with_categories (CollabTableBuilder *self,
                                                 const char         *name,
                                                 const char * const *categories)
{
  guint index = collab_table_builder_add_column (self, name, COLLAB_COLUMN_TYPE_STRING);
  CollabTableColumn *column = g_ptr_array_index (self->columns, index);

  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    collab_table_column_intern (column, self->strings, categories[i]);

  return index;
}

guint
collab_table_builder_add_enum_column (CollabTableBuilder *self,
                                      const char         *name,
                                      GType               enum_type)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GPtrArray) nicks = g_ptr_array_new ();
  guint index;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), 0);

  klass = g_type_class_ref (enum_type);
  for (guint i = 0; i < klass->n_values; i++)
    g_ptr_array_add (nicks, (gpointer) klass->values[i].value_nick);
  g_ptr_array_add (nicks, NULL);

  index = collab_table_builder_add_column_with_categories (self, name,
                                                           (const char * const *) nicks->pdata);
  /* A spreadsheet for people shows the words, not the nicks. */
  ((CollabTableColumn *) g_ptr_array_index (self->columns, index))->enum_type = enum_type;
  return index;
}

/* The validity bytes of @column, made on the first missing cell with
 * the @n_valid cells before it (or the whole column) marked valid. */
guint8 *
collab_table_column_validity (CollabTableColumn *column,
                              guint              n_valid)
{
  if (column->validity == NULL)
    {
      column->validity = g_byte_array_sized_new (MAX (n_valid, column->values->len));
      g_byte_array_set_size (column->validity, n_valid);
      memset (column->validity->data, 1, n_valid);
    }

  return column->validity->data;
}

/* The column the next append fills, or NULL (after a critical) when it is
 * not of @type; the caller then appends a null so that rows stay whole. */
static CollabTableColumn *
builder_next_column (CollabTableBuilder *self,
                     CollabColumnType    type,
                     const char         *what)
{
  CollabTableColumn *column;

  g_return_val_if_fail (self->columns->len > 0, NULL);

  column = g_ptr_array_index (self->columns, self->cursor);
  if (column->type != type)
    {
      g_critical ("collab_table_builder_append_%s: column “%s” (row %u) is not of that type",
                  what, column->name, self->n_rows);
      return NULL;
    }

  return column;
}

/* Appends @value (a code for STRING) to the current column, as missing
 * unless @valid, and moves to the next cell. */
static CollabTableBuilder *
builder_push (CollabTableBuilder *self,
              gint64              value,
              gboolean            valid)
{
  CollabTableColumn *column = g_ptr_array_index (self->columns, self->cursor);
  guint row = self->n_rows;

  if (column->type == COLLAB_COLUMN_TYPE_STRING)
    {
      gint32 code = valid ? (gint32) value : -1;

      g_array_append_val (column->values, code);
    }
  else if (column->type == COLLAB_COLUMN_TYPE_DAY)
    {
      CollabDay day = valid ? (CollabDay) value : COLLAB_DAY_NONE;

      g_array_append_val (column->values, day);
    }
  else
    {
      if (!valid)
        value = 0;
      g_array_append_val (column->values, value);
    }

  if (!valid)
    collab_table_column_validity (column, row);
  if (column->validity != NULL)
    {
      guint8 byte = valid ? 1 : 0;

      g_byte_array_append (column->validity, &byte, 1);
    }

  if (++self->cursor == self->columns->len)
    {
      self->cursor = 0;
      self->n_rows++;
    }

  return self;
}

CollabTableBuilder *
collab_table_builder_append_null (CollabTableBuilder *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->columns->len > 0, self);

  return builder_push (self, 0, FALSE);
}

CollabTableBuilder *
collab_table_builder_append_string (CollabTableBuilder *self,
                                    const char         *value)
{
  CollabTableColumn *column;

  g_return_val_if_fail (self != NULL, NULL);

  column = builder_next_column (self, COLLAB_COLUMN_TYPE_STRING, "string");
  if (column == NULL || value == NULL)
    return collab_table_builder_append_null (self);

  return builder_push (self, collab_table_column_intern (column, self->strings, value), TRUE);
}

static CollabTableBuilder *
builder_append_number (CollabTableBuilder *self,
                       CollabColumnType    type,
                       const char         *what,
                       gint64              value)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (builder_next_column (self, type, what) == NULL)
    return collab_table_builder_append_null (self);

  return builder_push (self, value, TRUE);
}

CollabTableBuilder *
collab_table_builder_append_int (CollabTableBuilder *self,
                                 gint64              value)
{
  return builder_append_number (self, COLLAB_COLUMN_TYPE_INT, "int", value);
}

CollabTableBuilder *
collab_table_builder_append_amount (CollabTableBuilder *self,
                                    gint64              fen)
{
  return builder_append_number (self, COLLAB_COLUMN_TYPE_AMOUNT, "amount", fen);
}

const char *
collab_table_builder_get_next_column (CollabTableBuilder *self)
{
  g_return_val_if_fail (self != NULL && self->cursor < self->columns->len, NULL);

  return ((CollabTableColumn *) g_ptr_array_index (self->columns, self->cursor))->name;
}

CollabTableBuilder *
collab_table_builder_append_day (CollabTableBuilder *self,
                                 CollabDay           day)
{
  if (day == COLLAB_DAY_NONE)
    {
      g_return_val_if_fail (self != NULL, NULL);
      if (builder_next_column (self, COLLAB_COLUMN_TYPE_DAY, "day") == NULL)
        return collab_table_builder_append_null (self);
      return builder_push (self, 0, FALSE);
    }

  return builder_append_number (self, COLLAB_COLUMN_TYPE_DAY, "day", day);
}

CollabTableBuilder *
collab_table_builder_append_bool (CollabTableBuilder *self,
                                  gboolean            value)
{
  return builder_append_number (self, COLLAB_COLUMN_TYPE_BOOL, "bool", value ? 1 : 0);
}

static GBytes *
array_to_bytes (GArray **array)
{
  gsize size = (gsize) (*array)->len * g_array_get_element_size (*array);
  gpointer data = g_array_steal (*array, NULL);

  g_clear_pointer (array, g_array_unref);
  return g_bytes_new_take (data, size);
}

CollabTable *
collab_table_builder_end (CollabTableBuilder *self)
{
  CollabTable *table;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->cursor != 0)
    {
      g_critical ("collab_table_builder_end: row %u has %u of %u cells; the rest are null",
                  self->n_rows, self->cursor, self->columns->len);
      while (self->cursor != 0)
        collab_table_builder_append_null (self);
    }

  table = g_object_new (COLLAB_TYPE_TABLE, NULL);
  table->n_rows = self->n_rows;
  for (guint i = 0; i < self->columns->len; i++)
    {
      CollabTableColumn *column = g_ptr_array_index (self->columns, i);

      g_assert (column->values->len == self->n_rows);

      column->data = array_to_bytes (&column->values);
      if (column->validity != NULL)
        column->valid = g_byte_array_free_to_bytes (g_steal_pointer (&column->validity));
      g_clear_pointer (&column->lookup, g_hash_table_unref);
      /* Shared lists are terminated by the first column that has them; a
       * category is never NULL, so the test cannot be fooled. */
      if (column->categories != NULL &&
          (column->categories->len == 0 ||
           g_ptr_array_index (column->categories, column->categories->len - 1) != NULL))
        g_ptr_array_add (column->categories, NULL);
    }

  g_ptr_array_extend_and_steal (table->columns, g_steal_pointer (&self->columns));
  table->strings = self->strings;

  self->strings = g_string_chunk_new (16 * 1024);
  self->columns = g_ptr_array_new_with_free_func (collab_table_column_free);
  self->n_rows = 0;

  return table;
}
