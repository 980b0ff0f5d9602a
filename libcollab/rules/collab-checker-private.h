/* collab-checker-private.h: what a plan reads of a checker
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libcollab/collab-checker.h>

G_BEGIN_DECLS

/* The as-of day a run would use (today when none is set) and the reading
 * of the tiers that overrides the rule sets', when one does. */
void   collab_checker_get_options   (CollabChecker        *self,
                                     CollabDay            *as_of,
                                     gboolean             *override_interpretation,
                                     CollabInterpretation *interpretation);

G_END_DECLS
