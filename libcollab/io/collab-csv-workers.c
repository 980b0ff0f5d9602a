/* collab-csv-workers.c: workers and placements as officers name them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Officers' labour sheets name people, not ids (collab-csv-import-private.h
 * says which file does what). A placement sheet (就业情况) gives the
 * worker's name, often with the home county (户籍县) that tells two
 * people of one name apart; a follow-up sheet (跟踪服务台账, 就业服务档案)
 * lists the people called on by name, with the day and what was found
 * (张三, 2021-05-01, 在岗), and no placement at all. Those columns are
 * KEY columns: fields of the record a reference names, by which the
 * import finds it.
 *
 * The placement of a follow-up row is one of the worker of that name or
 * id, at the employer of its 用工单位 column when it has one: the
 * placement that is on at the follow-up's date, else the latest that
 * started on or before it (a call after the worker left is about the
 * job left). A row that matches no placement, or more than one, is an
 * error that lists them: a guess would file the contact under the wrong
 * job and hide a gap from labour.follow_up. The workers and placements
 * are those of the dataset the rows are added to, indexed once per
 * import.
 */

#include <string.h>

#include <libcollab/collab-error.h>

#include "collab-csv-import-private.h"
#include "collab-json-private.h"
#include "types/collab-day-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

/* The references of the rows of a kind that KEY columns find, and the
 * fields of the records they refer to that the columns give. */
static const struct
{
  CollabRecordKind  kind;
  const char       *ref;
  const char       *keys[2];
} keyed_refs[] = {
  { COLLAB_RECORD_KIND_PLACEMENT, "worker", { "county", NULL } },
  { COLLAB_RECORD_KIND_FOLLOW_UP, "placement", { "worker", "employer" } },
};

void
collab_csv_find_keyed (CollabCsvImport *imp)
{
  for (guint i = 0; i < G_N_ELEMENTS (keyed_refs); i++)
    if (keyed_refs[i].kind == imp->kind)
      imp->keyed = &imp->schema->fields[collab_schema_find_field (imp->schema, keyed_refs[i].ref)];
}

int
collab_csv_key_of_field (CollabCsvImport   *imp,
                         const CollabField *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (keyed_refs); i++)
    for (guint k = 0; imp->keyed != NULL && keyed_refs[i].kind == imp->kind && k < G_N_ELEMENTS (keyed_refs[i].keys); k++)
      if (g_strcmp0 (keyed_refs[i].keys[k], field->name) == 0)
        return (int) k;
  return -1;
}

/* A follow-up sheet with a 姓名 column: the person stands for the
 * placement, which the sheet need not give. */
gboolean
collab_csv_by_person (CollabCsvImport *imp)
{
  return imp->kind == COLLAB_RECORD_KIND_FOLLOW_UP && imp->key_columns[0] >= 0;
}

static void
array_unref (gpointer array)
{
  if (array != NULL)
    g_array_unref (array);
}

void
collab_csv_keyed_clear (CollabCsvImport *imp)
{
  g_clear_pointer (&imp->workers_by_name, g_hash_table_unref);
  g_clear_pointer (&imp->placements_of_worker, g_ptr_array_unref);
}

static void
append_index (GArray *array,
              guint   index)
{
  g_array_append_val (array, index);
}

/* Workers by name and placements by worker, once per import: a sheet of
 * a hundred thousand follow-ups looks each up in constant time. The
 * names point into the store, which the import does not change until
 * every row is read. */
static void
build_index (CollabCsvImport *imp)
{
  guint n_workers = collab_store_count (imp->store, COLLAB_RECORD_KIND_WORKER);
  guint n_placements = collab_store_count (imp->store, COLLAB_RECORD_KIND_PLACEMENT);

  imp->workers_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, array_unref);
  for (guint i = 0; i < n_workers; i++)
    {
      const CollabWorkerRec *worker = collab_store_get (imp->store, COLLAB_RECORD_KIND_WORKER, i);
      GArray *same;

      if (worker->name == NULL)
        continue;
      same = g_hash_table_lookup (imp->workers_by_name, worker->name);
      if (same == NULL)
        g_hash_table_insert (imp->workers_by_name, (gpointer) worker->name,
                             same = g_array_new (FALSE, FALSE, sizeof (guint)));
      append_index (same, i);
    }

  imp->placements_of_worker = g_ptr_array_new_full (n_workers, array_unref);
  g_ptr_array_set_size (imp->placements_of_worker, (gint) n_workers);
  for (guint p = 0; p < n_placements; p++)
    {
      const CollabPlacementRec *placement = collab_store_get (imp->store, COLLAB_RECORD_KIND_PLACEMENT, p);
      guint w = COLLAB_REF_INDEX (placement->worker);

      if (g_ptr_array_index (imp->placements_of_worker, w) == NULL)
        g_ptr_array_index (imp->placements_of_worker, w) = g_array_new (FALSE, FALSE, sizeof (guint));
      append_index (g_ptr_array_index (imp->placements_of_worker, w), p);
    }
}

