/* collab-talent.c: pairing-years of the 666 rule, counted in one pass
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5, "Unit of counting": a pairing-year is a county-level pairing of
 * a program and a year it is active in (its own period, else the
 * program's, within the program's). A dispatch belongs to it when it is
 * an outbound `professional` dispatch whose `from` is the assisting
 * district, whose `to` is the assisted county and whose start is in the
 * year. Each person counts once, with their longest dispatch in it; the
 * tenure runs to the actual end when there is one, else the planned end.
 *
 * See collab-talent-private.h for the shape of the tally. The choices the
 * specification leaves open are in doc/talent.md: "longest" is the most
 * whole months served, then the most days, then the earlier dispatch in
 * the document; a pairing whose ends are not both regions, or that
 * pairing.invalid reports, has no pairing-years.
 */

#include <string.h>

#include "model/collab-units-private.h"
#include "types/collab-day-private.h"
#include "collab-talent-private.h"

/* --- the tenure ------------------------------------------------------ */

CollabDay
collab_talent_dispatch_end (const CollabDispatchRec *dispatch)
{
  return dispatch->actual_end != COLLAB_DAY_NONE ? dispatch->actual_end : dispatch->planned_end;
}

/* --- the pair index -------------------------------------------------- */

/* An open-addressing hash of (assisting, assisted) region pairs to the
 * first pairing of a chain of pairings with those ends. */
typedef struct
{
  guint64 *keys;     /* 0 is empty: a CollabRef is never 0 */
  guint32 *heads;
  guint32  mask;
} PairIndex;

static inline guint64
pair_key (CollabRef assisting,
          CollabRef assisted)
{
  return ((guint64) assisting << 32) | assisted;
}

static inline guint32
pair_slot (const PairIndex *index,
           guint64          key)
{
  /* Fibonacci hashing: refs of neighbouring regions spread out. */
  return (guint32) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32) & index->mask;
}

static guint32 *
pair_index_insert (PairIndex *index,
                   guint64    key)
{
  guint32 slot = pair_slot (index, key);

  while (index->keys[slot] != 0 && index->keys[slot] != key)
    slot = (slot + 1) & index->mask;
  if (index->keys[slot] == 0)
    {
      index->keys[slot] = key;
      index->heads[slot] = G_MAXUINT32;
    }
  return &index->heads[slot];
}

static inline guint32
pair_index_lookup (const PairIndex *index,
                   guint64          key)
{
  guint32 slot = pair_slot (index, key);

  while (index->keys[slot] != 0)
    {
      if (index->keys[slot] == key)
        return index->heads[slot];
      slot = (slot + 1) & index->mask;
    }
  return G_MAXUINT32;
}

/* --- the tally ------------------------------------------------------- */

/* Per pairing: where its pairing-years are, and the next pairing with the
 * same ends. */
typedef struct
{
  guint32 first_py;    /* G_MAXUINT32: no pairing-years */
  gint32  first_year;
  gint32  last_year;
  guint32 next;        /* chain of the pair index */
} PairingSlot;

static int
compare_entries (const void *a,
                 const void *b)
{
  const CollabTalentEntry *x = a, *y = b;

  if (x->person != y->person)
    return x->person < y->person ? -1 : 1;
  /* The longest first: more months, then more days (a later end, since
   * all start in one year), then the earlier record. */
  if (x->months != y->months)
    return x->months > y->months ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  if (x->dispatch != y->dispatch)
    return x->dispatch < y->dispatch ? -1 : 1;
  return 0;
}

void
collab_talent_sort_entries (CollabTalentEntry *entries,
                            guint              n)
{
  /* Pairing-years hold a few dozen entries: insertion sort, unless a
   * roster is odd. */
  if (n > 48)
    {
      qsort (entries, n, sizeof *entries, compare_entries);
      return;
    }

  for (guint i = 1; i < n; i++)
    {
      CollabTalentEntry e = entries[i];
      guint j = i;

      while (j > 0 && compare_entries (&entries[j - 1], &e) > 0)
        {
          entries[j] = entries[j - 1];
          j--;
        }
      entries[j] = e;
    }
}

/* The county-level pairings that have pairing-years, grouped by program:
 * fills @slots and the tally's pairing-years and program index. */
