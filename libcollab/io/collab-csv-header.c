/* collab-csv-header.c: the header row of a table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Which field of the kind's table each column of a CSV file or a sheet
 * gives (collab-csv-import-private.h says which file does what).
 */

#include <string.h>

#include <libcollab/collab-error.h>

#include "collab-csv-import-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

/* The header row ----------------------------------------------------------- */

/* The header row names the members of the dataset document, in English
 * (`planned_end`, `Planned End`, `period.first_year`) or by a Chinese
 * alias (计划结束日期), and the columns of a roster's person beside those
 * of the dispatch. Each column is resolved once, here, to a field of the
 * kind's table (CollabCsvColumn); the rows are then read by column, with
 * no more look-ups by name. A column the kind does not know is kept as a
 * string member. Every required member the header lacks is reported at
 * once: one round trip to the spreadsheet.
 */

/* The clear function of an array of CollabCsvColumn. */
void
collab_csv_column_clear (gpointer data)
{
  CollabCsvColumn *column = data;

  g_free (column->member);
  g_free (column->header);
}

/* A history such as a project's status: an array of steps, each an enum
 * named like the array and a `date`. A CSV row has room for the latest
 * step only, as `status` and `status_date`. */
gboolean
collab_csv_latest_fields (const CollabField  *field,
                          const CollabField **value,
                          const CollabField **date)
{
  int v, d;

  if (field->type != COLLAB_FIELD_ARRAY)
    return FALSE;
  v = collab_schema_find_field (field->sub, field->name);
  d = collab_schema_find_field (field->sub, "date");
  if (v < 0 || d < 0 || field->sub->fields[v].type != COLLAB_FIELD_ENUM ||
      field->sub->fields[d].type != COLLAB_FIELD_DATE)
    return FALSE;

  *value = &field->sub->fields[v];
  *date = &field->sub->fields[d];
  return TRUE;
}

typedef enum { FIND_NONE, FIND_OK, FIND_NO_CSV_FORM } FindResult;

static FindResult
find_target (const CollabSchema *schema,
             const char         *member,
             CollabCsvColumn    *column)
{
  const char *dot = strchr (member, '.');
  const CollabField *value, *date;
  int i;

  if (dot != NULL)
    {
      g_autofree char *head = g_strndup (member, dot - member);
      const CollabField *object;
      int j;

      i = collab_schema_find_field (schema, head);
      if (i < 0 || schema->fields[i].type != COLLAB_FIELD_OBJECT)
        return FIND_NONE;
      object = &schema->fields[i];
      j = collab_schema_find_field (object->sub, dot + 1);
      if (j < 0 || !collab_csv_is_scalar (object->sub->fields[j].type))
        return FIND_NONE;
      column->type = COLLAB_CSV_TARGET_SUBFIELD;
      column->field = object;
      column->sub = &object->sub->fields[j];
      column->member = g_strdup_printf ("%s.%s", object->name, column->sub->name);
      return FIND_OK;
    }

  i = collab_schema_find_field (schema, member);
  if (i >= 0)
    {
      const CollabField *field = &schema->fields[i];

      column->field = field;
      column->member = g_strdup (field->name);
      if (collab_csv_is_scalar (field->type))
        column->type = COLLAB_CSV_TARGET_FIELD;
      else if (collab_csv_latest_fields (field, &value, &date))
        {
          column->type = COLLAB_CSV_TARGET_LATEST;
          column->sub = value;
        }
      else
        {
          g_clear_pointer (&column->member, g_free);
          return FIND_NO_CSV_FORM;
        }
      return FIND_OK;
    }

  if (g_str_has_suffix (member, "_date"))
    {
      g_autofree char *head = g_strndup (member, strlen (member) - strlen ("_date"));

      i = collab_schema_find_field (schema, head);
      if (i >= 0 && collab_csv_latest_fields (&schema->fields[i], &value, &date))
        {
          column->type = COLLAB_CSV_TARGET_LATEST_DATE;
          column->field = &schema->fields[i];
          column->sub = date;
          column->member = g_strdup (member);
          return FIND_OK;
        }
    }

  return FIND_NONE;
}

static gboolean
same_target (const CollabCsvColumn *a,
             const CollabCsvColumn *b)
{
  if (a->type == COLLAB_CSV_TARGET_NONE || b->type == COLLAB_CSV_TARGET_NONE)
    return FALSE;
  if (a->type == COLLAB_CSV_TARGET_EXTRA || b->type == COLLAB_CSV_TARGET_EXTRA)
    return a->type == b->type && strcmp (a->member, b->member) == 0;
  return a->type == b->type && a->companion == b->companion && a->field == b->field && a->sub == b->sub &&
         a->flag == b->flag;
}

