/* collab-store.c: arrays of record structs with an id index per kind
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "collab-store-private.h"
#include "types/collab-error-private.h"

CollabStore *
collab_store_new (void)
{
  CollabStore *store = g_new0 (CollabStore, 1);

  g_atomic_ref_count_init (&store->ref_count);
  g_mutex_init (&store->derived_lock);
  store->strings = g_string_chunk_new (64 * 1024);
  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    {
      const CollabSchema *schema = collab_schema_for_kind (k);

      store->tables[k].records = g_array_new (FALSE, TRUE, schema->record_size);
      store->tables[k].record_size = schema->record_size;
      store->tables[k].by_id = g_hash_table_new (g_str_hash, g_str_equal);
    }

  return store;
}

CollabStore *
collab_store_ref (CollabStore *store)
{
  g_atomic_ref_count_inc (&store->ref_count);
  return store;
}

void
collab_store_free_record (const CollabSchema *schema,
             gpointer            record)
{
  CollabRecordHeader *header = record;

  g_clear_pointer (&header->extra, json_object_unref);

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const CollabField *field = &schema->fields[i];

      switch (field->type)
        {
        case COLLAB_FIELD_REF_LIST:
          g_clear_pointer (&((CollabRefList *) COLLAB_FIELD_PTR (record, field))->refs, g_free);
          break;

        case COLLAB_FIELD_OBJECT:
          collab_store_free_record (field->sub, COLLAB_FIELD_PTR (record, field));
          break;

        case COLLAB_FIELD_ARRAY:
          {
            CollabSubArray *array = COLLAB_FIELD_PTR (record, field);

            for (guint j = 0; j < array->n; j++)
              collab_store_free_record (field->sub, (guint8 *) array->items + j * field->sub->record_size);
            g_clear_pointer (&array->items, g_free);
            array->n = 0;
          }
          break;

        case COLLAB_FIELD_ID:
        case COLLAB_FIELD_STRING:
        case COLLAB_FIELD_ENUM:
        case COLLAB_FIELD_FLAGS:
        case COLLAB_FIELD_REF:
        case COLLAB_FIELD_DATE:
        case COLLAB_FIELD_AMOUNT:
        case COLLAB_FIELD_INT:
        case COLLAB_FIELD_YEAR:
        case COLLAB_FIELD_BOOL:
        default:
          break;
        }
    }
}

void
collab_store_unref (CollabStore *store)
{
  if (!g_atomic_ref_count_dec (&store->ref_count))
    return;

  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    {
      const CollabSchema *schema = collab_schema_for_kind (k);
      GArray *records = store->tables[k].records;

      for (guint i = 0; i < records->len; i++)
        collab_store_free_record (schema, records->data + (gsize) i * schema->record_size);
      g_array_unref (records);
      g_hash_table_unref (store->tables[k].by_id);
    }
  collab_store_drop_derived (store);
  g_mutex_clear (&store->derived_lock);
  g_clear_pointer (&store->extra, json_object_unref);
  g_string_chunk_free (store->strings);
  g_free (store);
}

/* Derived data. */

typedef struct
{
  const CollabDerivedKind *kind;
  gpointer                 data;
} CollabDerived;

gpointer
collab_store_get_derived (CollabStore             *store,
                          const CollabDerivedKind *kind)
{
  CollabDerived *derived = NULL;
  gpointer data;

  /* One lock for all kinds: a check asks a few times per program, and
   * those who come while the first builds should wait for it rather than
   * build the same thing again. */
  g_mutex_lock (&store->derived_lock);
  for (GSList *l = store->derived; l != NULL && derived == NULL; l = l->next)
    if (((CollabDerived *) l->data)->kind == kind)
      derived = l->data;
  if (derived == NULL)
    {
      derived = g_new (CollabDerived, 1);
      derived->kind = kind;
      derived->data = kind->build (store);
      store->derived = g_slist_prepend (store->derived, derived);
    }
  data = derived->data;
  g_mutex_unlock (&store->derived_lock);

  return data;
}

void
collab_store_drop_derived (CollabStore *store)
{
  GSList *list;

  g_mutex_lock (&store->derived_lock);
  list = g_steal_pointer (&store->derived);
  g_mutex_unlock (&store->derived_lock);

  for (GSList *l = list; l != NULL; l = l->next)
    {
      CollabDerived *derived = l->data;

      derived->kind->free (derived->data);
      g_free (derived);
    }
  g_slist_free (list);
}

