/* collab-csv-values.c: a cell of a CSV row as a JSON value
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The import does not check values itself: it writes each cell as the
 * JSON the dataset document would have (`"2021-03-01"`, `["a", "b"]`,
 * `"1920万"`) and lets the JSON reader check the record, so that a record
 * is held to the same rules however it arrives. What is converted here
 * is only what a spreadsheet writes differently from the document: dates
 * as 2021/3/1 or 2021年3月1日, Chinese words for enums, lists with Chinese
 * separators, bare amounts under a header that names a unit, and
 * references by name instead of id.
 *
 * Each conversion also returns the value's canonical text, what the
 * export would write for it (collab_csv_field_text()), by which the rows
 * of a roster are compared with each other and with the dataset.
 */

#include <string.h>

#include <libcollab/collab-error.h>
#include <libcollab/collab-money.h>

#include "collab-csv-import-private.h"
#include "collab-json-private.h"

/* Lists and dates ---------------------------------------------------------- */

/* A list cell: `poverty_lifted;national_key`, or with the separators a
 * Chinese keyboard types. */
static GPtrArray *
split_list (const char *text)
{
  static const char * const separators[] = { ";", ",", "；", "，", "、" };
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;
  const char *p = text;

  for (;;)
    {
      gsize sep = 0;

      if (*p != '\0')
        for (guint i = 0; i < G_N_ELEMENTS (separators) && sep == 0; i++)
          if (g_str_has_prefix (p, separators[i]))
            sep = strlen (separators[i]);

      if (*p == '\0' || sep > 0)
        {
          g_autofree char *raw = g_strndup (start, p - start);
          char *item = collab_csv_trim_cell (raw);

          if (*item != '\0')
            g_ptr_array_add (items, item);
          else
            g_free (item);
          if (*p == '\0')
            break;
          p += sep;
          start = p;
        }
      else
        p = g_utf8_next_char (p);
    }

  return items;
}

/* `2021-03-01`, `2021/3/1`, `2021.3.1`, `2021年3月1日`, each maybe with a
 * midnight time of day as spreadsheets add; NULL for anything else. The
 * calendar is checked by the reader. */
static char *
normalize_date (const char *text)
{
  const char *p = text;
  guint year = 0, month = 0, day = 0;
  gboolean chinese;
  char separator;
  int digits;

  for (digits = 0; digits < 4 && g_ascii_isdigit (*p); digits++, p++)
    year = year * 10 + g_ascii_digit_value (*p);
  if (digits != 4)
    return NULL;

  chinese = g_str_has_prefix (p, "年");
  separator = *p;
  if (chinese)
    p += strlen ("年");
  else if (separator == '-' || separator == '/' || separator == '.')
    p++;
  else
    return NULL;

  for (digits = 0; digits < 2 && g_ascii_isdigit (*p); digits++, p++)
    month = month * 10 + g_ascii_digit_value (*p);
  if (digits == 0)
    return NULL;

  if (chinese && g_str_has_prefix (p, "月"))
    p += strlen ("月");
  else if (!chinese && *p == separator)
    p++;
  else
    return NULL;

  for (digits = 0; digits < 2 && g_ascii_isdigit (*p); digits++, p++)
    day = day * 10 + g_ascii_digit_value (*p);
  if (digits == 0)
    return NULL;

  if (chinese && (g_str_has_prefix (p, "日") || g_str_has_prefix (p, "号")))
    p += strlen ("日");

  if (*p == ' ')
    {
      static const char * const midnight[] = { " 0:00", " 00:00", " 0:00:00", " 00:00:00" };
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (midnight) && !found; i++)
        if (strcmp (p, midnight[i]) == 0)
          found = TRUE;
      if (!found)
        return NULL;
      p += strlen (p);
    }

  if (*p != '\0')
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* References by id, else by name ------------------------------------------- */

typedef struct
{
  char *id;
  char *other;   /* a second record of the same name, or NULL */
} NameEntry;

static void
name_entry_free (gpointer data)
{
  NameEntry *entry = data;

  g_free (entry->id);
  g_free (entry->other);
  g_free (entry);
}

static void
add_name (GHashTable *table,
          const char *name,
          const char *id)
{
  NameEntry *entry = g_hash_table_lookup (table, name);

  if (entry == NULL)
    {
      entry = g_new0 (NameEntry, 1);
      entry->id = g_strdup (id);
      g_hash_table_insert (table, g_strdup (name), entry);
    }
  else if (strcmp (entry->id, id) != 0 && entry->other == NULL)
    entry->other = g_strdup (id);
}

/* The records of @kind by name: those of the dataset, and when the file
 * holds that kind, its rows. Built when a reference first needs it. */
