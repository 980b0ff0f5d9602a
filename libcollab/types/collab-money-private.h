/* collab-money-private.h: sums of money that are exact or say they are not
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every figure of money the library hands out is a gint64 of fen, and a
 * sum that does not fit one is an error or a finding, never a wrap nor a
 * sum held at the limit (SPEC §3, doc/funds.md "Sums that do not fit").
 * Two ways to add up, both inline for the loops over a million
 * transactions:
 *
 *  - CollabMoneySum, a gint64 that remembers when an amount added to it
 *    did not fit: the sums a report or a rule states (a year's
 *    allocations, a scorecard's column). Once it has overflowed its fen
 *    mean nothing; whoever shows it reports the overflow instead.
 *
 *  - CollabMoneyTotal, a running total of amounts that are not negative,
 *    128 bits wide: the ledger's axes (the cumulative money into and out
 *    of an account over a whole dataset), which may legitimately pass
 *    what a gint64 holds while every amount compared on them fits. A
 *    total of 2^32 amounts below 2^63 stays below 2^95: it cannot
 *    overflow. collab_money_total_get() says whether it fits a gint64.
 *
 * Transactions are never negative (the loader refuses them,
 * model/collab-validate.c), which is what CollabMoneyTotal takes.
 */

#pragma once

#include <glib.h>
#include <libcollab/collab-money.h>

G_BEGIN_DECLS

typedef struct
{
  gint64   fen;
  gboolean overflow;
} CollabMoneySum;

/* @sum += @fen; on overflow the sum keeps its last value and says so. */
static inline void
collab_money_sum_add (CollabMoneySum *sum,
                      gint64          fen)
{
  if (!collab_money_add (sum->fen, fen, &sum->fen))
    sum->overflow = TRUE;
}

/* @sum += @other: an overflow of either sticks. */
static inline void
collab_money_sum_add_sum (CollabMoneySum       *sum,
                          const CollabMoneySum *other)
{
  collab_money_sum_add (sum, other->fen);
  sum->overflow |= other->overflow;
}

/* high × 2^64 + low fen, never negative. */
typedef struct
{
  guint64 low;
  guint64 high;
} CollabMoneyTotal;

/* @total += @fen, for @fen >= 0. */
static inline void
collab_money_total_add (CollabMoneyTotal *total,
                        gint64            fen)
{
  guint64 before = total->low;

  total->low += (guint64) fen;
  total->high += total->low < before;
}

/* @total -= @fen, for 0 <= @fen <= @total. */
static inline void
collab_money_total_sub (CollabMoneyTotal *total,
                        gint64            fen)
{
  total->high -= total->low < (guint64) fen;
  total->low -= (guint64) fen;
}

static inline gboolean
collab_money_total_is_zero (const CollabMoneyTotal *total)
{
  return total->low == 0 && total->high == 0;
}

/* <0, 0 or >0 as @a is below, at or above @b. */
static inline int
collab_money_total_compare (const CollabMoneyTotal *a,
                            const CollabMoneyTotal *b)
{
  if (a->high != b->high)
    return a->high < b->high ? -1 : 1;
  if (a->low != b->low)
    return a->low < b->low ? -1 : 1;
  return 0;
}

/* How far @a is above @b, at least 0 and at most @cap (>= 0): exact,
 * since the answer fits whatever the totals are. */
static inline gint64
collab_money_total_excess (const CollabMoneyTotal *a,
                           const CollabMoneyTotal *b,
                           gint64                  cap)
{
  guint64 low, high;

  if (collab_money_total_compare (a, b) <= 0)
    return 0;
  low = a->low - b->low;
  high = a->high - b->high - (a->low < b->low);
  return high == 0 && low < (guint64) cap ? (gint64) low : cap;
}

/* Whether @total fits a gint64 of fen, and if so that amount in @fen. */
static inline gboolean
collab_money_total_get (const CollabMoneyTotal *total,
                        gint64                 *fen)
{
  if (total->high != 0 || total->low > (guint64) G_MAXINT64)
    return FALSE;
  *fen = (gint64) total->low;
  return TRUE;
}

G_END_DECLS
