/* collab-agreement-private.h: what an annual agreement is measured against
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The annual agreement of a program with an assisted city (年度东西部协作
 * 协议, SPEC §11.1) names the funds, and may name the professionals and
 * the cadres, of one year. The rules fund.agreement and talent.agreement
 * and the scorecard's agreement columns all measure a year against it
 * with collab_agreement_count(), so that they never disagree:
 *
 *  - allocated: the allocations of the program to the city in the year,
 *    counted as fund.floor counts them (the ledger's allocations,
 *    collab_ledger_get_allocations());
 *  - professionals: distinct persons with an outbound `professional`
 *    dispatch starting in the year, from the program's assisting city or
 *    a region under it, to the city or a region under it;
 *  - cadres: distinct persons with such an outbound `cadre` dispatch in
 *    post on at least one day of the year (from its start to its actual
 *    end, else its planned end).
 */

#pragma once

#include <libcollab/collab-dataset.h>

#include "model/collab-store-private.h"
#include "types/collab-money-private.h"

G_BEGIN_DECLS

typedef struct
{
  CollabMoneySum allocated;      /* fen, or an overflow */
  guint          professionals;  /* distinct persons */
  guint          cadres;         /* distinct persons */
} CollabAgreementActuals;

/* Measures @year of @program in @city. FALSE with
 * %COLLAB_VALUE_ERROR_OVERFLOW when the allocations add up to more than a
 * gint64 of fen holds: @actuals then has the people counted and
 * `allocated` marked as an overflow, its fen meaning nothing. */
gboolean collab_agreement_count (CollabStore            *store,
                                 CollabRef               program,
                                 CollabRef               city,
                                 int                     year,
                                 CollabAgreementActuals *actuals,
                                 GError                **error);

/* Measures each agreement of @program for a year up to @last_year (the
 * years that have begun by a check's as-of day), in dataset order, and
 * hands it to @func with what collab_agreement_count() said: @overflow is
 * its error, or NULL. */
typedef void (*CollabAgreementFunc) (const CollabAgreementRec     *agreement,
                                     const CollabAgreementActuals *actuals,
                                     const GError                 *overflow,
                                     gpointer                      user_data);

void     collab_agreement_foreach (CollabStore            *store,
                                   CollabRef               program,
                                   int                     last_year,
                                   CollabAgreementFunc     func,
                                   gpointer                user_data);

/* Whether the agreement names its professionals, its cadres: both are
 * optional (SPEC §11.1), and a measure it omits is not judged. */
gboolean collab_agreement_has_professionals (const CollabAgreementRec *agreement);
gboolean collab_agreement_has_cadres        (const CollabAgreementRec *agreement);

G_END_DECLS
