/* collab-table-export-refs.c: ids and references as dictionary columns
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A column of ids or references is coded by record position, never by
 * hashing its cells: its categories are the ids of every record of the
 * kinds it may name, in dataset order, and a reference's code is the
 * position of the record it names. One such dictionary is made per set
 * of kinds and shared by every column that refers to them (a dispatch's
 * `from` and `to`), so a million dispatches cost no look-up at all.
 */

#include "collab-table-export-private.h"

/* The ids of the kinds a reference may point to, as categories, and the
 * code of each record. */
typedef struct
{
  GPtrArray *categories;
  guint      offsets[COLLAB_N_RECORD_KINDS];
  gint32    *remap[COLLAB_N_RECORD_KINDS];   /* NULL: offset + index */
} RefDictionary;

void
collab_table_ref_dictionary_free (gpointer data)
{
  RefDictionary *dict = data;

  g_ptr_array_unref (dict->categories);
  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    g_free (dict->remap[k]);
  g_free (dict);
}

static RefDictionary *
get_ref_dictionary (CollabTableExport *export,
                    guint32            kinds)
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

void
collab_table_export_ref_column (CollabTableExport     *export,
                                const char            *name,
                                const CollabTableRows *rows,
                                gsize                  offset,
                                guint32                kinds)
{
  CollabTableColumn *column = collab_table_export_column (export, name, COLLAB_COLUMN_TYPE_STRING);
  RefDictionary *dict = get_ref_dictionary (export, kinds);
  gint32 *codes = (gint32 *) column->values->data;

  g_ptr_array_unref (column->categories);
  column->categories = g_ptr_array_ref (dict->categories);

  for (guint r = 0; r < export->n_rows; r++)
    {
      const guint8 *record = collab_table_rows_get (rows, r);

      codes[r] = record != NULL ? ref_code (dict, *(const CollabRef *) (record + offset)) : -1;
      if (codes[r] < 0)
        collab_table_column_set_missing (column, r, export->n_rows);
    }
}

void
collab_table_export_id_column (CollabTableExport *export,
                               CollabRecordKind   kind)
{
  CollabTableColumn *column = collab_table_export_column (export, "id", COLLAB_COLUMN_TYPE_STRING);
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
        collab_table_column_set_missing (column, r, export->n_rows);
    }
}

/* A list of references is joined into one string of ids, as the CSV
 * export writes it: its own dictionary, hashed by the joined text. */
void
collab_table_export_ref_list_column (CollabTableExport     *export,
                                     const char            *name,
                                     const CollabTableRows *rows,
                                     const CollabField     *field,
                                     int                    field_index)
{
  CollabTableColumn *column = collab_table_export_column (export, name, COLLAB_COLUMN_TYPE_STRING);
  g_autoptr(GString) text = g_string_new (NULL);
  gint32 *codes = (gint32 *) column->values->data;

  for (guint r = 0; r < export->n_rows; r++)
    {
      const guint8 *record = collab_table_rows_get (rows, r);
      const CollabRefList *list;

      if (!collab_table_field_present (record, field_index))
        {
          codes[r] = -1;
          collab_table_column_set_missing (column, r, export->n_rows);
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
      codes[r] = collab_table_column_intern (column, export->builder->strings, text->str);
    }
}
