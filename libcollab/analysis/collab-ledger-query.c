/* collab-ledger-query.c: what is asked of a ledger after the replay
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Balances walked per node (the first deficit), the allocations of each
 * program, and tracing by parents — each computed on first use, for every
 * program at once, and kept with the ledger — plus the project questions
 * the fund rules share (the filing day, the status on a day).
 */

#include <libcollab/collab-error.h>

#include "model/collab-units-private.h"
#include "types/collab-day-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"
#include "collab-ledger-impl-private.h"

gboolean
collab_ledger_find_deficit (CollabLedger     *self,
                            guint             node,
                            CollabDay        *day,
                            CollabMoneyTotal *received,
                            CollabMoneyTotal *passed_on)
{
  guint n_in, n_out, i = 0, j = 0;
  const guint32 *in = collab_ledger_get_credits (self, node, &n_in);
  const guint32 *out = collab_ledger_get_debits (self, node, &n_out);
  CollabMoneyTotal total_in = { 0 }, total_out = { 0 };

  while (j < n_out)
    {
      CollabDay today = self->tx_date[out[j]];

      /* Money in up to and including the day first. */
      while (i < n_in && self->tx_date[in[i]] <= today)
        collab_money_total_add (&total_in, self->tx_amount[in[i++]]);
      while (j < n_out && self->tx_date[out[j]] == today)
        collab_money_total_add (&total_out, self->tx_amount[out[j++]]);

      if (collab_money_total_compare (&total_out, &total_in) > 0)
        {
          *day = today;
          *received = total_in;
          *passed_on = total_out;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
region_is_within (const CollabStore *store,
                  CollabRef          region,
                  CollabRef          ancestor)
{
  guint steps = 0;

  while (region != COLLAB_REF_NONE && steps++ < 64)
    {
      if (region == ancestor)
        return TRUE;
      region = ((const CollabRegionRec *) collab_store_deref (store, region))->parent;
    }
  return FALSE;
}

/* Which of @program's cities an allocation counts for: one tagged with the
 * program, or untagged and in a year of its period, made to an account
 * that stands in (or under) one of the cities of its fund base, else of
 * its assisted cities — unless it is paid from an account in that same
 * city, which makes it a city's own allocation onwards (money already
 * counted when it came into the city). */
CollabRef
collab_ledger_allocation_city (CollabLedger *self,
                               guint         index,
                               CollabRef     program_ref)
{
  const CollabTransactionRec *t = transaction_at (self, index);
  const CollabProgramRec *program = collab_store_deref (self->store, program_ref);
  const CollabFundBaseRec *bases = program->fund_base.items;
  guint to = node_of_ref (self, t->to);
  guint from = node_of_ref (self, t->from);
  CollabRef region, city = COLLAB_REF_NONE;

  if (t->type != COLLAB_TRANSACTION_TYPE_ALLOCATION || to == COLLAB_LEDGER_NO_NODE)
    return COLLAB_REF_NONE;
  if (t->program != COLLAB_REF_NONE && t->program != program_ref)
    return COLLAB_REF_NONE;
  if (t->program == COLLAB_REF_NONE &&
      (self->years[index] < program->first_year || self->years[index] > program->last_year))
    return COLLAB_REF_NONE;

  region = self->node_region[to];
  for (guint b = 0; b < program->fund_base.n && city == COLLAB_REF_NONE; b++)
    if (region_is_within (self->store, region, bases[b].city))
      city = bases[b].city;
  for (guint c = 0; c < program->assisted.n && city == COLLAB_REF_NONE; c++)
    if (region_is_within (self->store, region, program->assisted.refs[c]))
      city = program->assisted.refs[c];

  if (city != COLLAB_REF_NONE && from != COLLAB_LEDGER_NO_NODE &&
      region_is_within (self->store, self->node_region[from], city))
    return COLLAB_REF_NONE;
  return city;
}

static void
index_allocations (CollabLedger *self)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (CollabLedgerAllocation));
  g_autoptr(GArray) programs = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 *fill;

  self->allocation_start = g_new0 (guint32, self->n_programs + 1);
  for (guint i = 0; i < self->n_transactions; i++)
    {
      CollabRef tag = self->tx_program[i];
      guint first = 0, last = self->n_programs;

      if (self->tx_type[i] != COLLAB_TRANSACTION_TYPE_ALLOCATION)
        continue;

      /* A tagged allocation is its program's; an untagged one may count
       * for several programs. */
      if (tag != COLLAB_REF_NONE)
        {
          first = COLLAB_REF_INDEX (tag);
          last = first + 1;
        }
      for (guint p = first; p < last; p++)
        {
          CollabRef program = COLLAB_REF (COLLAB_RECORD_KIND_PROGRAM, p);
          CollabLedgerAllocation a = { COLLAB_REF_NONE, i, self->years[i], self->tx_amount[i] };
          guint32 index = p;

          a.city = collab_ledger_allocation_city (self, i, program);
          if (a.city == COLLAB_REF_NONE)
            continue;
          g_array_append_val (found, a);
          g_array_append_val (programs, index);
          self->allocation_start[p + 1]++;
        }
    }

  for (guint p = 0; p < self->n_programs; p++)
    self->allocation_start[p + 1] += self->allocation_start[p];
  self->allocations = g_new (CollabLedgerAllocation, MAX (found->len, 1));
  fill = g_new0 (guint32, MAX (self->n_programs, 1));
  for (guint i = 0; i < found->len; i++)
    {
      guint32 p = g_array_index (programs, guint32, i);

      self->allocations[self->allocation_start[p] + fill[p]++] = g_array_index (found, CollabLedgerAllocation, i);
    }
  g_free (fill);
}

const CollabLedgerAllocation *
collab_ledger_get_allocations (CollabLedger *self,
                               CollabRef     program,
                               guint        *n)
{
  guint p = COLLAB_REF_INDEX (program);

  g_return_val_if_fail (COLLAB_REF_KIND (program) == COLLAB_RECORD_KIND_PROGRAM, NULL);

  if (g_once_init_enter (&self->allocations_once))
    {
      index_allocations (self);
      g_once_init_leave (&self->allocations_once, 1);
    }
  *n = self->allocation_start[p + 1] - self->allocation_start[p];
  return self->allocations + self->allocation_start[p];
}

void
collab_ledger_set_allocations_overflow (CollabLedger  *self,
                                        CollabRef      program,
                                        CollabRef      city,
                                        int            first_year,
                                        int            last_year,
                                        GError       **error)
{
  g_autofree char *years = collab_years_format (first_year, last_year);
  g_autofree char *program_id = collab_error_cut (collab_store_ref_id (self->store, program));
  g_autofree char *city_id = collab_error_cut (collab_units_id (self->store, city));
  g_autofree char *city_name = collab_error_cut (collab_units_name (self->store, city));

  g_set_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_OVERFLOW,
               /* Translators: a program's id, a city's id and its name, and a
                * year or years (2021, or 2021–2025). */
               _("The allocations of program %s to %s (%s) for %s add up to more than libcollab can "
                 "count (92233720368547758.07 yuan); correct the amounts of those allocations."),
               program_id, city_id, city_name, years);
}

