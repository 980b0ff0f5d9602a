/* collab-talent-private.h: pairing-years of the 666 rule, and their plans
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The 666 rules (SPEC §5), the plans of collab_checker_plan() (`collab
 * plan`) and the scorecard all count the same thing: per pairing-year (a
 * county-level pairing of a program and a year it is active in), the
 * outbound professional dispatches from the assisting district to the
 * assisted county that start in that year, each person once with their
 * longest dispatch. This header is that count and what is computed from
 * it.
 *
 * A tally is built in one pass over the dispatches: a hash of the
 * (assisting, assisted) pairs of the county-level pairings gives each
 * dispatch its pairing-years; the matches are then placed by a counting
 * sort on the pairing-year, and each pairing-year's few entries are sorted
 * by person, longest dispatch first. A million dispatches over ten
 * thousand pairings take one pass, two arrays and no per-pairing scan.
 * The tally keeps every matching dispatch, so that any threshold of any
 * rule set (tiers, the short-service months, the as-of day) is applied
 * when the pairing-year is counted, not when the tally is built; rules run
 * per program reuse one tally per store (collab_talent_tally_for_store).
 *
 *   CollabTalentTally       the entries, grouped by pairing-year
 *   CollabTalentRules       the thresholds of a rule set and its reading
 *   CollabTalentCounts      one pairing-year counted under those rules
 *   CollabTalentPlan        the smallest set of dispatches that closes it
 */

#pragma once

#include <libcollab/collab-dataset.h>

#include "model/collab-store-private.h"

G_BEGIN_DECLS

/* Tiers a rule set may give 666.tenure; the shipped sets give 3. */
#define COLLAB_TALENT_MAX_TIERS 8

/* Months served are counted up to this many, which a CollabTalentEntry's
 * guint16 holds (collab_day_count_months_served() counts them). */
#define COLLAB_TALENT_MONTHS_CAP 65535

/* The profession groups of 666.mix: teacher, doctor, agriculture-or-other. */
typedef enum
{
  COLLAB_TALENT_GROUP_TEACHER,
  COLLAB_TALENT_GROUP_DOCTOR,
  COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER,
  COLLAB_TALENT_N_GROUPS
} CollabTalentGroup;

/* --- the tenure ------------------------------------------------------ */

/* The tenure end: the actual end when there is one, else the planned end. */
CollabDay         collab_talent_dispatch_end      (const CollabDispatchRec *dispatch);

/* --- the tally ------------------------------------------------------- */

typedef struct
{
  guint32 person;      /* index of the person */
  guint32 dispatch;    /* index of the dispatch */
  guint32 end;         /* CollabDay: the tenure end */
  guint16 months;      /* whole months served, capped */
  guint8  profession;  /* CollabProfession */
  guint8  longest;     /* 1 on the person's longest dispatch in the pairing-year */
} CollabTalentEntry;

typedef struct
{
  guint32 pairing;     /* index of the pairing */
  guint32 program;     /* index of its program */
  gint32  year;
  guint32 first;       /* entries [first, first + n) */
  guint32 n;
} CollabTalentPairingYear;

typedef struct _CollabTalentTally CollabTalentTally;

struct _CollabTalentTally
{
  CollabStore             *store;            /* not a reference: the store keeps the tally */
  CollabTalentPairingYear *pairing_years;    /* by program, pairing, year */
  guint                    n_pairing_years;
  guint                   *program_first;    /* per program: its first pairing-year; n_programs + 1 */
  guint                    n_programs;
  CollabTalentEntry       *entries;          /* by pairing-year, person, longest first */
  guint                    n_entries;
  GHashTable              *adjustments;      /* (assisted, year) → GPtrArray of CollabAdjustmentRec */
};

/* Sorts entries by person, each person's longest dispatch first: more
 * months, then a later end, then the earlier dispatch record. */
void                collab_talent_sort_entries        (CollabTalentEntry *entries,
                                                       guint              n);
CollabTalentTally  *collab_talent_tally_new           (CollabStore       *store) G_GNUC_WARN_UNUSED_RESULT;
void                collab_talent_tally_free          (CollabTalentTally *tally);
/* The tally of @store's records, built on first use and kept with the
 * store until they change (collab_store_get_derived()); read-only. */
const CollabTalentTally *
                    collab_talent_tally_for_store     (CollabStore       *store);

/* --- rules ----------------------------------------------------------- */

typedef struct
{
  guint months;
  guint count;
} CollabTalentTier;

