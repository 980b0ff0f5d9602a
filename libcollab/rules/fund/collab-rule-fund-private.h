/* collab-rule-fund-private.h: what the fund rules share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every fund rule reads the ledger (analysis/collab-ledger-private.h), the
 * one replay of the dataset's money that the boundary totals, the flow
 * trace and the scorecard read too, so that a rule and a report never
 * disagree on a balance. Amounts in findings are canonical yuan strings
 * ("19200000.00"), as in the dataset document; messages use 万 and 亿.
 */

#pragma once

#include <libcollab/collab-money.h>

#include "analysis/collab-ledger-private.h"
#include "rules/collab-finding-private.h"
#include "rules/collab-rule-private.h"
#include "types/collab-error-private.h"

G_BEGIN_DECLS

/* The ledger of the dataset being checked, built once per check. */
static inline CollabLedger *
collab_rule_fund_ledger (CollabCheckContext *ctx)
{
  return collab_ledger_for_store (collab_check_context_get_store (ctx));
}

/* An amount as a string of canonical yuan ("19200000.00"), exact
 * whatever its size, as the dataset document writes it. Floating. */
static inline GVariant *
collab_rule_fund_amount (gint64 fen)
{
  g_autofree char *text = collab_money_format (fen);

  return g_variant_new_string (text);
}

/* What a message calls an account or a project: its id and, in brackets,
 * its designation or name (or its holder's name), each cut as messages
 * cut what they quote. Owned by the caller. */
static inline char *
collab_rule_fund_describe (const CollabStore *store,
                           CollabRef          ref)
{
  GString *out = g_string_new (NULL);

  collab_error_append_cut (out, collab_units_id (store, ref), -1);
  if (ref != COLLAB_REF_NONE && COLLAB_REF_KIND (ref) == COLLAB_RECORD_KIND_ACCOUNT)
    {
      const CollabAccountRec *account = collab_store_deref (store, ref);

      if (account->designation != NULL)
        collab_error_append_id (out, account->designation);
      else
        {
          g_autofree char *id = g_string_free (g_steal_pointer (&out), FALSE);
          g_autofree char *holder = collab_error_cut (collab_units_name (store, account->holder));

          return g_strdup_printf (_("%s (held by %s)"), id, holder);
        }
    }
  if (ref != COLLAB_REF_NONE && COLLAB_REF_KIND (ref) == COLLAB_RECORD_KIND_PROJECT)
    collab_error_append_id (out, ((const CollabProjectRec *) collab_store_deref (store, ref))->name);
  return g_string_free (out, FALSE);
}

/* The first day an account or a project had passed on (or spent) more
 * than it had received, in the words a message uses: fund.overdraw and
 * fund.overspend say the same of accounts and of projects. The totals
 * are exact, but may not fit an amount: then the finding says that
 * libcollab cannot count them, and states neither. */
typedef struct
{
  CollabMoneyTotal received;   /* by the end of the day */
  CollabMoneyTotal passed_on;  /* by the end of the day */
  gboolean         counted;    /* both fit a gint64 of fen: in, out and difference are set */
  char            *day;        /* "2021-05-31" */
  char            *what;       /* collab_rule_fund_describe() */
  char            *in;         /* the amounts in 万 and 亿, or NULL */
  char            *out;
  char            *difference;
} CollabFundDeficit;

/* What @program allocated to each city of its fund base in each year of
 * its period, counted as fund.floor counts (doc/funds.md): cell
 * [b × years + (year − first year)], a sum of fen or an overflow (then a
 * finding of its own, collab_rule_fund_report_overflow()). fund.plan_total
 * adds up the years. */
CollabMoneySum *collab_rule_fund_allocated (CollabLedger           *ledger,
                                          CollabRef               program_ref,
                                          const CollabProgramRec *program) G_GNUC_WARN_UNUSED_RESULT;

/* Reports the finding of a sum of allocations that does not fit (as
 * fund.agreement does its own): @finding has its subject and expected
 * value; the message names the program, the city and the years. */
void       collab_rule_fund_report_overflow (CollabCheckContext *ctx,
                                          CollabLedger       *ledger,
                                          CollabFinding      *finding,
                                          CollabRef           city,
                                          int                 first_year,
                                          int                 last_year);

gboolean   collab_rule_fund_find_deficit (const CollabStore *store,
                                          CollabLedger      *ledger,
                                          CollabRef          ref,
                                          CollabFundDeficit *deficit);
void       collab_fund_deficit_clear     (CollabFundDeficit *deficit);
/* Sets the finding's expected (received) and actual (passed on) values,
 * each when it fits an amount. */
void       collab_rule_fund_deficit_values (CollabFinding         *finding,
                                          const CollabFundDeficit *deficit);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CollabFundDeficit, collab_fund_deficit_clear)

/* One project, for the rules that judge each project in turn
 * (fund.not_in_reserve, fund.overspend, fund.unfiled): with
 * collab_rule_fund_check_projects() as their check and a
 * CollabFundProjectRule as their data. */
typedef struct
{
  CollabCheckContext     *ctx;
  CollabStore            *store;
  CollabLedger           *ledger;
  CollabRef               ref;
  const CollabProjectRec *project;
  guint                   node;     /* the project's node in the ledger */
} CollabFundProject;

typedef struct
{
  void (*judge) (const CollabFundProject *project);
} CollabFundProjectRule;

void       collab_rule_fund_check_projects (CollabCheckContext *ctx);

G_END_DECLS
