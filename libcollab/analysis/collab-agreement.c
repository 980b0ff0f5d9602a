/* collab-agreement.c: what an annual agreement is measured against
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * collab-agreement-private.h says what is counted. The money is the
 * ledger's allocations of the program, already indexed per program. The
 * people need a pass over every dispatch (a million in a national
 * dataset), so the people of every (program, city, year) that has an
 * agreement are counted in one pass, kept with the store until its
 * records change; a year without an agreement (asked by nobody in the
 * library today) gets a pass of its own, by the same code.
 */

#include "model/collab-units-private.h"
#include "collab-agreement-private.h"
#include "collab-ledger-private.h"
#include "collab-talent-private.h"

typedef struct
{
  CollabRef program;
  CollabRef city;
  int       year;
} Key;

typedef struct
{
  guint32 key;        /* index into the keys */
  guint8  kind;       /* CollabDispatchKind */
  CollabRef person;
} Sighting;

/* The people of every key, counted in one pass. */
typedef struct
{
  GArray     *keys;       /* of Key */
  GHashTable *by_key;     /* Key → its index + 1 */
  guint      *professionals;
  guint      *cadres;
} People;

static guint
key_hash (gconstpointer data)
{
  const Key *key = data;

  return key->program * 31u + key->city * 17u + (guint) key->year;
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  const Key *x = a, *y = b;

  return x->program == y->program && x->city == y->city && x->year == y->year;
}

static int
compare_sightings (gconstpointer a,
                   gconstpointer b)
{
  const Sighting *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->person < y->person ? -1 : (x->person > y->person);
}

static gboolean
is_within (const CollabStore *store,
           CollabRef          region,
           CollabRef          ancestor)
{
  return region == ancestor || collab_units_region_is_under (store, region, ancestor);
}

/* Whether @dispatch counts for @key's year: a professional by the year
 * it starts in, a cadre by a day in post in the year. */
static gboolean
counts_in_year (const CollabDispatchRec *dispatch,
                int                      year)
{
  if (dispatch->kind == COLLAB_DISPATCH_KIND_PROFESSIONAL)
    return collab_day_get_year (dispatch->start) == (guint) year;
  return dispatch->start <= collab_day_new (year, 12, 31) &&
         collab_talent_dispatch_end (dispatch) >= collab_day_new (year, 1, 1);
}

/* Fills the counts of @people's keys from every dispatch of @store. */
static void
count_people (const CollabStore *store,
              People            *people)
{
  g_autoptr(GHashTable) by_city = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (Sighting));
  guint n_keys = people->keys->len;

  people->professionals = g_new0 (guint, MAX (n_keys, 1));
  people->cadres = g_new0 (guint, MAX (n_keys, 1));
  if (n_keys == 0)
    return;

  for (guint32 k = 0; k < n_keys; k++)
    {
      gpointer city = GUINT_TO_POINTER (g_array_index (people->keys, Key, k).city);
      GArray *list = g_hash_table_lookup (by_city, city);

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint32));
          g_hash_table_insert (by_city, city, list);
        }
      g_array_append_val (list, k);
    }

  for (guint d = 0; d < collab_store_count (store, COLLAB_RECORD_KIND_DISPATCH); d++)
    {
      const CollabDispatchRec *dispatch = collab_store_get (store, COLLAB_RECORD_KIND_DISPATCH, d);
      CollabRef region = dispatch->to;
      guint steps = 0;

      if (dispatch->direction != COLLAB_DIRECTION_OUTBOUND ||
          (dispatch->kind != COLLAB_DISPATCH_KIND_PROFESSIONAL && dispatch->kind != COLLAB_DISPATCH_KIND_CADRE))
        continue;

      /* The cities the dispatch goes to: its region and those above it.
       * The loader rejects cycles; the bound guards a store built by hand. */
      for (; region != COLLAB_REF_NONE && steps++ < 64;
           region = ((const CollabRegionRec *) collab_store_deref (store, region))->parent)
        {
          GArray *list = g_hash_table_lookup (by_city, GUINT_TO_POINTER (region));

          for (guint i = 0; list != NULL && i < list->len; i++)
            {
              guint32 k = g_array_index (list, guint32, i);
              const Key *key = &g_array_index (people->keys, Key, k);
              const CollabProgramRec *program = collab_store_deref (store, key->program);
              Sighting s = { k, dispatch->kind, dispatch->person };

              if (counts_in_year (dispatch, key->year) && is_within (store, dispatch->from, program->assisting))
                g_array_append_val (seen, s);
            }
        }
    }

  g_array_sort (seen, compare_sightings);
  for (guint i = 0; i < seen->len; i++)
    {
      const Sighting *s = &g_array_index (seen, Sighting, i);

      if (i > 0 && compare_sightings (s, s - 1) == 0)
        continue;
      if (s->kind == COLLAB_DISPATCH_KIND_PROFESSIONAL)
        people->professionals[s->key]++;
      else
        people->cadres[s->key]++;
    }
}

