/* collab-scorecard-findings.c: the findings counted by severity and rule
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A finding belongs to a row when its subject names the row's program (or
 * no program) and one of the row's years. Findings whose subject has no
 * year — a pairing's period, a plan total over the period — are counted
 * in the first year of their program, so that summing a column over the
 * years counts every finding once, and a period's row counts them when
 * it starts with that year.
 */

#include <string.h>

#include <libcollab/collab-enum-types.h>

#include "collab-scorecard-private.h"
#include "rules/collab-rule-private.h"

typedef struct
{
  char **rules;   /* the rule ids that have findings, sorted */
} State;

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gpointer
prepare (const CollabStore *store,
         GPtrArray         *findings)
{
  State *state = g_new0 (State, 1);
  g_autoptr(GPtrArray) rules = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const char *rule = collab_finding_get_rule (g_ptr_array_index (findings, i));

      if (g_hash_table_add (seen, (gpointer) rule))
        g_ptr_array_add (rules, g_strdup (rule));
    }
  g_ptr_array_sort (rules, compare_strings);
  g_ptr_array_add (rules, NULL);
  state->rules = (char **) g_ptr_array_free (g_steal_pointer (&rules), FALSE);

  return state;
}

static void
free_state (gpointer data)
{
  State *state = data;

  g_strfreev (state->rules);
  g_free (state);
}

static void
add_columns (CollabTableBuilder *builder,
             gpointer            data)
{
  State *state = data;

  collab_table_builder_add_column (builder, "violations", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "warnings", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "infos", COLLAB_COLUMN_TYPE_INT);
  for (char **rule = state->rules; *rule != NULL; rule++)
    {
      g_autofree char *name = g_strdup_printf ("findings.%s", *rule);
      collab_table_builder_add_column (builder, name, COLLAB_COLUMN_TYPE_INT);
    }
}

static gboolean
belongs_to_row (CollabFinding            *finding,
                const CollabScorecardRow *row)
{
  const char *program = collab_finding_get_subject_string (finding, "program");
  g_autoptr(GVariant) year = collab_finding_get_subject_value (finding, "year");

  if (program != NULL && g_strcmp0 (program, row->program->h.id) != 0)
    return FALSE;
  if (year != NULL && g_variant_is_of_type (year, G_VARIANT_TYPE_INT64))
    return g_variant_get_int64 (year) >= row->first_year && g_variant_get_int64 (year) <= row->last_year;
  return row->first_year == row->program->first_year;
}

static void
append_cells (CollabTableBuilder       *builder,
              const CollabScorecardRow *row,
              gpointer                  data)
{
  State *state = data;
  guint n_rules = g_strv_length (state->rules);
  g_autofree guint *by_rule = g_new0 (guint, n_rules + 1);
  guint by_severity[COLLAB_SEVERITY_VIOLATION + 1] = { 0 };

  for (guint i = 0; row->findings != NULL && i < row->findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (row->findings, i);

      if (!belongs_to_row (finding, row))
        continue;
      by_severity[collab_finding_get_severity (finding)]++;
      for (guint r = 0; r < n_rules; r++)
        if (strcmp (state->rules[r], collab_finding_get_rule (finding)) == 0)
          by_rule[r]++;
    }

  collab_table_builder_append_int (builder, by_severity[COLLAB_SEVERITY_VIOLATION]);
  collab_table_builder_append_int (builder, by_severity[COLLAB_SEVERITY_WARNING]);
  collab_table_builder_append_int (builder, by_severity[COLLAB_SEVERITY_INFO]);
  for (guint r = 0; r < n_rules; r++)
    collab_table_builder_append_int (builder, by_rule[r]);
}

const CollabScorecardSection collab_scorecard_findings = {
  "findings", prepare, free_state, add_columns, append_cells,
};
