/* collab-units.c: what every layer asks about regions, organizations
 * and pairings
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * collab-units-private.h says what each answer means.
 */

#include <libcollab/collab-error.h>

#include "collab-units-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

const char *
collab_units_id (const CollabStore *store,
                 CollabRef          ref)
{
  const char *id = ref != COLLAB_REF_NONE ? collab_store_ref_id (store, ref) : NULL;

  return id != NULL ? id : "(none)";
}

/* The Chinese name of a region or an organization, or its id. */
const char *
collab_units_name (const CollabStore *store,
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

  return collab_units_id (store, ref);
}

/* A pairing's end is a region or an organization; an organization stands
 * where its region is. */
CollabRef
collab_units_region (const CollabStore *store,
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
collab_units_side (const CollabStore *store,
                   CollabRef          unit)
{
  CollabRef region_ref = collab_units_region (store, unit);
  const CollabRegionRec *region = collab_store_deref (store, region_ref);

  return region != NULL ? (CollabSide) region->derived_side : COLLAB_SIDE_UNKNOWN;
}

/* Whether @ancestor is a strict ancestor of @region. */
gboolean
collab_units_region_is_under (const CollabStore *store,
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
collab_units_pairing_is_sound (const CollabStore      *store,
                               const CollabPairingRec *pairing)
{
  CollabSide assisting, assisted;

  if (pairing->assisting == pairing->assisted)
    return FALSE;

  assisting = collab_units_side (store, pairing->assisting);
  assisted = collab_units_side (store, pairing->assisted);
  return assisting == COLLAB_SIDE_UNKNOWN || assisting != assisted;
}

gboolean
collab_units_pairing_is_active (const CollabStore      *store,
                                const CollabPairingRec *pairing,
                                const CollabYearRange  *years)
{
  int first_year, last_year;

  if (years == NULL)
    return TRUE;
  collab_store_pairing_years (store, pairing, &first_year, &last_year);
  return first_year <= years->last && last_year >= years->first;
}

gboolean
collab_units_find_program (const CollabStore  *store,
                           const char         *program_id,
                           guint              *index,
                           GError            **error)
{
  g_autofree char *shown = NULL;

  *index = G_MAXUINT;
  if (program_id == NULL || collab_store_lookup (store, COLLAB_RECORD_KIND_PROGRAM, program_id, index))
    return TRUE;

  shown = collab_error_cut (program_id);
  g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_NOT_FOUND,
               _("no program has the id \"%s\""), shown);
  return FALSE;
}