static void
index_pairings (CollabTalentTally *tally,
                PairingSlot       *slots,
                PairIndex         *pairs)
{
  const CollabStore *store = tally->store;
  guint n_pairings = collab_store_count (store, COLLAB_RECORD_KIND_PAIRING);
  g_autofree guint32 *order = g_new (guint32, n_pairings + 1);
  g_autofree guint *per_program = g_new0 (guint, tally->n_programs + 1);
  guint n_sound = 0, n_py = 0;
  guint size = 16;

  for (guint p = 0; p < n_pairings; p++)
    {
      const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, p);
      const CollabProgramRec *program = collab_store_deref (store, pairing->program);
      int first, last;

      slots[p].first_py = G_MAXUINT32;
      slots[p].next = G_MAXUINT32;
      if (pairing->level != COLLAB_PAIRING_LEVEL_COUNTY || program == NULL ||
          COLLAB_REF_KIND (pairing->assisting) != COLLAB_RECORD_KIND_REGION ||
          COLLAB_REF_KIND (pairing->assisted) != COLLAB_RECORD_KIND_REGION ||
          !collab_units_pairing_is_sound (store, pairing))
        continue;

      collab_store_pairing_years (store, pairing, &first, &last);
      first = MAX (first, program->first_year);
      last = MIN (last, program->last_year);
      if (first > last)
        continue;

      slots[p].first_year = first;
      slots[p].last_year = last;
      per_program[COLLAB_REF_INDEX (pairing->program)] += last - first + 1;
      order[n_sound++] = p;
      n_py += last - first + 1;
    }

  /* Pairing-years by program (a counting sort), then pairing, then year. */
  tally->program_first = g_new0 (guint, tally->n_programs + 1);
  for (guint i = 0; i < tally->n_programs; i++)
    tally->program_first[i + 1] = tally->program_first[i] + per_program[i];
  memcpy (per_program, tally->program_first, sizeof (guint) * tally->n_programs);

  tally->pairing_years = g_new0 (CollabTalentPairingYear, MAX (n_py, 1));
  tally->n_pairing_years = n_py;
  for (guint i = 0; i < n_sound; i++)
    {
      guint p = order[i];
      const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, p);
      guint program = COLLAB_REF_INDEX (pairing->program);

      slots[p].first_py = per_program[program];
      for (int year = slots[p].first_year; year <= slots[p].last_year; year++)
        {
          CollabTalentPairingYear *py = &tally->pairing_years[per_program[program]++];

          py->pairing = p;
          py->program = program;
          py->year = year;
        }
    }

  while (size < 2 * n_sound)
    size *= 2;
  pairs->keys = g_new0 (guint64, size);
  pairs->heads = g_new (guint32, size);
  pairs->mask = size - 1;

  /* Chains in pairing order, so that a dispatch's matches come out in a
   * stable order. */
  for (guint i = n_sound; i-- > 0;)
    {
      guint p = order[i];
      const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, p);
      guint32 *head = pair_index_insert (pairs, pair_key (pairing->assisting, pairing->assisted));

      slots[p].next = *head;
      *head = p;
    }
}

/* Adjustments by (assisted, year), made with the tally so that it never
 * changes once it is shared. */
static void
index_adjustments (CollabTalentTally *tally)
{
  guint n = collab_store_count (tally->store, COLLAB_RECORD_KIND_ADJUSTMENT);

  tally->adjustments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n; i++)
    {
      const CollabAdjustmentRec *adjustment = collab_store_get (tally->store, COLLAB_RECORD_KIND_ADJUSTMENT, i);
      gint64 k = ((gint64) adjustment->assisted << 16) | (adjustment->year & 0xffff);
      GPtrArray *list = g_hash_table_lookup (tally->adjustments, &k);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (tally->adjustments, g_memdup2 (&k, sizeof k), list);
        }
      g_ptr_array_add (list, (gpointer) adjustment);
    }
}

/* Counts every pairing-year of every program of @store; free the tally
 * with collab_talent_tally_free(). */
