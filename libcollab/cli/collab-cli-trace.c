/* collab-cli-trace.c: `collab trace FILE [--program ID] [--year Y]`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Prints the money-flow edges of collab_dataset_trace_funds() as JSON, ready for a
 * Sankey diagram (d3-sankey, plotly, ECharts):
 *
 *   {
 *     "program": "wuxi-2021",
 *     "year": 2021,
 *     "nodes": [
 *       {"id": "acc-js", "name": "江苏省财政厅", "kind": "account"},
 *       …
 *     ],
 *     "edges": [
 *       {"from": "acc-js", "to": "acc-shaanxi", "amount": "19200000.00", "fen": 1920000000, "year": 2021, "program": "wuxi-2021"},
 *       …
 *     ]
 *   }
 *
 * Amounts are given twice: as the canonical yuan string of the dataset
 * document (exact) and as an integer of fen (for plotting). One node and
 * one edge per line, written as they come: a trace of a million
 * transactions is printed without building a tree of it first.
 */

#include <stdio.h>
#include <string.h>

#include "collab-cli-private.h"


static void
put_string (GString    *out,
            const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_c (out, '\\');
      if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
put_nullable (GString    *out,
              const char *text)
{
  if (text != NULL)
    put_string (out, text);
  else
    g_string_append (out, "null");
}

static void
flush (GString  *out,
       gboolean  all)
{
  if (all || out->len > 65536)
    {
      fwrite (out->str, 1, out->len, stdout);
      g_string_truncate (out, 0);
    }
}

/* What a Sankey diagram labels a node with. */
static char *
node_name (CollabDataset *dataset,
           const char    *id,
           const char   **kind)
{
  g_autoptr(CollabRecord) account = NULL;
  g_autoptr(CollabRecord) project = NULL;

  if ((account = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_ACCOUNT, id)) != NULL)
    {
      const char *holder_id = collab_record_get_string (account, "holder");
      g_autoptr(CollabRecord) holder = NULL;

      *kind = "account";
      if (collab_record_has_field (account, "designation"))
        return g_strdup (collab_record_get_string (account, "designation"));
      holder = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_ORGANIZATION, holder_id);
      if (holder == NULL)
        holder = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_REGION, holder_id);
      return g_strdup (holder != NULL ? collab_record_get_string (holder, "name") : id);
    }

  if ((project = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_PROJECT, id)) != NULL)
    {
      *kind = "project";
      return g_strdup (collab_record_get_string (project, "name"));
    }

  if (g_str_equal (id, "spent") || g_str_has_prefix (id, "spent:"))
    {
      *kind = "spent";
      return g_strdup (id[5] == ':' ? id + 6 : _("spent"));
    }

  *kind = "other";
  return g_strdup (id);
}

static void
print_trace (CollabDataset *dataset,
             CollabTable   *edges,
             const char    *program,
             int            year)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = collab_table_get_n_rows (edges);
  int from = collab_table_find_column (edges, "from");
  int to = collab_table_find_column (edges, "to");
  int amount = collab_table_find_column (edges, "amount");
  int year_column = collab_table_find_column (edges, "year");
  int program_column = collab_table_find_column (edges, "program");
  gboolean first = TRUE;

  g_string_append (out, "{\n  \"program\": ");
  put_nullable (out, program);
  if (year != 0)
    g_string_append_printf (out, ",\n  \"year\": %d", year);
  else
    g_string_append (out, ",\n  \"year\": null");

  /* The nodes, in the order they first appear. */
  g_string_append (out, ",\n  \"nodes\": [");
  for (guint r = 0; r < n; r++)
    for (int end = 0; end < 2; end++)
      {
        const char *id = collab_table_get_string (edges, r, end == 0 ? from : to);
        g_autofree char *name = NULL;
        const char *kind;

        if (!g_hash_table_add (seen, (gpointer) id))
          continue;
        name = node_name (dataset, id, &kind);
        g_string_append (out, first ? "\n    {\"id\": " : ",\n    {\"id\": ");
        put_string (out, id);
        g_string_append (out, ", \"name\": ");
        put_string (out, name);
        g_string_append_printf (out, ", \"kind\": \"%s\"}", kind);
        first = FALSE;
        flush (out, FALSE);
      }
  g_string_append (out, first ? "]" : "\n  ]");

  g_string_append (out, ",\n  \"edges\": [");
  for (guint r = 0; r < n; r++)
    {
      gint64 fen = collab_table_get_int (edges, r, amount);
      g_autofree char *yuan = collab_money_format (fen);

      g_string_append (out, r == 0 ? "\n    {\"from\": " : ",\n    {\"from\": ");
      put_string (out, collab_table_get_string (edges, r, from));
      g_string_append (out, ", \"to\": ");
      put_string (out, collab_table_get_string (edges, r, to));
      g_string_append_printf (out, ", \"amount\": \"%s\", \"fen\": %" G_GINT64_FORMAT ", \"year\": %" G_GINT64_FORMAT
                              ", \"program\": ",
                              yuan, fen, collab_table_get_int (edges, r, year_column));
      put_nullable (out, collab_table_is_null (edges, r, program_column)
                           ? NULL : collab_table_get_string (edges, r, program_column));
      g_string_append_c (out, '}');
      flush (out, FALSE);
    }
  g_string_append (out, n == 0 ? "]\n}\n" : "\n  ]\n}\n");
  flush (out, TRUE);
}

int
collab_cli_trace (int    argc,
                  char **argv)
{
  g_autofree char *program = NULL;
  int year = 0;
  CollabYearRange years;
  GOptionEntry entries[] = {
    { "program", 0, 0, G_OPTION_ARG_STRING, &program, N_("Only this program's money"), "ID" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Only money of this (budget) year"), "YEAR" },
    { NULL }
  };
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(CollabTable) edges = NULL;
  g_autoptr(GError) error = NULL;

  if (!collab_cli_parse ("trace", N_("FILE"),
                         N_("Print the money-flow edges (from, to, amount, year) as JSON for a Sankey diagram."),
                         entries, &argc, &argv))
    return COLLAB_EXIT_USAGE;
  if (argc != 2)
    return collab_cli_usage_error ("trace", argc < 2 ? _("no file given") : _("one file at a time"));
  if (year < 0)
    return collab_cli_usage_error ("trace", _("--year is a year, not %d"), year);

  dataset = collab_cli_load (argv[1]);
  if (dataset == NULL)
    return COLLAB_EXIT_USAGE;

  edges = collab_dataset_trace_funds (dataset, program, collab_cli_years (year, &years), &error);
  if (edges == NULL)
    return collab_cli_report_error ("trace", argv[1], error);

  print_trace (dataset, edges, program, year);
  return COLLAB_EXIT_OK;
}
