/* collab-csv-write.c: the records of one kind as a CSV table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The way back from the import (collab-csv-read.c): one record a row,
 * one column a member that holds one value, in the spelling the import
 * reads back and compares rows by (collab_csv_field_text()). The header
 * names the members in English, so that a round trip through a
 * spreadsheet needs none of the Chinese aliases.
 */

#include <libcollab/collab-csv.h>
#include <libcollab/collab-money.h>

#include "collab-csv-private.h"
#include "model/collab-dataset-private.h"

/* The text of a value ------------------------------------------------------ */

/* Appends the nicks of the flags set in @value, joined by `;`. */
void
collab_csv_append_flags_text (GString *out,
                              GType    type,
                              guint    value)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (type);

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value != 0 && (value & klass->values[i].value) == klass->values[i].value)
      g_string_append_printf (out, "%s%s", out->len > 0 ? ";" : "", klass->values[i].value_nick);
}

/* What the export writes for a field of a record: also what a roster row
 * is compared with when its person is already in the dataset. */
char *
collab_csv_field_text (const CollabStore *store,
                       const CollabField *field,
                       gconstpointer      slot)
{
  switch (field->type)
    {
    case COLLAB_FIELD_ID:
    case COLLAB_FIELD_STRING:
      return g_strdup (*(const char * const *) slot);

    case COLLAB_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (field->enum_type ());
        GEnumValue *value = g_enum_get_value (klass, *(const guint8 *) slot);

        return g_strdup (value != NULL ? value->value_nick : "");
      }

    case COLLAB_FIELD_FLAGS:
      {
        GString *text = g_string_new (NULL);

        collab_csv_append_flags_text (text, field->enum_type (), *(const guint8 *) slot);
        return g_string_free (text, FALSE);
      }

    case COLLAB_FIELD_REF:
      return g_strdup (collab_store_ref_id (store, *(const CollabRef *) slot));

    case COLLAB_FIELD_REF_LIST:
      {
        const CollabRefList *list = slot;
        GString *text = g_string_new (NULL);

        for (guint i = 0; i < list->n; i++)
          g_string_append_printf (text, "%s%s", i > 0 ? ";" : "", collab_store_ref_id (store, list->refs[i]));
        return g_string_free (text, FALSE);
      }

    case COLLAB_FIELD_DATE:
      return collab_day_format (*(const CollabDay *) slot);

    case COLLAB_FIELD_AMOUNT:
      return collab_money_format (*(const gint64 *) slot);

    case COLLAB_FIELD_INT:
    case COLLAB_FIELD_YEAR:
      return g_strdup_printf ("%d", *(const gint32 *) slot);

    case COLLAB_FIELD_BOOL:
      return g_strdup (*(const gboolean *) slot ? "true" : "false");

    case COLLAB_FIELD_OBJECT:
    case COLLAB_FIELD_ARRAY:
    default:
      g_assert_not_reached ();
    }
}

/* The export --------------------------------------------------------------- */

static void
add_column (GArray            *columns,
            CollabCsvTarget    type,
            const CollabField *field,
            const CollabField *sub,
            char              *member)
{
  CollabCsvColumn column = { type, FALSE, field, sub, member, NULL, NULL };

  g_array_append_val (columns, column);
}

/* The columns of @kind: its scalar fields in table order, inline
 * sub-records flattened, the latest step of a history, then the members
 * this library does not know that hold a single value. */
static GArray *
export_columns (const CollabStore *store,
                CollabRecordKind   kind)
{
  const CollabSchema *schema = collab_schema_for_kind (kind);
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (CollabCsvColumn));
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  g_array_set_clear_func (columns, collab_csv_column_clear);
  for (guint f = 0; f < schema->n_fields; f++)
    {
      const CollabField *field = &schema->fields[f];
      const CollabField *value, *date;

      if (collab_csv_is_scalar (field->type))
        add_column (columns, COLLAB_CSV_TARGET_FIELD, field, NULL, g_strdup (field->name));
      else if (field->type == COLLAB_FIELD_OBJECT)
        {
          for (guint s = 0; s < field->sub->n_fields; s++)
            if (collab_csv_is_scalar (field->sub->fields[s].type))
              add_column (columns, COLLAB_CSV_TARGET_SUBFIELD, field, &field->sub->fields[s],
                          g_strdup_printf ("%s.%s", field->name, field->sub->fields[s].name));
        }
      else if (collab_csv_latest_fields (field, &value, &date))
        {
          add_column (columns, COLLAB_CSV_TARGET_LATEST, field, value, g_strdup (field->name));
          add_column (columns, COLLAB_CSV_TARGET_LATEST_DATE, field, date, g_strdup_printf ("%s_date", field->name));
        }
    }

  for (guint c = 0; c < columns->len; c++)
    g_hash_table_add (names, g_array_index (columns, CollabCsvColumn, c).member);

  for (guint i = 0; i < collab_store_count (store, kind); i++)
    {
      const CollabRecordHeader *header = collab_store_get (store, kind, i);
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      if (header->extra == NULL)
        continue;
      json_object_iter_init_ordered (&iter, header->extra);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        if (JSON_NODE_HOLDS_VALUE (node) && !g_hash_table_contains (names, name))
          {
            add_column (columns, COLLAB_CSV_TARGET_EXTRA, NULL, NULL, g_strdup (name));
            g_hash_table_add (names, g_array_index (columns, CollabCsvColumn, columns->len - 1).member);
          }
    }

  return columns;
}