CollabTalentTally *
collab_talent_tally_new (CollabStore *store)
{
  CollabTalentTally *tally = g_new0 (CollabTalentTally, 1);
  guint n_pairings = collab_store_count (store, COLLAB_RECORD_KIND_PAIRING);
  guint n_dispatches = collab_store_count (store, COLLAB_RECORD_KIND_DISPATCH);
  g_autofree PairingSlot *slots = g_new (PairingSlot, n_pairings + 1);
  g_autofree guint32 *match_py = NULL;
  g_autofree CollabTalentEntry *match_entry = NULL;
  g_autofree guint *fill = NULL;
  const CollabPersonRec *people;
  guint n_matches = 0, capacity;
  PairIndex pairs = { NULL };

  tally->store = store;
  tally->n_programs = collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM);
  index_pairings (tally, slots, &pairs);
  index_adjustments (tally);

  capacity = MAX (n_dispatches / 2, 64);
  match_py = g_new (guint32, capacity);
  match_entry = g_new (CollabTalentEntry, capacity);
  people = collab_store_count (store, COLLAB_RECORD_KIND_PERSON) > 0
             ? collab_store_get (store, COLLAB_RECORD_KIND_PERSON, 0) : NULL;

  /* The one pass over the dispatches. */
  for (guint d = 0; d < n_dispatches && tally->n_pairing_years > 0; d++)
    {
      const CollabDispatchRec *dispatch = collab_store_get (store, COLLAB_RECORD_KIND_DISPATCH, d);
      guint32 p;
      guint start_year, month, day;
      int year;
      CollabDay end;
      guint months;

      if (dispatch->kind != COLLAB_DISPATCH_KIND_PROFESSIONAL ||
          dispatch->direction != COLLAB_DIRECTION_OUTBOUND)
        continue;
      p = pair_index_lookup (&pairs, pair_key (dispatch->from, dispatch->to));
      if (p == G_MAXUINT32)
        continue;

      collab_day_to_ymd (dispatch->start, &start_year, &month, &day);
      year = (int) start_year;
      end = collab_talent_dispatch_end (dispatch);
      months = collab_day_count_months_served (dispatch->start, end, COLLAB_TALENT_MONTHS_CAP);

      for (; p != G_MAXUINT32; p = slots[p].next)
        {
          CollabTalentEntry *entry;

          if (year < slots[p].first_year || year > slots[p].last_year)
            continue;

          if (n_matches == capacity)
            {
              capacity *= 2;
              match_py = g_renew (guint32, match_py, capacity);
              match_entry = g_renew (CollabTalentEntry, match_entry, capacity);
            }
          match_py[n_matches] = slots[p].first_py + (year - slots[p].first_year);
          entry = &match_entry[n_matches++];
          entry->person = COLLAB_REF_INDEX (dispatch->person);
          entry->dispatch = d;
          entry->end = end;
          entry->months = (guint16) months;
          entry->profession = people[entry->person].profession;
          entry->longest = 0;
        }
    }

  /* A counting sort on the pairing-year. */
  fill = g_new0 (guint, tally->n_pairing_years + 1);
  for (guint i = 0; i < n_matches; i++)
    tally->pairing_years[match_py[i]].n++;
  for (guint i = 0, at = 0; i < tally->n_pairing_years; i++)
    {
      tally->pairing_years[i].first = at;
      fill[i] = at;
      at += tally->pairing_years[i].n;
    }
  tally->entries = g_new (CollabTalentEntry, MAX (n_matches, 1));
  tally->n_entries = n_matches;
  for (guint i = 0; i < n_matches; i++)
    tally->entries[fill[match_py[i]]++] = match_entry[i];

  for (guint i = 0; i < tally->n_pairing_years; i++)
    {
      CollabTalentPairingYear *py = &tally->pairing_years[i];
      CollabTalentEntry *entries = tally->entries + py->first;

      collab_talent_sort_entries (entries, py->n);
      for (guint e = 0; e < py->n; e++)
        entries[e].longest = e == 0 || entries[e].person != entries[e - 1].person;
    }

  g_free (pairs.keys);
  g_free (pairs.heads);
  return tally;
}

void
collab_talent_tally_free (CollabTalentTally *tally)
{
  if (tally == NULL)
    return;

  g_clear_pointer (&tally->adjustments, g_hash_table_unref);
  g_free (tally->pairing_years);
  g_free (tally->program_first);
  g_free (tally->entries);
  g_free (tally);
}

/* --- shared with the store ------------------------------------------ */

static gpointer
build_tally (CollabStore *store)
{
  return collab_talent_tally_new (store);
}

static void
free_tally (gpointer data)
{
  collab_talent_tally_free (data);
}

static const CollabDerivedKind tally_kind = { "talent-tally", build_tally, free_tally };

const CollabTalentTally *
collab_talent_tally_for_store (CollabStore *store)
{
  return collab_store_get_derived (store, &tally_kind);
}

/* --- counting -------------------------------------------------------- */

CollabTalentGroup
collab_talent_group_of (CollabProfession profession)
{
  switch (profession)
    {
    case COLLAB_PROFESSION_TEACHER:
      return COLLAB_TALENT_GROUP_TEACHER;
    case COLLAB_PROFESSION_DOCTOR:
      return COLLAB_TALENT_GROUP_DOCTOR;
    case COLLAB_PROFESSION_AGRICULTURE:
    case COLLAB_PROFESSION_OTHER:
    default:
      return COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER;
    }
}