static FindResult
find_member (CollabCsvImport *imp,
             const char      *member,
             CollabCsvColumn *column)
{
  FindResult found = find_target (imp->schema, member, column);

  if (found != FIND_NONE || imp->via_schema == NULL)
    return found;

  /* A roster row's person columns: anything the person has but the
   * dispatch does not, its id aside (that is the `person` column). */
  if (find_target (imp->via_schema, member, column) == FIND_OK)
    {
      if (column->type == COLLAB_CSV_TARGET_FIELD && column->field->type != COLLAB_FIELD_ID)
        {
          column->companion = TRUE;
          return FIND_OK;
        }
      g_clear_pointer (&column->member, g_free);
      column->type = COLLAB_CSV_TARGET_NONE;
      column->field = column->sub = NULL;
    }
  return FIND_NONE;
}

/* A follow-up's person (姓名) and employer (用工单位), a placement's
 * worker's home county (户籍县): fields of the record a reference names,
 * by which the import finds it. */
static FindResult
find_key (CollabCsvImport *imp,
          const char      *member,
          CollabCsvColumn *column)
{
  const CollabSchema *schema;
  int i;

  if (imp->keyed == NULL)
    return FIND_NONE;
  schema = collab_schema_for_kind ((CollabRecordKind) g_bit_nth_lsf (imp->keyed->ref_kinds, -1));
  i = collab_schema_find_field (schema, member);
  if (i < 0 || collab_csv_key_of_field (imp, &schema->fields[i]) < 0)
    return FIND_NONE;
  column->type = COLLAB_CSV_TARGET_KEY;
  column->field = &schema->fields[i];
  column->member = g_strdup_printf ("%s.%s", imp->keyed->name, member);
  return FIND_OK;
}

/* A column of one flag of a flags field, yes or no: a worker's 脱贫人口. */
static FindResult
find_flag (CollabCsvImport *imp,
           const char      *header,
           CollabCsvColumn *column)
{
  for (guint f = 0; f < imp->schema->n_fields; f++)
    if (collab_csv_flag_of_header (&imp->schema->fields[f], header, &column->flag))
      {
        column->type = COLLAB_CSV_TARGET_FLAG;
        column->field = &imp->schema->fields[f];
        column->member = g_strdup (column->field->name);
        return FIND_OK;
      }
  return FIND_NONE;
}

typedef FindResult (*Finder) (CollabCsvImport *imp,
                               const char      *member,
                               CollabCsvColumn *column);

/* What @find finds for the member a header names in English (@key) or
 * by one of its Chinese aliases, tried in order. */
static FindResult
find_named (Finder           find,
            CollabCsvImport *imp,
            const char      *base,
            const char      *key,
            CollabCsvColumn *column)
{
  FindResult found = find (imp, key, column);
  const char *alias;

  for (guint n = 0; found == FIND_NONE && (alias = collab_csv_header_alias (base, n)) != NULL; n++)
    found = find (imp, alias, column);
  return found;
}

/* The header of a column, in the order tried: a member of the kind (or
 * of a roster's person), a field of what a follow-up refers to, a flag. */
static FindResult
find_column (CollabCsvImport *imp,
             const char      *base,
             CollabCsvColumn *column)
{
  g_autofree char *key = collab_csv_english_key (base);
  FindResult found = find_named (find_member, imp, base, key, column);

  if (found == FIND_NONE)
    found = find_named (find_key, imp, base, key, column);
  if (found == FIND_NONE)
    found = find_flag (imp, base, column);
  return found;
}

/* The required members the header has no column for, with the Chinese
 * header an export of @kind writes for them (a donation's 受赠地, not a
 * dispatch's 派往地): an inline sub-record's too (a job offer's open.first). */
static void
append_missing (GString          *missing,
                CollabRecordKind  kind,
                const char       *member,
                guint            *n_missing)
{
  const char *alias = collab_csv_export_header (kind, member);

  g_string_append_printf (missing, "%s\"%s\"", missing->len > 0 ? ", " : "", member);
  if (alias != NULL)
    /* Translators: after a member missing from the header, its Chinese header */
    g_string_append_printf (missing, _(" (or \"%s\")"), alias);
  (*n_missing)++;
}

static gboolean
has_subfield_column (CollabCsvImport   *imp,
                     const CollabField *field,
                     const CollabField *sub)
{
  for (guint c = 0; c < imp->columns->len; c++)
    {
      const CollabCsvColumn *column = collab_csv_import_column (imp, c);

      if (column->type == COLLAB_CSV_TARGET_SUBFIELD && column->field == field && column->sub == sub)
        return TRUE;
    }
  return FALSE;
}

/* The column that gives @field of the row's own record or, with
 * @companion, of its companion; -1 when none does. */
int
collab_csv_find_column_of (CollabCsvImport   *imp,
                           const CollabField *field,
                           gboolean           companion)
{
  for (guint c = 0; c < imp->columns->len; c++)
    {
      const CollabCsvColumn *column = collab_csv_import_column (imp, c);

      if (column->type == COLLAB_CSV_TARGET_FIELD && column->companion == companion && column->field == field)
        return (int) c;
    }
  return -1;
}

