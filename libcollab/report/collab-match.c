/* collab-match.c: workers matched to job offers, as a table and three figures
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * CollabMatch:
 *
 * A proposed matching of waiting workers to open job offers on one day
 * (人岗匹配, SPEC §11.3), made by [method@Collab.Dataset.match]: a table
 * with one row per proposed placement, and how many it places, how many
 * of them are priority workers and the sum of their ranks.
 *
 * ```c
 * g_autoptr(CollabMatch) match = collab_dataset_match (dataset, "wuxi-2021",
 *                                                      collab_day_new (2023, 3, 1), &error);
 *
 * g_print ("%u placed, %u of them priority\n",
 *          collab_match_get_placed (match), collab_match_get_priority_placed (match));
 * csv = collab_table_to_csv (collab_match_get_table (match));
 * ```
 *
 * ```python
 * match = dataset.match('wuxi-2021', as_of='2023-03-01')
 * match.placed, match.priority_placed, match.rank_sum
 * match.to_pandas().groupby('job_type').size()
 * ```
 *
 * The matching is the best there is, in this order: it places the most
 * workers flagged poverty_lifted or at_risk, then the most workers, then
 * gives them the job types they ranked highest (the smallest sum of
 * ranks). It is computed exactly, as a min-cost flow over classes of
 * workers and job types, and the same records give the same matching.
 */

#include <string.h>

#include <libcollab/collab-enum-types.h>
#include <libcollab/collab-error.h>
#include <libcollab/collab-match.h>

#include "types/collab-day-private.h"
#include "model/collab-units-private.h"
#include "types/collab-i18n-private.h"
#include "model/collab-dataset-private.h"
#include "analysis/collab-match-private.h"
#include "collab-table-columns-private.h"

struct _CollabMatch
{
  GObject      parent_instance;
  CollabTable *table;
  char        *program;
  CollabDay    as_of;
  guint        placed;
  guint        priority_placed;
  guint64      rank_sum;
};

