/* collab-table.c: named, typed columns for notebooks and reports
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The class and its reading API. A table is made by the builder
 * (collab-table-builder.c) or by the exports of records and findings
 * (collab-table-export.c, collab-table-findings.c), and written out as
 * text by collab-table-format.c; collab-table-columns-private.h says
 * how the files share the columns.
 */

/**
 * CollabTable:
 *
 * Named, typed columns of equal length: the records of one kind, the
 * findings of a check or a report, in the form a notebook takes in one
 * call (SPEC §7, "Tables for notebooks").
 *
 * ```c
 * g_autoptr(CollabTable) table = collab_dataset_to_table (dataset, COLLAB_RECORD_KIND_DISPATCH);
 * int start = collab_table_find_column (table, "start");
 * g_autoptr(GBytes) days = collab_table_get_column_data (table, start);
 * const CollabDay *day = g_bytes_get_data (days, NULL);   // 0 where missing
 *
 * g_autofree char *text = collab_table_to_text (table);        // for a terminal
 * ```
 *
 * From Python, `dataset.to_pandas('dispatches')` gives the same table as a
 * pandas DataFrame, built with `numpy.frombuffer()` over the columns
 * without a loop over the rows.
 *
 * A column is stored the way numpy and Arrow store one, so that a
 * binding wraps it instead of converting it cell by cell:
 *
 * - a number, an amount or a boolean column is one native `gint64` per
 *   row ([method@Collab.Table.get_column_data]): amounts in fen, booleans
 *   as 0 and 1;
 * - a day column is one native `guint32` per row, the day's
 *   [alias@Collab.Day] (the library's one day number, 0001-01-01 being
 *   day 1), 0 where the cell is missing; numpy makes it `datetime64[D]`
 *   with `(days.astype('int64') - 719163).view('datetime64[D]')`, 719163
 *   being 1970-01-01;
 * - a string column is dictionary-encoded: one `gint32` code per row
 *   ([method@Collab.Table.get_column_codes]), -1 where the cell is
 *   missing, into the column's list of distinct strings
 *   ([method@Collab.Table.get_column_categories]), pandas'
 *   `Categorical.from_codes()` as it is;
 * - [method@Collab.Table.get_column_validity] gives one byte per row, 1
 *   where the cell has a value, or `NULL` when every cell has one.
 *
 * A table never changes once made, and owns copies of its strings: it
 * stays valid when the dataset it was made from changes or goes.
 *
 * For a few cells, [method@Collab.Table.get_string],
 * [method@Collab.Table.get_int] and [method@Collab.Table.is_null] read one
 * cell; [method@Collab.Table.to_csv], [method@Collab.Table.to_json] and
 * [method@Collab.Table.to_text] write the whole table, with amounts in
 * the canonical form (`"19200000.00"`) and days as `YYYY-MM-DD`.
 */

#include <string.h>

#include "collab-table-columns-private.h"

