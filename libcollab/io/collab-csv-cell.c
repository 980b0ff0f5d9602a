/* collab-csv-cell.c: a cell of a table as a JSON value
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The cells of a row, from a CSV file or a sheet, become the JSON values
 * of the dataset document (collab-csv-import-private.h says which file
 * does what). A reference cell may hold an id, or name a record the way
 * officers do: by its full name (延川县), its GB/T 2260 code (610622) or
 * its name without the suffix (延川). When nothing matches, the error
 * names the closest records, so that a typing slip costs one look.
 */

#include <string.h>

#include <libcollab/collab-error.h>
#include <libcollab/collab-money.h>

#include "collab-csv-import-private.h"
#include "collab-json-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

/* References by id, else by name, code or short name ----------------------- */

typedef struct
{
  char *id;
  char *other;   /* a second record of the same key, or NULL */
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
add_key (GHashTable *table,
         const char *key,
         const char *id)
{
  NameEntry *entry;

  if (key == NULL || *key == '\0')
    return;
  entry = g_hash_table_lookup (table, key);
  if (entry == NULL)
    {
      entry = g_new0 (NameEntry, 1);
      entry->id = g_strdup (id);
      g_hash_table_insert (table, g_strdup (key), entry);
    }
  else if (strcmp (entry->id, id) != 0 && entry->other == NULL)
    entry->other = g_strdup (id);
}

/* The name of a record of @kind without its suffix. Only units of
 * administration and companies have one: 李小镇 may be a person, and 李小
 * is not them; 海澜集团 is 海澜集团有限公司. */
static char *
short_name_of (CollabRecordKind  kind,
               const char       *name)
{
  if (name == NULL)
    return NULL;
  if (kind == COLLAB_RECORD_KIND_REGION)
    return collab_csv_short_name (name);
  if (kind == COLLAB_RECORD_KIND_ORGANIZATION)
    return collab_csv_short_company_name (name);
  return NULL;
}

/* The field a record of @schema is named by: its name, else its title,
 * which is how officers name a plan task (积极开展红色教育培训). */
static int
name_field_of (const CollabSchema *schema)
{
  int n = collab_schema_find_field (schema, "name");

  return n >= 0 ? n : collab_schema_find_field (schema, "title");
}

/* Files a record of @kind and @id under its @name, the name's short form,
 * and its @code. */
static void
add_record (GHashTable       **tables,
            CollabRecordKind   kind,
            const char        *id,
            const char        *name,
            const char        *code)
{
  g_autofree char *short_name = short_name_of (kind, name);

  add_key (tables[COLLAB_CSV_KEY_NAME], name, id);
  add_key (tables[COLLAB_CSV_KEY_CODE], code, id);
  add_key (tables[COLLAB_CSV_KEY_SHORT_NAME], short_name, id);
}

static const char *
string_field (gconstpointer       record,
              const CollabSchema *schema,
              int                 field)
{
  if (field < 0 || schema->fields[field].type != COLLAB_FIELD_STRING || !COLLAB_RECORD_PRESENT (record, field))
    return NULL;
  return *(const char * const *) COLLAB_FIELD_PTR (record, &schema->fields[field]);
}

/* The records of @kind by each key: those of the dataset, and when the
 * file holds that kind, its rows. Built when a reference first needs it. */
static GHashTable **
name_index (CollabCsvImport  *imp,
            CollabRecordKind  kind)
{
  const CollabSchema *schema = collab_schema_for_kind (kind);
  int n = name_field_of (schema);
  int code = collab_schema_find_field (schema, "code");
  GHashTable **tables = imp->names[kind];

  if (tables[0] != NULL)
    return tables;

  for (guint key = 0; key < COLLAB_CSV_N_KEYS; key++)
    tables[key] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, name_entry_free);

  for (guint i = 0; i < collab_store_count (imp->store, kind); i++)
    {
      gconstpointer record = collab_store_get (imp->store, kind, i);
      const char *id = ((const CollabRecordHeader *) record)->id;

      if (id != NULL)
        add_record (tables, kind, id, string_field (record, schema, n), string_field (record, schema, code));
    }

  if (kind == imp->kind && n >= 0)
    {
      int id_field = collab_schema_find_field (schema, "id");
      int name_column = collab_csv_find_column_of (imp, &schema->fields[n], FALSE);
      int id_column = collab_csv_find_column_of (imp, &schema->fields[id_field], FALSE);
      int code_column = code >= 0 ? collab_csv_find_column_of (imp, &schema->fields[code], FALSE) : -1;

      for (guint r = 0; name_column >= 0 && id_column >= 0 && r < imp->rows->len; r++)
        {
          const CollabCsvRow *row = g_ptr_array_index (imp->rows, r);
          g_autofree char *name = NULL;
          g_autofree char *id = NULL;
          g_autofree char *code_text = NULL;

          if (row == imp->header || row->n_cells != imp->columns->len)
            continue;
          name = collab_csv_trim_cell (row->cells[name_column]);
          id = collab_csv_trim_cell (row->cells[id_column]);
          code_text = code_column >= 0 ? collab_csv_trim_cell (row->cells[code_column]) : NULL;
          if (*id != '\0')
            add_record (tables, kind, id, name, code_text);
        }
    }

  return tables;
}

