/* collab-table.c: named, typed columns for notebooks and reports
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
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
 * const gint64 *since_1970 = g_bytes_get_data (days, NULL);   // numpy datetime64[D]
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
 * - a number, an amount, a day or a boolean column is one native `gint64`
 *   per row ([method@Collab.Table.get_column_data]): amounts in fen, days
 *   as days since 1970-01-01 (a missing day holds `G_MININT64`, numpy's
 *   `NaT`), booleans as 0 and 1;
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

#include <libcollab/collab-enum-types.h>
#include <libcollab/collab-finding.h>
#include <libcollab/collab-money.h>

#include "model/collab-dataset-private.h"
#include "collab-table-private.h"

/* A missing day: numpy's NaT is the smallest int64. */
#define DAY_MISSING G_MININT64

typedef struct
{
  char             *name;
  CollabColumnType  type;
  /* While building: */
  GArray           *values;      /* gint64 per row, or gint32 codes for STRING */
  GByteArray       *validity;    /* 1 per row with a value; NULL while every row has one */
  GHashTable       *lookup;      /* STRING: category -> code + 1 */
  /* Once built: */
  GBytes           *data;        /* what @values was */
  GBytes           *valid;       /* what @validity was, or NULL */
  /* STRING: const char * into the table's strings, NULL-terminated once
   * built; the export shares one list between the columns that refer to
   * the same kind (a dispatch's from and to). */
  GPtrArray        *categories;
} Column;

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->name);
  g_clear_pointer (&column->values, g_array_unref);
  g_clear_pointer (&column->validity, g_byte_array_unref);
  g_clear_pointer (&column->lookup, g_hash_table_unref);
  g_clear_pointer (&column->data, g_bytes_unref);
  g_clear_pointer (&column->valid, g_bytes_unref);
  g_clear_pointer (&column->categories, g_ptr_array_unref);
  g_free (column);
}

struct _CollabTable
{
  GObject       parent_instance;
  GStringChunk *strings;
  GPtrArray    *columns;         /* of Column */
  guint         n_rows;
};

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
  self->columns = g_ptr_array_new_with_free_func (column_free);
}

/* The builder (private API, collab-table-private.h). */

struct _CollabTableBuilder
{
  GStringChunk *strings;
  GPtrArray    *columns;         /* of Column */
  guint         cursor;          /* the column the next append fills */
  guint         n_rows;          /* complete rows */
};

CollabTableBuilder *
collab_table_builder_new (void)
{
  CollabTableBuilder *self = g_new0 (CollabTableBuilder, 1);

  self->strings = g_string_chunk_new (16 * 1024);
  self->columns = g_ptr_array_new_with_free_func (column_free);
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

static Column *
builder_add_column (CollabTableBuilder *self,
                    const char         *name,
                    CollabColumnType    type,
                    guint               reserve)
{
  Column *column = g_new0 (Column, 1);

  column->name = g_strdup (name);
  column->type = type;
  if (type == COLLAB_COLUMN_TYPE_STRING)
    {
      column->values = g_array_sized_new (FALSE, FALSE, sizeof (gint32), reserve);
      column->categories = g_ptr_array_new ();
    }
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

  builder_add_column (self, name, type, 0);
  return self->columns->len - 1;
}

/* The code of @value in a STRING column, adding it as a category when it
 * is new: one hash look-up. */
static gint32
column_intern (Column       *column,
               GStringChunk *strings,
               const char   *value)
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
  Column *column = g_ptr_array_index (self->columns, index);

  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    column_intern (column, self->strings, categories[i]);

  return index;
}

guint
collab_table_builder_add_enum_column (CollabTableBuilder *self,
                                      const char         *name,
                                      GType               enum_type)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GPtrArray) nicks = g_ptr_array_new ();

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), 0);

  klass = g_type_class_ref (enum_type);
  for (guint i = 0; i < klass->n_values; i++)
    g_ptr_array_add (nicks, (gpointer) klass->values[i].value_nick);
  g_ptr_array_add (nicks, NULL);

  return collab_table_builder_add_column_with_categories (self, name,
                                                          (const char * const *) nicks->pdata);
}

/* The validity bytes of @column, made on the first missing cell with
 * the @n_valid cells before it (or the whole column) marked valid. */
static guint8 *
column_validity (Column *column,
                 guint   n_valid)
{
  if (column->validity == NULL)
    {
      column->validity = g_byte_array_sized_new (MAX (n_valid, column->values->len));
      g_byte_array_set_size (column->validity, n_valid);
      memset (column->validity->data, 1, n_valid);
    }

  return column->validity->data;
}

/* Marks row @row of an export column of @n_rows cells as missing. */
static inline void
column_set_missing (Column *column,
                    guint   row,
                    guint   n_rows)
{
  column_validity (column, n_rows)[row] = 0;
}

/* The column the next append fills, or NULL (after a critical) when it is
 * not of @type; the caller then appends a null so that rows stay whole. */