const char *
collab_talent_group_nick (CollabTalentGroup group)
{
  static const char * const nicks[] = { "teacher", "doctor", "agriculture_or_other" };

  g_return_val_if_fail (group < COLLAB_TALENT_N_GROUPS, NULL);
  return nicks[group];
}

guint
collab_talent_tier_required (const CollabTalentRules *rules,
                             guint                    tier)
{
  guint sum = 0;

  g_return_val_if_fail (tier < rules->n_tiers, 0);

  if (rules->interpretation != COLLAB_INTERPRETATION_NESTED)
    return rules->tiers[tier].count;

  for (guint i = 0; i <= tier; i++)
    sum += rules->tiers[i].count;
  return sum;
}

/* What the reading compares with each tier's requirement. */
static void
fill_in_tier (const CollabTalentRules *rules,
              CollabTalentCounts      *counts)
{
  for (guint t = 0; t < rules->n_tiers; t++)
    counts->in_tier[t] = rules->interpretation == COLLAB_INTERPRETATION_BANDED && t > 0
                           ? counts->at_least[t] - counts->at_least[t - 1]
                           : counts->at_least[t];
}

void
collab_talent_count_entries (const CollabTalentEntry *entries,
                             guint                    n,
                             const CollabTalentRules *rules,
                             CollabDay                as_of,
                             CollabTalentCounts      *counts)
{
  memset (counts, 0, sizeof *counts);

  for (guint e = 0; e < n; e++)
    {
      const CollabTalentEntry *entry = &entries[e];
      CollabTalentGroup group;
      gboolean projected;

      /* The first of a person's entries is their longest. */
      if (e > 0 && entry->person == entries[e - 1].person)
        continue;

      group = collab_talent_group_of (entry->profession);
      if (group == COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER && entry->months < rules->short_months)
        {
          counts->short_other++;
          continue;
        }

      counts->counted++;
      projected = as_of != COLLAB_DAY_NONE && entry->end > as_of;
      counts->projected += projected;
      counts->by_profession[entry->profession]++;
      counts->groups[group]++;
      for (guint t = 0; t < rules->n_tiers; t++)
        if (entry->months >= rules->tiers[t].months)
          counts->at_least[t]++;
      if (group != COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER)
        {
          counts->term_people++;
          counts->term_projected += projected;
          if (entry->months >= rules->term_months)
            counts->term_served++;
        }
    }

  fill_in_tier (rules, counts);
}

void
collab_talent_count (const CollabTalentTally *tally,
                     guint                    pairing_year,
                     const CollabTalentRules *rules,
                     CollabDay                as_of,
                     CollabTalentCounts      *counts)
{
  const CollabTalentPairingYear *py = &tally->pairing_years[pairing_year];

  collab_talent_count_entries (tally->entries + py->first, py->n, rules, as_of, counts);
}

gboolean
collab_talent_total_passes (const CollabTalentRules  *rules,
                            const CollabTalentCounts *counts)
{
  return counts->counted >= rules->total;
}

gboolean
collab_talent_mix_passes (const CollabTalentRules  *rules,
                          const CollabTalentCounts *counts)
{
  for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
    if (counts->groups[g] < rules->mix[g])
      return FALSE;
  return TRUE;
}

gboolean
collab_talent_tenure_passes (const CollabTalentRules  *rules,
                             const CollabTalentCounts *counts)
{
  for (guint t = 0; t < rules->n_tiers; t++)
    if (counts->in_tier[t] < collab_talent_tier_required (rules, t))
      return FALSE;
  return TRUE;
}

gboolean
collab_talent_is_adjusted (const CollabTalentTally *tally,
                           const char        *rule,
                           CollabRef          assisting,
                           CollabRef          assisted,
                           int                year)
{
  gint64 key = ((gint64) assisted << 16) | (year & 0xffff);
  GPtrArray *list;

  list = g_hash_table_lookup (tally->adjustments, &key);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const CollabAdjustmentRec *adjustment = g_ptr_array_index (list, i);

      if ((assisting == COLLAB_REF_NONE || adjustment->assisting == COLLAB_REF_NONE ||
           adjustment->assisting == assisting) &&
          g_strcmp0 (adjustment->rule, rule) == 0)
        return TRUE;
    }
  return FALSE;
}
