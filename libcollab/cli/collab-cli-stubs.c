/* collab-cli-stubs.c: subcommands whose library half is not there yet
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each says so plainly and exits with the usage status; each moves to its
 * own file when its part of the library lands.
 */

#include "collab-cli-private.h"

#define NOT_YET(name, what) \
  int collab_cli_##name (int argc, char **argv) \
  { \
    return collab_cli_usage_error (#name, "%s is not implemented in libcollab %s yet", what, \
                                   collab_get_version ()); \
  }