enum { TRACE_UNKNOWN, TRACE_YES, TRACE_NO, TRACE_VISITING };

/* Whether each movement is traced end to end, following parents without
 * recursion (chains may be long in generated data). */
static void
find_traced (CollabLedger *self)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint32));

  self->traced = g_new0 (guint8, MAX (self->n_transactions, 1));
  for (guint i = 0; i < self->n_moves; i++)
    {
      guint32 top = self->moves[i];

      if (self->traced[top] != TRACE_UNKNOWN)
        continue;

      g_array_set_size (stack, 0);
      g_array_append_val (stack, top);
      while (stack->len > 0)
        {
          guint32 index = g_array_index (stack, guint32, stack->len - 1);
          guint from = self->tx_from[index];
          guint8 verdict = TRACE_UNKNOWN;

          if (from != COLLAB_LEDGER_NO_NODE && self->node_source[from])
            verdict = TRACE_YES;
          else if (self->tx_parent[index] == 0 || !is_move_type (self->tx_type[self->tx_parent[index] - 1]))
            verdict = TRACE_NO;
          else
            {
              guint32 parent = self->tx_parent[index] - 1;

              if (self->traced[parent] == TRACE_YES || self->traced[parent] == TRACE_NO)
                verdict = self->traced[parent];
              else if (self->traced[parent] == TRACE_VISITING)
                verdict = TRACE_NO;  /* parents in a circle lead nowhere */
              else
                {
                  self->traced[index] = TRACE_VISITING;
                  g_array_append_val (stack, parent);
                  continue;
                }
            }

          self->traced[index] = verdict;
          g_array_set_size (stack, stack->len - 1);
        }
    }
}

