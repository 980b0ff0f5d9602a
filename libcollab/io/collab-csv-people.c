/* collab-csv-people.c: the people of a roster, the ids of rows, the
 * reader's errors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What an import of a table (collab-csv-import-private.h) adds to the
 * rows themselves: the person a roster row describes, by id or by name
 * and home unit; the ids made for the rows of a table that has none;
 * and the JSON reader's errors, mapped back to the cell that caused them.
 */

#include <string.h>

#include <libcollab/collab-error.h>

#include "collab-csv-import-private.h"
#include "collab-json-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

/* The person a roster row describes ---------------------------------------- */

/* A roster lists dispatches, and beside each the columns of its person
 * (姓名, 职业, 单位). The dispatch is the record of the row; the person is
 * its companion, named by the row's companion reference (`person`). A
 * person the dataset has is only compared with the row: records are
 * appended, never changed. A person it does not have is gathered from
 * every row that names them, each field from the first row that gives
 * it, and written once into the document after the records, where the
 * reader resolves the references to it.
 */

/* A record a row may describe beside its own, created when the dataset
 * does not have it yet: the person of a roster row. */
static const struct
{
  CollabRecordKind  kind;
  const char       *via;
} companions[] = {
  { COLLAB_RECORD_KIND_DISPATCH, "person" },
};

/* Sets the companion reference of @imp, when its kind has one. */
void
collab_csv_find_companion (CollabCsvImport *imp)
{
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    if (companions[i].kind == imp->kind)
      {
        imp->via = &imp->schema->fields[collab_schema_find_field (imp->schema, companions[i].via)];
        imp->via_kind = (CollabRecordKind) g_bit_nth_lsf (imp->via->ref_kinds, -1);
        imp->via_schema = collab_schema_for_kind (imp->via_kind);
      }
}

void
collab_csv_new_record_free (gpointer data)
{
  CollabCsvNewRecord *record = data;

  for (guint i = 0; i < record->n_given; i++)
    {
      g_free (record->given[i].text);
      g_free (record->given[i].json);
    }
  g_free (record->given);
  g_free (record->id);
  g_free (record);
}

/* A roster row's person columns: compared with the person the dataset
 * has, or gathered into the person the import creates. */
gboolean
collab_csv_describe_companion (CollabCsvImport    *imp,
                               const CollabCsvRow *row,
                               const char         *id,
                               GError            **error)
{
  const CollabSchema *schema = imp->via_schema;
  gconstpointer existing = NULL;
  CollabCsvNewRecord *record = NULL;
  guint index;

  if (*id == '\0')
    return TRUE;

  if (collab_store_lookup (imp->store, imp->via_kind, id, &index))
    existing = collab_store_get (imp->store, imp->via_kind, index);
  else if ((record = g_hash_table_lookup (imp->new_records, id)) == NULL)
    {
      record = g_new0 (CollabCsvNewRecord, 1);
      record->id = g_strdup (id);
      record->row = row;
      record->n_given = schema->n_fields;
      record->given = g_new0 (CollabCsvGiven, schema->n_fields);
      g_hash_table_insert (imp->new_records, record->id, record);
      g_ptr_array_add (imp->new_order, record);
    }

  for (guint c = 0; c < imp->columns->len; c++)
    {
      const CollabCsvColumn *column = collab_csv_import_column (imp, c);
      g_autoptr(GString) json = NULL;
      g_autofree char *text = NULL;
      int f;

      if (!column->companion || *imp->cells[c] == '\0')
        continue;

      f = (int) (column->field - schema->fields);
      json = g_string_new (NULL);
      text = collab_csv_convert_cell (imp, column->field, column, imp->cells[c], row, c, json, error);
      if (text == NULL)
        return FALSE;

      if (existing != NULL)
        {
          g_autofree char *known = NULL;

          /* What the dataset does not say, a roster cannot add: records
           * are appended, never changed. */
          if (!COLLAB_RECORD_PRESENT (existing, f))
            continue;
          known = collab_csv_field_text (imp->store, column->field,
                                         COLLAB_FIELD_PTR (existing, column->field));
          if (strcmp (known, text) != 0)
            {
              g_autofree char *shown_id = collab_error_cut (id);
              g_autofree char *shown_known = collab_error_cut (known);
              g_autofree char *shown_text = collab_error_cut (text);

              return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INCONSISTENT,
                                         row->line, (int) c, NULL,
                                         _("the %s \"%s\" has the %s \"%s\" in the dataset, "
                                           "and this row says \"%s\""),
                                         _(schema->singular), shown_id, column->field->name, shown_known,
                                         shown_text);
            }
        }
      else if (record->given[f].text == NULL)
        {
          record->given[f].text = g_steal_pointer (&text);
          record->given[f].json = g_string_free (g_steal_pointer (&json), FALSE);
          record->given[f].row = row;
          record->given[f].column = c;
        }
      else if (strcmp (record->given[f].text, text) != 0)
        {
          g_autofree char *shown_id = collab_error_cut (id);
          g_autofree char *shown_given = collab_error_cut (record->given[f].text);
          g_autofree char *shown_text = collab_error_cut (text);

          return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INCONSISTENT,
                                     row->line, (int) c, NULL,
                                     imp->sheet != NULL
                                     ? _("row %u gives the %s \"%s\" the %s \"%s\", and this row says \"%s\"")
                                     : _("line %u gives the %s \"%s\" the %s \"%s\", and this row says \"%s\""),
                                     record->given[f].row->line, _(schema->singular), shown_id,
                                     column->field->name, shown_given, shown_text);
        }
    }

  return TRUE;
}

