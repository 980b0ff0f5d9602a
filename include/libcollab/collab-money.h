/* collab-money.h: exact amounts of money, in fen
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implemented in libcollab/types/collab-money.c.
 */

#pragma once

#if !defined(__COLLAB_INSIDE__) && !defined(COLLAB_COMPILATION)
# error "Only <libcollab/collab.h> can be included directly."
#endif

#include <glib.h>

#include "collab-version.h"

G_BEGIN_DECLS

/**
 * CollabMoneyUnit:
 * @COLLAB_MONEY_UNIT_YUAN: yuan (元)
 * @COLLAB_MONEY_UNIT_WAN: ten thousand yuan (万元)
 * @COLLAB_MONEY_UNIT_YI: a hundred million yuan (亿元)
 *
 * The units the source documents count money in.
 */
typedef enum {
  COLLAB_MONEY_UNIT_YUAN,
  COLLAB_MONEY_UNIT_WAN,
  COLLAB_MONEY_UNIT_YI,
} CollabMoneyUnit;

/**
 * COLLAB_FEN_PER_YUAN:
 *
 * Amounts are counted in fen, a hundredth of a yuan.
 */
#define COLLAB_FEN_PER_YUAN G_GINT64_CONSTANT (100)

COLLAB_AVAILABLE_IN_ALL
gboolean  collab_money_parse           (const char      *text,
                                        gint64          *fen,
                                        GError         **error);
COLLAB_AVAILABLE_IN_ALL
gboolean  collab_money_from_yuan       (gint64           yuan,
                                        gint64          *fen,
                                        GError         **error);
COLLAB_AVAILABLE_IN_ALL
char     *collab_money_format          (gint64           fen) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
char     *collab_money_format_in       (gint64           fen,
                                        CollabMoneyUnit  unit) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
char     *collab_money_format_readable (gint64           fen) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
gboolean  collab_money_add             (gint64           a,
                                        gint64           b,
                                        gint64          *sum) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
