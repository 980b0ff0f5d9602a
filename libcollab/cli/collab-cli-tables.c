/* collab-cli-tables.c: what `convert` and `validate` share about tables
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A CSV file or an xlsx workbook holds the records of one kind. Which
 * kind is --kind; else, for a workbook, the kind its sheet's name names
 * (--sheet, or the one sheet named for a kind); else a member name in
 * the file name (dispatches.csv, wuxi-pairings.xlsx). The rows are added
 * to a dataset: the one --base names, or an empty one.
 */

#include <stdio.h>
#include <string.h>

#include "collab-cli-private.h"

/* The names of the tables in the dataset document (SPEC §9), and the
 * words file names use for them. */
static const struct
{
  const char       *name;
  CollabRecordKind  kind;
} kind_names[] = {
  { "regions", COLLAB_RECORD_KIND_REGION },
  { "organizations", COLLAB_RECORD_KIND_ORGANIZATION },
  { "programs", COLLAB_RECORD_KIND_PROGRAM },
  { "pairings", COLLAB_RECORD_KIND_PAIRING },
  { "accounts", COLLAB_RECORD_KIND_ACCOUNT },
  { "transactions", COLLAB_RECORD_KIND_TRANSACTION },
  { "projects", COLLAB_RECORD_KIND_PROJECT },
  { "people", COLLAB_RECORD_KIND_PERSON },
  { "dispatches", COLLAB_RECORD_KIND_DISPATCH },
  { "trainings", COLLAB_RECORD_KIND_TRAINING },
  { "adjustments", COLLAB_RECORD_KIND_ADJUSTMENT },
  { "demonstration_villages", COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE },
  { "job_offers", COLLAB_RECORD_KIND_JOB_OFFER },
  { "workers", COLLAB_RECORD_KIND_WORKER },
  { "placements", COLLAB_RECORD_KIND_PLACEMENT },
  { "follow_ups", COLLAB_RECORD_KIND_FOLLOW_UP },
  { "events", COLLAB_RECORD_KIND_EVENT },
  { "purchases", COLLAB_RECORD_KIND_PURCHASE },
  { "investments", COLLAB_RECORD_KIND_INVESTMENT },
  { "donations", COLLAB_RECORD_KIND_DONATION },
  { "tasks", COLLAB_RECORD_KIND_TASK },
  { "task_reports", COLLAB_RECORD_KIND_TASK_REPORT },
  { "initiatives", COLLAB_RECORD_KIND_INITIATIVE },
  { "agreements", COLLAB_RECORD_KIND_AGREEMENT },
  /* Singular forms and what officers call a table of dispatches. */
  { "region", COLLAB_RECORD_KIND_REGION },
  { "organization", COLLAB_RECORD_KIND_ORGANIZATION },
  { "program", COLLAB_RECORD_KIND_PROGRAM },
  { "pairing", COLLAB_RECORD_KIND_PAIRING },
  { "account", COLLAB_RECORD_KIND_ACCOUNT },
  { "transaction", COLLAB_RECORD_KIND_TRANSACTION },
  { "project", COLLAB_RECORD_KIND_PROJECT },
  { "person", COLLAB_RECORD_KIND_PERSON },
  { "dispatch", COLLAB_RECORD_KIND_DISPATCH },
  { "roster", COLLAB_RECORD_KIND_DISPATCH },
  { "training", COLLAB_RECORD_KIND_TRAINING },
  { "adjustment", COLLAB_RECORD_KIND_ADJUSTMENT },
  { "demonstration_village", COLLAB_RECORD_KIND_DEMONSTRATION_VILLAGE },
  { "job_offer", COLLAB_RECORD_KIND_JOB_OFFER },
  { "worker", COLLAB_RECORD_KIND_WORKER },
  { "placement", COLLAB_RECORD_KIND_PLACEMENT },
  { "follow_up", COLLAB_RECORD_KIND_FOLLOW_UP },
  { "event", COLLAB_RECORD_KIND_EVENT },
  { "purchase", COLLAB_RECORD_KIND_PURCHASE },
  { "investment", COLLAB_RECORD_KIND_INVESTMENT },
  { "donation", COLLAB_RECORD_KIND_DONATION },
  { "task", COLLAB_RECORD_KIND_TASK },
  { "task_report", COLLAB_RECORD_KIND_TASK_REPORT },
  { "initiative", COLLAB_RECORD_KIND_INITIATIVE },
  { "agreement", COLLAB_RECORD_KIND_AGREEMENT },
};