G_DEFINE_FINAL_TYPE (CollabMatch, collab_match, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLACED,
  PROP_PRIORITY_PLACED,
  PROP_RANK_SUM,
  PROP_TABLE,
  PROP_AS_OF,
  PROP_PROGRAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
collab_match_finalize (GObject *object)
{
  CollabMatch *self = COLLAB_MATCH (object);

  g_clear_object (&self->table);
  g_clear_pointer (&self->program, g_free);

  G_OBJECT_CLASS (collab_match_parent_class)->finalize (object);
}

static void
collab_match_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CollabMatch *self = COLLAB_MATCH (object);

  switch (prop_id)
    {
    case PROP_PLACED:
      g_value_set_uint (value, self->placed);
      break;

    case PROP_PRIORITY_PLACED:
      g_value_set_uint (value, self->priority_placed);
      break;

    case PROP_RANK_SUM:
      g_value_set_uint64 (value, self->rank_sum);
      break;

    case PROP_TABLE:
      g_value_set_object (value, self->table);
      break;

    case PROP_AS_OF:
      g_value_set_uint (value, self->as_of);
      break;

    case PROP_PROGRAM:
      g_value_set_string (value, self->program);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
collab_match_class_init (CollabMatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = collab_match_finalize;
  object_class->get_property = collab_match_get_property;

  /**
   * CollabMatch:placed: (getter get_placed)
   *
   * How many workers the matching places: the rows of its table.
   */
  properties[PROP_PLACED] =
    g_param_spec_uint ("placed", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CollabMatch:priority-placed: (getter get_priority_placed)
   *
   * How many of the workers placed are flagged poverty_lifted or at_risk.
   */
  properties[PROP_PRIORITY_PLACED] =
    g_param_spec_uint ("priority-placed", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CollabMatch:rank-sum: (getter get_rank_sum)
   *
   * The sum over the workers placed of the rank of their job type in
   * their wants (1 for a first choice, and for a worker who wants any
   * type).
   */
  properties[PROP_RANK_SUM] =
    g_param_spec_uint64 ("rank-sum", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CollabMatch:table: (getter get_table)
   *
   * The proposed placements, one per row (see [method@Collab.Dataset.match]).
   */
  properties[PROP_TABLE] =
    g_param_spec_object ("table", NULL, NULL, COLLAB_TYPE_TABLE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CollabMatch:as-of: (getter get_as_of)
   *
   * The day the matching was made for, as a [alias@Collab.Day]: the one
   * asked for, or the day it was made when none was.
   */
  properties[PROP_AS_OF] =
    g_param_spec_uint ("as-of", NULL, NULL, 0, G_MAXUINT32, COLLAB_DAY_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CollabMatch:program: (getter get_program)
   *
   * The id of the program the matching was made for, or `NULL` when it
   * took every worker and offer.
   */
  properties[PROP_PROGRAM] =
    g_param_spec_string ("program", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
collab_match_init (CollabMatch *self)
{
}

/* A column of the ids of records of @kind, record @indices[r] on row r,
 * coded in order of first appearance. Hundreds of thousands of rows are
 * filled without hashing a cell: a record's code is kept by its index. */
static void
fill_id_column (CollabTableBuilder *builder,
                const char         *name,
                const CollabStore  *store,
                CollabRecordKind    kind,
                const guint32      *indices,
                guint               n)
{
  CollabTableColumn *column = collab_table_builder_new_column (builder, name, COLLAB_COLUMN_TYPE_STRING, n);
  guint n_records = collab_store_count (store, kind);
  g_autofree gint32 *codes = g_new (gint32, MAX (n_records, 1));

  memset (codes, 0xff, sizeof (gint32) * n_records);
  g_array_set_size (column->values, n);
  for (guint r = 0; r < n; r++)
    {
      gint32 *code = &codes[indices[r]];

      /* The rows name records all over the store (workers by job type,
       * not by position): fetch a record 16 rows ahead, its id 8 ahead. */
      if (r + 16 < n)
        {
          __builtin_prefetch (collab_store_get (store, kind, indices[r + 16]));
          __builtin_prefetch (&codes[indices[r + 16]]);
        }
      if (r + 8 < n)
        __builtin_prefetch (((const CollabRecordHeader *) collab_store_get (store, kind, indices[r + 8]))->id);

      if (*code < 0)
        {
          const CollabRecordHeader *header = collab_store_get (store, kind, indices[r]);

          *code = column->categories->len;
          g_ptr_array_add (column->categories, g_string_chunk_insert (builder->strings, header->id));
        }
      g_array_index (column->values, gint32, r) = *code;
    }
}

/* A column of 64-bit cells (INT, BOOL, and STRING codes widened), all
 * given. */
static gint64 *
new_number_column (CollabTableBuilder *builder,
                   const char         *name,
                   CollabColumnType    type,
                   guint               n)
{
  CollabTableColumn *column = collab_table_builder_new_column (builder, name, type, n);

  g_array_set_size (column->values, n);
  return (gint64 *) (gpointer) column->values->data;
}

static CollabTable *
match_table (const CollabStore       *store,
             const CollabMatchResult *result)
{
  g_autoptr(CollabTableBuilder) builder = collab_table_builder_new ();
  guint n = result->n_pairs;
  g_autofree guint32 *workers = g_new (guint32, MAX (n, 1));
  g_autofree guint32 *offers = g_new (guint32, MAX (n, 1));
  g_autofree guint32 *employers = g_new (guint32, MAX (n, 1));
  CollabTableColumn *job_types;
  gint64 *ranks, *priorities;

  for (guint r = 0; r < n; r++)
    {
      const CollabJobOfferRec *offer = collab_store_get (store, COLLAB_RECORD_KIND_JOB_OFFER, result->pairs[r].offer);

      workers[r] = result->pairs[r].worker;
      offers[r] = result->pairs[r].offer;
      employers[r] = COLLAB_REF_INDEX (offer->employer);
    }

  fill_id_column (builder, "worker", store, COLLAB_RECORD_KIND_WORKER, workers, n);
  fill_id_column (builder, "offer", store, COLLAB_RECORD_KIND_JOB_OFFER, offers, n);
  fill_id_column (builder, "employer", store, COLLAB_RECORD_KIND_ORGANIZATION, employers, n);

  /* The job types are the enum's nicks in value order: a type's code is
   * its value. */
  collab_table_builder_add_enum_column (builder, "job_type", COLLAB_TYPE_JOB_TYPE);
  job_types = g_ptr_array_index (builder->columns, builder->columns->len - 1);
  g_array_set_size (job_types->values, n);
  for (guint r = 0; r < n; r++)
    g_array_index (job_types->values, gint32, r) =
      ((const CollabJobOfferRec *) collab_store_get (store, COLLAB_RECORD_KIND_JOB_OFFER, offers[r]))->job_type;

  ranks = new_number_column (builder, "rank", COLLAB_COLUMN_TYPE_INT, n);
  priorities = new_number_column (builder, "priority", COLLAB_COLUMN_TYPE_BOOL, n);
  for (guint r = 0; r < n; r++)
    {
      ranks[r] = result->pairs[r].rank;
      priorities[r] = result->pairs[r].priority;
    }

  builder->n_rows = n;
  return collab_table_builder_end (builder);
}

/**
 * collab_dataset_match:
 * @self: a dataset
 * @program_id: (nullable): a program id, or `NULL` for every worker and
 *   job offer
 * @as_of: the day to match on, as a [alias@Collab.Day], or
 *   %COLLAB_DAY_NONE for today
 * @error: return location for a #GError
 *
 * Proposes placements of waiting workers into open job offers on @as_of
 * (SPEC §11.3); this is what `collab match` prints.
 *
 * A worker may be matched when registered on or before the day and in no
 * placement on it (a placement is on from its start to its end, both
 * included, or from its start when it has no end). A job offer may take
 * workers when the day is inside its open period, up to its free
 * positions: its positions less every placement that names it, ended or
 * not. A worker fits an offer when its job type is in the worker's
 * wants, with the rank of its place in the list (1 for the first
 * choice), or when the worker wants any type (empty wants: rank 1). With
 * @program_id, only workers whose county is an assisted city of the
 * program, or lies in one, and offers of that program or of none take
 * part.
 *
 * Of all the matchings where each worker takes at most one position and
 * each offer at most its free positions, the one returned places the
 * most workers flagged poverty_lifted or at_risk; of those, the most
 * workers; of those, it has the smallest sum of ranks. What is left to
 * choose is chosen by date and id: within workers alike (the same
 * priority, the same wants), the earliest registered are placed first;
 * within a job type, workers in order of registration fill the offers in
 * order of opening. Putting priority workers first costs no placement:
 * some matching that places the most priority workers also places the
 * most workers, and that is the one returned.
 *
 * The table has one row per proposed placement, by job type, offer and
 * worker, with the columns `worker`, `offer`, `employer` (ids),
 * `job_type`, `rank` and `priority` (a boolean: the worker is
 * poverty_lifted or at_risk).
 *
 * Returns: (transfer full): the matching, or `NULL` with @error set when
 *   @program_id names no program (%COLLAB_DATASET_ERROR_NOT_FOUND)
 */
CollabMatch *
collab_dataset_match (CollabDataset  *self,
                      const char     *program_id,
                      CollabDay       as_of,
                      GError        **error)
{
  g_autoptr(CollabMatch) match = NULL;
  CollabMatchResult result;
  CollabStore *store;
  guint only = G_MAXUINT;

  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = collab_dataset_get_store (self);
  if (!collab_units_find_program (store, program_id, &only, error))
    return NULL;

  match = g_object_new (COLLAB_TYPE_MATCH, NULL);
  match->as_of = as_of != COLLAB_DAY_NONE ? as_of : collab_day_today ();
  match->program = g_strdup (program_id);

  collab_match_compute (store, only, match->as_of, &result);
  match->placed = result.n_pairs;
  match->priority_placed = result.priority_placed;
  match->rank_sum = result.rank_sum;
  match->table = match_table (store, &result);
  collab_match_result_clear (&result);

  return g_steal_pointer (&match);
}

/**
 * collab_match_get_placed:
 * @self: a matching
 *
 * Gets how many workers the matching places.
 *
 * Returns: the number of rows of the table
 */
guint
collab_match_get_placed (CollabMatch *self)
{
  g_return_val_if_fail (COLLAB_IS_MATCH (self), 0);

  return self->placed;
}

/**
 * collab_match_get_priority_placed:
 * @self: a matching
 *
 * Gets how many of the workers placed are flagged poverty_lifted or
 * at_risk: the most any matching places.
 *
 * Returns: the number of priority workers placed
 */
guint
collab_match_get_priority_placed (CollabMatch *self)
{
  g_return_val_if_fail (COLLAB_IS_MATCH (self), 0);

  return self->priority_placed;
}

/**
 * collab_match_get_rank_sum:
 * @self: a matching
 *
 * Gets the sum of the ranks of the job types the workers are placed in:
 * the smallest of any matching that places as many priority workers and
 * as many workers.
 *
 * Returns: the sum of ranks
 */
guint64
collab_match_get_rank_sum (CollabMatch *self)
{
  g_return_val_if_fail (COLLAB_IS_MATCH (self), 0);

  return self->rank_sum;
}

/**
 * collab_match_get_table:
 * @self: a matching
 *
 * Gets the proposed placements, one per row, with the columns `worker`,
 * `offer`, `employer`, `job_type`, `rank` and `priority`.
 *
 * Returns: (transfer none): the table
 */
CollabTable *
collab_match_get_table (CollabMatch *self)
{
  g_return_val_if_fail (COLLAB_IS_MATCH (self), NULL);

  return self->table;
}

/**
 * collab_match_get_as_of:
 * @self: a matching
 *
 * Gets the day the matching was made for.
 *
 * Returns: the day, as a [alias@Collab.Day]
 */
CollabDay
collab_match_get_as_of (CollabMatch *self)
{
  g_return_val_if_fail (COLLAB_IS_MATCH (self), COLLAB_DAY_NONE);

  return self->as_of;
}

/**
 * collab_match_get_program:
 * @self: a matching
 *
 * Gets the id of the program the matching was made for.
 *
 * Returns: (nullable): the program id, or `NULL` for a matching of every
 *   worker and offer
 */
const char *
collab_match_get_program (CollabMatch *self)
{
  g_return_val_if_fail (COLLAB_IS_MATCH (self), NULL);

  return self->program;
}

/**
 * collab_match_to_json:
 * @self: a matching
 *
 * Builds the matching as one JSON object, as `collab match --format
 * json` prints it:
 *
 * ```json
 * {"placed": 2, "priority_placed": 1, "rank_sum": 3,
 *  "rows": [{"worker": "w1", "offer": "o1", "employer": "e1",
 *            "job_type": "logistics", "rank": 1, "priority": true}, …]}
 * ```
 *
 * Returns: (transfer full): a new JSON object node
 */
JsonNode *
collab_match_to_json (CollabMatch *self)
{
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (COLLAB_IS_MATCH (self), NULL);

  object = json_object_new ();
  json_object_set_int_member (object, "placed", self->placed);
  json_object_set_int_member (object, "priority_placed", self->priority_placed);
  json_object_set_int_member (object, "rank_sum", (gint64) self->rank_sum);
  json_object_set_member (object, "rows", collab_table_to_json (self->table));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}
