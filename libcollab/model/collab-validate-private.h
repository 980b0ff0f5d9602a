/* collab-validate-private.h: what makes a record, and a dataset, loadable
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * These are load errors, not findings: a record that contradicts itself
 * (an end before its start) or a store whose records cannot mean anything
 * (a cycle of parents, an expenditure by an account). What is legal but
 * against the program's rules is for the rule engine.
 */

#pragma once

#include "collab-store-private.h"

G_BEGIN_DECLS

gboolean collab_validate_record        (const CollabSchema  *schema,
                                        gconstpointer        record,
                                        const char         **field,
                                        GError             **error);
gboolean collab_validate_store         (const CollabStore   *store,
                                        const guint         *starts,
                                        const char          *filename,
                                        GError             **error);

G_END_DECLS