/* Candidates --------------------------------------------------------------- */

/* The edit distance of two strings in characters (Levenshtein), which is
 * what a slip of a Chinese input method changes: 延安县 for 延川县 is one. */
static guint
edit_distance (const char *a,
               const char *b)
{
  glong n, m;
  g_autofree gunichar *s = g_utf8_to_ucs4_fast (a, -1, &n);
  g_autofree gunichar *t = g_utf8_to_ucs4_fast (b, -1, &m);
  g_autofree guint *row = g_new (guint, m + 1);

  for (glong j = 0; j <= m; j++)
    row[j] = (guint) j;
  for (glong i = 1; i <= n; i++)
    {
      guint diagonal = row[0];

      row[0] = (guint) i;
      for (glong j = 1; j <= m; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (s[i - 1] != t[j - 1]));
          diagonal = above;
        }
    }
  return row[m];
}

static guint
shared_prefix (const char *a,
               const char *b)
{
  guint n = 0;

  for (; *a != '\0' && g_utf8_get_char (a) == g_utf8_get_char (b); a = g_utf8_next_char (a), b = g_utf8_next_char (b))
    n++;
  return n;
}

typedef struct
{
  guint       distance;
  guint       prefix;
  const char *name;
  const char *id;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  if (x->prefix != y->prefix)
    return x->prefix > y->prefix ? -1 : 1;
  return strcmp (x->id, y->id);
}

/* @items joined for a sentence: `a, b or c`, or with @and `a, b and c`. */
char *
collab_csv_join (GPtrArray *items,
                 gboolean   and)
{
  char *list = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);
      char *longer;

      if (list == NULL)
        longer = g_strdup (item);
      else if (i + 1 == items->len && and)
        /* Translators: the last two of a list of records: "pl1 (…) and pl2 (…)" */
        longer = g_strdup_printf (_("%s and %s"), list, item);
      else if (i + 1 == items->len)
        /* Translators: the last two of a list of records: "延安市 (yanan) or 延川县 (yanchuan)" */
        longer = g_strdup_printf (_("%s or %s"), list, item);
      else
        /* Translators: two items of a longer list of records */
        longer = g_strdup_printf (_("%s, %s"), list, item);
      g_free (list);
      list = longer;
    }
  return list;
}

/* Up to three records of the kinds @field refers to whose name, short
 * name or id is closest to @text, as `延安市 (yanan)`, joined for a
 * sentence; NULL when none is close: within a third of the text's
 * length, at least one character. */
char *
collab_csv_closest_records (CollabCsvImport   *imp,
                            const CollabField *field,
                            const char        *text)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint limit = MAX (1, (guint) g_utf8_strlen (text, -1) / 3);
  g_autoptr(GPtrArray) items = NULL;

  if (g_utf8_strlen (text, -1) > 64)
    return NULL;

  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    {
      const CollabSchema *schema = collab_schema_for_kind (k);
      int n = name_field_of (schema);

      if (!(field->ref_kinds & (1u << k)))
        continue;
      for (guint i = 0; i < collab_store_count (imp->store, k); i++)
        {
          gconstpointer record = collab_store_get (imp->store, k, i);
          const char *id = ((const CollabRecordHeader *) record)->id;
          const char *name = string_field (record, schema, n);
          g_autofree char *short_name = short_name_of (k, name);
          Candidate candidate = { G_MAXUINT, 0, name != NULL ? name : id, id };

          if (id == NULL)
            continue;
          candidate.distance = edit_distance (text, id);
          if (name != NULL)
            candidate.distance = MIN (candidate.distance, edit_distance (text, name));
          if (short_name != NULL)
            candidate.distance = MIN (candidate.distance, edit_distance (text, short_name));
          candidate.prefix = shared_prefix (text, candidate.name);
          if (candidate.distance <= limit)
            g_array_append_val (found, candidate);
        }
    }

  if (found->len == 0)
    return NULL;
  g_array_sort (found, compare_candidates);

  items = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < MIN (found->len, 3); i++)
    {
      const Candidate *c = &g_array_index (found, Candidate, i);

      g_autoptr(GString) item = g_string_new (NULL);

      collab_error_append_cut (item, c->name, -1);
      if (strcmp (c->name, c->id) != 0)
        collab_error_append_id (item, c->id);
      g_ptr_array_add (items, g_string_free (g_steal_pointer (&item), FALSE));
    }
  return collab_csv_join (items, FALSE);
}