static Column *
builder_next_column (CollabTableBuilder *self,
                     CollabColumnType    type,
                     const char         *what)
{
  Column *column;

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
  Column *column = g_ptr_array_index (self->columns, self->cursor);
  guint row = self->n_rows;

  if (column->type == COLLAB_COLUMN_TYPE_STRING)
    {
      gint32 code = valid ? (gint32) value : -1;

      g_array_append_val (column->values, code);
    }
  else
    {
      if (!valid)
        value = column->type == COLLAB_COLUMN_TYPE_DAY ? DAY_MISSING : 0;
      g_array_append_val (column->values, value);
    }

  if (!valid)
    column_validity (column, row);
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
  Column *column;

  g_return_val_if_fail (self != NULL, NULL);

  column = builder_next_column (self, COLLAB_COLUMN_TYPE_STRING, "string");
  if (column == NULL || value == NULL)
    return collab_table_builder_append_null (self);

  return builder_push (self, column_intern (column, self->strings, value), TRUE);
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

  return builder_append_number (self, COLLAB_COLUMN_TYPE_DAY, "day",
                                (gint64) day - COLLAB_TABLE_DAY_EPOCH);
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
      Column *column = g_ptr_array_index (self->columns, i);

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
  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->n_rows = 0;

  return table;
}

/* Public API: the shape. */

static Column *
get_column (CollabTable *self,
            guint        column)
{
  return g_ptr_array_index (self->columns, column);
}

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

  return get_column (self, column)->name;
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

  return get_column (self, column)->type;
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
    if (strcmp (get_column (self, i)->name, name) == 0)
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
 * `gint64` per row (see [enum@Collab.ColumnType] for what the number
 * means). A missing cell holds 0, or `G_MININT64` in a day column;
 * [method@Collab.Table.get_column_validity] says which cells are missing.
 *
 * In Python, `numpy.frombuffer(data.get_data(), dtype=numpy.int64)` reads
 * it without a loop.
 *
 * Returns: (transfer full): the cells, `8 ×` [method@Collab.Table.get_n_rows] bytes
 */
GBytes *
collab_table_get_column_data (CollabTable *self,
                              guint        column)
{
  g_return_val_if_fail (COLLAB_IS_TABLE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  g_return_val_if_fail (get_column (self, column)->type != COLLAB_COLUMN_TYPE_STRING, NULL);

  return g_bytes_ref (get_column (self, column)->data);
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
  Column *c;

  g_return_val_if_fail (COLLAB_IS_TABLE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  c = get_column (self, column);
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
  g_return_val_if_fail (get_column (self, column)->type == COLLAB_COLUMN_TYPE_STRING, NULL);

  return g_bytes_ref (get_column (self, column)->data);
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
  g_return_val_if_fail (get_column (self, column)->type == COLLAB_COLUMN_TYPE_STRING, NULL);

  return (const char * const *) get_column (self, column)->categories->pdata;
}

/* Public API: cells. */

static gboolean
cell_is_null (Column *column,
              guint   row)
{
  return column->valid != NULL && ((const guint8 *) g_bytes_get_data (column->valid, NULL))[row] == 0;
}

static gint64
cell_value (Column *column,
            guint   row)
{
  if (column->type == COLLAB_COLUMN_TYPE_STRING)
    return ((const gint32 *) g_bytes_get_data (column->data, NULL))[row];
  return ((const gint64 *) g_bytes_get_data (column->data, NULL))[row];
}

static const char *
cell_string (Column *column,
             guint   row)
{
  gint32 code = (gint32) cell_value (column, row);

  return code >= 0 ? g_ptr_array_index (column->categories, code) : NULL;
}

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
  g_return_val_if_fail (get_column (self, column)->type == COLLAB_COLUMN_TYPE_STRING, NULL);

  return cell_string (get_column (self, column), row);
}

/**
 * collab_table_get_int:
 * @self: a table
 * @row: a row index, less than [method@Collab.Table.get_n_rows]
 * @column: the index of a column that is not of type
 *   %COLLAB_COLUMN_TYPE_STRING
 *
 * Gets one cell of a number, amount, day or boolean column, as stored:
 * an amount in fen, a day as days since 1970-01-01, a boolean as 0 or 1.
 *
 * Returns: the cell's value, or 0 when the cell is missing
 */
gint64
collab_table_get_int (CollabTable *self,
                      guint        row,
                      guint        column)
{
  Column *c;

  g_return_val_if_fail (COLLAB_IS_TABLE (self), 0);
  g_return_val_if_fail (row < self->n_rows, 0);
  g_return_val_if_fail (column < self->columns->len, 0);
  g_return_val_if_fail (get_column (self, column)->type != COLLAB_COLUMN_TYPE_STRING, 0);

  c = get_column (self, column);
  return cell_is_null (c, row) ? 0 : cell_value (c, row);
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

  return cell_is_null (get_column (self, column), row);
}

/* Public API: the table as text. */

/* Appends the text form of a cell (nothing when it is missing). */
static void
append_cell (GString *out,
             Column  *column,
             guint    row)
{
  gint64 value;

  if (cell_is_null (column, row))
    return;

  value = cell_value (column, row);
  switch (column->type)
    {
    case COLLAB_COLUMN_TYPE_STRING:
      g_string_append (out, cell_string (column, row));
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
        g_autofree char *text = collab_day_format ((CollabDay) (value + COLLAB_TABLE_DAY_EPOCH));

        g_string_append (out, text);
      }
      break;

    case COLLAB_COLUMN_TYPE_BOOL:
      g_string_append (out, value ? "true" : "false");
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
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
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) cell = g_string_new (NULL);

  g_return_val_if_fail (COLLAB_IS_TABLE (self), NULL);

  for (guint c = 0; c < self->columns->len; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_csv_field (out, get_column (self, c)->name);
    }
  g_string_append_c (out, '\n');

  for (guint row = 0; row < self->n_rows; row++)
    {
      for (guint c = 0; c < self->columns->len; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          g_string_truncate (cell, 0);
          append_cell (cell, get_column (self, c), row);
          append_csv_field (out, cell->str);
        }
      g_string_append_c (out, '\n');
    }

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
          Column *column = get_column (self, c);

          if (cell_is_null (column, row))
            json_object_set_null_member (object, column->name);
          else if (column->type == COLLAB_COLUMN_TYPE_INT)
            json_object_set_int_member (object, column->name, cell_value (column, row));
          else if (column->type == COLLAB_COLUMN_TYPE_BOOL)
            json_object_set_boolean_member (object, column->name, cell_value (column, row) != 0);
          else
            {
              g_string_truncate (cell, 0);
              append_cell (cell, column, row);
              json_object_set_string_member (object, column->name, cell->str);
            }
        }
      json_array_add_object_element (rows, object);
    }

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, rows);
  return node;
}

