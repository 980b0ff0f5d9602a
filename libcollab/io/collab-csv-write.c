/* collab-csv-write.c: the records of one kind as a CSV table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The way back from the import (collab-csv-read.c): one record a row,
 * one column a member that holds one value, in the spelling the import
 * reads back and compares rows by (collab_csv_field_text()). The header
 * names the members in English; for an officer who reads Chinese, the
 * record sheet (CollabCsvSheet) gives the Chinese headers and words the
 * import reads back, chosen here from the import's own vocabulary so
 * that the two cannot drift apart. The xlsx export writes the same sheet.
 */

#include <string.h>

#include <libcollab/collab-csv.h>
#include <libcollab/collab-money.h>

#include "collab-csv-private.h"
#include "model/collab-dataset-private.h"
#include "types/collab-i18n-private.h"

/* The text of a value ------------------------------------------------------ */

/* Appends the nicks of the flags set in @value, joined by `;`. */
void
collab_csv_append_flags_text (GString *out,
                              GType    type,
                              guint    value)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (type);

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value != 0 && (value & klass->values[i].value) == klass->values[i].value)
      g_string_append_printf (out, "%s%s", out->len > 0 ? ";" : "", klass->values[i].value_nick);
}

/* What the export writes for a field of a record: also what a roster row
 * is compared with when its person is already in the dataset. */
char *
collab_csv_field_text (const CollabStore *store,
                       const CollabField *field,
                       gconstpointer      slot)
{
  switch (field->type)
    {
    case COLLAB_FIELD_ID:
    case COLLAB_FIELD_STRING:
      return g_strdup (*(const char * const *) slot);

    case COLLAB_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (field->enum_type ());
        GEnumValue *value = g_enum_get_value (klass, *(const guint8 *) slot);

        return g_strdup (value != NULL ? value->value_nick : "");
      }

    case COLLAB_FIELD_FLAGS:
      {
        GString *text = g_string_new (NULL);

        collab_csv_append_flags_text (text, field->enum_type (), *(const guint8 *) slot);
        /* None, which an empty cell (no member) would not say. */
        if (text->len == 0)
          g_string_append (text, collab_csv_empty_list_word (field->type, FALSE));
        return g_string_free (text, FALSE);
      }

    case COLLAB_FIELD_ENUM_LIST:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (field->enum_type ());
        CollabEnumList list = *(const CollabEnumList *) slot;
        GString *text = g_string_new (NULL);

        for (guint i = 0; COLLAB_ENUM_LIST_HAS (list, i); i++)
          {
            GEnumValue *value = g_enum_get_value (klass, (int) COLLAB_ENUM_LIST_GET (list, i));

            g_string_append_printf (text, "%s%s", i > 0 ? ";" : "", value != NULL ? value->value_nick : "");
          }
        if (text->len == 0)
          g_string_append (text, collab_csv_empty_list_word (field->type, FALSE));
        return g_string_free (text, FALSE);
      }

    case COLLAB_FIELD_REF:
      return g_strdup (collab_store_ref_id (store, *(const CollabRef *) slot));

    case COLLAB_FIELD_REF_LIST:
      {
        const CollabRefList *list = slot;
        GString *text = g_string_new (NULL);

        for (guint i = 0; i < list->n; i++)
          g_string_append_printf (text, "%s%s", i > 0 ? ";" : "", collab_store_ref_id (store, list->refs[i]));
        if (list->n == 0)
          g_string_append (text, collab_csv_empty_list_word (field->type, FALSE));
        return g_string_free (text, FALSE);
      }

    case COLLAB_FIELD_DATE:
      return collab_day_format (*(const CollabDay *) slot);

    case COLLAB_FIELD_AMOUNT:
      return collab_money_format (*(const gint64 *) slot);

    case COLLAB_FIELD_INT:
    case COLLAB_FIELD_YEAR:
      return g_strdup_printf ("%d", *(const gint32 *) slot);

    case COLLAB_FIELD_BOOL:
      return g_strdup (*(const gboolean *) slot ? "true" : "false");

    case COLLAB_FIELD_OBJECT:
    case COLLAB_FIELD_ARRAY:
    default:
      g_assert_not_reached ();
    }
}

/* The export --------------------------------------------------------------- */

static void
add_column (GArray            *columns,
            CollabCsvTarget    type,
            const CollabField *field,
            const CollabField *sub,
            char              *member)
{
  CollabCsvColumn column = { type, FALSE, field, sub, member, NULL, NULL, 0 };

  g_array_append_val (columns, column);
}

