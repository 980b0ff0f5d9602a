/* collab-error.h: the error domains of libcollab
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implemented in libcollab/types/collab-error.c.
 */

#pragma once

#if !defined(__COLLAB_INSIDE__) && !defined(COLLAB_COMPILATION)
# error "Only <libcollab/collab.h> can be included directly."
#endif

#include <glib.h>

#include "collab-version.h"

G_BEGIN_DECLS

/**
 * COLLAB_VALUE_ERROR:
 *
 * The error domain of values: amounts and dates.
 */
#define COLLAB_VALUE_ERROR (collab_value_error_quark ())

/**
 * CollabValueError:
 * @COLLAB_VALUE_ERROR_SYNTAX: the text is not an amount or a date
 * @COLLAB_VALUE_ERROR_INEXACT: the amount is finer than a fen (a third decimal of a yuan)
 * @COLLAB_VALUE_ERROR_OVERFLOW: the amount, or a sum of amounts a report adds up, does not fit a signed 64-bit count of fen
 * @COLLAB_VALUE_ERROR_INVALID_DATE: the date does not exist in the calendar (e.g. 2021-02-29)
 *
 * Errors of [func@Collab.money_parse] and [func@Collab.day_parse], and
 * of the reports whose sums of money do not fit (the scorecard, the fund
 * totals).
 */
typedef enum {
  COLLAB_VALUE_ERROR_SYNTAX,
  COLLAB_VALUE_ERROR_INEXACT,
  COLLAB_VALUE_ERROR_OVERFLOW,
  COLLAB_VALUE_ERROR_INVALID_DATE,
} CollabValueError;

/**
 * COLLAB_DATASET_ERROR:
 *
 * The error domain of loading, saving and changing datasets.
 */
#define COLLAB_DATASET_ERROR (collab_dataset_error_quark ())

/**
 * CollabDatasetError:
 * @COLLAB_DATASET_ERROR_SYNTAX: the file is not well-formed JSON; the message names line and column
 * @COLLAB_DATASET_ERROR_FORMAT: the document is not a libcollab dataset
 * @COLLAB_DATASET_ERROR_VERSION: the document has a version this library does not read
 * @COLLAB_DATASET_ERROR_TYPE: a member has the wrong JSON type
 * @COLLAB_DATASET_ERROR_INVALID_VALUE: a value is outside what the member allows (an unknown enum word, an impossible date, an inexact amount)
 * @COLLAB_DATASET_ERROR_MISSING_MEMBER: a required member is missing
 * @COLLAB_DATASET_ERROR_DUPLICATE_MEMBER: an object names the same member twice
 * @COLLAB_DATASET_ERROR_DUPLICATE_ID: two records of one kind share an id
 * @COLLAB_DATASET_ERROR_DANGLING_REFERENCE: a reference names no record
 * @COLLAB_DATASET_ERROR_TOO_DEEP: the document nests deeper than the library accepts
 * @COLLAB_DATASET_ERROR_INCONSISTENT: records contradict each other (a cycle of parents, an end before its start)
 * @COLLAB_DATASET_ERROR_NOT_FOUND: no record has the requested id
 *
 * Errors of [class@Collab.Dataset]. Every message names where the problem
 * is (line and column, or the JSON path such as `$.regions[3].level`) and
 * what was expected and found.
 */
typedef enum {
  COLLAB_DATASET_ERROR_SYNTAX,
  COLLAB_DATASET_ERROR_FORMAT,
  COLLAB_DATASET_ERROR_VERSION,
  COLLAB_DATASET_ERROR_TYPE,
  COLLAB_DATASET_ERROR_INVALID_VALUE,
  COLLAB_DATASET_ERROR_MISSING_MEMBER,
  COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
  COLLAB_DATASET_ERROR_DUPLICATE_ID,
  COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
  COLLAB_DATASET_ERROR_TOO_DEEP,
  COLLAB_DATASET_ERROR_INCONSISTENT,
  COLLAB_DATASET_ERROR_NOT_FOUND,
} CollabDatasetError;

/**
 * COLLAB_RULESET_ERROR:
 *
 * The error domain of rule sets.
 */
#define COLLAB_RULESET_ERROR (collab_ruleset_error_quark ())

/**
 * CollabRulesetError:
 * @COLLAB_RULESET_ERROR_NOT_FOUND: no shipped rule set has that id
 * @COLLAB_RULESET_ERROR_INVALID: the rule set document is malformed
 * @COLLAB_RULESET_ERROR_UNKNOWN_RULE: the rule set names a rule this library does not have
 *
 * Errors of [class@Collab.Ruleset].
 */
typedef enum {
  COLLAB_RULESET_ERROR_NOT_FOUND,
  COLLAB_RULESET_ERROR_INVALID,
  COLLAB_RULESET_ERROR_UNKNOWN_RULE,
} CollabRulesetError;

COLLAB_AVAILABLE_IN_ALL
GQuark collab_value_error_quark   (void);
COLLAB_AVAILABLE_IN_ALL
GQuark collab_dataset_error_quark (void);
COLLAB_AVAILABLE_IN_ALL
GQuark collab_ruleset_error_quark (void);

COLLAB_AVAILABLE_IN_ALL
char  *collab_error_cut           (const char *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