G_DEFINE_FINAL_TYPE (CollabTable, collab_table, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_ROWS,
  PROP_N_COLUMNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
collab_table_finalize (GObject *object)
{
  CollabTable *self = COLLAB_TABLE (object);

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (collab_table_parent_class)->finalize (object);
}

static void
collab_table_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CollabTable *self = COLLAB_TABLE (object);

  switch (prop_id)
    {
    case PROP_N_ROWS:
      g_value_set_uint (value, self->n_rows);
      break;

    case PROP_N_COLUMNS:
      g_value_set_uint (value, self->columns->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
collab_table_class_init (CollabTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = collab_table_finalize;
  object_class->get_property = collab_table_get_property;

  /**
   * CollabTable:n-rows: (getter get_n_rows)
   *
   * The number of rows; every column has this many cells.
   */
  properties[PROP_N_ROWS] =
    g_param_spec_uint ("n-rows", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CollabTable:n-columns: (getter get_n_columns)
   *
   * The number of columns.
   */
  properties[PROP_N_COLUMNS] =
    g_param_spec_uint ("n-columns", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
collab_table_init (CollabTable *self)
{
  self->columns = g_ptr_array_new_with_free_func (collab_table_column_free);
}

/* Public API: the shape. */

/**
 * collab_table_get_n_rows:
 * @self: a table
 *
 * Gets the number of rows; every column has this many cells.
 *
 * Returns: the number of rows
 */
guint
collab_table_get_n_rows (CollabTable *self)
{
  g_return_val_if_fail (COLLAB_IS_TABLE (self), 0);

  return self->n_rows;
}

/**
 * collab_table_get_n_columns:
 * @self: a table
 *
 * Gets the number of columns.
 *
 * Returns: the number of columns
 */
guint
collab_table_get_n_columns (CollabTable *self)
{
  g_return_val_if_fail (COLLAB_IS_TABLE (self), 0);

  return self->columns->len;
}

/**
 * collab_table_get_column_name:
 * @self: a table
 * @column: a column index, less than [method@Collab.Table.get_n_columns]
 *
 * Gets the name of a column: the member of the dataset document it comes
 * from (`planned_end`), with a dot for a member of an object
 * (`period.first_year`).
 *
 * Returns: (transfer none): the column's name
 */
const char *
collab_table_get_column_name (CollabTable *self,
                              guint        column)
{
  g_return_val_if_fail (COLLAB_IS_TABLE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return collab_table_column_at (self, column)->name;
}

/**
 * collab_table_get_column_type:
 * @self: a table
 * @column: a column index, less than [method@Collab.Table.get_n_columns]
 *
 * Gets the type of a column, which says how its cells are stored.
 *
 * Returns: the column's type
 */
CollabColumnType
collab_table_get_column_type (CollabTable *self,
                              guint        column)
{
  g_return_val_if_fail (COLLAB_IS_TABLE (self), COLLAB_COLUMN_TYPE_STRING);
  g_return_val_if_fail (column < self->columns->len, COLLAB_COLUMN_TYPE_STRING);

  return collab_table_column_at (self, column)->type;
}

/**
 * collab_table_find_column:
 * @self: a table
 * @name: a column name
 *
 * Finds a column by name.
 *
 * Returns: the index of the first column called @name, or -1 when there
 *   is none
 */
int
collab_table_find_column (CollabTable *self,
                          const char  *name)
{
  g_return_val_if_fail (COLLAB_IS_TABLE (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < self->columns->len; i++)
    if (strcmp (collab_table_column_at (self, i)->name, name) == 0)
      return (int) i;

  return -1;
}

/* Public API: whole columns. */

/**
 * collab_table_get_column_data:
 * @self: a table
 * @column: the index of a column that is not of type
 *   %COLLAB_COLUMN_TYPE_STRING
 *
 * Gets the cells of a number, amount, day or boolean column: one native
 * `gint64` per row, except in a day column, which has one native
 * `guint32` per row, the day's [alias@Collab.Day] (see
 * [enum@Collab.ColumnType] for what the numbers mean). A missing cell
 * holds 0; [method@Collab.Table.get_column_validity] says which cells are
 * missing.
 *
 * In Python, `numpy.frombuffer(data.get_data(), dtype=numpy.int64)` reads
 * it without a loop (`dtype=numpy.uint32` for a day column).
 *
 * Returns: (transfer full): the cells, `8 ×` [method@Collab.Table.get_n_rows]
 *   bytes, or `4 ×` for a day column
 */
GBytes *
collab_table_get_column_data (CollabTable *self,
                              guint        column)
{
  g_return_val_if_fail (COLLAB_IS_TABLE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  g_return_val_if_fail (collab_table_column_at (self, column)->type != COLLAB_COLUMN_TYPE_STRING, NULL);

  return g_bytes_ref (collab_table_column_at (self, column)->data);
}

/**
 * collab_table_get_column_validity:
 * @self: a table
 * @column: a column index, less than [method@Collab.Table.get_n_columns]
 *
 * Gets which cells of a column have a value: one byte per row, 1 where
 * the cell has a value and 0 where it is missing (the member was absent
 * from the record). Columns of every type have it; in a string column it
 * says what the codes -1 say.
 *
 * Returns: (transfer full) (nullable): one byte per row, or `NULL` when
 *   every cell of the column has a value
 */
GBytes *
collab_table_get_column_validity (CollabTable *self,
                                  guint        column)
{
  CollabTableColumn *c;

  g_return_val_if_fail (COLLAB_IS_TABLE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  c = collab_table_column_at (self, column);
  return c->valid != NULL ? g_bytes_ref (c->valid) : NULL;
}

/**
 * collab_table_get_column_codes:
 * @self: a table
 * @column: the index of a column of type %COLLAB_COLUMN_TYPE_STRING
 *
 * Gets the cells of a string column as codes: one native `gint32` per
 * row, the index of the cell's string in
 * [method@Collab.Table.get_column_categories], or -1 where the cell is
 * missing. This is what pandas' `Categorical.from_codes()` takes.
 *
 * For a column that names records of a kind (the `id` column, a
 * reference such as a dispatch's `person`), the categories are the ids of
 * every record of that kind, in dataset order, used or not, and the code
 * is the record's position.
 *
 * Returns: (transfer full): the codes, `4 ×` [method@Collab.Table.get_n_rows] bytes
 */
GBytes *
collab_table_get_column_codes (CollabTable *self,
                               guint        column)
{
  g_return_val_if_fail (COLLAB_IS_TABLE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  g_return_val_if_fail (collab_table_column_at (self, column)->type == COLLAB_COLUMN_TYPE_STRING, NULL);

  return g_bytes_ref (collab_table_column_at (self, column)->data);
}

/**
 * collab_table_get_column_categories:
 * @self: a table
 * @column: the index of a column of type %COLLAB_COLUMN_TYPE_STRING
 *
 * Gets the distinct strings a string column's codes point into, each
 * once. They are in the order first met, except for columns that list a
 * fixed vocabulary (an enum's words, in the order of the enum; the ids of
 * a kind, in dataset order), which list it whole even where no row uses
 * a word.
 *
 * Returns: (transfer none) (array zero-terminated=1): the categories,
 *   owned by the table
 */
const char * const *
collab_table_get_column_categories (CollabTable *self,
                                    guint        column)
{
  g_return_val_if_fail (COLLAB_IS_TABLE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  g_return_val_if_fail (collab_table_column_at (self, column)->type == COLLAB_COLUMN_TYPE_STRING, NULL);

  return (const char * const *) collab_table_column_at (self, column)->categories->pdata;
}

/* Public API: cells. */

/**
 * collab_table_get_string:
 * @self: a table
 * @row: a row index, less than [method@Collab.Table.get_n_rows]
 * @column: the index of a column of type %COLLAB_COLUMN_TYPE_STRING
 *
 * Gets one cell of a string column.
 *
 * Returns: (transfer none) (nullable): the string, or `NULL` when the
 *   cell is missing
 */
const char *
collab_table_get_string (CollabTable *self,
                         guint        row,
                         guint        column)
{
  g_return_val_if_fail (COLLAB_IS_TABLE (self), NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  g_return_val_if_fail (collab_table_column_at (self, column)->type == COLLAB_COLUMN_TYPE_STRING, NULL);

  return collab_table_cell_string (collab_table_column_at (self, column), row);
}

/**
 * collab_table_get_int:
 * @self: a table
 * @row: a row index, less than [method@Collab.Table.get_n_rows]
 * @column: the index of a column that is not of type
 *   %COLLAB_COLUMN_TYPE_STRING
 *
 * Gets one cell of a number, amount, day or boolean column, as stored:
 * an amount in fen, a day as its [alias@Collab.Day], a boolean as 0 or 1.
 *
 * Returns: the cell's value, or 0 when the cell is missing
 */
gint64
collab_table_get_int (CollabTable *self,
                      guint        row,
                      guint        column)
{
  CollabTableColumn *c;

  g_return_val_if_fail (COLLAB_IS_TABLE (self), 0);
  g_return_val_if_fail (row < self->n_rows, 0);
  g_return_val_if_fail (column < self->columns->len, 0);
  g_return_val_if_fail (collab_table_column_at (self, column)->type != COLLAB_COLUMN_TYPE_STRING, 0);

  c = collab_table_column_at (self, column);
  return collab_table_cell_is_null (c, row) ? 0 : collab_table_cell_value (c, row);
}

/**
 * collab_table_is_null:
 * @self: a table
 * @row: a row index, less than [method@Collab.Table.get_n_rows]
 * @column: a column index, less than [method@Collab.Table.get_n_columns]
 *
 * Gets whether a cell is missing.
 *
 * Returns: %TRUE when the cell has no value
 */
gboolean
collab_table_is_null (CollabTable *self,
                      guint        row,
                      guint        column)
{
  g_return_val_if_fail (COLLAB_IS_TABLE (self), TRUE);
  g_return_val_if_fail (row < self->n_rows, TRUE);
  g_return_val_if_fail (column < self->columns->len, TRUE);

  return collab_table_cell_is_null (collab_table_column_at (self, column), row);
}
