/* collab-cli-check.c: `collab check FILE`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>

#include "collab-cli-private.h"

/* The severity as the reader says it; the table labels use the same
 * words (report/collab-table-labels.c). */
static const char *
severity_word (CollabSeverity severity)
{
  switch (severity)
    {
    case COLLAB_SEVERITY_VIOLATION: return C_("severity", "violation");
    case COLLAB_SEVERITY_WARNING: return C_("severity", "warning");
    case COLLAB_SEVERITY_INFO:
    default: return C_("severity", "info");
    }
}


static void
print_text (GPtrArray *findings)
{
  guint counts[COLLAB_SEVERITY_VIOLATION + 1] = { 0 };

  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);
      g_autoptr(GString) where = g_string_new (NULL);
      GVariantIter iter;
      const char *key;
      GVariant *value;

      g_variant_iter_init (&iter, collab_finding_get_subject (finding));
      while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
        {
          g_string_append_printf (where, "%s%s=", where->len > 0 ? " " : "", key);
          if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
            g_string_append (where, g_variant_get_string (value, NULL));
          else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
            g_string_append_printf (where, "%" G_GINT64_FORMAT, g_variant_get_int64 (value));
          else
            g_string_append (where, "null");
        }

      counts[collab_finding_get_severity (finding)]++;
      collab_cli_print_padded (severity_word (collab_finding_get_severity (finding)), 9);
      printf (" %-20s %s\n          %s\n", collab_finding_get_rule (finding), where->str,
              collab_finding_get_message (finding));
    }

  {
    guint v = counts[COLLAB_SEVERITY_VIOLATION], w = counts[COLLAB_SEVERITY_WARNING];
    g_autofree char *violations = g_strdup_printf (ngettext_ ("%u violation", "%u violations", v), v);
    g_autofree char *warnings = g_strdup_printf (ngettext_ ("%u warning", "%u warnings", w), w);
    g_autofree char *infos = g_strdup_printf (_("%u info"), counts[COLLAB_SEVERITY_INFO]);

    /* Translators: "16 findings: 12 violations, 4 warnings, 0 info". */
    printf (ngettext_ ("%u finding: %s, %s, %s", "%u findings: %s, %s, %s", findings->len),
            findings->len, violations, warnings, infos);
    putchar ('\n');
  }
}

int
collab_cli_check (int    argc,
                  char **argv)
{
  g_autofree char *ruleset_name = NULL;
  g_autofree char *interpretation = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "ruleset", 0, 0, G_OPTION_ARG_STRING, &ruleset_name, N_("Judge by this rule set instead of each program's own"), "ID|FILE" },
    { "interpretation", 0, 0, G_OPTION_ARG_STRING, &interpretation, N_("Reading of the 666 tenure tiers"), "nested|cumulative|banded" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("Check as of this day: later ends are projected"), "YYYY-MM-DD" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format"), "text|json|csv|xlsx" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the spreadsheet to this file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(CollabChecker) checker = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  if (!collab_cli_parse ("check", N_("FILE"), N_("Run the rules of each program's rule set over a dataset."),
                         entries, &argc, &argv))
    return COLLAB_EXIT_USAGE;
  if (argc != 2)
    return collab_cli_usage_error ("check", argc < 2 ? _("no file given") : _("one file at a time"));
  if (!collab_cli_check_output ("check", format, output))
    return COLLAB_EXIT_USAGE;

  checker = collab_cli_checker ("check", ruleset_name, interpretation, as_of);
  if (checker == NULL)
    return COLLAB_EXIT_USAGE;

  dataset = collab_cli_load (argv[1]);
  if (dataset == NULL)
    return COLLAB_EXIT_USAGE;

  findings = collab_checker_run (checker, dataset, &error);
  if (findings == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return COLLAB_EXIT_USAGE;
    }

  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) node = collab_findings_to_json (findings);
      collab_cli_print_json (node);
    }
  else if (collab_cli_is_sheet_format (format))
    {
      g_autoptr(CollabTable) sheet = collab_table_new_findings_sheet (findings);
      /* Translators: the name of a sheet of a workbook (检查结果), at most 31
       * characters, none of []:*?/\ */
      int status = collab_cli_write_sheet (sheet, format, output, _("Findings"));

      /* A file that cannot be written is worse news than a violation. */
      if (status != COLLAB_EXIT_OK)
        return status;
    }
  else
    print_text (findings);

  for (guint i = 0; i < findings->len; i++)
    if (collab_finding_get_severity (g_ptr_array_index (findings, i)) == COLLAB_SEVERITY_VIOLATION)
      return COLLAB_EXIT_VIOLATIONS;

  return COLLAB_EXIT_OK;
}
