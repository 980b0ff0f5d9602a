/* collab.c: the `collab` command
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One program, one subcommand per task (SPEC §10). Every subcommand lives
 * in its own file; this one dispatches and holds what they share.
 */

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "collab-cli-private.h"

static const CollabCommand commands[] = {
  { "validate", N_("FILE…"), N_("Load datasets, resolve references, report the first errors"), collab_cli_validate },
  { "check", N_("FILE"), N_("Run the rules and print the findings"), collab_cli_check },
  { "report", N_("FILE"), N_("Print the scorecard per program and year, or per program for a period"), collab_cli_report },
  { "trace", N_("FILE"), N_("Print the money-flow edges of a program as JSON"), collab_cli_trace },
  { "plan", N_("FILE"), N_("Print the 666 shortfall of every pairing-year and what would close it"), collab_cli_plan },
  { "match", N_("FILE"), N_("Propose placements of waiting workers into open job offers"), collab_cli_match },
  { "convert", N_("IN OUT"), N_("Convert between CSV or xlsx tables and the JSON dataset document"), collab_cli_convert },
};

guint
collab_cli_display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

void
collab_cli_print_padded (const char *text,
                         guint       width)
{
  guint used = collab_cli_display_width (text);

  printf ("%s%*s", text, (int) (width > used ? width - used : 0), "");
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n%s\n", _("Usage: collab COMMAND [OPTION…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *parameters = _(commands[i].parameters);

      fprintf (out, "  %-9s %s%*s %s\n", commands[i].name, parameters,
               (int) (8 - MIN (8, collab_cli_display_width (parameters))), "", _(commands[i].summary));
    }
  fprintf (out, "\n%s\n%s\n%s\n",
           _("Run 'collab COMMAND --help' for the options of a command."),
           _("Every command takes --lang zh_CN|en, the language of what it prints."),
           _("Exit status: 0 no violation, 1 violations found, 2 bad usage or a file that cannot be loaded."));
}

/* "12 regions": how many records of @kind a document holds. */
char *
collab_cli_count_records (CollabRecordKind kind,
               guint            n)
{
  /* Whole phrases with their plural forms, for the translators. */
  switch (kind)
    {
    case COLLAB_RECORD_KIND_REGION: return g_strdup_printf (ngettext_ ("%u region", "%u regions", n), n);
    case COLLAB_RECORD_KIND_ORGANIZATION: return g_strdup_printf (ngettext_ ("%u organization", "%u organizations", n), n);
    case COLLAB_RECORD_KIND_PROGRAM: return g_strdup_printf (ngettext_ ("%u program", "%u programs", n), n);
    case COLLAB_RECORD_KIND_PAIRING: return g_strdup_printf (ngettext_ ("%u pairing", "%u pairings", n), n);
    case COLLAB_RECORD_KIND_ACCOUNT: return g_strdup_printf (ngettext_ ("%u account", "%u accounts", n), n);
    case COLLAB_RECORD_KIND_TRANSACTION: return g_strdup_printf (ngettext_ ("%u transaction", "%u transactions", n), n);
    case COLLAB_RECORD_KIND_PROJECT: return g_strdup_printf (ngettext_ ("%u project", "%u projects", n), n);
    case COLLAB_RECORD_KIND_PERSON: return g_strdup_printf (ngettext_ ("%u person", "%u people", n), n);
    case COLLAB_RECORD_KIND_DISPATCH: return g_strdup_printf (ngettext_ ("%u dispatch", "%u dispatches", n), n);
    case COLLAB_RECORD_KIND_TRAINING: return g_strdup_printf (ngettext_ ("%u training", "%u trainings", n), n);
    case COLLAB_RECORD_KIND_ADJUSTMENT: return g_strdup_printf (ngettext_ ("%u adjustment", "%u adjustments", n), n);
    case COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE:
      return g_strdup_printf (ngettext_ ("%u demonstration village", "%u demonstration villages", n), n);
    case COLLAB_RECORD_KIND_JOB_OFFER: return g_strdup_printf (ngettext_ ("%u job offer", "%u job offers", n), n);
    case COLLAB_RECORD_KIND_WORKER: return g_strdup_printf (ngettext_ ("%u worker", "%u workers", n), n);
    case COLLAB_RECORD_KIND_PLACEMENT: return g_strdup_printf (ngettext_ ("%u placement", "%u placements", n), n);
    case COLLAB_RECORD_KIND_FOLLOW_UP: return g_strdup_printf (ngettext_ ("%u follow-up", "%u follow-ups", n), n);
    case COLLAB_RECORD_KIND_EVENT: return g_strdup_printf (ngettext_ ("%u event", "%u events", n), n);
    case COLLAB_RECORD_KIND_PURCHASE: return g_strdup_printf (ngettext_ ("%u purchase", "%u purchases", n), n);
    case COLLAB_RECORD_KIND_INVESTMENT: return g_strdup_printf (ngettext_ ("%u investment", "%u investments", n), n);
    case COLLAB_RECORD_KIND_DONATION: return g_strdup_printf (ngettext_ ("%u donation", "%u donations", n), n);
    case COLLAB_RECORD_KIND_TASK: return g_strdup_printf (ngettext_ ("%u plan task", "%u plan tasks", n), n);
    case COLLAB_RECORD_KIND_TASK_REPORT:
      return g_strdup_printf (ngettext_ ("%u task report", "%u task reports", n), n);
    case COLLAB_RECORD_KIND_INITIATIVE:
      return g_strdup_printf (ngettext_ ("%u key initiative", "%u key initiatives", n), n);
    case COLLAB_RECORD_KIND_AGREEMENT:
      return g_strdup_printf (ngettext_ ("%u annual agreement", "%u annual agreements", n), n);
    default:
      return g_strdup_printf (ngettext_ ("%u other record", "%u other records", n), n);
    }
}