/* The columns of @kind: its scalar fields in table order, inline
 * sub-records flattened, the latest step of a history, then the members
 * this library does not know that hold a single value. */
static GArray *
export_columns (const CollabStore *store,
                CollabRecordKind   kind)
{
  const CollabSchema *schema = collab_schema_for_kind (kind);
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (CollabCsvColumn));
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  g_array_set_clear_func (columns, collab_csv_column_clear);
  for (guint f = 0; f < schema->n_fields; f++)
    {
      const CollabField *field = &schema->fields[f];
      const CollabField *value, *date;

      if (collab_csv_is_scalar (field->type))
        add_column (columns, COLLAB_CSV_TARGET_FIELD, field, NULL, g_strdup (field->name));
      else if (field->type == COLLAB_FIELD_OBJECT)
        {
          for (guint s = 0; s < field->sub->n_fields; s++)
            if (collab_csv_is_scalar (field->sub->fields[s].type))
              add_column (columns, COLLAB_CSV_TARGET_SUBFIELD, field, &field->sub->fields[s],
                          g_strdup_printf ("%s.%s", field->name, field->sub->fields[s].name));
        }
      else if (collab_csv_latest_fields (field, &value, &date))
        {
          add_column (columns, COLLAB_CSV_TARGET_LATEST, field, value, g_strdup (field->name));
          add_column (columns, COLLAB_CSV_TARGET_LATEST_DATE, field, date, g_strdup_printf ("%s_date", field->name));
        }
    }

  for (guint c = 0; c < columns->len; c++)
    g_hash_table_add (names, g_array_index (columns, CollabCsvColumn, c).member);

  for (guint i = 0; i < collab_store_count (store, kind); i++)
    {
      const CollabRecordHeader *header = collab_store_get (store, kind, i);
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      if (header->extra == NULL)
        continue;
      json_object_iter_init_ordered (&iter, header->extra);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        if (JSON_NODE_HOLDS_VALUE (node) && !g_hash_table_contains (names, name))
          {
            add_column (columns, COLLAB_CSV_TARGET_EXTRA, NULL, NULL, g_strdup (name));
            g_hash_table_add (names, g_array_index (columns, CollabCsvColumn, columns->len - 1).member);
          }
    }

  return columns;
}

static char *
extra_text (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");

  {
    char buffer[G_ASCII_DTOSTR_BUF_SIZE];

    return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
  }
}

/* Where the value of @column is in @record, or NULL when it has none. */
static gconstpointer
cell_slot (const CollabSchema    *schema,
           const CollabCsvColumn *column,
           gconstpointer          record)
{
  int f = column->field != NULL ? (int) (column->field - schema->fields) : -1;

  switch (column->type)
    {
    case COLLAB_CSV_TARGET_FIELD:
      return COLLAB_RECORD_PRESENT (record, f) ? COLLAB_FIELD_PTR (record, column->field) : NULL;

    case COLLAB_CSV_TARGET_SUBFIELD:
      {
        gconstpointer object = COLLAB_FIELD_PTR (record, column->field);
        int s = (int) (column->sub - column->field->sub->fields);

        if (!COLLAB_RECORD_PRESENT (record, f) || !COLLAB_RECORD_PRESENT (object, s))
          return NULL;
        return COLLAB_FIELD_PTR (object, column->sub);
      }

    case COLLAB_CSV_TARGET_LATEST:
    case COLLAB_CSV_TARGET_LATEST_DATE:
      {
        const CollabSubArray *array = COLLAB_FIELD_PTR (record, column->field);
        gconstpointer latest;

        /* The history is in date order: the last step is the latest. */
        if (!COLLAB_RECORD_PRESENT (record, f) || array->n == 0)
          return NULL;
        latest = (const guint8 *) array->items + (gsize) (array->n - 1) * column->field->sub->record_size;
        return COLLAB_FIELD_PTR (latest, column->sub);
      }

    case COLLAB_CSV_TARGET_EXTRA:
      return NULL;

    case COLLAB_CSV_TARGET_NONE:
    case COLLAB_CSV_TARGET_IGNORED:
    case COLLAB_CSV_TARGET_FLAG:
    case COLLAB_CSV_TARGET_KEY:
    default:
      g_assert_not_reached ();
    }
}

/* The record sheet ---------------------------------------------------------- */

/* The Chinese header of @member that the import reads back as @member of
 * @kind (collab_csv_export_header()), unless an earlier reading of it is
 * a field the kind has too (类别 is a person's profession before a
 * project's category), or another column took it. NULL when there is
 * none. */