/* `pl1 (某物流公司, 2021-03-10–)`: a placement in a list of candidates. */
static char *
describe (CollabCsvImport *imp,
          guint            index)
{
  const CollabPlacementRec *placement = collab_store_get (imp->store, COLLAB_RECORD_KIND_PLACEMENT, index);
  const CollabOrganizationRec *employer = collab_store_deref (imp->store, placement->employer);
  g_autofree char *start = collab_day_format (placement->start);
  g_autofree char *end = placement->end != COLLAB_DAY_NONE ? collab_day_format (placement->end) : g_strdup ("");

  g_autofree char *id = collab_error_cut (placement->h.id);
  g_autofree char *name = collab_error_cut (employer->name);

  return g_strdup_printf ("%s (%s, %s–%s)", id, name, start, end);
}

static char *
describe_all (CollabCsvImport *imp,
              GArray          *placements,
              gboolean         and)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < placements->len; i++)
    g_ptr_array_add (items, describe (imp, g_array_index (placements, guint, i)));
  return collab_csv_join (items, and);
}

/* The workers @text names, by id or by name. */
static GArray *
workers_named (CollabCsvImport *imp,
               const char      *text)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *named;
  guint index;

  if (collab_store_lookup (imp->store, COLLAB_RECORD_KIND_WORKER, text, &index))
    append_index (found, index);
  else if ((named = g_hash_table_lookup (imp->workers_by_name, text)) != NULL)
    g_array_append_vals (found, named->data, named->len);
  return found;
}

/* The record key @k of the row names: the employer of 用工单位, the
 * home county of 户籍县; COLLAB_REF_NONE when the row has no such cell.
 * FALSE with @error set when it names no record. */
static gboolean
key_ref (CollabCsvImport    *imp,
         const CollabCsvRow *row,
         guint               k,
         CollabRef          *ref,
         GError            **error)
{
  int c = imp->key_columns[k];
  const CollabCsvColumn *column;
  g_autoptr(GString) json = NULL;
  g_autofree char *id = NULL;

  *ref = COLLAB_REF_NONE;
  if (c < 0 || *imp->cells[c] == '\0')
    return TRUE;

  column = collab_csv_import_column (imp, (guint) c);
  json = g_string_new (NULL);
  id = collab_csv_convert_cell (imp, column->field, column, imp->cells[c], row, (guint) c, json, error);
  if (id == NULL)
    return FALSE;
  *ref = collab_store_find_ref (imp->store, column->field->ref_kinds, id);
  if (*ref == COLLAB_REF_NONE)
    {
      g_autofree char *shown = collab_error_cut (imp->cells[c]);

      return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_DANGLING_REFERENCE, row->line, c, NULL,
                                 /* Translators: a kind of record (organization, region), then the cell */
                                 _("no %s has the name or the id \"%s\""),
                                 _(collab_schema_kind_name ((CollabRecordKind) g_bit_nth_lsf (column->field->ref_kinds,
                                                                                              -1))),
                                 shown);
    }
  return TRUE;
}

/* The day of the row's follow-up; the latest day when it is no date of
 * the calendar, which the reader reports once the rows are read. */
static CollabDay
day_of_row (CollabCsvImport *imp)
{
  int field = collab_schema_find_field (imp->schema, "date");
  int c = collab_csv_find_column_of (imp, &imp->schema->fields[field], FALSE);
  g_autofree char *text = c >= 0 ? collab_csv_normalize_date (imp->cells[c]) : NULL;
  CollabDay day;

  if (text == NULL || !collab_day_parse (text, &day, NULL))
    return COLLAB_DAY_MAX;
  return day;
}

