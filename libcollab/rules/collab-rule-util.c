/* collab-rule-util.c: what several rules need to know about records
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Small questions about the store that more than one rule asks — which
 * region a unit is in, which side it is on, whether a region lies under a
 * city — answered once here so that every rule answers them the same way.
 */

#include "collab-rule-private.h"

const char *
collab_rule_ref_id (const CollabStore *store,
                    CollabRef          ref)
{
  const char *id = ref != COLLAB_REF_NONE ? collab_store_ref_id (store, ref) : NULL;

  return id != NULL ? id : "(none)";
}

/* The Chinese name of a region or an organization, or its id. */
const char *
collab_rule_ref_name (const CollabStore *store,
                      CollabRef          ref)
{
  if (ref == COLLAB_REF_NONE)
    return "(none)";

  switch (COLLAB_REF_KIND (ref))
    {
    case COLLAB_RECORD_KIND_REGION:
      {
        const CollabRegionRec *region = collab_store_deref (store, ref);

        if (region->name != NULL)
          return region->name;
      }
      break;

    case COLLAB_RECORD_KIND_ORGANIZATION:
      {
        const CollabOrganizationRec *organization = collab_store_deref (store, ref);

        if (organization->name != NULL)
          return organization->name;
      }
      break;

    default:
      break;
    }

  return collab_rule_ref_id (store, ref);
}

/* A pairing's end is a region or an organization; an organization stands
 * where its region is. */
CollabRef
collab_rule_unit_region (const CollabStore *store,
                         CollabRef          unit)
{
  if (unit != COLLAB_REF_NONE && COLLAB_REF_KIND (unit) == COLLAB_RECORD_KIND_ORGANIZATION)
    {
      const CollabOrganizationRec *organization = collab_store_deref (store, unit);

      return organization->region;
    }
  if (unit != COLLAB_REF_NONE && COLLAB_REF_KIND (unit) == COLLAB_RECORD_KIND_REGION)
    return unit;
  return COLLAB_REF_NONE;
}

/* The side of a region as derived from its parent chain (SPEC §4), or of
 * an organization's region. */
CollabSide
collab_rule_unit_side (const CollabStore *store,
                       CollabRef          unit)
{
  CollabRef region_ref = collab_rule_unit_region (store, unit);
  const CollabRegionRec *region = collab_store_deref (store, region_ref);

  return region != NULL ? (CollabSide) region->derived_side : COLLAB_SIDE_UNKNOWN;
}

/* Whether @ancestor is a strict ancestor of @region. */
gboolean
collab_rule_region_is_under (const CollabStore *store,
                             CollabRef          region,
                             CollabRef          ancestor)
{
  const CollabRegionRec *rec = collab_store_deref (store, region);
  guint steps = 0;

  if (ancestor == COLLAB_REF_NONE)
    return FALSE;

  /* The loader rejects cycles; the bound only guards against a store
   * built by hand. */
  while (rec != NULL && steps++ < 64)
    {
      if (rec->parent == ancestor)
        return TRUE;
      rec = collab_store_deref (store, rec->parent);
    }
  return FALSE;
}

/* Whether a pairing links two different units on different sides (or on
 * sides the records do not tell). pairing.invalid reports the others;
 * rules that count pairings do not count them. */
gboolean
collab_rule_pairing_is_sound (const CollabStore      *store,
                              const CollabPairingRec *pairing)
{
  CollabSide assisting, assisted;

  if (pairing->assisting == pairing->assisted)
    return FALSE;

  assisting = collab_rule_unit_side (store, pairing->assisting);
  assisted = collab_rule_unit_side (store, pairing->assisted);
  return assisting == COLLAB_SIDE_UNKNOWN || assisting != assisted;
}

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