/* The column that gives @field of the companion, else the column of the
 * companion reference: where a message about that field points. */
static int
companion_column (CollabCsvImport   *imp,
                  const CollabField *field)
{
  int column = collab_csv_find_column_of (imp, field, TRUE);

  return column >= 0 ? column : imp->via_column;
}

/* Appends the companions the rows created to the document, each with
 * every field its kind requires. */
gboolean
collab_csv_append_new_records (CollabCsvImport  *imp,
                               GString          *out,
                               GError          **error)
{
  const CollabSchema *schema = imp->via_schema;

  for (guint i = 0; i < imp->new_order->len; i++)
    {
      CollabCsvNewRecord *record = g_ptr_array_index (imp->new_order, i);
      gboolean first = TRUE;

      for (guint f = 0; f < schema->n_fields; f++)
        {
          const CollabField *field = &schema->fields[f];

          if ((field->flags & COLLAB_FIELD_REQUIRED) && field->type != COLLAB_FIELD_ID &&
              record->given[f].text == NULL)
            {
              g_autofree char *shown_id = collab_error_cut (record->id);

              return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_MISSING_MEMBER,
                                         record->row->line, companion_column (imp, field), NULL,
                                         _("the %s \"%s\" is not in the dataset, and none of its rows "
                                           "gives the %s a new %s needs"),
                                         _(schema->singular), shown_id, field->name, _(schema->singular));
            }
        }

      g_string_append (out, i > 0 ? ",\n" : "\n");
      g_string_append_c (out, '{');
      collab_csv_append_member (out, &first, "id");
      collab_json_append_string (out, record->id);
      for (guint f = 0; f < schema->n_fields; f++)
        if (record->given[f].json != NULL)
          {
            collab_csv_append_member (out, &first, schema->fields[f].name);
            g_string_append (out, record->given[f].json);
          }
      g_string_append_c (out, '}');
    }

  return TRUE;
}

/* People by name and home unit -------------------------------------------- */

/* Officers' rosters name people (姓名, with 专业 and 派出单位), not ids.
 * A row's person is then the one person of the dataset with that name
 * and home unit, else a new person, one per distinct name and home unit,
 * whose id is made from the two: the same roster always makes the same
 * people. Two people of one name in one unit cannot be told apart by a
 * roster, and the dataset's are reported rather than guessed. */

#define AMBIGUOUS ((gpointer) 1)

static char *hash_id (const char *prefix,
                      GPtrArray  *canonical);

static char *
person_key (const char *name,
            const char *unit)
{
  return g_strdup_printf ("%s\037%s", name, unit != NULL ? unit : "");
}

static GHashTable *
people_by_name (CollabCsvImport *imp)
{
  const CollabSchema *schema = imp->via_schema;
  int n = collab_schema_find_field (schema, "name");
  int o = collab_schema_find_field (schema, "organization");

  if (imp->people_by_name != NULL)
    return imp->people_by_name;

  imp->people_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < collab_store_count (imp->store, imp->via_kind); i++)
    {
      gconstpointer record = collab_store_get (imp->store, imp->via_kind, i);
      const char *id = ((const CollabRecordHeader *) record)->id;
      const char *unit = NULL;
      char *key;

      if (id == NULL || !COLLAB_RECORD_PRESENT (record, n))
        continue;
      if (COLLAB_RECORD_PRESENT (record, o))
        unit = collab_store_ref_id (imp->store, *(const CollabRef *) COLLAB_FIELD_PTR (record, &schema->fields[o]));
      key = person_key (*(const char * const *) COLLAB_FIELD_PTR (record, &schema->fields[n]), unit);
      if (g_hash_table_contains (imp->people_by_name, key))
        g_hash_table_insert (imp->people_by_name, key, AMBIGUOUS);
      else
        g_hash_table_insert (imp->people_by_name, key, (gpointer) id);
    }
  return imp->people_by_name;
}

