/* collab-cli-private.h: the subcommands of `collab`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libintl.h>

#include <libcollab/collab.h>

G_BEGIN_DECLS

/* collab's messages are in the library's domain (main() binds it). */
#define _(String) dgettext (COLLAB_GETTEXT_PACKAGE, String)
#define N_(String) (String)
#define ngettext_(Singular, Plural, N) dngettext (COLLAB_GETTEXT_PACKAGE, Singular, Plural, N)

/* Exit statuses, SPEC §10. */
#define COLLAB_EXIT_OK          0
#define COLLAB_EXIT_VIOLATIONS  1
#define COLLAB_EXIT_USAGE       2

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  int       (*run) (int argc, char **argv);
} CollabCommand;

int             collab_cli_validate (int argc, char **argv);
int             collab_cli_check    (int argc, char **argv);
int             collab_cli_report   (int argc, char **argv);
int             collab_cli_trace    (int argc, char **argv);
int             collab_cli_plan     (int argc, char **argv);
int             collab_cli_convert  (int argc, char **argv);

/* Parses @argv with @entries; on bad usage prints the error and help to
 * stderr and returns FALSE. */
gboolean        collab_cli_parse    (const char    *command,
                                     const char    *parameters,
                                     const char    *summary,
                                     GOptionEntry  *entries,
                                     int           *argc,
                                     char        ***argv);
int             collab_cli_usage_error (const char *command,
                                        const char *format,
                                        ...) G_GNUC_PRINTF (2, 3);
CollabDataset  *collab_cli_load     (const char    *path);
CollabRuleset  *collab_cli_ruleset  (const char    *id_or_path);
/* A checker with the options check and plan share; NULL when one is bad
 * (the error is printed). */
CollabChecker  *collab_cli_checker  (const char    *command,
                                     const char    *ruleset_name,
                                     const char    *interpretation,
                                     const char    *as_of);
void            collab_cli_print_json (JsonNode    *node);
/* Prints @table as @format asks: `json` as {"@member": [rows…]}, `csv`,
 * or (NULL or `text`) with @print_text. */
void            collab_cli_print_table (CollabTable *table,
                                        const char  *format,
                                        const char  *member,
                                        void       (*print_text) (CollabTable *table));

/* The years of a `--year Y` option: @year alone, in @storage, or NULL
 * (every year) when the option was not given (0). */
static inline const CollabYearRange *
collab_cli_years (int              year,
                  CollabYearRange *storage)
{
  if (year == 0)
    return NULL;
  storage->first = storage->last = year;
  return storage;
}

G_END_DECLS