static GHashTable *
name_index (CollabCsvImport  *imp,
            CollabRecordKind  kind)
{
  const CollabSchema *schema = collab_schema_for_kind (kind);
  int n = collab_schema_find_field (schema, "name");
  GHashTable *table;

  if (imp->names[kind] != NULL)
    return imp->names[kind];

  table = imp->names[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, name_entry_free);
  if (n < 0 || schema->fields[n].type != COLLAB_FIELD_STRING)
    return table;

  for (guint i = 0; i < collab_store_count (imp->store, kind); i++)
    {
      gconstpointer record = collab_store_get (imp->store, kind, i);
      const char *id = ((const CollabRecordHeader *) record)->id;

      if (id != NULL && COLLAB_RECORD_PRESENT (record, n))
        add_name (table, *(const char * const *) COLLAB_FIELD_PTR (record, &schema->fields[n]), id);
    }

  if (kind == imp->kind)
    {
      int id_field = collab_schema_find_field (schema, "id");
      int name_column = collab_csv_find_column_of (imp, &schema->fields[n], FALSE);
      int id_column = collab_csv_find_column_of (imp, &schema->fields[id_field], FALSE);

      for (guint r = 0; name_column >= 0 && id_column >= 0 && r < imp->rows->len; r++)
        {
          const CollabCsvRow *row = g_ptr_array_index (imp->rows, r);
          g_autofree char *name = NULL;
          g_autofree char *id = NULL;

          if (row == imp->header || row->n_cells != imp->columns->len)
            continue;
          name = collab_csv_trim_cell (row->cells[name_column]);
          id = collab_csv_trim_cell (row->cells[id_column]);
          if (*name != '\0' && *id != '\0')
            add_name (table, name, id);
        }
    }

  return table;
}

/* The id a reference cell means: an id of the dataset or of the file, or
 * the name of exactly one record (派往地 written 延川县 for `yanchuan`).
 * What names nothing is left for the reader to report. */
static char *
resolve_ref (CollabCsvImport    *imp,
             const CollabField  *field,
             const char         *text,
             const CollabCsvRow *row,
             guint               column,
             GError            **error)
{
  const char *found = NULL;
  CollabRecordKind found_kind = 0;

  if (collab_store_find_ref (imp->store, field->ref_kinds, text) != COLLAB_REF_NONE)
    return g_strdup (text);
  if ((field->ref_kinds & (1u << imp->kind)) && g_hash_table_contains (imp->csv_ids, text))
    return g_strdup (text);
  if (field == imp->via && imp->has_via_columns)
    return g_strdup (text);

  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    {
      NameEntry *entry;

      if (!(field->ref_kinds & (1u << k)))
        continue;
      entry = g_hash_table_lookup (name_index (imp, k), text);
      if (entry == NULL)
        continue;
      if (entry->other != NULL || found != NULL)
        return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                                    row->line, (int) column, NULL,
                                    "\"%s\" is the name of more than one record (%s \"%s\", %s \"%s\"): write the id",
                                    text, collab_schema_kind_name (found != NULL ? found_kind : k),
                                    found != NULL ? found : entry->id, collab_schema_kind_name (k),
                                    found != NULL ? entry->id : entry->other), NULL);
      found = entry->id;
      found_kind = k;
    }

  return g_strdup (found != NULL ? found : text);
}

/* Values ------------------------------------------------------------------- */

static gboolean
bad_value (CollabCsvImport    *imp,
           const CollabField  *field,
           const char         *text,
           const CollabCsvRow *row,
           guint               column,
           GError            **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (field->enum_type ());
  g_autoptr(GString) choices = g_string_new (NULL);
  guint n_values = G_IS_FLAGS_CLASS (klass) ? G_FLAGS_CLASS (klass)->n_values : G_ENUM_CLASS (klass)->n_values;

  for (guint i = 0; i < n_values; i++)
    {
      const char *nick;
      const char *word;

      if (G_IS_FLAGS_CLASS (klass))
        nick = G_FLAGS_CLASS (klass)->values[i].value_nick;
      else if (G_ENUM_CLASS (klass)->values[i].value == 0 && (field->flags & COLLAB_FIELD_NONZERO))
        continue;
      else
        nick = G_ENUM_CLASS (klass)->values[i].value_nick;

      word = collab_csv_value_word (field->enum_type (), nick);
      g_string_append_printf (choices, "%s%s", choices->len > 0 ? ", " : "", nick);
      if (word != NULL)
        g_string_append_printf (choices, " (%s)", word);
    }

  return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                             row->line, (int) column, NULL,
                             "expected one of %s, found \"%s\"", choices->str, text);
}

/* Converts a trimmed, non-empty cell for @field: appends its JSON value
 * to @json and returns the text the export would write for it, which is
 * what rows are compared by; NULL with @error set when the cell cannot
 * be read. */