/* The placements of @workers (at @employer, unless none) */
static GArray *
placements_of (CollabCsvImport *imp,
               GArray          *workers,
               CollabRef        employer)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint w = 0; w < workers->len; w++)
    {
      GArray *of = g_ptr_array_index (imp->placements_of_worker, g_array_index (workers, guint, w));

      for (guint i = 0; of != NULL && i < of->len; i++)
        {
          guint p = g_array_index (of, guint, i);
          const CollabPlacementRec *placement = collab_store_get (imp->store, COLLAB_RECORD_KIND_PLACEMENT, p);

          if (employer == COLLAB_REF_NONE || placement->employer == employer)
            append_index (found, p);
        }
    }
  return found;
}

/* Of @candidates, those on at @day; else those that started last on or
 * before it. */
static GArray *
choose (CollabCsvImport *imp,
        GArray          *candidates,
        CollabDay        day)
{
  GArray *on = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) latest = g_array_new (FALSE, FALSE, sizeof (guint));
  CollabDay latest_start = COLLAB_DAY_NONE;

  for (guint i = 0; i < candidates->len; i++)
    {
      guint p = g_array_index (candidates, guint, i);
      const CollabPlacementRec *placement = collab_store_get (imp->store, COLLAB_RECORD_KIND_PLACEMENT, p);

      if (placement->start > day)
        continue;
      if (placement->end == COLLAB_DAY_NONE || placement->end >= day)
        append_index (on, p);
      if (placement->start > latest_start)
        {
          g_array_set_size (latest, 0);
          latest_start = placement->start;
        }
      if (placement->start == latest_start)
        append_index (latest, p);
    }

  if (on->len > 0)
    return on;
  g_array_unref (on);
  return g_steal_pointer (&latest);
}

char *
collab_csv_placement_of_row (CollabCsvImport    *imp,
                         const CollabCsvRow *row,
                         GError            **error)
{
  int c = imp->key_columns[0];
  const char *text = imp->cells[c];
  const CollabField *worker_field = collab_csv_import_column (imp, (guint) c)->field;
  g_autoptr(GArray) workers = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GArray) chosen = NULL;
  g_autofree char *list = NULL;
  g_autofree char *date = NULL;
  g_autofree char *shown = NULL;
  CollabRef employer;
  CollabDay day;

  if (*text == '\0')
    return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_MISSING_MEMBER, row->line, c, NULL,
                                _("the cell is empty, and every %s needs a %s: write the name here "
                                  "or give the id in a column \"%s\""),
                                _(imp->schema->singular), _(collab_schema_kind_name (COLLAB_RECORD_KIND_PLACEMENT)),
                                imp->keyed->name), NULL);
  if (imp->workers_by_name == NULL)
    build_index (imp);

  workers = workers_named (imp, text);
  if (workers->len == 0)
    {
      shown = collab_error_cut (text);
      list = collab_csv_closest_records (imp, worker_field, text);
      if (list != NULL)
        return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_DANGLING_REFERENCE, row->line, c, NULL,
                                    _("no %s is named %s; did you mean %s?"),
                                    _(collab_schema_kind_name (COLLAB_RECORD_KIND_WORKER)), shown, list), NULL);
      return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_DANGLING_REFERENCE, row->line, c, NULL,
                                  _("no %s has the name or the id \"%s\""),
                                  _(collab_schema_kind_name (COLLAB_RECORD_KIND_WORKER)), shown), NULL);
    }

  if (!key_ref (imp, row, 1, &employer, error))
    return NULL;
  candidates = placements_of (imp, workers, employer);
  if (candidates->len == 0)
    {
      shown = collab_error_cut (text);
      if (employer != COLLAB_REF_NONE)
        {
          g_autofree char *at = collab_error_cut (imp->cells[imp->key_columns[1]]);

          return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_DANGLING_REFERENCE, row->line, c, NULL,
                                      /* Translators: the worker's name, then the employer, as the row gives them */
                                      _("the dataset has no placement of %s at %s: import the placements "
                                        "before their follow-ups"), shown, at), NULL);
        }
      return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_DANGLING_REFERENCE, row->line, c, NULL,
                                  /* Translators: %s is the worker's name as the row gives it. */
                                  _("the dataset has no placement of %s: import the placements "
                                    "before their follow-ups"), shown), NULL);
    }

  day = day_of_row (imp);
  date = collab_day_format (day);
  chosen = choose (imp, candidates, day);
  if (chosen->len == 1)
    return g_strdup (collab_store_ref_id (imp->store, COLLAB_REF (COLLAB_RECORD_KIND_PLACEMENT,
                                                                  g_array_index (chosen, guint, 0))));

  shown = collab_error_cut (text);
  if (chosen->len == 0)
    {
      list = describe_all (imp, candidates, TRUE);
      return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_DANGLING_REFERENCE, row->line, c, NULL,
                                  /* Translators: the worker's name, the follow-up's date
                                   * (YYYY-MM-DD), then the worker's placements:
                                   * "pl1 (某物流公司, 2021-06-01–)" */
                                  _("no placement of %s starts on or before %s; the placements are %s"),
                                  shown, date, list), NULL);
    }

  list = describe_all (imp, chosen, FALSE);
  return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE, row->line, c, NULL,
                              /* Translators: the worker's name, the follow-up's date
                               * (YYYY-MM-DD), then the placements it may be about:
                               * "pl1 (某物流公司, 2021-03-10–) or pl2 (…)". 用工单位 and
                               * 就业编号 are the headers of those columns. */
                              _("%s matches more than one placement on %s: %s; write the employer "
                                "(用工单位) or the placement's id (就业编号)"),
                              shown, date, list), NULL);
}