/* What a reference of @field refers to, for messages: `region`, or
 * `record` when it may be one of several kinds. */
static const char *
ref_noun (const CollabField *field)
{
  if ((field->ref_kinds & (field->ref_kinds - 1)) != 0)
    return _("record");
  return _(collab_schema_kind_name ((CollabRecordKind) g_bit_nth_lsf (field->ref_kinds, -1)));
}

/* The id a reference cell means: an id of the dataset or of the file, or
 * the name, code or short name of exactly one record (派往地 written
 * 延川县, 610622 or 延川 for `yanchuan`). What names nothing and is close
 * to nothing is left for the reader to report. */
static char *
resolve_ref (CollabCsvImport    *imp,
             const CollabField  *field,
             const char         *text,
             const CollabCsvRow *row,
             guint               column,
             GError            **error)
{
  g_autofree char *candidates = NULL;

  if (collab_store_find_ref (imp->store, field->ref_kinds, text) != COLLAB_REF_NONE)
    return g_strdup (text);
  if ((field->ref_kinds & (1u << imp->kind)) && g_hash_table_contains (imp->csv_ids, text))
    return g_strdup (text);
  if (field == imp->via && imp->has_via_columns)
    return g_strdup (text);

  for (guint key = 0; key < COLLAB_CSV_N_KEYS; key++)
    {
      const char *found = NULL;
      CollabRecordKind found_kind = 0;

      for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
        {
          NameEntry *entry;

          if (!(field->ref_kinds & (1u << k)))
            continue;
          entry = g_hash_table_lookup (name_index (imp, k)[key], text);
          if (entry == NULL)
            continue;
          if (entry->other != NULL || found != NULL)
            {
              g_autofree char *name = collab_error_cut (text);
              g_autofree char *first = collab_error_cut (found != NULL ? found : entry->id);
              g_autofree char *second = collab_error_cut (found != NULL ? entry->id : entry->other);

              return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                                          row->line, (int) column, NULL,
                                          _("\"%s\" is the name of more than one record (%s \"%s\", %s \"%s\"): "
                                            "write the id"),
                                          name, _(collab_schema_kind_name (found != NULL ? found_kind : k)),
                                          first, _(collab_schema_kind_name (k)), second), NULL);
            }
          found = entry->id;
          found_kind = k;
        }
      if (found != NULL)
        return g_strdup (found);
    }

  candidates = collab_csv_closest_records (imp, field, text);
  if (candidates != NULL)
    return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                                row->line, (int) column, NULL,
                                _("no %s is named %s; did you mean %s?"),
                                ref_noun (field), text, candidates), NULL);
  return g_strdup (text);
}

/* A cell as a JSON value --------------------------------------------------- */

/* The import does not check values itself: it writes each cell as the
 * JSON the dataset document would have (`"2021-03-01"`, `["a", "b"]`,
 * `"1920万"`) and lets the JSON reader check the record, so that a record
 * is held to the same rules however it arrives. What is converted is
 * only what a spreadsheet writes differently from the document: dates
 * as 2021/3/1 or 2021年3月1日, Chinese words for enums, lists with Chinese
 * separators (the spellings are the vocabulary's), bare amounts under a
 * header that names a unit, and references by name instead of id.
 *
 * Each conversion also returns the value's canonical text, what the
 * export would write for it (collab_csv_field_text()), by which the rows
 * of a roster are compared with each other and with the dataset.
 */

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
  g_autofree char *found = NULL;
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

  found = collab_error_cut (text);
  return collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                             row->line, (int) column, NULL,
                             _("expected one of %s, found \"%s\""), choices->str, found);
}

/* A cell of a list of words: the flags of a FLAGS field (脱贫县、革命老区),
 * in the type's order, or the values of an ENUM_LIST in the order typed
 * (餐饮服务、物流配送 is a first and a second choice; a word typed twice
 * is kept once). */