/* The columns a string takes on a terminal: CJK characters take two. */
static guint
display_width (const char *text)
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
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) cells = NULL;
  g_autofree guint *widths = NULL;
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
        Column *column = get_column (self, c);
        g_autoptr(GString) text = g_string_new (NULL);

        if (line == 0)
          g_string_append (text, column->name);
        else
          append_cell (text, column, line - 1);
        widths[c] = MAX (widths[c], display_width (text->str));
        g_ptr_array_add (cells, g_string_free (g_steal_pointer (&text), FALSE));
      }

  for (guint line = 0; line < n_lines; line++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          Column *column = get_column (self, c);
          const char *text = g_ptr_array_index (cells, (gsize) line * n_columns + c);
          guint pad = widths[c] - display_width (text);
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

/* Records to a table: one walk over the kind's field table.
 *
 * Each field becomes one or more columns, filled column by column over the
 * array of record structs: a few instructions per cell and at most one
 * hash look-up (a free-text string or a joined list). Enums, flags and
 * references need none: an enum's code is its position in the enum, a
 * flag set's is cached by its bits, and a reference's is the referenced
 * record's position, with the ids of that kind as the categories. Unused
 * categories are kept: dropping them would cost a pass and a renumbering,
 * and pandas shows them as zero counts, which is what an analyst counting
 * dispatches by county wants to see. */

/* Where the rows of a (sub-)record field are: row r is at
 * @base + r × @stride, or at @rows[r] (NULL when the sub-record is
 * missing) for members of objects and arrays. */
typedef struct
{
  const guint8        *base;
  gsize                stride;
  const guint8 *const *rows;
} Rows;

static inline const guint8 *
rows_get (const Rows *rows,
          guint       r)
{
  return rows->rows != NULL ? rows->rows[r] : rows->base + (gsize) r * rows->stride;
}

/* The ids of the kinds a reference may point to, as categories, and the
 * code of each record. */
typedef struct
{
  GPtrArray *categories;
  guint      offsets[COLLAB_N_RECORD_KINDS];
  gint32    *remap[COLLAB_N_RECORD_KINDS];   /* NULL: offset + index */
} RefDictionary;

static void
ref_dictionary_free (gpointer data)
{
  RefDictionary *dict = data;

  g_ptr_array_unref (dict->categories);
  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    g_free (dict->remap[k]);
  g_free (dict);
}

typedef struct
{
  CollabTableBuilder *builder;
  const CollabStore  *store;
  guint               n_rows;
  GHashTable         *ref_dictionaries;      /* kinds bitmask -> RefDictionary */
} Export;

static RefDictionary *
get_ref_dictionary (Export  *export,
                    guint32  kinds)
{
  RefDictionary *dict = g_hash_table_lookup (export->ref_dictionaries, GUINT_TO_POINTER (kinds));
  gboolean needs_remap = FALSE;
  guint n_kinds = 0;

  if (dict != NULL)
    return dict;

  dict = g_new0 (RefDictionary, 1);
  dict->categories = g_ptr_array_new ();
  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    {
      guint n;

      if (!(kinds & (1u << k)))
        continue;

      n_kinds++;
      n = collab_store_count (export->store, k);
      dict->offsets[k] = dict->categories->len;
      g_ptr_array_set_size (dict->categories, dict->categories->len + n);
      for (guint i = 0; i < n; i++)
        {
          const CollabRecordHeader *header = collab_store_get (export->store, k, i);

          if (header->id == NULL)
            needs_remap = TRUE;
          else
            dict->categories->pdata[dict->offsets[k] + i] =
              g_string_chunk_insert (export->builder->strings, header->id);
        }
    }

  /* Ids are unique within a kind only, and kinds with optional ids have
   * records without one: then, and only then, hash the categories (not
   * the cells) to make them distinct. */
  if (needs_remap || n_kinds > 1)
    {
      g_autoptr(GPtrArray) all = g_steal_pointer (&dict->categories);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      dict->categories = g_ptr_array_new ();
      for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
        {
          guint n;

          if (!(kinds & (1u << k)))
            continue;

          n = collab_store_count (export->store, k);
          dict->remap[k] = g_new (gint32, MAX (n, 1));
          for (guint i = 0; i < n; i++)
            {
              const char *id = all->pdata[dict->offsets[k] + i];
              gpointer code;

              if (id == NULL)
                {
                  dict->remap[k][i] = -1;
                  continue;
                }
              code = g_hash_table_lookup (seen, id);
              if (code == NULL)
                {
                  g_ptr_array_add (dict->categories, (gpointer) id);
                  code = GUINT_TO_POINTER (dict->categories->len);
                  g_hash_table_insert (seen, (gpointer) id, code);
                }
              dict->remap[k][i] = GPOINTER_TO_INT (code) - 1;
            }
        }
    }

  g_hash_table_insert (export->ref_dictionaries, GUINT_TO_POINTER (kinds), dict);
  return dict;
}

static inline gint32
ref_code (const RefDictionary *dict,
          CollabRef            ref)
{
  CollabRecordKind kind;
  guint index;

  if (ref == COLLAB_REF_NONE)
    return -1;

  kind = COLLAB_REF_KIND (ref);
  index = COLLAB_REF_INDEX (ref);
  return dict->remap[kind] != NULL ? dict->remap[kind][index] : (gint32) (dict->offsets[kind] + index);
}

/* A new column of @n cells, filled in place by the caller. */
static Column *
export_column (Export           *export,
               const char       *name,
               CollabColumnType  type)
{
  Column *column = builder_add_column (export->builder, name, type, export->n_rows);

  g_array_set_size (column->values, export->n_rows);
  return column;
}

static inline gboolean
field_present (const guint8 *record,
               int           field_index)
{
  /* A negative index is a derived value, which is always there. */
  return record != NULL && (field_index < 0 || COLLAB_RECORD_PRESENT (record, field_index));
}

static void
export_ref_column (Export        *export,
                   const char    *name,
                   const Rows    *rows,
                   gsize          offset,
                   guint32        kinds)
{
  Column *column = export_column (export, name, COLLAB_COLUMN_TYPE_STRING);
  RefDictionary *dict = get_ref_dictionary (export, kinds);
  gint32 *codes = (gint32 *) column->values->data;

  g_ptr_array_unref (column->categories);
  column->categories = g_ptr_array_ref (dict->categories);

  for (guint r = 0; r < export->n_rows; r++)
    {
      const guint8 *record = rows_get (rows, r);

      codes[r] = record != NULL ? ref_code (dict, *(const CollabRef *) (record + offset)) : -1;
      if (codes[r] < 0)
        column_set_missing (column, r, export->n_rows);
    }
}

static void
export_id_column (Export           *export,
                  CollabRecordKind  kind)
{
  Column *column = export_column (export, "id", COLLAB_COLUMN_TYPE_STRING);
  RefDictionary *dict = get_ref_dictionary (export, 1u << kind);
  gint32 *codes = (gint32 *) column->values->data;

  /* The id column is the kind's own dictionary, and row r is record r:
   * a reference to itself, no look-up at all. */
  g_ptr_array_unref (column->categories);
  column->categories = g_ptr_array_ref (dict->categories);

  for (guint r = 0; r < export->n_rows; r++)
    {
      codes[r] = ref_code (dict, COLLAB_REF (kind, r));
      if (codes[r] < 0)
        column_set_missing (column, r, export->n_rows);
    }
}

static void
export_enum_column (Export            *export,
                    const char        *name,
                    const Rows        *rows,
                    const CollabField *field,
                    int                field_index)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (field->enum_type ());
  gint32 code_of[256];
  Column *column = export_column (export, name, COLLAB_COLUMN_TYPE_STRING);
  gint32 *codes = (gint32 *) column->values->data;

  /* The categories are the enum's words in value order; an enum whose 0
   * means "not given" (a region's side, a cadre's post) leaves it out. */
  for (guint v = 0; v < G_N_ELEMENTS (code_of); v++)
    code_of[v] = -1;
  for (guint i = 0; i < klass->n_values; i++)
    {
      int value = klass->values[i].value;

      if (value < 0 || value > 255 || (value == 0 && (field->flags & COLLAB_FIELD_NONZERO)))
        continue;
      code_of[value] = (gint32) column->categories->len;
      g_ptr_array_add (column->categories, (gpointer) klass->values[i].value_nick);
    }

  for (guint r = 0; r < export->n_rows; r++)
    {
      const guint8 *record = rows_get (rows, r);

      codes[r] = field_present (record, field_index) ? code_of[*(const guint8 *) (record + field->offset)] : -1;
      if (codes[r] < 0)
        column_set_missing (column, r, export->n_rows);
    }
}

