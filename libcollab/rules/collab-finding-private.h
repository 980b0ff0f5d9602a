/* collab-finding-private.h: how rules build findings
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A finding is immutable once it is reported: rules fill it in with these
 * setters and then hand it to collab_check_context_report(). Subject
 * members keep the order they were set in, which is the order of the keys
 * in SPEC §10 and the order findings are sorted by.
 *
 * Subject keys are not copied: pass string literals (or strings that
 * outlive the finding).
 */

#pragma once

#include <libcollab/collab-finding.h>

G_BEGIN_DECLS

CollabFinding *collab_finding_new                (const char     *rule,
                                                  CollabSeverity  severity) G_GNUC_WARN_UNUSED_RESULT;
void           collab_finding_set_message        (CollabFinding  *self,
                                                  const char     *format,
                                                  ...) G_GNUC_PRINTF (2, 3);
/* Takes ownership of @message. */
void           collab_finding_take_message       (CollabFinding  *self,
                                                  char           *message);
void           collab_finding_set_subject_string (CollabFinding  *self,
                                                  const char     *key,
                                                  const char     *value);
void           collab_finding_set_subject_int    (CollabFinding  *self,
                                                  const char     *key,
                                                  gint64          value);
/* These take a floating reference to @value, or the caller's (it may be
 * NULL: no value). */
void           collab_finding_take_expected      (CollabFinding  *self,
                                                  GVariant       *value);
void           collab_finding_take_actual        (CollabFinding  *self,
                                                  GVariant       *value);
void           collab_finding_take_remedy        (CollabFinding  *self,
                                                  GVariant       *value);
void           collab_finding_set_expected_int   (CollabFinding  *self,
                                                  gint64          value);
void           collab_finding_set_actual_int     (CollabFinding  *self,
                                                  gint64          value);
/* These take ownership of @value; NULL is no value. */
void           collab_finding_take_expected_string (CollabFinding *self,
                                                    char          *value);
void           collab_finding_take_actual_string   (CollabFinding *self,
                                                    char          *value);

/* Makes the subject and the values read-only; the checker calls it when
 * a rule reports the finding. */
void           collab_finding_seal               (CollabFinding  *self);

/* The order of a check's findings: by rule id, then subject member by
 * member (numbers as numbers), then message. For g_ptr_array_sort(). */
int            collab_finding_compare            (gconstpointer   a,
                                                  gconstpointer   b);

G_END_DECLS