char *
collab_csv_person_of_row (CollabCsvImport    *imp,
                          const CollabCsvRow *row,
                          GError            **error)
{
  const char *name = imp->cells[imp->via_name_column];
  int o = collab_schema_find_field (imp->via_schema, "organization");
  int unit_column = collab_csv_find_column_of (imp, &imp->via_schema->fields[o], TRUE);
  g_autofree char *unit = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) canonical = NULL;
  gpointer found;

  if (*name == '\0')
    return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_MISSING_MEMBER,
                                row->line, imp->via_name_column, NULL,
                                _("the cell is empty, and every %s needs a %s: write the name here "
                                  "or give the id in a column \"%s\""),
                                _(imp->schema->singular), _(imp->via_schema->singular), imp->via->name), NULL);

  /* The home unit as the dataset knows it: 某中学 and its id are one unit. */
  if (unit_column >= 0 && *imp->cells[unit_column] != '\0')
    {
      g_autoptr(GString) json = g_string_new (NULL);

      unit = collab_csv_convert_cell (imp, &imp->via_schema->fields[o], collab_csv_import_column (imp, unit_column),
                                      imp->cells[unit_column], row, unit_column, json, error);
      if (unit == NULL)
        return NULL;
    }

  key = person_key (name, unit);
  found = g_hash_table_lookup (people_by_name (imp), key);
  if (found == AMBIGUOUS)
    {
      g_autofree char *shown = collab_error_cut (name);

      return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                                  row->line, imp->via_name_column, NULL,
                                  _("the dataset has more than one %s named \"%s\" in this unit: "
                                    "give the id in a column \"%s\""),
                                  _(imp->via_schema->singular), shown, imp->via->name), NULL);
    }
  if (found != NULL)
    return g_strdup (found);

  /* A new person: the id is made from the name and unit alone, so that
   * every row naming them makes the same one, counted once. */
  canonical = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (canonical, g_steal_pointer (&key));
  {
    char *id = hash_id (imp->via_schema->singular, canonical);

    if (!g_hash_table_contains (imp->new_records, id))
      imp->n_generated++;
    return id;
  }
}

/* Ids for rows without one ------------------------------------------------ */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A kind prefix and ten hex digits of the SHA-256 of @canonical: the
 * values of a row as the export would write them, `member\037text`,
 * sorted, so that the order of the columns and the way a value is
 * written (延川 or 延川县, 2021/3/1 or 2021-03-01) make no difference. */
static char *
hash_id (const char *prefix,
         GPtrArray  *canonical)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *kind = g_strdelimit (g_strdup (prefix), " ", '-');

  g_ptr_array_sort (canonical, compare_strings);
  for (guint i = 0; i < canonical->len; i++)
    {
      const char *item = g_ptr_array_index (canonical, i);

      g_checksum_update (checksum, (const guchar *) item, -1);
      g_checksum_update (checksum, (const guchar *) "\036", 1);
    }
  return g_strdup_printf ("%s-%.10s", kind, g_checksum_get_string (checksum));
}

/* The id of a row of @canonical content. The second row of identical
 * content gets `-2`, and so on, in the order of the rows: the same table
 * always makes the same ids. */
char *
collab_csv_make_id (CollabCsvImport *imp,
                    const char      *prefix,
                    GPtrArray       *canonical)
{
  g_autofree char *base = hash_id (prefix, canonical);
  guint seen;

  seen = GPOINTER_TO_UINT (g_hash_table_lookup (imp->made_ids, base)) + 1;
  g_hash_table_insert (imp->made_ids, g_strdup (base), GUINT_TO_POINTER (seen));
  imp->n_generated++;
  if (seen == 1)
    return g_steal_pointer (&base);
  return g_strdup_printf ("%s-%u", base, seen);
}

/* Errors of the reader ----------------------------------------------------- */