static void
append_flags_text (GString     *out,
                   GFlagsClass *klass,
                   guint        bits)
{
  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value != 0 && (bits & klass->values[i].value) == klass->values[i].value)
      {
        if (out->len > 0)
          g_string_append_c (out, ';');
        g_string_append (out, klass->values[i].value_nick);
      }
}

static void
export_flags_column (Export            *export,
                     const char        *name,
                     const Rows        *rows,
                     const CollabField *field,
                     int                field_index)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (field->enum_type ());
  g_autoptr(GString) text = g_string_new (NULL);
  gint32 code_of[256];
  Column *column = export_column (export, name, COLLAB_COLUMN_TYPE_STRING);
  gint32 *codes = (gint32 *) column->values->data;

  /* Flags fit in a byte: each set of them is spelt out ("a;b", the order
   * of the flags type) the first time it is met, then found by its bits. */
  for (guint v = 0; v < G_N_ELEMENTS (code_of); v++)
    code_of[v] = -1;

  for (guint r = 0; r < export->n_rows; r++)
    {
      const guint8 *record = rows_get (rows, r);
      guint8 bits;

      if (!field_present (record, field_index))
        {
          codes[r] = -1;
          column_set_missing (column, r, export->n_rows);
          continue;
        }

      bits = *(const guint8 *) (record + field->offset);
      if (code_of[bits] < 0)
        {
          g_string_truncate (text, 0);
          append_flags_text (text, klass, bits);
          code_of[bits] = column_intern (column, export->builder->strings, text->str);
        }
      codes[r] = code_of[bits];
    }
}