gboolean
collab_cli_parse (const char     *command,
                  const char     *parameters,
                  const char     *summary,
                  GOptionEntry   *entries,
                  int            *argc,
                  char         ***argv)
{
  g_autofree char *usage = g_strdup_printf ("%s %s", command, _(parameters));
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;

  /* Taken out of the command line before the command runs (main()): here
   * only for --help. */
  static GOptionEntry lang_entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The language of what collab prints"), "zh_CN|en" },
    { NULL }
  };
  g_autofree char *lang = NULL;

  lang_entries[0].arg_data = &lang;
  g_option_context_set_translation_domain (context, COLLAB_GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(summary));
  g_option_context_add_main_entries (context, entries, COLLAB_GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, lang_entries, COLLAB_GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fprintf (stderr, "collab %s: %s\n\n%s", command, error->message, help);
      return FALSE;
    }

  return TRUE;
}

int
collab_cli_usage_error (const char *command,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "collab %s: ", command);
  fprintf (stderr, _("%s (see 'collab %s --help')"), message, command);
  fputc ('\n', stderr);
  return COLLAB_EXIT_USAGE;
}

int
collab_cli_report_error (const char   *command,
                         const char   *path,
                         const GError *error)
{
  if (g_error_matches (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_OVERFLOW))
    {
      fprintf (stderr, "%s: %s\n", path, error->message);
      return COLLAB_EXIT_USAGE;
    }
  return collab_cli_usage_error (command, "%s", error->message);
}

CollabDataset *
collab_cli_load (const char *path)
{
  g_autoptr(GError) error = NULL;
  CollabDataset *dataset = collab_dataset_new_from_file (path, &error);

  if (dataset == NULL)
    fprintf (stderr, "%s\n", error->message);
  return dataset;
}

CollabRuleset *
collab_cli_ruleset (const char *id_or_path)
{
  g_autoptr(GError) error = NULL;
  CollabRuleset *ruleset;

  /* A shipped id wins over a file of the same name in the working
   * directory only when no such file exists. */
  if (g_file_test (id_or_path, G_FILE_TEST_EXISTS))
    ruleset = collab_ruleset_new_from_file (id_or_path, &error);
  else
    ruleset = collab_ruleset_new_builtin (id_or_path, &error);

  if (ruleset == NULL)
    fprintf (stderr, "%s\n", error->message);
  return ruleset;
}

