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
#define C_(Context, String) g_dpgettext2 (COLLAB_GETTEXT_PACKAGE, Context, String)
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
int             collab_cli_match    (int argc, char **argv);

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
/* The failure of a report of @path: sums that do not fit are the file's
 * (its name and the message), anything else is how @command was called
 * (collab_cli_usage_error()). COLLAB_EXIT_USAGE either way. */
int             collab_cli_report_error (const char   *command,
                                         const char   *path,
                                         const GError *error);
CollabDataset  *collab_cli_load     (const char    *path);
/* "12 regions", translated. */
char           *collab_cli_count_records (CollabRecordKind kind,
                                          guint            n);
/* The columns @text takes on a terminal: CJK characters take two. */
guint           collab_cli_display_width (const char *text);
/* Prints @text padded with spaces to @width columns. */
void            collab_cli_print_padded  (const char *text,
                                          guint       width);
CollabRuleset  *collab_cli_ruleset  (const char    *id_or_path);
/* A checker with the options check and plan share; NULL when one is bad
 * (the error is printed). */
CollabChecker  *collab_cli_checker  (const char    *command,
                                     const char    *ruleset_name,
                                     const char    *interpretation,
                                     const char    *as_of);
void            collab_cli_print_json (JsonNode    *node);
/* Spreadsheets out (SPEC §12.3). Whether @format is csv or xlsx. */
gboolean        collab_cli_is_sheet_format (const char *format);
/* Whether --format (text, json, csv or xlsx) and --output go together:
 * xlsx needs a file, and only csv and xlsx take one. Prints the usage
 * error when not. */
gboolean        collab_cli_check_output (const char *command,
                                         const char *format,
                                         const char *output);
/* Writes @table for people (labels, the language of the messages, a
 * BOM): as CSV on standard output when @output is NULL, else to @output
 * as @format (csv or xlsx) in a sheet called @sheet_name. Returns the
 * exit status: 2 when the file cannot be written (the error printed). */
int             collab_cli_write_sheet (CollabTable *table,
                                        const char  *format,
                                        const char  *output,
                                        const char  *sheet_name);
/* Prints @table as @format asks: `json` as {"@member": [rows…]}, `csv` or
 * `xlsx` with collab_cli_write_sheet(), or (NULL or `text`) with
 * @print_text. Returns the exit status. */
int             collab_cli_print_table (CollabTable *table,
                                        const char  *format,
                                        const char  *output,
                                        const char  *member,
                                        const char  *sheet_name,
                                        void       (*print_text) (CollabTable *table));

/* Tables (CSV files and xlsx workbooks): collab-cli-tables.c. */
#define COLLAB_CLI_N_KINDS (COLLAB_RECORD_KIND_AGREEMENT + 1)
gboolean        collab_cli_has_extension    (const char       *path,
                                             const char       *extension);
gboolean        collab_cli_is_workbook      (const char       *path);
gboolean        collab_cli_is_table         (const char       *path);
gboolean        collab_cli_kind_from_option (const char       *text,
                                             CollabRecordKind *kind);
/* The kind of records @path holds: --kind, the sheet's name, the file's
 * name. FALSE when none says, with the usage error printed. */
gboolean        collab_cli_table_kind       (const char       *command,
                                             const char       *path,
                                             const char       *kind_name,
                                             const char       *sheet,
                                             CollabRecordKind *kind);
/* The dataset --base names (@base, or an empty one) with the rows of
 * @path added; @added says what they added ("646 dispatches, 645
 * people"). NULL when either cannot be read, with the error printed. */
CollabDataset  *collab_cli_import_table     (const char       *path,
                                             const char       *base,
                                             CollabRecordKind  kind,
                                             const char       *sheet,
                                             char            **added);

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