static void
export_string_column (Export            *export,
                      const char        *name,
                      const Rows        *rows,
                      const CollabField *field)
{
  Column *column = export_column (export, name, COLLAB_COLUMN_TYPE_STRING);
  gint32 *codes = (gint32 *) column->values->data;
  const char *last = NULL;
  gint32 last_code = -1;

  for (guint r = 0; r < export->n_rows; r++)
    {
      const guint8 *record = rows_get (rows, r);
      const char *value = record != NULL ? *(const char * const *) (record + field->offset) : NULL;

      if (value == NULL)
        {
          codes[r] = -1;
          column_set_missing (column, r, export->n_rows);
          continue;
        }

      /* Interned strings (a transaction's use, a document) repeat by
       * pointer: a run of them costs no look-up. */
      if (value != last)
        {
          last = value;
          last_code = column_intern (column, export->builder->strings, value);
        }
      codes[r] = last_code;
    }
}

static void
export_ref_list_column (Export            *export,
                        const char        *name,
                        const Rows        *rows,
                        const CollabField *field,
                        int                field_index)
{
  Column *column = export_column (export, name, COLLAB_COLUMN_TYPE_STRING);
  g_autoptr(GString) text = g_string_new (NULL);
  gint32 *codes = (gint32 *) column->values->data;

  for (guint r = 0; r < export->n_rows; r++)
    {
      const guint8 *record = rows_get (rows, r);
      const CollabRefList *list;

      if (!field_present (record, field_index))
        {
          codes[r] = -1;
          column_set_missing (column, r, export->n_rows);
          continue;
        }

      list = (const CollabRefList *) (record + field->offset);
      g_string_truncate (text, 0);
      for (guint i = 0; i < list->n; i++)
        {
          if (i > 0)
            g_string_append_c (text, ';');
          g_string_append (text, collab_store_ref_id (export->store, list->refs[i]));
        }
      codes[r] = column_intern (column, export->builder->strings, text->str);
    }
}