static const char *
chinese_header (CollabRecordKind  kind,
                const char       *member,
                GHashTable       *taken)
{
  const CollabSchema *schema = collab_schema_for_kind (kind);
  const char *alias = collab_csv_export_header (kind, member);
  const char *reading;

  if (alias == NULL || g_hash_table_contains (taken, alias))
    return NULL;
  for (guint n = 0; (reading = collab_csv_header_alias (alias, n)) != NULL; n++)
    {
      if (strcmp (reading, member) == 0)
        return alias;
      if (collab_schema_find_field (schema, reading) >= 0)
        return NULL;
    }
  return NULL;
}

CollabCsvSheet *
collab_csv_sheet_new (const CollabStore *store,
                      CollabRecordKind   kind,
                      gboolean           chinese)
{
  CollabCsvSheet *sheet = g_new0 (CollabCsvSheet, 1);
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);

  sheet->store = store;
  sheet->kind = kind;
  sheet->chinese = chinese;
  sheet->columns = export_columns (store, kind);
  for (guint c = 0; c < sheet->columns->len; c++)
    {
      CollabCsvColumn *column = &g_array_index (sheet->columns, CollabCsvColumn, c);
      const CollabField *field = collab_csv_sheet_field (sheet, c);
      const char *alias = chinese && column->type != COLLAB_CSV_TARGET_EXTRA
                          ? chinese_header (kind, column->member, taken) : NULL;

      if (alias == NULL)
        column->header = g_strdup (column->member);
      /* The unit says what bare numbers mean, to the officer and to the
       * import alike. */
      else if (field->type == COLLAB_FIELD_AMOUNT)
        column->header = g_strconcat (alias, "（元）", NULL);
      else
        column->header = g_strdup (alias);
      g_hash_table_add (taken, column->header);
    }

  return sheet;
}

void
collab_csv_sheet_free (CollabCsvSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_array_unref (sheet->columns);
  g_free (sheet);
}

const CollabField *
collab_csv_sheet_field (const CollabCsvSheet *sheet,
                        guint                 column)
{
  const CollabCsvColumn *c = &g_array_index (sheet->columns, CollabCsvColumn, column);

  return c->type == COLLAB_CSV_TARGET_FIELD ? c->field
         : c->type == COLLAB_CSV_TARGET_EXTRA ? NULL
         : c->sub;
}

gconstpointer
collab_csv_sheet_slot (const CollabCsvSheet *sheet,
                       gconstpointer         record,
                       guint                 column)
{
  return cell_slot (collab_schema_for_kind (sheet->kind),
                    &g_array_index (sheet->columns, CollabCsvColumn, column), record);
}

/* @text (as collab_csv_field_text() writes it) in the Chinese words of
 * the import: value words, flags joined by 、, 是 and 否. Ids, dates and
 * amounts have no language. */
static char *
chinese_value (const CollabField *field,
               char              *text)
{
  GString *words;
  g_auto(GStrv) nicks = NULL;

  switch (field->type)
    {
    case COLLAB_FIELD_BOOL:
      {
        gboolean yes = strcmp (text, "true") == 0;

        g_free (text);
        return g_strdup (yes ? "是" : "否");
      }

    case COLLAB_FIELD_ENUM:
    case COLLAB_FIELD_FLAGS:
    case COLLAB_FIELD_ENUM_LIST:
      if (collab_csv_is_empty_list (field->type, text))
        {
          g_free (text);
          return g_strdup (collab_csv_empty_list_word (field->type, TRUE));
        }
      words = g_string_new (NULL);
      nicks = g_strsplit (text, ";", -1);
      for (guint i = 0; nicks[i] != NULL; i++)
        {
          const char *word = collab_csv_value_word (field->enum_type (), nicks[i]);

          g_string_append_printf (words, "%s%s", i > 0 ? "、" : "", word != NULL ? word : nicks[i]);
        }
      g_free (text);
      return g_string_free (words, FALSE);

    case COLLAB_FIELD_REF_LIST:
      if (!collab_csv_is_empty_list (field->type, text))
        return text;
      g_free (text);
      return g_strdup (collab_csv_empty_list_word (field->type, TRUE));

    default:
      return text;
    }
}