static int
find_column_for (CollabCsvImport *imp,
                 gboolean         companion,
                 const char      *field,
                 const char      *sub)
{
  int found = -1;

  for (guint c = 0; c < imp->columns->len; c++)
    {
      const CollabCsvColumn *column = collab_csv_import_column (imp, c);

      if (column->field == NULL || column->companion != companion || strcmp (column->field->name, field) != 0)
        continue;
      if (sub == NULL || (column->sub != NULL && strcmp (column->sub->name, sub) == 0))
        return (int) c;
      if (found < 0)
        found = (int) c;
    }
  return found;
}

/* The reader says where as `FILE: $.member[N].field…: message`, with
 * ` (line L, column C)` of the document it was given, which means nothing
 * to whoever edits the CSV: the path is mapped to the row and column. */
void
collab_csv_map_reader_error (CollabCsvImport *imp,
                             GError          *reader_error,
                             GError         **error)
{
  const char *p = reader_error->message;
  g_autofree char *member = NULL;
  g_autofree char *field = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *message = NULL;
  const CollabCsvRow *row = NULL;
  CollabRecordKind kind;
  const char *q, *tail;
  guint64 index;
  int column = -1;

  if (!g_str_has_prefix (p, imp->name) || !g_str_has_prefix (p + strlen (imp->name), ": $."))
    goto verbatim;
  p += strlen (imp->name) + strlen (": $.");

  for (q = p; *q != '\0' && *q != '['; q++)
    ;
  if (*q != '[')
    goto verbatim;
  member = g_strndup (p, q - p);
  index = g_ascii_strtoull (q + 1, (char **) &p, 10);
  if (*p != ']' || !collab_schema_kind_from_member (member, &kind))
    goto verbatim;
  p++;

  /* The record's id beside it, " (d001)", once the reader has read it:
   * the row says where instead. Matched whole, as it was written, since
   * an id may hold any character. */
  if (*p == ' ')
    {
      g_autoptr(GString) annotation = g_string_new (NULL);
      const char *id = NULL;

      if (kind == imp->kind && index < imp->record_ids->len)
        id = g_ptr_array_index (imp->record_ids, index);
      else if (imp->via != NULL && kind == imp->via_kind && index < imp->new_order->len)
        id = ((CollabCsvNewRecord *) g_ptr_array_index (imp->new_order, index))->id;
      collab_error_append_id (annotation, id);
      if (annotation->len > 0 && g_str_has_prefix (p, annotation->str))
        p += annotation->len;
    }

  /* `.planned_end`, `.period.first_year`, `.status[0].date`, `.assisted[1]`, or nothing. */
  if (*p == '.')
    {
      for (q = ++p; *q != '\0' && *q != '.' && *q != '[' && *q != ':'; q++)
        ;
      field = g_strndup (p, q - p);
      p = q;
      if (*p == '[')
        p = strchr (p, ']') != NULL ? strchr (p, ']') + 1 : p;
      if (*p == '.')
        {
          for (q = ++p; *q != '\0' && *q != '.' && *q != '[' && *q != ':'; q++)
            ;
          sub = g_strndup (p, q - p);
          p = q;
        }
    }
  q = strstr (p, ": ");
  if (q == NULL)
    goto verbatim;
  message = g_strdup (q + 2);
  tail = g_strrstr (message, " (line ");
  if (tail != NULL && g_str_has_suffix (tail, ")"))
    message[tail - message] = '\0';

  if (kind == imp->kind && index < imp->record_rows->len)
    {
      row = g_ptr_array_index (imp->record_rows, index);
      if (field != NULL)
        column = find_column_for (imp, FALSE, field, sub);
    }
  else if (imp->via != NULL && kind == imp->via_kind && index < imp->new_order->len)
    {
      CollabCsvNewRecord *record = g_ptr_array_index (imp->new_order, index);
      int f = field != NULL ? collab_schema_find_field (imp->via_schema, field) : -1;

      row = record->row;
      column = imp->via_column;
      if (f >= 0 && record->given[f].row != NULL)
        {
          row = record->given[f].row;
          column = (int) record->given[f].column;
        }
      else if (f >= 0)
        column = companion_column (imp, &imp->via_schema->fields[f]);
    }
  else
    goto verbatim;

  collab_csv_fail_at (imp, error, reader_error->code, row->line, column,
                      column < 0 ? field : NULL, "%s", message);
  return;

verbatim:
  g_propagate_error (error, g_error_copy (reader_error));
}