/* The worker of a placement row: by id or name as any reference, and,
 * when the row gives a home county (户籍县), the one worker of that name
 * from it, which tells two 张伟 of the dataset apart. */
char *
collab_csv_worker_of_row (CollabCsvImport    *imp,
                          const CollabCsvRow *row,
                          guint               column,
                          GString            *json,
                          GError            **error)
{
  const CollabCsvColumn *named_column = collab_csv_import_column (imp, column);
  const char *text = imp->cells[column];
  g_autoptr(GArray) named = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *list = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *from = NULL;
  const char *found = NULL;
  guint n_found = 0;
  CollabRef county;

  if (!key_ref (imp, row, 0, &county, error))
    return NULL;
  if (county != COLLAB_REF_NONE && imp->workers_by_name == NULL)
    build_index (imp);
  if (county != COLLAB_REF_NONE)
    named = workers_named (imp, text);
  /* No county, or no worker of the name: the candidates of any reference. */
  if (named == NULL || named->len == 0)
    return collab_csv_convert_cell (imp, named_column->field, named_column, text, row, column, json, error);

  items = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < named->len; i++)
    {
      const CollabWorkerRec *worker = collab_store_get (imp->store, COLLAB_RECORD_KIND_WORKER,
                                                        g_array_index (named, guint, i));
      const CollabRegionRec *home = collab_store_deref (imp->store, worker->county);
      g_autoptr(GString) item = g_string_new (NULL);

      if (worker->county == county)
        {
          found = worker->h.id;
          n_found++;
        }
      /* "w-001 (延川县)" */
      collab_error_append_cut (item, worker->h.id, -1);
      collab_error_append_id (item, home->name);
      g_ptr_array_add (items, g_string_free (g_steal_pointer (&item), FALSE));
    }
  if (n_found == 1)
    {
      collab_json_append_string (json, found);
      return g_strdup (found);
    }

  list = collab_csv_join (items, TRUE);
  shown = collab_error_cut (text);
  from = collab_error_cut (imp->cells[imp->key_columns[0]]);
  if (n_found == 0)
    return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_DANGLING_REFERENCE, row->line, (int) column, NULL,
                                /* Translators: the name, the county as the row gives them, then the
                                 * workers of that name: "w-001 (延川县) and w-005 (延长县)" */
                                _("no worker named %s is from %s; the workers of that name are %s"),
                                shown, from, list), NULL);
  return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE, row->line, (int) column, NULL,
                              /* Translators: the county and the name as the row gives them, then
                               * the workers of that name: "w-001 (延川县) and w-005 (延长县)" */
                              _("more than one worker from %s is named %s (%s): write the id"),
                              from, shown, list), NULL);
}
