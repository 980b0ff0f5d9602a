/* collab.h: the one header of libcollab
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#define __COLLAB_INSIDE__

#include "collab-version.h"
#include "collab-runtime-version.h"
#include "collab-locale.h"
#include "collab-enums.h"
#include "collab-enum-types.h"
#include "collab-error.h"
#include "collab-money.h"
#include "collab-date.h"
#include "collab-record.h"
#include "collab-dataset.h"
#include "collab-finding.h"
#include "collab-ruleset.h"
#include "collab-checker.h"
#include "collab-table.h"
#include "collab-report.h"
#include "collab-match.h"
#include "collab-funds.h"
#include "collab-csv.h"
#include "collab-xlsx.h"

#undef __COLLAB_INSIDE__