static char *
convert_list (CollabCsvImport    *imp,
              const CollabField  *field,
              const char         *text,
              const CollabCsvRow *row,
              guint               index,
              GString            *json,
              GError            **error)
{
  g_autoptr(GPtrArray) items = collab_csv_split_list (text);
  g_autoptr(GTypeClass) klass = g_type_class_ref (field->enum_type ());
  g_autoptr(GString) canonical = g_string_new (NULL);
  CollabEnumList list = 0;
  guint flags = 0;

  g_string_append_c (json, '[');
  for (guint i = 0; i < items->len; i++)
    {
      const char *nick = collab_csv_value_nick (field, g_ptr_array_index (items, i));

      if (nick == NULL)
        return (bad_value (imp, field, g_ptr_array_index (items, i), row, index, error), NULL);
      if (G_IS_FLAGS_CLASS (klass))
        flags |= g_flags_get_value_by_nick (G_FLAGS_CLASS (klass), nick)->value;
      else if (collab_enum_list_append (&list, (guint) g_enum_get_value_by_nick (G_ENUM_CLASS (klass), nick)->value))
        {
          g_string_append_printf (canonical, "%s%s", canonical->len > 0 ? ";" : "", nick);
          if (json->str[json->len - 1] != '[')
            g_string_append (json, ", ");
          collab_json_append_string (json, nick);
        }
    }

  if (G_IS_FLAGS_CLASS (klass))
    {
      GFlagsClass *flags_class = G_FLAGS_CLASS (klass);

      collab_csv_append_flags_text (canonical, field->enum_type (), flags);
      for (guint i = 0; i < flags_class->n_values; i++)
        if (flags_class->values[i].value != 0 && (flags & flags_class->values[i].value) == flags_class->values[i].value)
          {
            if (json->str[json->len - 1] != '[')
              g_string_append (json, ", ");
            collab_json_append_string (json, flags_class->values[i].value_nick);
          }
    }
  g_string_append_c (json, ']');

  if (canonical->len == 0)
    g_string_append (canonical, collab_csv_empty_list_word (field->type, FALSE));
  return g_string_free (g_steal_pointer (&canonical), FALSE);
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
    case COLLAB_FIELD_ENUM_LIST:
      if (!collab_csv_is_empty_list (field->type, text))
        return convert_list (imp, field, text, row, index, json, error);
      /* 无, 不限: the list is there, and empty. */
      g_string_append (json, "[]");
      return g_strdup (collab_csv_empty_list_word (field->type, FALSE));

    case COLLAB_FIELD_REF:
      {
        char *id = resolve_ref (imp, field, text, row, index, error);

        if (id != NULL)
          collab_json_append_string (json, id);
        return id;
      }

    case COLLAB_FIELD_REF_LIST:
      {
        g_autoptr(GPtrArray) items = NULL;
        GString *canonical;

        /* 无: no responsible unit, said so. */
        if (collab_csv_is_empty_list (field->type, text))
          {
            g_string_append (json, "[]");
            return g_strdup (collab_csv_empty_list_word (field->type, FALSE));
          }
        items = collab_csv_split_list (text);
        canonical = g_string_new (NULL);
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
        char *date = collab_csv_normalize_date (text);

        if (date == NULL)
          {
            g_autofree char *found = collab_error_cut (text);

            return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                                        row->line, (int) index, NULL,
                                        _("expected a date such as 2021-03-01, 2021/3/1, 2021.3.1 or 2021年3月1日, "
                                          "found \"%s\""), found), NULL);
          }
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
          {
            g_autofree char *found = collab_error_cut (text);

            return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                                        row->line, (int) index, NULL,
                                        field->type == COLLAB_FIELD_YEAR ? _("expected a year such as 2021, found \"%s\"")
                                                                         : _("expected a whole number, found \"%s\""),
                                        found), NULL);
          }
        g_string_append_printf (json, "%" G_GINT64_FORMAT, value);
        return g_strdup_printf ("%" G_GINT64_FORMAT, value);
      }

    case COLLAB_FIELD_BOOL:
      {
        gboolean value;

        if (!collab_csv_read_bool (text, &value))
          {
            g_autofree char *found = collab_error_cut (text);

            return (collab_csv_fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE,
                                        row->line, (int) index, NULL,
                                        _("expected 是 or 否 (true or false, 1 or 0), found \"%s\""), found), NULL);
          }
        g_string_append (json, value ? "true" : "false");
        return g_strdup (value ? "true" : "false");
      }

    case COLLAB_FIELD_OBJECT:
    case COLLAB_FIELD_ARRAY:
    default:
      g_assert_not_reached ();
    }
}