static void
ensure_traced (CollabLedger *self)
{
  if (g_once_init_enter (&self->traced_once))
    {
      find_traced (self);
      g_once_init_leave (&self->traced_once, 1);
    }
}

gboolean
collab_ledger_is_traced (CollabLedger *self,
                         guint         index)
{
  ensure_traced (self);
  return self->traced[index] == TRACE_YES;
}

static void
sum_tracing (CollabLedger *self)
{
  g_autofree guint32 *fill = g_new0 (guint32, MAX (self->n_programs, 1));

  ensure_traced (self);

  self->tracing_total = g_new0 (CollabMoneySum, MAX (self->n_programs, 1));
  self->tracing_traced = g_new0 (CollabMoneySum, MAX (self->n_programs, 1));
  self->untraced_start = g_new0 (guint32, self->n_programs + 1);

  /* Twice: count, then fill. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < self->n_moves; i++)
        {
          guint32 index = self->moves[i];
          const CollabLedgerShare *shares = &g_array_index (self->shares, CollabLedgerShare, self->share_range[index].start);
          guint from = self->tx_from[index];
          gboolean listed = self->tx_parent[index] == 0 &&
                            !(from != COLLAB_LEDGER_NO_NODE && self->node_source[from]);

          for (guint s = 0; s < self->share_range[index].count; s++)
            {
              guint p;

              if (shares[s].program == COLLAB_REF_NONE)
                continue;
              p = COLLAB_REF_INDEX (shares[s].program);
              if (pass == 0)
                {
                  collab_money_sum_add (&self->tracing_total[p], shares[s].amount);
                  if (self->traced[index] == TRACE_YES)
                    collab_money_sum_add (&self->tracing_traced[p], shares[s].amount);
                  if (listed)
                    self->untraced_start[p + 1]++;
                }
              else if (listed)
                self->untraced[self->untraced_start[p] + fill[p]++] = index;
            }
        }

      if (pass == 0)
        {
          for (guint p = 0; p < self->n_programs; p++)
            self->untraced_start[p + 1] += self->untraced_start[p];
          self->untraced = g_new (guint32, MAX (self->untraced_start[self->n_programs], 1));
        }
    }
}

gboolean
collab_ledger_get_tracing (CollabLedger   *self,
                           CollabRef       program,
                           gint64         *total,
                           gint64         *traced,
                           const guint32 **untraced,
                           guint          *n_untraced)
{
  guint p = COLLAB_REF_INDEX (program);

  g_return_val_if_fail (COLLAB_REF_KIND (program) == COLLAB_RECORD_KIND_PROGRAM, FALSE);

  if (g_once_init_enter (&self->tracing_once))
    {
      sum_tracing (self);
      g_once_init_leave (&self->tracing_once, 1);
    }
  *untraced = self->untraced + self->untraced_start[p];
  *n_untraced = self->untraced_start[p + 1] - self->untraced_start[p];
  /* The traced part is part of the total: it fits when the total does. */
  if (self->tracing_total[p].overflow)
    return FALSE;
  *total = self->tracing_total[p].fen;
  *traced = self->tracing_traced[p].fen;
  return TRUE;
}

/* The day a project was filed (备案): its first `filed` step, or
 * COLLAB_DAY_NONE when it never was. */
CollabDay
collab_project_filing_day (const CollabProjectRec *project)
{
  const CollabStatusRec *steps = project->status.items;

  for (guint i = 0; i < project->status.n; i++)
    if (steps[i].status == COLLAB_PROJECT_STATUS_FILED)
      return steps[i].date;
  return COLLAB_DAY_NONE;
}

/* The status of a project at the end of @day, or -1 before its first. */
int
collab_project_status_at (const CollabProjectRec *project,
                          CollabDay               day)
{
  const CollabStatusRec *steps = project->status.items;
  int status = -1;

  for (guint i = 0; i < project->status.n && steps[i].date <= day; i++)
    status = steps[i].status;
  return status;
}
