/* collab-table-export.c: the records of one kind as a table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * collab_dataset_to_table(), behind `dataset.to_pandas('dispatches')`:
 * one walk over the kind's field table.
 *
 * Each field becomes one or more columns, filled column by column over the
 * array of record structs: a few instructions per cell and at most one
 * hash look-up (a free-text string or a joined list). Enums, flags and
 * references need none: an enum's code is its position in the enum, a
 * flag set's is cached by its bits, and a reference's is the referenced
 * record's position, with the ids of that kind as the categories
 * (collab-table-export-refs.c). Unused categories are kept: dropping them
 * would cost a pass and a renumbering, and pandas shows them as zero
 * counts, which is what an analyst counting dispatches by county wants to
 * see.
 */

#include <string.h>

#include <libcollab/collab-enum-types.h>

#include "model/collab-dataset-private.h"
#include "collab-table-export-private.h"

/* A new column of @n cells, filled in place by the caller. */
CollabTableColumn *
collab_table_export_column (CollabTableExport *export,
                            const char        *name,
                            CollabColumnType   type)
{
  CollabTableColumn *column = collab_table_builder_new_column (export->builder, name, type, export->n_rows);

  g_array_set_size (column->values, export->n_rows);
  return column;
}

static void
export_enum_column (CollabTableExport     *export,
                    const char            *name,
                    const CollabTableRows *rows,
                    const CollabField     *field,
                    int                    field_index)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (field->enum_type ());
  gint32 code_of[256];
  CollabTableColumn *column = collab_table_export_column (export, name, COLLAB_COLUMN_TYPE_STRING);
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
      const guint8 *record = collab_table_rows_get (rows, r);

      codes[r] = collab_table_field_present (record, field_index)
                 ? code_of[*(const guint8 *) (record + field->offset)]
                 : -1;
      if (codes[r] < 0)
        collab_table_column_set_missing (column, r, export->n_rows);
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
export_flags_column (CollabTableExport     *export,
                     const char            *name,
                     const CollabTableRows *rows,
                     const CollabField     *field,
                     int                    field_index)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (field->enum_type ());
  g_autoptr(GString) text = g_string_new (NULL);
  gint32 code_of[256];
  CollabTableColumn *column = collab_table_export_column (export, name, COLLAB_COLUMN_TYPE_STRING);
  gint32 *codes = (gint32 *) column->values->data;

  /* Flags fit in a byte: each set of them is spelt out ("a;b", the order
   * of the flags type) the first time it is met, then found by its bits. */
  for (guint v = 0; v < G_N_ELEMENTS (code_of); v++)
    code_of[v] = -1;

  for (guint r = 0; r < export->n_rows; r++)
    {
      const guint8 *record = collab_table_rows_get (rows, r);
      guint8 bits;

      if (!collab_table_field_present (record, field_index))
        {
          codes[r] = -1;
          collab_table_column_set_missing (column, r, export->n_rows);
          continue;
        }

      bits = *(const guint8 *) (record + field->offset);
      if (code_of[bits] < 0)
        {
          g_string_truncate (text, 0);
          append_flags_text (text, klass, bits);
          code_of[bits] = collab_table_column_intern (column, export->builder->strings, text->str);
        }
      codes[r] = code_of[bits];
    }
}

/* A list of words in order ("catering;logistics", first choice first).
 * Lists repeat: each is spelt out once, then found by its packed word. */
static void
export_enum_list_column (CollabTableExport     *export,
                         const char            *name,
                         const CollabTableRows *rows,
                         const CollabField     *field,
                         int                    field_index)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (field->enum_type ());
  g_autoptr(GHashTable) code_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  CollabTableColumn *column = collab_table_export_column (export, name, COLLAB_COLUMN_TYPE_STRING);
  gint32 *codes = (gint32 *) column->values->data;

  for (guint r = 0; r < export->n_rows; r++)
    {
      const guint8 *record = collab_table_rows_get (rows, r);
      CollabEnumList list;
      gpointer code;

      if (!collab_table_field_present (record, field_index))
        {
          codes[r] = -1;
          collab_table_column_set_missing (column, r, export->n_rows);
          continue;
        }

      list = *(const CollabEnumList *) (record + field->offset);
      /* Keyed by list + 1, as NULL is no key: the empty list is 0. */
      if (!g_hash_table_lookup_extended (code_of, GUINT_TO_POINTER (list + 1), NULL, &code))
        {
          g_string_truncate (text, 0);
          for (guint i = 0; COLLAB_ENUM_LIST_HAS (list, i); i++)
            {
              GEnumValue *value = g_enum_get_value (klass, (int) COLLAB_ENUM_LIST_GET (list, i));

              if (i > 0)
                g_string_append_c (text, ';');
              g_string_append (text, value != NULL ? value->value_nick : "");
            }
          code = GINT_TO_POINTER (collab_table_column_intern (column, export->builder->strings, text->str));
          g_hash_table_insert (code_of, GUINT_TO_POINTER (list + 1), code);
        }
      codes[r] = GPOINTER_TO_INT (code);
    }
}