static char *
name_key (const char *text)
{
  char *key = g_ascii_strdown (text, -1);

  for (char *p = key; *p != '\0'; p++)
    if (*p == '-' || *p == ' ')
      *p = '_';
  return key;
}

gboolean
collab_cli_kind_from_option (const char       *text,
                  CollabRecordKind *kind)
{
  g_autofree char *key = name_key (text);

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (strcmp (key, kind_names[i].name) == 0)
      {
        *kind = kind_names[i].kind;
        return TRUE;
      }
  return FALSE;
}

/* The kinds the Chinese words of a file name name, as a sheet would be
 * named (2021年岗位供给清单.csv): every run of characters that names a
 * kind, but those inside a longer one (就业 in 就业需求清单). */
static guint32
kinds_in_chinese (const char *name)
{
  glong n;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (name, -1, &n);
  g_autofree glong *reach = g_new0 (glong, n + 1);   /* the end of the longest word from each start */
  g_autofree CollabRecordKind *kinds = g_new0 (CollabRecordKind, n + 1);
  guint32 found = 0;
  glong covered = 0;

  for (glong i = 0; i < n; i++)
    for (glong j = i + 2; j <= MIN (n, i + 8); j++)
      {
        g_autofree char *word = g_ucs4_to_utf8 (chars + i, j - i, NULL, NULL, NULL);
        CollabRecordKind kind;

        if (chars[i] >= 0x80 && word != NULL && collab_xlsx_sheet_kind (word, &kind))
          {
            reach[i] = j;
            kinds[i] = kind;
          }
      }
  for (glong i = 0; i < n; i++)
    {
      if (reach[i] > covered)
        found |= 1u << kinds[i];
      covered = MAX (covered, reach[i]);
    }
  return found;
}

/* The kind a file name names, when it names exactly one. */
static gboolean
kind_from_file_name (const char       *path,
                     CollabRecordKind *kind,
                     gboolean         *ambiguous)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *key = name_key (base);
  guint32 found = 0;

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (strstr (key, kind_names[i].name) != NULL)
      found |= 1u << kind_names[i].kind;
  if (found == 0)
    found = kinds_in_chinese (base);

  *ambiguous = found != 0 && (found & (found - 1)) != 0;
  if (found == 0 || *ambiguous)
    return FALSE;
  *kind = (CollabRecordKind) g_bit_nth_lsf (found, -1);
  return TRUE;
}

gboolean
collab_cli_has_extension (const char *path,
               const char *extension)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, extension);
}

/* The kind of records a workbook holds when --kind does not say: the
 * kind --sheet names, or the one kind that its sheets' names name. */
static gboolean
kind_from_sheets (const char       *in,
                  const char       *sheet,
                  CollabRecordKind *kind,
                  gboolean         *ambiguous,
                  GError          **error)
{
  g_auto(GStrv) sheets = NULL;
  guint32 found = 0;

  *ambiguous = FALSE;
  if (sheet != NULL)
    return collab_xlsx_sheet_kind (sheet, kind);

  sheets = collab_xlsx_list_sheets (in, error);
  if (sheets == NULL)
    return FALSE;
  for (guint i = 0; sheets[i] != NULL; i++)
    if (collab_xlsx_sheet_kind (sheets[i], kind))
      found |= 1u << *kind;

  *ambiguous = found != 0 && (found & (found - 1)) != 0;
  if (found == 0 || *ambiguous)
    return FALSE;
  *kind = (CollabRecordKind) g_bit_nth_lsf (found, -1);
  return TRUE;
}

gboolean
collab_cli_is_workbook (const char *path)
{
  /* An .xls goes the way of a workbook, to be told what it is. */
  return collab_cli_has_extension (path, ".xlsx") || collab_cli_has_extension (path, ".xlsm") ||
         collab_cli_has_extension (path, ".xls");
}