gboolean
collab_store_lookup (const CollabStore *store,
                     CollabRecordKind   kind,
                     const char        *id,
                     guint             *index)
{
  gpointer value;

  if (id == NULL)
    return FALSE;

  value = g_hash_table_lookup (store->tables[kind].by_id, id);
  if (value == NULL)
    return FALSE;

  if (index != NULL)
    *index = GPOINTER_TO_UINT (value) - 1;
  return TRUE;
}

gboolean
collab_store_lookup_len (const CollabStore *store,
                         CollabRecordKind   kind,
                         const char        *id,
                         gsize              len,
                         guint             *index)
{
  char buffer[128];
  g_autofree char *copy = NULL;
  const char *key = buffer;

  /* GHashTable wants a NUL-terminated key: ids are short. */
  if (len < sizeof buffer)
    {
      memcpy (buffer, id, len);
      buffer[len] = '\0';
    }
  else
    key = copy = g_strndup (id, len);

  return collab_store_lookup (store, kind, key, index);
}

CollabRef
collab_store_find_ref (const CollabStore *store,
                       guint32            kinds,
                       const char        *id)
{
  /* Ids are unique within a kind only: where a field allows two kinds,
   * the first kind in enum order wins (a region before an organization). */
  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    {
      guint index;

      if ((kinds & (1u << k)) && collab_store_lookup (store, k, id, &index))
        return COLLAB_REF (k, index);
    }

  return COLLAB_REF_NONE;
}

const char *
collab_store_ref_id (const CollabStore *store,
                     CollabRef          ref)
{
  const CollabRecordHeader *header = collab_store_deref (store, ref);

  return header != NULL ? header->id : NULL;
}

const char *
collab_store_add_string (CollabStore *store,
                         const char  *text,
                         gsize        len,
                         gboolean     intern)
{
  if (intern)
    {
      /* g_string_chunk_insert_const() wants a NUL-terminated key. */
      if (text[len] == '\0')
        return g_string_chunk_insert_const (store->strings, text);
      else
        {
          g_autofree char *copy = g_strndup (text, len);
          return g_string_chunk_insert_const (store->strings, copy);
        }
    }

  return g_string_chunk_insert_len (store->strings, text, (gssize) len);
}

gpointer
collab_store_append (CollabStore      *store,
                     CollabRecordKind  kind,
                     gconstpointer     record)
{
  CollabKindTable *table = &store->tables[kind];
  const CollabRecordHeader *header = record;
  guint index = table->records->len;

  g_array_append_vals (table->records, record, 1);
  if (header->id != NULL)
    g_hash_table_insert (table->by_id, (gpointer) header->id, GUINT_TO_POINTER (index + 1));

  return collab_store_get (store, kind, index);
}

gpointer
collab_store_append_unique (CollabStore      *store,
                            CollabRecordKind  kind,
                            gconstpointer     record,
                            guint            *existing)
{
  CollabKindTable *table = &store->tables[kind];
  const CollabRecordHeader *header = record;
  guint index = table->records->len;
  gpointer kept;

  if (header->id == NULL)
    return collab_store_append (store, kind, record);

  /* One look-up for the common case: the insertion says whether the id
   * was new. When it was not, it has replaced the index that the id had,
   * and kept the key, which is that record's own id: put it back. */
  if (g_hash_table_insert (table->by_id, (gpointer) header->id, GUINT_TO_POINTER (index + 1)))
    {
      g_array_append_vals (table->records, record, 1);
      return collab_store_get (store, kind, index);
    }

  g_hash_table_lookup_extended (table->by_id, header->id, &kept, NULL);
  *existing = 0;
  for (guint i = index; i-- > 0;)
    {
      const CollabRecordHeader *other = collab_store_get (store, kind, i);

      if (other->id == kept || (other->id != NULL && strcmp (other->id, header->id) == 0))
        {
          *existing = i;
          break;
        }
    }
  g_hash_table_insert (table->by_id, kept, GUINT_TO_POINTER (*existing + 1));
  return NULL;
}

/* @item is the position of a sub-record in its array, which a visitor
 * gets as the position of the sub-record's references. */