static void
export_number_column (Export            *export,
                      const char        *name,
                      const Rows        *rows,
                      const CollabField *field,
                      int                field_index)
{
  CollabColumnType type;
  Column *column;
  gint64 *cells;

  switch (field->type)
    {
    case COLLAB_FIELD_DATE:   type = COLLAB_COLUMN_TYPE_DAY; break;
    case COLLAB_FIELD_AMOUNT: type = COLLAB_COLUMN_TYPE_AMOUNT; break;
    case COLLAB_FIELD_BOOL:   type = COLLAB_COLUMN_TYPE_BOOL; break;
    case COLLAB_FIELD_INT:
    case COLLAB_FIELD_YEAR:
    default:                  type = COLLAB_COLUMN_TYPE_INT; break;
    }

  column = export_column (export, name, type);
  cells = (gint64 *) column->values->data;

  for (guint r = 0; r < export->n_rows; r++)
    {
      const guint8 *record = rows_get (rows, r);
      const guint8 *slot;

      /* A boolean is never missing where its record is there: an absent
       * member is false, as the rules read it. */
      if (record == NULL ||
          (field->type != COLLAB_FIELD_BOOL && !field_present (record, field_index)))
        {
          cells[r] = type == COLLAB_COLUMN_TYPE_DAY ? DAY_MISSING : 0;
          column_set_missing (column, r, export->n_rows);
          continue;
        }

      slot = record + field->offset;
      switch (field->type)
        {
        case COLLAB_FIELD_DATE:
          if (*(const CollabDay *) slot == COLLAB_DAY_NONE)
            {
              cells[r] = DAY_MISSING;
              column_set_missing (column, r, export->n_rows);
            }
          else
            cells[r] = (gint64) *(const CollabDay *) slot - COLLAB_TABLE_DAY_EPOCH;
          break;

        case COLLAB_FIELD_AMOUNT:
          cells[r] = *(const gint64 *) slot;
          break;

        case COLLAB_FIELD_BOOL:
          cells[r] = *(const gboolean *) slot ? 1 : 0;
          break;

        case COLLAB_FIELD_INT:
        case COLLAB_FIELD_YEAR:
        default:
          cells[r] = *(const gint32 *) slot;
          break;
        }
    }
}

static void export_fields (Export             *export,
                           const CollabSchema *schema,
                           const Rows         *rows,
                           const char         *prefix,
                           const char         *own_name);

/* The rows of the sub-records of field @field_index: the object itself,
 * or an array's last element. */
static const guint8 **
sub_rows (Export            *export,
          const Rows        *rows,
          const CollabField *field,
          int                field_index)
{
  const guint8 **sub = g_new (const guint8 *, MAX (export->n_rows, 1));

  for (guint r = 0; r < export->n_rows; r++)
    {
      const guint8 *record = rows_get (rows, r);

      sub[r] = NULL;
      if (!field_present (record, field_index))
        continue;
      if (field->type == COLLAB_FIELD_OBJECT)
        sub[r] = record + field->offset;
      else
        {
          const CollabSubArray *array = (const CollabSubArray *) (record + field->offset);

          if (array->n > 0)
            sub[r] = (const guint8 *) array->items + (gsize) (array->n - 1) * field->sub->record_size;
        }
    }

  return sub;
}