gboolean
collab_cli_is_table (const char *path)
{
  return collab_cli_has_extension (path, ".csv") || collab_cli_is_workbook (path);
}

gboolean
collab_cli_table_kind (const char       *command,
                       const char       *path,
                       const char       *kind_name,
                       const char       *sheet,
                       CollabRecordKind *kind)
{
  g_autoptr(GError) error = NULL;
  gboolean ambiguous = FALSE;

  if (kind_name != NULL)
    {
      g_autofree char *shown = NULL;

      if (collab_cli_kind_from_option (kind_name, kind))
        return TRUE;
      shown = collab_error_cut (kind_name);
      collab_cli_usage_error (command, _("unknown --kind \"%s\": expected regions, organizations, "
                                         "programs, pairings, accounts, transactions, projects, people, "
                                         "dispatches, trainings, adjustments, demonstration_villages, "
                                         "job_offers, workers, placements, follow_ups or events"),
                              shown);
      return FALSE;
    }

  if (collab_cli_is_workbook (path))
    {
      /* A sheet named for a kind says what it holds; else the file name. */
      if (kind_from_sheets (path, sheet, kind, &ambiguous, &error) ||
          (error == NULL && kind_from_file_name (path, kind, &ambiguous)))
        return TRUE;
      if (error != NULL)
        fprintf (stderr, "%s\n", error->message);
      else
        collab_cli_usage_error (command, _("%s: neither the sheets nor the file name say which records "
                                           "the workbook holds; say it with --kind (dispatches, "
                                           "pairings, transactions, …)"), path);
      return FALSE;
    }

  if (kind_from_file_name (path, kind, &ambiguous))
    return TRUE;
  collab_cli_usage_error (command, ambiguous
                          ? _("%s: the file name names more than one kind of record; say which "
                              "records the CSV holds with --kind (dispatches, pairings, transactions, …)")
                          : _("%s: the file name names no kind of record; say which records the "
                              "CSV holds with --kind (dispatches, pairings, transactions, …)"), path);
  return FALSE;
}

/* "646 dispatches, 645 people": what @dataset gained since @before (one
 * count per kind), @first first, then the people a roster created. */
static char *
count_added (CollabDataset    *dataset,
             const guint      *before,
             CollabRecordKind  first)
{
  g_autoptr(GString) added = g_string_new (NULL);

  for (int k = -1; k < COLLAB_CLI_N_KINDS; k++)
    {
      CollabRecordKind kind = k < 0 ? first : (CollabRecordKind) k;
      guint now = collab_dataset_get_n_records (dataset, kind);
      g_autofree char *count = NULL;

      if ((k >= 0 && kind == first) || (k >= 0 && now == before[kind]))
        continue;
      count = collab_cli_count_records (kind, now - before[kind]);
      g_string_append_printf (added, "%s%s", added->len > 0 ? _(", ") : "", count);
    }
  return g_string_free (g_steal_pointer (&added), FALSE);
}

CollabDataset *
collab_cli_import_table (const char        *path,
                         const char        *base,
                         CollabRecordKind   kind,
                         const char        *sheet,
                         char             **added)
{
  /* Without a base, the table must hold everything its rows refer to. */
  g_autoptr(CollabDataset) dataset = base != NULL ? collab_cli_load (base) : collab_dataset_new ();
  g_autoptr(GError) error = NULL;
  guint before[COLLAB_CLI_N_KINDS];
  guint n;

  if (dataset == NULL)
    return NULL;
  for (guint k = 0; k < G_N_ELEMENTS (before); k++)
    before[k] = collab_dataset_get_n_records (dataset, k);

  if (!(collab_cli_is_workbook (path) ? collab_dataset_import_xlsx (dataset, kind, path, sheet, &error)
                                      : collab_dataset_import_csv (dataset, kind, path, &error)))
    {
      fprintf (stderr, "%s\n", error->message);
      return NULL;
    }

  n = collab_dataset_get_n_generated_ids (dataset);
  if (n > 0)
    /* Translators: ids made for rows without an id column, and for
     * the people a roster names by name */
    fprintf (stderr, ngettext_ ("%s: generated %u id\n", "%s: generated %u ids\n", n), path, n);

  *added = count_added (dataset, before, kind);
  return g_steal_pointer (&dataset);
}
