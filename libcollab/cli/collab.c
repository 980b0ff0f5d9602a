/* collab.c: the `collab` command
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One program, one subcommand per task (SPEC §10). Every subcommand lives
 * in its own file; this one dispatches and holds what they share.
 */

#include <locale.h>
#include <stdio.h>

#include "collab-cli-private.h"

static const CollabCommand commands[] = {
  { "validate", "FILE…", "Load datasets, resolve references, report the first errors", collab_cli_validate },
  { "check", "FILE", "Run the rules and print the findings", collab_cli_check },
  { "report", "FILE", "Print the scorecard per program and year", collab_cli_report },
  { "trace", "FILE", "Print the money-flow edges of a program as JSON", collab_cli_trace },
  { "plan", "FILE", "Print the 666 shortfall of every pairing-year and what would close it", collab_cli_plan },
  { "convert", "IN OUT", "Convert between CSV and the JSON dataset document", collab_cli_convert },
};

static void
print_help (FILE *out)
{
  fprintf (out, "Usage: collab COMMAND [OPTION…]\n\nCommands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-9s %-8s %s\n", commands[i].name, commands[i].parameters, commands[i].summary);
  fprintf (out, "\nRun 'collab COMMAND --help' for the options of a command.\n"
                "Exit status: 0 no violation, 1 violations found, 2 bad usage or a file that cannot be loaded.\n");
}

gboolean
collab_cli_parse (const char     *command,
                  const char     *parameters,
                  const char     *summary,
                  GOptionEntry   *entries,
                  int            *argc,
                  char         ***argv)
{
  g_autofree char *usage = g_strdup_printf ("%s %s", command, parameters);
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, NULL);
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
  fprintf (stderr, "collab %s: %s (see 'collab %s --help')\n", command, message, command);
  return COLLAB_EXIT_USAGE;
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
          collab_cli_usage_error (command, "--interpretation is nested, cumulative or banded, not '%s'",
                                  interpretation);
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

void
collab_cli_print_table (CollabTable *table,
                        const char  *format,
                        const char  *member,
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
  else if (format != NULL && g_str_equal (format, "csv"))
    {
      g_autofree char *csv = collab_table_to_csv (table);

      fputs (csv, stdout);
    }
  else
    print_text (table);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* yajl reads numbers with strtod(): keep the decimal point a point. */
  setlocale (LC_NUMERIC, "C");

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

  fprintf (stderr, "collab: unknown command '%s'\n\n", argv[1]);
  print_help (stderr);
  return COLLAB_EXIT_USAGE;
}