char *
collab_csv_convert_cell (CollabCsvImport       *imp,
                         const CollabField     *field,
                         const CollabCsvColumn *column,
                         const char            *text,
                         const CollabCsvRow    *row,
                         guint                  index,
                         GString               *json,
                         GError               **error)
{
  switch (field->type)
    {
    case COLLAB_FIELD_ID:
    case COLLAB_FIELD_STRING:
      collab_json_append_string (json, text);
      return g_strdup (text);

    case COLLAB_FIELD_ENUM:
      {
        const char *nick = collab_csv_value_nick (field, text);

        if (nick == NULL)
          return (bad_value (imp, field, text, row, index, error), NULL);
        collab_json_append_string (json, nick);
        return g_strdup (nick);
      }

    case COLLAB_FIELD_FLAGS:
      {
        g_autoptr(GPtrArray) items = split_list (text);
        g_autoptr(GFlagsClass) klass = g_type_class_ref (field->enum_type ());
        GString *canonical = g_string_new (NULL);
        guint value = 0;

        for (guint i = 0; i < items->len; i++)
          {
            const char *nick = collab_csv_value_nick (field, g_ptr_array_index (items, i));

            if (nick == NULL)
              {
                g_string_free (canonical, TRUE);
                return (bad_value (imp, field, g_ptr_array_index (items, i), row, index, error), NULL);
              }
            value |= g_flags_get_value_by_nick (klass, nick)->value;
          }
        collab_csv_append_flags_text (canonical, field->enum_type (), value);
        g_string_append_c (json, '[');
        for (guint i = 0; i < klass->n_values; i++)
          if (klass->values[i].value != 0 && (value & klass->values[i].value) == klass->values[i].value)
            {
              if (json->str[json->len - 1] != '[')
                g_string_append (json, ", ");
              collab_json_append_string (json, klass->values[i].value_nick);
            }
        g_string_append_c (json, ']');
        return g_string_free (canonical, FALSE);
      }

    case COLLAB_FIELD_REF:
      {
        char *id = resolve_ref (imp, field, text, row, index, error);

        if (id != NULL)
          collab_json_append_string (json, id);
        return id;
      }

    case COLLAB_FIELD_REF_LIST:
      {
        g_autoptr(GPtrArray) items = split_list (text);
        GString *canonical = g_string_new (NULL);

        g_string_append_c (json, '[');
        for (guint i = 0; i < items->len; i++)
          {
            g_autofree char *id = resolve_ref (imp, field, g_ptr_array_index (items, i), row, index, error);

            if (id == NULL)
              {
                g_string_free (canonical, TRUE);
                return NULL;
              }
            if (i > 0)
              {
                g_string_append (json, ", ");
                g_string_append_c (canonical, ';');
              }
            collab_json_append_string (json, id);
            g_string_append (canonical, id);
          }
        g_string_append_c (json, ']');
        return g_string_free (canonical, FALSE);
      }

    case COLLAB_FIELD_DATE:
      {
        char *date = normalize_date (text);

        if (date == NULL)
          return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                                      row->line, (int) index, NULL,
                                      "expected a date such as 2021-03-01, 2021/3/1, 2021.3.1 or 2021年3月1日, "
                                      "found \"%s\"", text), NULL);
        collab_json_append_string (json, date);
        return date;
      }

    case COLLAB_FIELD_AMOUNT:
      {
        g_autofree char *amount = NULL;
        gint64 fen;

        /* Bare numbers under 金额（万元） are 万. */
        if (column != NULL && column->unit != NULL && g_ascii_isdigit (text[strlen (text) - 1]))
          amount = g_strconcat (text, column->unit, NULL);
        else
          amount = g_strdup (text);
        collab_json_append_string (json, amount);
        if (collab_money_parse (amount, &fen, NULL))
          return collab_money_format (fen);
        return g_steal_pointer (&amount);
      }

    case COLLAB_FIELD_INT:
    case COLLAB_FIELD_YEAR:
      {
        g_autofree char *digits = g_strdup (text);
        gint64 value;

        if (field->type == COLLAB_FIELD_YEAR && g_str_has_suffix (digits, "年"))
          digits[strlen (digits) - strlen ("年")] = '\0';
        if (!g_ascii_string_to_signed (digits, 10, G_MININT64, G_MAXINT64, &value, NULL))
          return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                                      row->line, (int) index, NULL,
                                      "expected %s, found \"%s\"",
                                      field->type == COLLAB_FIELD_YEAR ? "a year such as 2021" : "a whole number",
                                      text), NULL);
        g_string_append_printf (json, "%" G_GINT64_FORMAT, value);
        return g_strdup_printf ("%" G_GINT64_FORMAT, value);
      }

    case COLLAB_FIELD_BOOL:
      {
        gboolean value;

        if (!collab_csv_read_bool (text, &value))
          return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                                      row->line, (int) index, NULL,
                                      "expected 是 or 否 (true or false, 1 or 0), found \"%s\"", text), NULL);
        g_string_append (json, value ? "true" : "false");
        return g_strdup (value ? "true" : "false");
      }

    case COLLAB_FIELD_OBJECT:
    case COLLAB_FIELD_ARRAY:
    default:
      g_assert_not_reached ();
    }
}