CollabChecker *
collab_cli_checker (const char *command,
                    const char *ruleset_name,
                    const char *interpretation,
                    const char *as_of)
{
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(GError) error = NULL;

  if (ruleset_name != NULL)
    {
      g_autoptr(CollabRuleset) ruleset = collab_cli_ruleset (ruleset_name);

      if (ruleset == NULL)
        return NULL;
      collab_checker_set_ruleset (checker, ruleset);
    }
  if (interpretation != NULL)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (COLLAB_TYPE_INTERPRETATION);
      GEnumValue *value = g_enum_get_value_by_nick (klass, interpretation);

      if (value == NULL)
        {
          g_autofree char *shown = collab_error_cut (interpretation);

          collab_cli_usage_error (command, _("--interpretation is nested, cumulative or banded, not '%s'"),
                                  shown);
          return NULL;
        }
      collab_checker_set_interpretation (checker, value->value);
    }
  if (as_of != NULL)
    {
      CollabDay day;

      if (!collab_day_parse (as_of, &day, &error))
        {
          collab_cli_usage_error (command, "--as-of: %s", error->message);
          return NULL;
        }
      collab_checker_set_as_of (checker, day);
    }

  return g_steal_pointer (&checker);
}

void
collab_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}

/* Spreadsheets out (SPEC §12.3) ---------------------------------------------- */

gboolean
collab_cli_is_sheet_format (const char *format)
{
  return format != NULL && (g_str_equal (format, "csv") || g_str_equal (format, "xlsx"));
}

gboolean
collab_cli_check_output (const char *command,
                         const char *format,
                         const char *output)
{
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json") &&
      !collab_cli_is_sheet_format (format))
    {
      g_autofree char *shown = collab_error_cut (format);

      collab_cli_usage_error (command, _("--format is text, json, csv or xlsx, not “%s”"), shown);
      return FALSE;
    }
  /* A workbook is not text: it goes to a file, never to a terminal. */
  if (format != NULL && g_str_equal (format, "xlsx") && output == NULL)
    {
      collab_cli_usage_error (command, _("--format xlsx needs --output FILE"));
      return FALSE;
    }
  if (output != NULL && !collab_cli_is_sheet_format (format))
    {
      collab_cli_usage_error (command, _("--output is for --format csv or xlsx"));
      return FALSE;
    }
  return TRUE;
}

int
collab_cli_write_sheet (CollabTable *table,
                        const char  *format,
                        const char  *output,
                        const char  *sheet_name)
{
  /* For an officer's spreadsheet: her language, and the BOM that tells
   * Excel the CSV is UTF-8. */
  CollabExportFlags flags = COLLAB_EXPORT_BOM | COLLAB_EXPORT_LABELS;
  g_autoptr(GError) error = NULL;

  if (output == NULL)
    {
      gsize length;
      g_autofree char *csv = collab_table_to_csv_full (table, flags, &length);

      fwrite (csv, 1, length, stdout);
      return COLLAB_EXIT_OK;
    }

  if (!collab_table_save (table, output,
                          g_str_equal (format, "xlsx") ? COLLAB_SHEET_FORMAT_XLSX : COLLAB_SHEET_FORMAT_CSV,
                          flags, sheet_name, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return COLLAB_EXIT_USAGE;
    }
  return COLLAB_EXIT_OK;
}

int
collab_cli_print_table (CollabTable *table,
                        const char  *format,
                        const char  *output,
                        const char  *member,
                        const char  *sheet_name,
                        void       (*print_text) (CollabTable *table))
{
  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

      json_object_set_member (object, member, collab_table_to_json (table));
      json_node_set_object (root, object);
      collab_cli_print_json (root);
    }
  else if (collab_cli_is_sheet_format (format))
    return collab_cli_write_sheet (table, format, output, sheet_name);
  else
    print_text (table);

  return COLLAB_EXIT_OK;
}

/* The language of what collab prints (SPEC §12.1) --------------------------- */

/* `--lang LANG` anywhere on the command line, taken out of @argv: every
 * command takes it, and it must act before the first message. */