static void
export_string_column (CollabTableExport     *export,
                      const char            *name,
                      const CollabTableRows *rows,
                      const CollabField     *field)
{
  CollabTableColumn *column = collab_table_export_column (export, name, COLLAB_COLUMN_TYPE_STRING);
  gint32 *codes = (gint32 *) column->values->data;
  const char *last = NULL;
  gint32 last_code = -1;

  for (guint r = 0; r < export->n_rows; r++)
    {
      const guint8 *record = collab_table_rows_get (rows, r);
      const char *value = record != NULL ? *(const char * const *) (record + field->offset) : NULL;

      if (value == NULL)
        {
          codes[r] = -1;
          collab_table_column_set_missing (column, r, export->n_rows);
          continue;
        }

      /* Interned strings (a transaction's use, a document) repeat by
       * pointer: a run of them costs no look-up. */
      if (value != last)
        {
          last = value;
          last_code = collab_table_column_intern (column, export->builder->strings, value);
        }
      codes[r] = last_code;
    }
}

/* A DAY column holds the records' CollabDays as they are: 0 is missing. */
static void
export_day_column (CollabTableExport     *export,
                   const char            *name,
                   const CollabTableRows *rows,
                   const CollabField     *field,
                   int                    field_index)
{
  CollabTableColumn *column = collab_table_export_column (export, name, COLLAB_COLUMN_TYPE_DAY);
  CollabDay *cells = (CollabDay *) column->values->data;

  for (guint r = 0; r < export->n_rows; r++)
    {
      const guint8 *record = collab_table_rows_get (rows, r);

      cells[r] = collab_table_field_present (record, field_index)
                 ? *(const CollabDay *) (record + field->offset)
                 : COLLAB_DAY_NONE;
      if (cells[r] == COLLAB_DAY_NONE)
        collab_table_column_set_missing (column, r, export->n_rows);
    }
}

static void
export_number_column (CollabTableExport     *export,
                      const char            *name,
                      const CollabTableRows *rows,
                      const CollabField     *field,
                      int                    field_index)
{
  CollabColumnType type;
  CollabTableColumn *column;
  gint64 *cells;

  switch (field->type)
    {
    case COLLAB_FIELD_AMOUNT: type = COLLAB_COLUMN_TYPE_AMOUNT; break;
    case COLLAB_FIELD_BOOL:   type = COLLAB_COLUMN_TYPE_BOOL; break;
    case COLLAB_FIELD_INT:
    case COLLAB_FIELD_YEAR:
    default:                  type = COLLAB_COLUMN_TYPE_INT; break;
    }

  column = collab_table_export_column (export, name, type);
  cells = (gint64 *) column->values->data;

  for (guint r = 0; r < export->n_rows; r++)
    {
      const guint8 *record = collab_table_rows_get (rows, r);
      const guint8 *slot;

      /* A boolean is never missing where its record is there: an absent
       * member is false, as the rules read it. */
      if (record == NULL ||
          (field->type != COLLAB_FIELD_BOOL && !collab_table_field_present (record, field_index)))
        {
          cells[r] = 0;
          collab_table_column_set_missing (column, r, export->n_rows);
          continue;
        }

      slot = record + field->offset;
      switch (field->type)
        {
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

static void export_fields (CollabTableExport     *export,
                           const CollabSchema    *schema,
                           const CollabTableRows *rows,
                           const char            *prefix,
                           const char            *own_name);

/* The rows of the sub-records of field @field_index: the object itself,
 * or an array's last element. */
static const guint8 **
sub_rows (CollabTableExport     *export,
          const CollabTableRows *rows,
          const CollabField     *field,
          int                    field_index)
{
  const guint8 **sub = g_new (const guint8 *, MAX (export->n_rows, 1));

  for (guint r = 0; r < export->n_rows; r++)
    {
      const guint8 *record = collab_table_rows_get (rows, r);

      sub[r] = NULL;
      if (!collab_table_field_present (record, field_index))
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
export_field (CollabTableExport     *export,
              const CollabField     *field,
              int                    field_index,
              const CollabTableRows *rows,
              const char            *name)
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

    case COLLAB_FIELD_ENUM_LIST:
      export_enum_list_column (export, name, rows, field, field_index);
      break;

    case COLLAB_FIELD_REF:
      collab_table_export_ref_column (export, name, rows, field->offset, field->ref_kinds);
      break;

    case COLLAB_FIELD_REF_LIST:
      collab_table_export_ref_list_column (export, name, rows, field, field_index);
      break;

    case COLLAB_FIELD_DATE:
      export_day_column (export, name, rows, field, field_index);
      break;

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
        CollabTableRows sub_rows_ = { NULL, 0, (const guint8 * const *) sub };

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
          CollabTableRows sub_rows_ = { NULL, 0, (const guint8 * const *) sub };

          export_fields (export, field->sub, &sub_rows_, prefix, name);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
export_fields (CollabTableExport     *export,
               const CollabSchema    *schema,
               const CollabTableRows *rows,
               const char            *prefix,
               const char            *own_name)
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
  CollabTableExport export;
  CollabTableRows rows;

  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, NULL);

  store = collab_dataset_get_store (self);
  schema = collab_schema_for_kind (kind);
  builder = collab_table_builder_new ();

  export.builder = builder;
  export.store = store;
  export.n_rows = collab_store_count (store, kind);
  export.ref_dictionaries = g_hash_table_new_full (NULL, NULL, NULL, collab_table_ref_dictionary_free);

  rows.base = (const guint8 *) store->tables[kind].records->data;
  rows.stride = schema->record_size;
  rows.rows = NULL;

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const CollabField *field = &schema->fields[i];

      if (field->type == COLLAB_FIELD_ID)
        collab_table_export_id_column (&export, kind);
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