static gboolean
visit_record_refs (const CollabSchema *schema,
                   CollabRecordKind    kind,
                   guint               index,
                   guint               item,
                   gpointer            record,
                   CollabRefVisitor    visitor,
                   gpointer            user_data)
{
  for (guint i = 0; i < schema->n_fields; i++)
    {
      const CollabField *field = &schema->fields[i];

      switch (field->type)
        {
        case COLLAB_FIELD_REF:
          if (!visitor (kind, index, field, item, COLLAB_FIELD_PTR (record, field), user_data))
            return FALSE;
          break;

        case COLLAB_FIELD_REF_LIST:
          {
            CollabRefList *list = COLLAB_FIELD_PTR (record, field);

            for (guint j = 0; j < list->n; j++)
              if (!visitor (kind, index, field, j, &list->refs[j], user_data))
                return FALSE;
          }
          break;

        case COLLAB_FIELD_OBJECT:
          if (COLLAB_RECORD_PRESENT (record, i) &&
              !visit_record_refs (field->sub, kind, index, 0, COLLAB_FIELD_PTR (record, field),
                                  visitor, user_data))
            return FALSE;
          break;

        case COLLAB_FIELD_ARRAY:
          {
            CollabSubArray *array = COLLAB_FIELD_PTR (record, field);

            for (guint j = 0; j < array->n; j++)
              if (!visit_record_refs (field->sub, kind, index, j,
                                      (guint8 *) array->items + j * field->sub->record_size,
                                      visitor, user_data))
                return FALSE;
          }
          break;

        case COLLAB_FIELD_ID:
        case COLLAB_FIELD_STRING:
        case COLLAB_FIELD_ENUM:
        case COLLAB_FIELD_FLAGS:
        case COLLAB_FIELD_DATE:
        case COLLAB_FIELD_AMOUNT:
        case COLLAB_FIELD_INT:
        case COLLAB_FIELD_YEAR:
        case COLLAB_FIELD_BOOL:
        default:
          break;
        }
    }

  return TRUE;
}

gboolean
collab_store_foreach_ref (CollabStore      *store,
                          CollabRefVisitor  visitor,
                          gpointer          user_data)
{
  static const guint zeros[COLLAB_N_RECORD_KINDS] = { 0 };

  return collab_store_foreach_ref_from (store, zeros, visitor, user_data);
}

gboolean
collab_store_foreach_ref_from (CollabStore      *store,
                               const guint      *starts,
                               CollabRefVisitor  visitor,
                               gpointer          user_data)
{
  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    {
      const CollabSchema *schema = collab_schema_for_kind (k);
      guint n = collab_store_count (store, k);

      for (guint i = starts[k]; i < n; i++)
        if (!visit_record_refs (schema, k, i, 0, collab_store_get (store, k, i), visitor, user_data))
          return FALSE;
    }

  return TRUE;
}

void
collab_store_append_place (GString           *path,
                           const CollabStore *store,
                           CollabRecordKind   kind,
                           guint              index,
                           guint              start)
{
  const CollabRecordHeader *record = collab_store_get (store, kind, index);

  g_string_append_printf (path, "$.%s[%u]", collab_schema_for_kind (kind)->member, index - start);
  collab_error_append_id (path, record->id);
}

typedef struct
{
  const CollabStore *store;
  CollabRef          target;
  char              *referrer;
} FindReferrer;

void
collab_store_append_member (GString            *path,
                            CollabRecordKind    kind,
                            const CollabField  *field,
                            guint               position)
{
  const CollabSchema *schema = collab_schema_for_kind (kind);

  /* A reference in a sub-record is named through the member that holds
   * it: fund_base[1].city. */
  for (guint i = 0; i < schema->n_fields; i++)
    {
      const CollabField *owner = &schema->fields[i];

      if (owner->sub != NULL && field >= owner->sub->fields &&
          field < owner->sub->fields + owner->sub->n_fields)
        {
          g_string_append (path, owner->name);
          if (owner->type == COLLAB_FIELD_ARRAY)
            g_string_append_printf (path, "[%u]", position);
          g_string_append_c (path, '.');
        }
    }
  g_string_append (path, field->name);
  if (field->type == COLLAB_FIELD_REF_LIST)
    g_string_append_printf (path, "[%u]", position);
}

static gboolean
find_referrer (CollabRecordKind   kind,
               guint              index,
               const CollabField *field,
               guint              position,
               CollabRef         *ref,
               gpointer           user_data)
{
  FindReferrer *find = user_data;
  GString *path;

  if (*ref != find->target)
    return TRUE;

  /* $.programs[0] (wuxi-2021).fund_base[1].city */
  path = g_string_new (NULL);
  collab_store_append_place (path, find->store, kind, index, 0);
  g_string_append_c (path, '.');
  collab_store_append_member (path, kind, field, position);
  find->referrer = g_string_free (path, FALSE);
  return FALSE;
}

gboolean
collab_store_is_referenced (const CollabStore  *store,
                            CollabRef           target,
                            char              **referrer)
{
  FindReferrer find = { store, target, NULL };

  collab_store_foreach_ref ((CollabStore *) store, find_referrer, &find);
  if (find.referrer == NULL)
    return FALSE;

  if (referrer != NULL)
    *referrer = g_steal_pointer (&find.referrer);
  g_free (find.referrer);
  return TRUE;
}