static void
export_field (Export            *export,
              const CollabField *field,
              int                field_index,
              const Rows        *rows,
              const char        *name)
{
  switch (field->type)
    {
    case COLLAB_FIELD_ID:
    case COLLAB_FIELD_STRING:
      export_string_column (export, name, rows, field);
      break;

    case COLLAB_FIELD_ENUM:
      export_enum_column (export, name, rows, field, field_index);
      break;

    case COLLAB_FIELD_FLAGS:
      export_flags_column (export, name, rows, field, field_index);
      break;

    case COLLAB_FIELD_REF:
      export_ref_column (export, name, rows, field->offset, field->ref_kinds);
      break;

    case COLLAB_FIELD_REF_LIST:
      export_ref_list_column (export, name, rows, field, field_index);
      break;

    case COLLAB_FIELD_DATE:
    case COLLAB_FIELD_AMOUNT:
    case COLLAB_FIELD_INT:
    case COLLAB_FIELD_YEAR:
    case COLLAB_FIELD_BOOL:
      export_number_column (export, name, rows, field, field_index);
      break;

    case COLLAB_FIELD_OBJECT:
      {
        g_autofree const guint8 **sub = sub_rows (export, rows, field, field_index);
        g_autofree char *prefix = g_strconcat (name, ".", NULL);
        Rows sub_rows_ = { NULL, 0, (const guint8 * const *) sub };

        /* `period` gives `period.first_year` and `period.last_year`. */
        export_fields (export, field->sub, &sub_rows_, prefix, NULL);
      }
      break;

    case COLLAB_FIELD_ARRAY:
      /* An array of states, whose items have a member named like the
       * array (a project's status history), becomes its latest state:
       * `status` and `status_date`. Other arrays (a program's fund base)
       * are tables of their own and are left out. */
      if (collab_schema_find_field (field->sub, field->name) >= 0)
        {
          g_autofree const guint8 **sub = sub_rows (export, rows, field, field_index);
          g_autofree char *prefix = g_strconcat (name, "_", NULL);
          Rows sub_rows_ = { NULL, 0, (const guint8 * const *) sub };

          export_fields (export, field->sub, &sub_rows_, prefix, name);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
export_fields (Export             *export,
               const CollabSchema *schema,
               const Rows         *rows,
               const char         *prefix,
               const char         *own_name)
{
  for (guint i = 0; i < schema->n_fields; i++)
    {
      const CollabField *field = &schema->fields[i];
      g_autofree char *name = NULL;

      if (own_name != NULL && strcmp (field->name, own_name) == 0)
        name = g_strdup (own_name);
      else
        name = g_strconcat (prefix != NULL ? prefix : "", field->name, NULL);

      export_field (export, field, (int) i, rows, name);
    }
}

/* Values the store derives after a load, which no field table lists. */
static const CollabField derived_fields[] = {
  { "derived_side", COLLAB_FIELD_ENUM, (guint16) G_STRUCT_OFFSET (CollabRegionRec, derived_side),
    COLLAB_FIELD_NONZERO, collab_side_get_type, 0, NULL },
};

static const CollabRecordKind derived_kinds[] = {
  COLLAB_RECORD_KIND_REGION,
};

G_STATIC_ASSERT (G_N_ELEMENTS (derived_fields) == G_N_ELEMENTS (derived_kinds));

/**
 * collab_dataset_to_table:
 * @self: a dataset
 * @kind: the kind of record
 *
 * Makes a table of the records of one kind, one row per record in
 * dataset order and one column per member of the dataset document
 * (SPEC §9), in the order the document writes them:
 *
 * | member | column |
 * | --- | --- |
 * | `id`, text, an enum word, a reference | string (a reference by the id it names) |
 * | a date | day |
 * | an amount | amount (fen) |
 * | a number, a year | int |
 * | a boolean | bool (an absent member is false) |
 * | flags, a list of references | string, the words or ids joined by `;` |
 * | `period` | int columns `period.first_year` and `period.last_year` |
 * | a project's `status` history | the latest state: string `status` and day `status_date` |
 *
 * A program's `fund_base` is left out (it is a table of its own), and
 * regions get one more column, `derived_side`: the side of the region
 * or of its nearest ancestor that names one. A member absent from a
 * record is a missing cell.
 *
 * The table is made in one pass per column over the records, with at
 * most one hash look-up per cell (none for ids, enums and references), so
 * a million dispatches take well under a second.
 *
 * Returns: (transfer full): a new table
 */
CollabTable *
collab_dataset_to_table (CollabDataset    *self,
                         CollabRecordKind  kind)
{
  g_autoptr(CollabTableBuilder) builder = NULL;
  const CollabSchema *schema;
  const CollabStore *store;
  Export export;
  Rows rows;

  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, NULL);

  store = collab_dataset_get_store (self);
  schema = collab_schema_for_kind (kind);
  builder = collab_table_builder_new ();

  export.builder = builder;
  export.store = store;
  export.n_rows = collab_store_count (store, kind);
  export.ref_dictionaries = g_hash_table_new_full (NULL, NULL, NULL, ref_dictionary_free);

  rows.base = (const guint8 *) store->tables[kind].records->data;
  rows.stride = schema->record_size;
  rows.rows = NULL;

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const CollabField *field = &schema->fields[i];

      if (field->type == COLLAB_FIELD_ID)
        export_id_column (&export, kind);
      else
        export_field (&export, field, (int) i, &rows, field->name);
    }

  for (guint i = 0; i < G_N_ELEMENTS (derived_fields); i++)
    if (derived_kinds[i] == kind)
      export_field (&export, &derived_fields[i], -1, &rows, derived_fields[i].name);

  g_hash_table_unref (export.ref_dictionaries);

  builder->n_rows = export.n_rows;
  return collab_table_builder_end (builder);
}

/* Findings to a table. */

typedef enum
{
  VALUES_NONE,      /* only nulls so far */
  VALUES_INT,       /* integers only */
  VALUES_TEXT,      /* anything else: written as text */
} ValuesKind;

static ValuesKind
values_kind_add (ValuesKind  kind,
                 JsonNode   *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return kind;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    return kind == VALUES_TEXT ? VALUES_TEXT : VALUES_INT;
  return VALUES_TEXT;
}

static CollabColumnType
values_column_type (ValuesKind kind)
{
  return kind == VALUES_INT ? COLLAB_COLUMN_TYPE_INT : COLLAB_COLUMN_TYPE_STRING;
}

/* Appends @node to the next column, of the type values_column_type() gave. */
static void
append_node (CollabTableBuilder *builder,
             ValuesKind          kind,
             JsonNode           *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    collab_table_builder_append_null (builder);
  else if (kind == VALUES_INT)
    collab_table_builder_append_int (builder, json_node_get_int (node));
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    collab_table_builder_append_string (builder, json_node_get_string (node));
  else
    {
      g_autofree char *text = json_to_string (node, FALSE);

      collab_table_builder_append_string (builder, text);
    }
}

/**
 * collab_findings_to_table:
 * @findings: (element-type Collab.Finding): findings, as
 *   [method@Collab.Checker.run] gives them
 *
 * Makes a table of findings, one row per finding in order, with the
 * columns
 *
 * - `rule`, `severity` (the words `info`, `warning`, `violation`) and
 *   `message`;
 * - one column per subject key met in any finding, in the order first
 *   met (`program`, `county`, `year`, `assisting`, …; SPEC §10): int
 *   where every value is an integer (`year`), string otherwise, and
 *   missing where a finding's subject has no such key;
 * - `expected` and `actual`: int where every value of the column is an
 *   integer, otherwise string, with strings as they are and any other
 *   value as JSON text;
 * - `remedy`: what would remove the finding, as JSON text, where the
 *   library knows it.
 *
 * Returns: (transfer full): a new table
 */
CollabTable *
collab_findings_to_table (GPtrArray *findings)
{
  g_autoptr(CollabTableBuilder) builder = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GArray) key_kinds = NULL;
  g_autoptr(GHashTable) key_index = NULL;
  g_autoptr(GEnumClass) severities = NULL;
  ValuesKind expected_kind = VALUES_NONE, actual_kind = VALUES_NONE, remedy_kind = VALUES_TEXT;

  g_return_val_if_fail (findings != NULL, NULL);

  /* First pass: which subject keys there are, and what they hold. */
  keys = g_ptr_array_new ();
  key_kinds = g_array_new (FALSE, FALSE, sizeof (ValuesKind));
  key_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      g_return_val_if_fail (COLLAB_IS_FINDING (finding), NULL);

      json_object_iter_init_ordered (&iter, collab_finding_get_subject (finding));
      while (json_object_iter_next_ordered (&iter, &key, &value))
        {
          gpointer position;
          ValuesKind kind = VALUES_NONE;

          if (!g_hash_table_lookup_extended (key_index, key, NULL, &position))
            {
              position = GUINT_TO_POINTER (keys->len);
              g_ptr_array_add (keys, (gpointer) key);
              g_array_append_val (key_kinds, kind);
              g_hash_table_insert (key_index, (gpointer) key, position);
            }
          kind = g_array_index (key_kinds, ValuesKind, GPOINTER_TO_UINT (position));
          g_array_index (key_kinds, ValuesKind, GPOINTER_TO_UINT (position)) = values_kind_add (kind, value);
        }
      expected_kind = values_kind_add (expected_kind, collab_finding_get_expected (finding));
      actual_kind = values_kind_add (actual_kind, collab_finding_get_actual (finding));
    }

  builder = collab_table_builder_new ();
  collab_table_builder_add_column (builder, "rule", COLLAB_COLUMN_TYPE_STRING);
  collab_table_builder_add_enum_column (builder, "severity", COLLAB_TYPE_SEVERITY);
  collab_table_builder_add_column (builder, "message", COLLAB_COLUMN_TYPE_STRING);
  for (guint k = 0; k < keys->len; k++)
    collab_table_builder_add_column (builder, keys->pdata[k],
                                     values_column_type (g_array_index (key_kinds, ValuesKind, k)));
  collab_table_builder_add_column (builder, "expected", values_column_type (expected_kind));
  collab_table_builder_add_column (builder, "actual", values_column_type (actual_kind));
  collab_table_builder_add_column (builder, "remedy", COLLAB_COLUMN_TYPE_STRING);

  /* Second pass: the rows. */
  severities = g_type_class_ref (COLLAB_TYPE_SEVERITY);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);
      JsonObject *subject = collab_finding_get_subject (finding);
      GEnumValue *severity = g_enum_get_value (severities, collab_finding_get_severity (finding));

      collab_table_builder_append_string (builder, collab_finding_get_rule (finding));
      collab_table_builder_append_string (builder, severity != NULL ? severity->value_nick : NULL);
      collab_table_builder_append_string (builder, collab_finding_get_message (finding));
      for (guint k = 0; k < keys->len; k++)
        append_node (builder, g_array_index (key_kinds, ValuesKind, k),
                     json_object_get_member (subject, keys->pdata[k]));
      append_node (builder, expected_kind, collab_finding_get_expected (finding));
      append_node (builder, actual_kind, collab_finding_get_actual (finding));
      append_node (builder, remedy_kind, collab_finding_get_remedy (finding));
    }

  return collab_table_builder_end (builder);
}

/**
 * collab_record_kind_from_name:
 * @name: the member of the dataset document that lists the kind
 *   (`dispatches`, `demonstration_villages`) or the kind's nick
 *   (`dispatch`, `demonstration_village`)
 * @kind: (out): return location for the kind
 *
 * Finds a record kind by the name an analyst would type.
 *
 * Returns: %TRUE when @name names a kind
 */
gboolean
collab_record_kind_from_name (const char       *name,
                              CollabRecordKind *kind)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  if (collab_schema_kind_from_member (name, kind))
    return TRUE;

  klass = g_type_class_ref (COLLAB_TYPE_RECORD_KIND);
  value = g_enum_get_value_by_nick (klass, name);
  if (value == NULL)
    return FALSE;

  *kind = (CollabRecordKind) value->value;
  return TRUE;
}