gboolean
collab_csv_read_header (CollabCsvImport *imp,
                        GError         **error)
{
  const CollabCsvRow *header = imp->header;
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_missing = 0;

  for (guint c = 0; c < header->n_cells; c++)
    {
      CollabCsvColumn column = { 0 };
      g_autofree char *base = NULL;
      const char *unit;
      FindResult found = FIND_NONE;

      column.header = collab_csv_trim_cell (header->cells[c]);
      g_array_append_val (imp->columns, column);
      if (*column.header == '\0')
        continue;
      /* The row numbers officers keep beside the records (序号) are
       * no member of anything. */
      if (collab_csv_header_is_ignored (column.header))
        {
          g_array_index (imp->columns, CollabCsvColumn, c).type = COLLAB_CSV_TARGET_IGNORED;
          continue;
        }

      unit = collab_csv_header_unit (column.header, &base);
      found = find_column (imp, base, &column);

      if (found == FIND_NO_CSV_FORM)
        {
          g_autofree char *label = collab_error_cut (column.header);

          return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_TYPE, header->line, c, label,
                                     _("a %s holds a list of records here, which a CSV column cannot"),
                                     _(imp->schema->singular));
        }
      if (found == FIND_NONE)
        {
          column.type = COLLAB_CSV_TARGET_EXTRA;
          column.member = g_strdup (column.header);
        }
      if (column.type != COLLAB_CSV_TARGET_EXTRA &&
          (column.type == COLLAB_CSV_TARGET_SUBFIELD ? column.sub : column.field)->type == COLLAB_FIELD_AMOUNT)
        column.unit = unit;
      g_array_index (imp->columns, CollabCsvColumn, c) = column;

      for (guint before = 0; before < c; before++)
        if (same_target (collab_csv_import_column (imp, before), &column))
          {
            g_autofree char *other = collab_error_cut (collab_csv_import_column (imp, before)->header);
            g_autofree char *member = collab_error_cut (column.member);

            return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                                       header->line, c, NULL,
                                       _("column %u (%s) already gives \"%s\""), before + 1, other, member);
          }

      if (column.type == COLLAB_CSV_TARGET_FIELD && column.companion)
        imp->has_via_columns = TRUE;
      if (column.type == COLLAB_CSV_TARGET_FIELD && !column.companion && column.field == imp->via)
        imp->via_column = (int) c;
      if (column.type == COLLAB_CSV_TARGET_FIELD && column.companion &&
          strcmp (column.field->name, "name") == 0)
        imp->via_name_column = (int) c;
      if (column.type == COLLAB_CSV_TARGET_KEY)
        imp->key_columns[collab_csv_key_of_field (imp, column.field)] = (int) c;
    }

  /* Officers' sheets have no ids: the import makes them from the rows.
   * A roster names its people by name instead of id: the person of a
   * row is then found or made from the name and home unit. */
  {
    int id_field = collab_schema_find_field (imp->schema, "id");

    imp->generate_ids = (imp->schema->fields[id_field].flags & COLLAB_FIELD_REQUIRED) &&
                        collab_csv_find_column_of (imp, &imp->schema->fields[id_field], FALSE) < 0;
  }

  /* Every column missing at once: one round trip to the spreadsheet. */
  for (guint f = 0; f < imp->schema->n_fields; f++)
    {
      const CollabField *field = &imp->schema->fields[f];

      if (!(field->flags & COLLAB_FIELD_REQUIRED) || collab_csv_find_column_of (imp, field, FALSE) >= 0)
        continue;
      if (field->type == COLLAB_FIELD_ID && imp->generate_ids)
        continue;
      if (field == imp->via && imp->via_name_column >= 0)
        continue;
      if (field == imp->keyed && collab_csv_by_person (imp))
        continue;

      if (field->type == COLLAB_FIELD_OBJECT)
        {
          for (guint s = 0; s < field->sub->n_fields; s++)
            if ((field->sub->fields[s].flags & COLLAB_FIELD_REQUIRED) &&
                !has_subfield_column (imp, field, &field->sub->fields[s]))
              {
                g_autofree char *member = g_strdup_printf ("%s.%s", field->name, field->sub->fields[s].name);

                append_missing (missing, imp->kind, member, &n_missing);
              }
        }
      else
        append_missing (missing, imp->kind, field->name, &n_missing);
    }

  if (n_missing > 0)
    return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_MISSING_MEMBER, header->line, 0,
                               "",
                               ngettext_ ("the header has no column %s, which every %s needs",
                               "the header has no columns %s, which every %s needs", n_missing),
                               missing->str, _(imp->schema->singular));

  return TRUE;
}