static gboolean
shift_refs (CollabRecordKind   kind,
            guint              index,
            const CollabField *field,
            guint              position,
            CollabRef         *ref,
            gpointer           user_data)
{
  CollabRef removed = GPOINTER_TO_UINT (user_data);

  if (*ref != COLLAB_REF_NONE &&
      COLLAB_REF_KIND (*ref) == COLLAB_REF_KIND (removed) &&
      COLLAB_REF_INDEX (*ref) > COLLAB_REF_INDEX (removed))
    *ref = COLLAB_REF (COLLAB_REF_KIND (*ref), COLLAB_REF_INDEX (*ref) - 1);

  return TRUE;
}

void
collab_store_remove (CollabStore      *store,
                     CollabRecordKind  kind,
                     guint             index)
{
  const CollabSchema *schema = collab_schema_for_kind (kind);
  CollabKindTable *table = &store->tables[kind];
  CollabRecordHeader *header = collab_store_get (store, kind, index);

  collab_store_drop_derived (store);

  /* The caller has made sure that nothing refers to the record. Records
   * after it move down by one, so every reference to them is renumbered,
   * and so is the id index: O(n), which a removal from the API can afford
   * and a bulk load never pays. */
  if (header->id != NULL)
    g_hash_table_remove (table->by_id, header->id);
  collab_store_free_record (schema, header);
  g_array_remove_index (table->records, index);

  for (guint i = index; i < table->records->len; i++)
    {
      CollabRecordHeader *moved = collab_store_get (store, kind, i);

      if (moved->id != NULL)
        g_hash_table_insert (table->by_id, (gpointer) moved->id, GUINT_TO_POINTER (i + 1));
    }
  collab_store_foreach_ref (store, shift_refs, GUINT_TO_POINTER (COLLAB_REF (kind, index)));
}

void
collab_store_derive (CollabStore *store)
{
  guint n = collab_store_count (store, COLLAB_RECORD_KIND_REGION);

  /* The loader has rejected cycles, so every chain ends; chains are a few
   * levels deep (province, city, county, township, village). */
  for (guint i = 0; i < n; i++)
    {
      CollabRegionRec *region = collab_store_get (store, COLLAB_RECORD_KIND_REGION, i);
      const CollabRegionRec *up = region;

      while (up != NULL && up->side == COLLAB_SIDE_UNKNOWN)
        up = collab_store_deref (store, up->parent);
      region->derived_side = up != NULL ? up->side : COLLAB_SIDE_UNKNOWN;
    }
}

void
collab_store_pairing_years (const CollabStore      *store,
                            const CollabPairingRec *pairing,
                            int                    *first_year,
                            int                    *last_year)
{
  int period_field = collab_schema_find_field (collab_schema_for_kind (COLLAB_RECORD_KIND_PAIRING), "period");

  if (COLLAB_RECORD_PRESENT (pairing, period_field))
    {
      *first_year = pairing->period.first_year;
      *last_year = pairing->period.last_year;
    }
  else
    {
      const CollabProgramRec *program = collab_store_deref (store, pairing->program);

      *first_year = program->first_year;
      *last_year = program->last_year;
    }
}

void
collab_store_get_lengths (const CollabStore *store,
                          guint             *lengths)
{
  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    lengths[k] = collab_store_count (store, k);
}

void
collab_store_truncate (CollabStore *store,
                       const guint *lengths,
                       guint        n_extra)
{
  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    {
      const CollabSchema *schema = collab_schema_for_kind (k);
      CollabKindTable *table = &store->tables[k];

      for (guint i = lengths[k]; i < table->records->len; i++)
        {
          CollabRecordHeader *header = collab_store_get (store, k, i);

          if (header->id != NULL)
            g_hash_table_remove (table->by_id, header->id);
          collab_store_free_record (schema, header);
        }
      g_array_set_size (table->records, lengths[k]);
    }

  if (store->extra != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (store->extra);
      guint i = 0;

      /* json_object_get_members() lists members in the order they were added. */
      for (GList *l = members; l != NULL; l = l->next, i++)
        if (i >= n_extra)
          json_object_remove_member (store->extra, l->data);
      if (json_object_get_size (store->extra) == 0)
        g_clear_pointer (&store->extra, json_object_unref);
    }

  /* Strings the dropped records used stay in the chunk until the store
   * goes: a chunk cannot give back part of itself. */
}