static char *
extra_text (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");

  {
    char buffer[G_ASCII_DTOSTR_BUF_SIZE];

    return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
  }
}

static char *
cell_text (const CollabStore     *store,
           const CollabSchema    *schema,
           const CollabCsvColumn *column,
           gconstpointer          record)
{
  const CollabRecordHeader *header = record;
  int f = column->field != NULL ? (int) (column->field - schema->fields) : -1;

  switch (column->type)
    {
    case COLLAB_CSV_TARGET_FIELD:
      if (!COLLAB_RECORD_PRESENT (record, f))
        return NULL;
      return collab_csv_field_text (store, column->field, COLLAB_FIELD_PTR (record, column->field));

    case COLLAB_CSV_TARGET_SUBFIELD:
      {
        gconstpointer object = COLLAB_FIELD_PTR (record, column->field);
        int s = (int) (column->sub - column->field->sub->fields);

        if (!COLLAB_RECORD_PRESENT (record, f) || !COLLAB_RECORD_PRESENT (object, s))
          return NULL;
        return collab_csv_field_text (store, column->sub, COLLAB_FIELD_PTR (object, column->sub));
      }

    case COLLAB_CSV_TARGET_LATEST:
    case COLLAB_CSV_TARGET_LATEST_DATE:
      {
        const CollabSubArray *array = COLLAB_FIELD_PTR (record, column->field);
        gconstpointer latest;

        /* The history is in date order: the last step is the latest. */
        if (!COLLAB_RECORD_PRESENT (record, f) || array->n == 0)
          return NULL;
        latest = (const guint8 *) array->items + (gsize) (array->n - 1) * column->field->sub->record_size;
        return collab_csv_field_text (store, column->sub, COLLAB_FIELD_PTR (latest, column->sub));
      }

    case COLLAB_CSV_TARGET_EXTRA:
      return header->extra != NULL && json_object_has_member (header->extra, column->member)
             ? extra_text (json_object_get_member (header->extra, column->member))
             : NULL;

    case COLLAB_CSV_TARGET_NONE:
    case COLLAB_CSV_TARGET_IGNORED:
    default:
      g_assert_not_reached ();
    }
}

/**
 * collab_dataset_export_csv:
 * @dataset: a dataset
 * @kind: the kind of record to write
 * @length: (out) (optional): the length of the text in bytes
 *
 * Writes the records of @kind as a CSV table, one record a row, that
 * [method@Collab.Dataset.import_csv_data] reads back.
 *
 * The text is UTF-8 without a byte-order mark, with RFC 4180 quoting and
 * CRLF line ends. The header row names the members of the dataset
 * document, in the order of the kind's fields. Only members that hold
 * one value get a column: flags and lists of ids are joined with `;`, an
 * inline sub-record is flattened (`period.first_year`), a history gives
 * its latest step (a project's `status` and `status_date`), and other
 * lists of sub-records (a program's `fund_base`) are left out. Members
 * this library does not know follow, when they hold a single value.
 * Amounts are written as yuan with two decimals (`19200000.00`), dates
 * `YYYY-MM-DD`, booleans `true` or `false`; a member a record does not
 * have is an empty cell.
 *
 * Returns: (transfer full): the CSV text
 */
char *
collab_dataset_export_csv (CollabDataset    *dataset,
                           CollabRecordKind  kind,
                           gsize            *length)
{
  const CollabSchema *schema;
  CollabStore *store;
  g_autoptr(GArray) columns = NULL;
  GString *out;

  g_return_val_if_fail (COLLAB_IS_DATASET (dataset), NULL);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, NULL);

  store = collab_dataset_get_store (dataset);
  schema = collab_schema_for_kind (kind);
  columns = export_columns (store, kind);
  out = g_string_new (NULL);

  for (guint c = 0; c < columns->len; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      collab_csv_append_cell (out, g_array_index (columns, CollabCsvColumn, c).member);
    }
  g_string_append (out, COLLAB_CSV_EOL);

  for (guint i = 0; i < collab_store_count (store, kind); i++)
    {
      gconstpointer record = collab_store_get (store, kind, i);

      for (guint c = 0; c < columns->len; c++)
        {
          g_autofree char *text = cell_text (store, schema, &g_array_index (columns, CollabCsvColumn, c), record);

          if (c > 0)
            g_string_append_c (out, ',');
          collab_csv_append_cell (out, text);
        }
      g_string_append (out, COLLAB_CSV_EOL);
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