typedef struct
{
  CollabInterpretation interpretation;
  gboolean         total_enabled;
  gboolean         mix_enabled;
  gboolean         tenure_enabled;
  gboolean         term_enabled;
  guint            total;                           /* 666.total total */
  guint            mix[COLLAB_TALENT_N_GROUPS];     /* 666.mix teacher, doctor, agriculture_or_other */
  guint            n_tiers;
  CollabTalentTier tiers[COLLAB_TALENT_MAX_TIERS];  /* 666.tenure, longest first */
  guint            short_months;                    /* 666.short_other months; 0 when disabled */
  guint            term_months;                     /* 666.term months */
  guint            term_percent;                    /* 666.term percent */
} CollabTalentRules;


/* The count a tier of the reading asks for, and the number of people of a
 * pairing-year it compares it with: nested asks #(≥ months) ≥ the sum of
 * the counts of this tier and the longer ones, cumulative #(≥ months) ≥
 * count, banded #[months, the next longer tier's months) ≥ count. */
guint               collab_talent_tier_required       (const CollabTalentRules *rules,
                                                       guint                    tier);

/* --- counting -------------------------------------------------------- */

typedef struct
{
  guint counted;                              /* people counted */
  guint projected;                            /* of them, ending after the as-of day */
  guint by_profession[COLLAB_PROFESSION_OTHER + 1];
  guint groups[COLLAB_TALENT_N_GROUPS];
  guint at_least[COLLAB_TALENT_MAX_TIERS];    /* counted, serving ≥ tier months */
  guint in_tier[COLLAB_TALENT_MAX_TIERS];     /* the number the reading compares */
  guint short_other;                          /* agriculture-or-other people not counted */
  guint term_people;                          /* counted teachers and doctors */
  guint term_served;                          /* of them, serving ≥ term months */
  guint term_projected;                       /* of the teachers and doctors, projected */
} CollabTalentCounts;

/* Counts @n entries sorted by person, longest first (a pairing-year's, or
 * several merged and sorted with collab_talent_sort_entries()) under
 * @rules; services ending after @as_of are projected. */
void                collab_talent_count_entries       (const CollabTalentEntry *entries,
                                                       guint                    n,
                                                       const CollabTalentRules *rules,
                                                       CollabDay                as_of,
                                                       CollabTalentCounts      *counts);
void                collab_talent_count               (const CollabTalentTally *tally,
                                                       guint                    pairing_year,
                                                       const CollabTalentRules *rules,
                                                       CollabDay                as_of,
                                                       CollabTalentCounts      *counts);

gboolean            collab_talent_total_passes        (const CollabTalentRules  *rules,
                                                       const CollabTalentCounts *counts);
gboolean            collab_talent_mix_passes          (const CollabTalentRules  *rules,
                                                       const CollabTalentCounts *counts);
gboolean            collab_talent_tenure_passes       (const CollabTalentRules  *rules,
                                                       const CollabTalentCounts *counts);

/* Whether an adjustment for @rule ("666.mix") covers the pairing-year:
 * same assisted county and year, and the same assisting district or none
 * (@assisting COLLAB_REF_NONE: any). */
gboolean            collab_talent_is_adjusted         (const CollabTalentTally *tally,
                                                       const char             *rule,
                                                       CollabRef               assisting,
                                                       CollabRef               assisted,
                                                       int                     year);

/* --- planning -------------------------------------------------------- */

typedef struct
{
  /* add[group][tier]: dispatches to add of that group serving the tier's
   * months (under banded, fewer than the next longer tier's). */
  guint    add[COLLAB_TALENT_N_GROUPS][COLLAB_TALENT_MAX_TIERS];
  guint    total;
  /* The three lower bounds; total is their maximum. */
  guint    total_deficit;
  guint    mix_deficit;
  guint    tier_deficit;
} CollabTalentPlan;

/* The smallest set of additional dispatches after which 666.total,
 * 666.tenure and (unless @mix_adjusted) 666.mix pass, each where @rules
 * enables it. Returns whether anything needs adding. doc/talent.md
 * proves that the size is minimal. */
gboolean            collab_talent_plan                (const CollabTalentRules  *rules,
                                                       const CollabTalentCounts *counts,
                                                       gboolean                  mix_adjusted,
                                                       CollabTalentPlan         *plan);
/* {"add": [{"profession": "doctor", "months": 6, "count": 2}, …], "total": n}
 * as a new floating a{sv}; under banded each entry also says "below" (the
 * next tier's months). */
GVariant           *collab_talent_plan_to_variant     (const CollabTalentRules  *rules,
                                                       const CollabTalentPlan   *plan) G_GNUC_WARN_UNUSED_RESULT;
/* "add 2 doctors for ≥ 6 months and 1 teacher for ≥ 12 months". */
char               *collab_talent_plan_to_string      (const CollabTalentRules  *rules,
                                                       const CollabTalentPlan   *plan) G_GNUC_WARN_UNUSED_RESULT;

const char         *collab_talent_group_nick          (CollabTalentGroup         group);
CollabTalentGroup   collab_talent_group_of            (CollabProfession          profession);

G_END_DECLS