static void
people_clear (People *people)
{
  g_clear_pointer (&people->keys, g_array_unref);
  g_clear_pointer (&people->by_key, g_hash_table_unref);
  g_clear_pointer (&people->professionals, g_free);
  g_clear_pointer (&people->cadres, g_free);
}

static void
people_free (gpointer data)
{
  people_clear (data);
  g_free (data);
}

static void
people_init (People *people)
{
  people->keys = g_array_new (FALSE, FALSE, sizeof (Key));
  people->by_key = g_hash_table_new_full (key_hash, key_equal, g_free, NULL);
}

static void
people_add_key (People    *people,
                const Key *key)
{
  if (g_hash_table_contains (people->by_key, key))
    return;
  g_array_append_val (people->keys, *key);
  g_hash_table_insert (people->by_key, g_memdup2 (key, sizeof *key), GUINT_TO_POINTER (people->keys->len));
}

static gpointer
build_people (CollabStore *store)
{
  People *people = g_new0 (People, 1);

  people_init (people);
  for (guint a = 0; a < collab_store_count (store, COLLAB_RECORD_KIND_AGREEMENT); a++)
    {
      const CollabAgreementRec *agreement = collab_store_get (store, COLLAB_RECORD_KIND_AGREEMENT, a);
      Key key = { agreement->program, agreement->city, agreement->year };

      people_add_key (people, &key);
    }
  count_people (store, people);
  return people;
}

static const CollabDerivedKind people_kind = { "agreement-people", build_people, people_free };

/* The people of @key: from the store's pass when an agreement names it,
 * else from a pass of its own. */
static void
lookup_people (CollabStore            *store,
               const Key              *key,
               CollabAgreementActuals *actuals)
{
  const People *people = collab_store_get_derived (store, &people_kind);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (people->by_key, key));
  People alone = { NULL };

  if (index > 0)
    {
      actuals->professionals = people->professionals[index - 1];
      actuals->cadres = people->cadres[index - 1];
      return;
    }

  people_init (&alone);
  people_add_key (&alone, key);
  count_people (store, &alone);
  actuals->professionals = alone.professionals[0];
  actuals->cadres = alone.cadres[0];
  people_clear (&alone);
}

gboolean
collab_agreement_count (CollabStore            *store,
                        CollabRef               program,
                        CollabRef               city,
                        int                     year,
                        CollabAgreementActuals *actuals,
                        GError                **error)
{
  g_autoptr(CollabLedger) ledger = NULL;
  const CollabLedgerAllocation *allocations;
  Key key = { program, city, year };
  guint n;

  g_return_val_if_fail (COLLAB_REF_KIND (program) == COLLAB_RECORD_KIND_PROGRAM, FALSE);

  actuals->allocated = (CollabMoneySum) { 0 };
  lookup_people (store, &key, actuals);

  ledger = collab_ledger_for_store (store);
  allocations = collab_ledger_get_allocations (ledger, program, &n);
  for (guint i = 0; i < n && !actuals->allocated.overflow; i++)
    if (allocations[i].city == city && allocations[i].year == year)
      collab_money_sum_add (&actuals->allocated, allocations[i].amount);

  if (actuals->allocated.overflow)
    {
      collab_ledger_set_allocations_overflow (ledger, program, city, year, year, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
field_present (const CollabAgreementRec *agreement,
               const char               *name)
{
  const CollabSchema *schema = collab_schema_for_kind (COLLAB_RECORD_KIND_AGREEMENT);
  int i = collab_schema_find_field (schema, name);

  return i >= 0 && COLLAB_RECORD_PRESENT (agreement, i);
}

gboolean
collab_agreement_has_professionals (const CollabAgreementRec *agreement)
{
  return field_present (agreement, "professionals");
}

gboolean
collab_agreement_has_cadres (const CollabAgreementRec *agreement)
{
  return field_present (agreement, "cadres");
}

void
collab_agreement_foreach (CollabStore         *store,
                          CollabRef            program,
                          int                  last_year,
                          CollabAgreementFunc  func,
                          gpointer             user_data)
{
  for (guint a = 0; a < collab_store_count (store, COLLAB_RECORD_KIND_AGREEMENT); a++)
    {
      const CollabAgreementRec *agreement = collab_store_get (store, COLLAB_RECORD_KIND_AGREEMENT, a);
      CollabAgreementActuals actuals;
      g_autoptr(GError) overflow = NULL;

      if (agreement->program != program || agreement->year > last_year)
        continue;
      (void) collab_agreement_count (store, program, agreement->city, agreement->year, &actuals, &overflow);
      func (agreement, &actuals, overflow, user_data);
    }
}
