/* collab-csv-companion.c: the person a roster row describes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A roster lists dispatches, and beside each the columns of its person
 * (姓名, 职业, 单位). The dispatch is the record of the row; the person is
 * its companion, named by the row's companion reference (`person`). A
 * person the dataset has is only compared with the row: records are
 * appended, never changed. A person it does not have is gathered from
 * every row that names them, each field from the first row that gives
 * it, and written once into the document after the records, where the
 * reader resolves the references to it.
 */

#include <string.h>

#include <libcollab/collab-error.h>

#include "collab-csv-import-private.h"
#include "collab-json-private.h"

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
void
collab_csv_find_companion (CollabCsvImport *imp)
{
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    if (companions[i].kind == imp->kind)
      {
        imp->via = &imp->schema->fields[collab_schema_find_field (imp->schema, companions[i].via)];
        imp->via_kind = (CollabRecordKind) g_bit_nth_lsf (imp->via->ref_kinds, -1);
        imp->via_schema = collab_schema_for_kind (imp->via_kind);
      }
}

void
collab_csv_new_record_free (gpointer data)
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
gboolean
collab_csv_describe_companion (CollabCsvImport    *imp,
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
      const CollabCsvColumn *column = collab_csv_import_column (imp, c);
      g_autoptr(GString) json = NULL;
      g_autofree char *text = NULL;
      int f;

      if (!column->companion || *imp->cells[c] == '\0')
        continue;

      f = (int) (column->field - schema->fields);
      json = g_string_new (NULL);
      text = collab_csv_convert_cell (imp, column->field, column, imp->cells[c], row, c, json, error);
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
            return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INCONSISTENT,
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
        return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INCONSISTENT,
                                   row->line, (int) c, NULL,
                                   "line %u gives the %s \"%s\" the %s \"%s\", and this row says \"%s\"",
                                   record->given[f].row->line, schema->singular, id, column->field->name,
                                   record->given[f].text, text);
    }

  return TRUE;
}

/* The column that gives @field of the companion, else the column of the
 * companion reference: where a message about that field points. */
int
collab_csv_companion_column (CollabCsvImport   *imp,
                             const CollabField *field)
{
  int column = collab_csv_find_column_of (imp, field, TRUE);

  return column >= 0 ? column : imp->via_column;
}

/* Appends the companions the rows created to the document, each with
 * every field its kind requires. */
gboolean
collab_csv_append_new_records (CollabCsvImport  *imp,
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
            return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_MISSING_MEMBER,
                                       record->row->line, collab_csv_companion_column (imp, field), NULL,
                                       "the %s \"%s\" is not in the dataset, and none of its rows "
                                       "gives the %s a new %s needs",
                                       schema->singular, record->id, field->name, schema->singular);
        }

      g_string_append (out, i > 0 ? ",\n" : "\n");
      g_string_append_c (out, '{');
      collab_csv_append_member (out, &first, "id");
      collab_json_append_string (out, record->id);
      for (guint f = 0; f < schema->n_fields; f++)
        if (record->given[f].json != NULL)
          {
            collab_csv_append_member (out, &first, schema->fields[f].name);
            g_string_append (out, record->given[f].json);
          }
      g_string_append_c (out, '}');
    }

  return TRUE;
}

