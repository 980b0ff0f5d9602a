/* collab-record.c: one record of a dataset, as a value
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * CollabRecord:
 *
 * One record of a [class@Collab.Dataset] — a region, a pairing, a
 * dispatch… — as an immutable value, with its members named as in the
 * dataset document (SPEC §9).
 *
 * A record is a snapshot: the dataset keeps its records in compact arrays
 * and makes a `CollabRecord` only when one is asked for, so changing the
 * dataset later does not change a record you hold. One type serves every
 * kind; [method@Collab.Record.get_kind] says which, and the members are
 * those of the kind's table in the document.
 *
 * ```c
 * g_autoptr(CollabRecord) pairing =
 *   collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_PAIRING, "p-huishan-pingan");
 *
 * g_print ("%s pairs with %s\n",
 *          collab_record_get_string (pairing, "assisting"),
 *          collab_record_get_string (pairing, "assisted"));
 * ```
 *
 * To add a record, make one from its JSON form with
 * [ctor@Collab.Record.new_from_json] and pass it to
 * [method@Collab.Dataset.add], which checks it exactly as a load would.
 */

#include <string.h>

#include <libcollab/collab-enum-types.h>
#include <libcollab/collab-error.h>
#include <libcollab/collab-money.h>
#include <libcollab/collab-record.h>

#include "model/collab-dataset-private.h"
#include "collab-json-private.h"
#include "collab-record-private.h"
#include "types/collab-i18n-private.h"

struct _CollabRecord
{
  GObject           parent_instance;
  CollabRecordKind  kind;
  JsonObject       *object;
};

G_DEFINE_FINAL_TYPE (CollabRecord, collab_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
collab_record_finalize (GObject *object)
{
  CollabRecord *self = COLLAB_RECORD (object);

  g_clear_pointer (&self->object, json_object_unref);

  G_OBJECT_CLASS (collab_record_parent_class)->finalize (object);
}

static void
collab_record_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CollabRecord *self = COLLAB_RECORD (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_ID:
      g_value_set_string (value, collab_record_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
collab_record_class_init (CollabRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = collab_record_finalize;
  object_class->get_property = collab_record_get_property;

  /**
   * CollabRecord:kind:
   *
   * The kind of record.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       COLLAB_TYPE_RECORD_KIND, COLLAB_RECORD_KIND_REGION,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CollabRecord:id:
   *
   * The record's id, or `NULL` for kinds whose id is optional.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
collab_record_init (CollabRecord *self)
{
}

static CollabRecord *
record_new (CollabRecordKind  kind,
            JsonObject       *object)
{
  CollabRecord *self = g_object_new (COLLAB_TYPE_RECORD, NULL);

  self->kind = kind;
  self->object = object;
  /* A record is a value: what to_json() hands out cannot be changed. */
  json_object_seal (self->object);
  return self;
}

CollabRecord *
collab_record_new_for_store (const CollabStore *store,
                             CollabRecordKind   kind,
                             guint              index)
{
  g_autoptr(JsonNode) node = collab_json_record_to_node (store, kind, index);

  return record_new (kind, json_object_ref (json_node_get_object (node)));
}

/**
 * collab_record_new_from_json:
 * @kind: the kind of record
 * @json: the record as a JSON object, as in the dataset document
 * @error: return location for a #GError
 *
 * Makes a record from its JSON form, ready for [method@Collab.Dataset.add].
 * Only the JSON syntax is checked here; the members are checked when the
 * record is added, against the dataset it joins.
 *
 * Returns: (transfer full): a new record, or `NULL` with @error set
 */
CollabRecord *
collab_record_new_from_json (CollabRecordKind   kind,
                             const char        *json,
                             GError           **error)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, NULL);
  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  node = collab_json_parse_strict (json, strlen (json), "<record>", error);
  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: %s is a kind of record, translated, such as "region". */
      g_autofree char *message = g_strdup_printf (_("expected a %s object"),
                                                  _(collab_schema_kind_name (kind)));

      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_TYPE, "<record>: $: %s", message);
      return NULL;
    }

  return record_new (kind, json_object_ref (json_node_get_object (node)));
}

/**
 * collab_record_get_kind:
 * @self: a record
 *
 * Gets the kind of the record.
 *
 * Returns: the kind of record
 */
CollabRecordKind
collab_record_get_kind (CollabRecord *self)
{
  g_return_val_if_fail (COLLAB_IS_RECORD (self), 0);

  return self->kind;
}

/**
 * collab_record_get_id:
 * @self: a record
 *
 * Gets the id of the record.
 *
 * Returns: (nullable): the id, or `NULL` when the record has none
 */
const char *
collab_record_get_id (CollabRecord *self)
{
  g_return_val_if_fail (COLLAB_IS_RECORD (self), NULL);

  return collab_record_get_string (self, "id");
}

/**
 * collab_record_has_field:
 * @self: a record
 * @field: a member name, such as "actual_end"
 *
 * Tells whether the record has a member.
 *
 * Returns: whether the record has the member
 */