static const char *
take_lang_option (int   *argc,
                  char **argv)
{
  const char *lang = NULL;
  int out = 1;

  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        {
          while (i < *argc)
            argv[out++] = argv[i++];
          break;
        }
      if (g_str_equal (argv[i], "--lang") && i + 1 < *argc)
        lang = argv[++i];
      else if (g_str_has_prefix (argv[i], "--lang="))
        lang = argv[i] + strlen ("--lang=");
      else
        argv[out++] = argv[i];
    }
  *argc = out;
  argv[out] = NULL;
  return lang;
}

/* Whether @lang looks like a language gettext knows: `zh_CN`, `zh-CN`,
 * `zh`, `en`, `zh_CN.UTF-8`. */
static gboolean
is_language (const char *lang)
{
  static GRegex *pattern;

  if (pattern == NULL)
    pattern = g_regex_new ("^[a-z]{2,3}([_-][A-Za-z]{2})?([.@].*)?$", 0, 0, NULL);
  return g_regex_match (pattern, lang, 0, NULL);
}

static gboolean
locale_is_c (int category)
{
  const char *name = setlocale (category, NULL);

  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX");
}

/* The process's locale, and the language the user asked for. gettext
 * reads LANGUAGE first, but not in the C locale; C.UTF-8 is on every
 * glibc system, so a language whose locale is not installed (an office
 * machine set to zh_CN.UTF-8 without `locales`, or `--lang zh_CN` on a
 * server) still gets its messages, in UTF-8. */
static gboolean
set_language (const char *lang)
{
  const char *wanted = NULL;
  gboolean valid = lang == NULL || is_language (lang);

  if (setlocale (LC_ALL, "") == NULL)
    {
      /* The environment names a locale this system lacks: keep its
       * language for the messages. */
      wanted = g_getenv ("LC_ALL");
      if (wanted == NULL || *wanted == '\0')
        wanted = g_getenv ("LC_MESSAGES");
      if (wanted == NULL || *wanted == '\0')
        wanted = g_getenv ("LANG");
      setlocale (LC_ALL, "C.UTF-8");
    }
  /* yajl reads numbers with strtod(): keep the decimal point a point. */
  setlocale (LC_NUMERIC, "C");

  if (lang != NULL && valid)
    {
      g_autofree char *language = g_strdup (lang);

      g_strdelimit (language, "-", '_');
      g_setenv ("LANGUAGE", language, TRUE);
    }
  else if (wanted != NULL && *wanted != '\0' && is_language (wanted) &&
           (g_getenv ("LANGUAGE") == NULL || *g_getenv ("LANGUAGE") == '\0'))
    g_setenv ("LANGUAGE", wanted, TRUE);
  else
    return valid;

  if (locale_is_c (LC_MESSAGES) || locale_is_c (LC_CTYPE))
    {
      setlocale (LC_CTYPE, "C.UTF-8");
      setlocale (LC_MESSAGES, "C.UTF-8");
    }
  /* A bad --lang is reported in the language of the environment. */
  return valid;
}

int
main (int    argc,
      char **argv)
{
  const char *lang = take_lang_option (&argc, argv);
  gboolean lang_ok = set_language (lang);
  g_autofree char *shown = NULL;

  /* collab's own strings are in the library's domain; GOption translates
   * the options' help in the default domain. */
  bindtextdomain (COLLAB_GETTEXT_PACKAGE, collab_get_locale_dir ());
  textdomain (COLLAB_GETTEXT_PACKAGE);
  /* GOption's usage line names the program, not the command. */
  g_set_prgname ("collab");
  if (!lang_ok)
    {
      /* In the language of the environment, --lang being what is wrong. */
      shown = collab_error_cut (lang);
      fprintf (stderr, _("collab: --lang is a language such as zh_CN or en, not '%s'"), shown);
      fputc ('\n', stderr);
      return COLLAB_EXIT_USAGE;
    }

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help (argc < 2 ? stderr : stdout);
      return argc < 2 ? COLLAB_EXIT_USAGE : COLLAB_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("collab %s\n", collab_get_version ());
      return COLLAB_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  shown = collab_error_cut (argv[1]);
  fprintf (stderr, _("collab: unknown command '%s'"), shown);
  fputs ("\n\n", stderr);
  print_help (stderr);
  return COLLAB_EXIT_USAGE;
}
