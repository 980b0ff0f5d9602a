/* collab-rule-util.c: what several rules share: years in messages, and
 * copies of JSON trees
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What rules ask about the records themselves is in
 * model/collab-units-private.h, where the analyses and reports ask it too.
 */

#include "collab-rule-private.h"

/* "2021" or "2021–2025", for messages. */
char *
collab_rule_format_years (int first_year,
                          int last_year)
{
  if (first_year == last_year)
    return g_strdup_printf ("%d", first_year);
  return g_strdup_printf ("%d–%d", first_year, last_year);
}

/* json_node_copy() shares arrays and objects; findings and rule sets hand
 * out trees the caller may change, so they copy all the way down. */
JsonNode *
collab_rule_json_copy (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return collab_rule_json_copy_object (json_node_get_object (node));

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        JsonArray *copy = json_array_sized_new (n);
        JsonNode *result;

        for (guint i = 0; i < n; i++)
          json_array_add_element (copy, collab_rule_json_copy (json_array_get_element (array, i)));
        result = json_node_init_array (json_node_alloc (), copy);
        json_array_unref (copy);
        return result;
      }

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      {
        JsonNode *copy = json_node_copy (node);

        /* A copy of a sealed value is sealed too; unseal by rebuilding. */
        if (json_node_is_immutable (copy))
          {
            JsonNode *fresh = json_node_alloc ();
            GValue value = G_VALUE_INIT;

            if (JSON_NODE_HOLDS_NULL (copy))
              json_node_init_null (fresh);
            else
              {
                json_node_get_value (copy, &value);
                json_node_init (fresh, JSON_NODE_VALUE);
                json_node_set_value (fresh, &value);
                g_value_unset (&value);
              }
            json_node_unref (copy);
            copy = fresh;
          }
        return copy;
      }
    }
}

JsonNode *
collab_rule_json_copy_object (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  JsonNode *result;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (copy, name, collab_rule_json_copy (member));

  result = json_node_init_object (json_node_alloc (), copy);
  json_object_unref (copy);
  return result;
}