gboolean
collab_record_has_field (CollabRecord *self,
                         const char   *field)
{
  g_return_val_if_fail (COLLAB_IS_RECORD (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  return json_object_has_member (self->object, field);
}

static JsonNode *
get_value (CollabRecord *self,
           const char   *field,
           GType         type)
{
  JsonNode *node = json_object_get_member (self->object, field);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    return NULL;
  return node;
}

/**
 * collab_record_get_string:
 * @self: a record
 * @field: a member name
 *
 * Gets a member written as a string in the dataset document: names, ids
 * of referenced records, enumeration words ("county"), dates
 * ("2021-03-01") and amounts in their canonical form ("19200000.00").
 *
 * Returns: (nullable): the string, or `NULL` when the member is missing
 *   or not a string
 */
const char *
collab_record_get_string (CollabRecord *self,
                          const char   *field)
{
  JsonNode *node;

  g_return_val_if_fail (COLLAB_IS_RECORD (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  node = get_value (self, field, G_TYPE_STRING);
  return node != NULL ? json_node_get_string (node) : NULL;
}

/**
 * collab_record_get_int:
 * @self: a record
 * @field: a member name, such as "first_year"
 *
 * Gets an integer member, such as a year.
 *
 * Returns: the integer, or 0 when the member is missing or not an integer
 */
gint64
collab_record_get_int (CollabRecord *self,
                       const char   *field)
{
  JsonNode *node;

  g_return_val_if_fail (COLLAB_IS_RECORD (self), 0);
  g_return_val_if_fail (field != NULL, 0);

  node = get_value (self, field, G_TYPE_INT64);
  return node != NULL ? json_node_get_int (node) : 0;
}

/**
 * collab_record_get_amount:
 * @self: a record
 * @field: a member holding an amount, such as "amount" or "budget"
 *
 * Gets an amount member, exactly, in fen.
 *
 * Returns: the amount in fen, or 0 when the member is missing
 */
gint64
collab_record_get_amount (CollabRecord *self,
                          const char   *field)
{
  const char *text;
  JsonNode *node;
  gint64 fen = 0;

  g_return_val_if_fail (COLLAB_IS_RECORD (self), 0);
  g_return_val_if_fail (field != NULL, 0);

  /* A record made from JSON may hold an amount as an integer of yuan,
   * which the document allows (SPEC §9). */
  node = get_value (self, field, G_TYPE_INT64);
  if (node != NULL)
    return collab_money_from_yuan (json_node_get_int (node), &fen, NULL) ? fen : 0;

  text = collab_record_get_string (self, field);
  if (text == NULL || !collab_money_parse (text, &fen, NULL))
    return 0;
  return fen;
}

/**
 * collab_record_get_boolean:
 * @self: a record
 * @field: a member name, such as "source"
 *
 * Gets a boolean member.
 *
 * Returns: the value, or `FALSE` when the member is missing
 */
gboolean
collab_record_get_boolean (CollabRecord *self,
                           const char   *field)
{
  JsonNode *node;

  g_return_val_if_fail (COLLAB_IS_RECORD (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  node = get_value (self, field, G_TYPE_BOOLEAN);
  return node != NULL && json_node_get_boolean (node);
}

/**
 * collab_record_get_strv:
 * @self: a record
 * @field: a member holding an array of strings, such as "assisted" or "flags"
 *
 * Gets a member that holds an array of strings.
 *
 * Returns: (transfer full) (array zero-terminated=1): the strings; empty
 *   when the member is missing
 */
char **
collab_record_get_strv (CollabRecord *self,
                        const char   *field)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node;

  g_return_val_if_fail (COLLAB_IS_RECORD (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  node = json_object_get_member (self->object, field);
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (item));
        }
    }

  return g_strv_builder_end (builder);
}

/**
 * collab_record_list_fields:
 * @self: a record
 *
 * Lists the members the record has.
 *
 * Returns: (transfer full) (array zero-terminated=1): the names of the
 *   members the record has, in document order
 */
char **
collab_record_list_fields (CollabRecord *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonObjectIter iter;
  const char *name;

  g_return_val_if_fail (COLLAB_IS_RECORD (self), NULL);

  json_object_iter_init_ordered (&iter, self->object);
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    g_strv_builder_add (builder, name);

  return g_strv_builder_end (builder);
}

/**
 * collab_record_to_json:
 * @self: a record
 *
 * Gets the record as JSON.
 *
 * Returns: (transfer full): the record as a JSON object node, as the
 *   dataset document writes it
 */
JsonNode *
collab_record_to_json (CollabRecord *self)
{
  JsonNode *node;

  g_return_val_if_fail (COLLAB_IS_RECORD (self), NULL);

  node = json_node_alloc ();
  json_node_init_object (node, self->object);
  return node;
}

/**
 * collab_record_to_variant:
 * @self: a record
 *
 * Gets the record as a dictionary (`a{sv}`) of its members as the
 * dataset document has them: strings, int64 numbers, booleans, arrays and
 * nested dictionaries; amounts stay exact strings of yuan
 * (`"19200000.00"`); a JSON null is a maybe holding nothing.
 *
 * ```python
 * record.to_variant().unpack()   # {'id': 'p-jy-yc', 'program': 'wuxi-2021', …}
 * ```
 *
 * Returns: (transfer full): the record as a dictionary
 */
GVariant *
collab_record_to_variant (CollabRecord *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (COLLAB_IS_RECORD (self), NULL);

  node = collab_record_to_json (self);
  return g_variant_ref_sink (json_gvariant_deserialize (node, NULL, NULL));
}

/**
 * collab_record_to_string:
 * @self: a record
 *
 * Gets the record as one line of JSON, as the dataset document writes it.
 *
 * Returns: (transfer full): the record as one line of JSON
 */
char *
collab_record_to_string (CollabRecord *self)
{
  GString *out;
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (COLLAB_IS_RECORD (self), NULL);

  out = g_string_new (NULL);
  node = collab_record_to_json (self);
  collab_json_append_node (out, node);
  return g_string_free (out, FALSE);
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