char *
collab_csv_sheet_text (const CollabCsvSheet *sheet,
                       gconstpointer         record,
                       guint                 column)
{
  const CollabCsvColumn *c = &g_array_index (sheet->columns, CollabCsvColumn, column);
  const CollabRecordHeader *header = record;
  const CollabField *field = collab_csv_sheet_field (sheet, column);
  gconstpointer slot;
  char *text;

  if (c->type == COLLAB_CSV_TARGET_EXTRA)
    return header->extra != NULL && json_object_has_member (header->extra, c->member)
           ? extra_text (json_object_get_member (header->extra, c->member))
           : NULL;

  slot = collab_csv_sheet_slot (sheet, record, column);
  if (slot == NULL)
    return NULL;
  text = collab_csv_field_text (sheet->store, field, slot);
  return sheet->chinese ? chinese_value (field, text) : text;
}

/**
 * collab_dataset_export_csv:
 * @dataset: a dataset
 * @kind: the kind of record to write
 * @length: (out) (optional): the length of the text in bytes
 *
 * Writes the records of @kind as a CSV table, one record a row, that
 * [method@Collab.Dataset.import_csv_data] reads back: what
 * [method@Collab.Dataset.export_csv_full] writes with no flags.
 *
 * Returns: (transfer full): the CSV text
 */
char *
collab_dataset_export_csv (CollabDataset    *dataset,
                           CollabRecordKind  kind,
                           gsize            *length)
{
  return collab_dataset_export_csv_full (dataset, kind, COLLAB_EXPORT_NONE, length);
}

/**
 * collab_dataset_export_csv_full:
 * @dataset: a dataset
 * @kind: the kind of record to write
 * @flags: what to add for people: a byte-order mark, Chinese headers
 * @length: (out) (optional): the length of the text in bytes
 *
 * Writes the records of @kind as a CSV table, one record a row, that
 * [method@Collab.Dataset.import_csv_data] reads back as the same records.
 *
 * The text is UTF-8, with RFC 4180 quoting and CRLF line ends, and starts
 * with a byte-order mark with %COLLAB_EXPORT_BOM (Excel needs it to read
 * UTF-8; every reader of this library skips it). The header row names the
 * members of the dataset document, in the order of the kind's fields.
 * Only members that hold one value get a column: flags and lists of ids
 * are joined with `;`, an inline sub-record is flattened
 * (`period.first_year`), a history gives its latest step (a project's
 * `status` and `status_date`), and other lists of sub-records (a
 * program's `fund_base`) are left out. Members this library does not know
 * follow, when they hold a single value. Amounts are written as yuan with
 * two decimals (`19200000.00`), dates `YYYY-MM-DD`, booleans `true` or
 * `false`; a member a record does not have is an empty cell, and a list
 * that is there but empty `none` (flags) or `any` (a worker's wanted job
 * types).
 *
 * With %COLLAB_EXPORT_LABELS, and when the messages are in Chinese, the
 * headers are the Chinese ones the import reads (派出日期 is `start`,
 * 金额（元） `amount`), and so are the words of closed vocabularies (教师,
 * 选派), flags joined by `、`, empty lists (无, 不限), and booleans (是,
 * 否); ids, dates and amounts stay as they are. In any other language
 * the table is the English one.
 *
 * Returns: (transfer full): the CSV text
 */
char *
collab_dataset_export_csv_full (CollabDataset     *dataset,
                                CollabRecordKind   kind,
                                CollabExportFlags  flags,
                                gsize             *length)
{
  g_autoptr(CollabCsvSheet) sheet = NULL;
  CollabStore *store;
  GString *out;

  g_return_val_if_fail (COLLAB_IS_DATASET (dataset), NULL);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, NULL);

  store = collab_dataset_get_store (dataset);
  sheet = collab_csv_sheet_new (store, kind, (flags & COLLAB_EXPORT_LABELS) && collab_i18n_is_chinese ());
  out = g_string_new ((flags & COLLAB_EXPORT_BOM) ? COLLAB_CSV_BOM : NULL);

  for (guint c = 0; c < sheet->columns->len; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      collab_csv_append_cell (out, g_array_index (sheet->columns, CollabCsvColumn, c).header);
    }
  g_string_append (out, COLLAB_CSV_EOL);

  for (guint i = 0; i < collab_store_count (store, kind); i++)
    {
      gconstpointer record = collab_store_get (store, kind, i);

      for (guint c = 0; c < sheet->columns->len; c++)
        {
          g_autofree char *text = collab_csv_sheet_text (sheet, record, c);

          if (c > 0)
            g_string_append_c (out, ',');
          collab_csv_append_cell (out, text);
        }
      g_string_append (out, COLLAB_CSV_EOL);
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
