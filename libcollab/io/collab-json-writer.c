/* collab-json-writer.c: the dataset document in its canonical form
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The canonical form is what makes save → load → save byte-identical and
 * keeps diffs of a dataset under version control small: top-level members
 * in a fixed order, one record per line, known fields in the order of the
 * kind's table, then the members this library does not know in the order
 * they were read; amounts as yuan with two decimals, dates as YYYY-MM-DD.
 *
 * It writes text directly instead of going through JsonGenerator: a
 * million records would otherwise become a million temporary trees.
 */

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>

#include <libcollab/collab-error.h>

#include "types/collab-day-private.h"
#include "collab-file-private.h"
#include "collab-json-private.h"
#include "types/collab-i18n-private.h"

#define FLUSH_THRESHOLD (1024 * 1024)

/* g_string_append_len() without its checks for text inside the string
 * itself, for the many short pieces of a record. */
static inline void
append_len (GString    *out,
            const char *text,
            gsize       len)
{
  if (G_LIKELY (out->len + len < out->allocated_len))
    {
      memcpy (out->str + out->len, text, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, text, (gssize) len);
}

#define append_literal(out, text) append_len ((out), "" text, sizeof (text) - 1)

/* The bytes a JSON string cannot hold as they are: control characters
 * (NUL among them, which ends the text), '"' and '\\'. */
static const guint8 needs_escape[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

void
collab_json_append_string (GString    *out,
                           const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *p = (const guchar *) text;

  g_string_append_c (out, '"');
  for (;;)
    {
      const guchar *run = p;
      guchar c;

      /* Runs of bytes that need nothing go in one copy. */
      while (!needs_escape[*p])
        p++;
      append_len (out, (const char *) run, (gsize) (p - run));

      c = *p++;
      if (c == '\0')
        break;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          g_string_append (out, "\\u00");
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
          break;
        }
    }
  g_string_append_c (out, '"');
}

static void
append_double (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* The shortest text that reads back as the same double, so that a
   * second save writes what the first one did. */
  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buffer, sizeof buffer, precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g", value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
  if (strpbrk (buffer, ".eEn") == NULL)
    g_string_append (out, ".0");
}

void
collab_json_append_node (GString  *out,
                         JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          collab_json_append_string (out, json_node_get_string (node));
        else if (type == G_TYPE_INT64)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else
          append_double (out, json_node_get_double (node));
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            collab_json_append_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        /* Ordered: members come back in the order they were read. */
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append (out, ", ");
            first = FALSE;
            collab_json_append_string (out, name);
            g_string_append (out, ": ");
            collab_json_append_node (out, member);
          }
        g_string_append_c (out, '}');
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static const char *
nick_of (GType  type,
         guint  value)
{
  GEnumClass *klass = g_type_class_peek (type);

  if (klass == NULL)
    klass = g_type_class_ref (type);  /* kept for the life of the process */

  for (guint i = 0; i < klass->n_values; i++)
    if ((guint) klass->values[i].value == value)
      return klass->values[i].value_nick;

  g_return_val_if_reached ("");
}

static void
append_flags (GString *out,
              GType    type,
              guint    value)
{
  GFlagsClass *klass = g_type_class_peek (type);
  gboolean first = TRUE;

  if (klass == NULL)
    klass = g_type_class_ref (type);

  g_string_append_c (out, '[');
  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value != 0 && (value & klass->values[i].value) == klass->values[i].value)
      {
        if (!first)
          g_string_append (out, ", ");
        first = FALSE;
        collab_json_append_string (out, klass->values[i].value_nick);
      }
  g_string_append_c (out, ']');
}

static void
append_day (GString   *out,
            CollabDay  day)
{
  char text[COLLAB_DAY_TEXT_LEN + 2];

  /* The reader and the CSV import make no other days; were one there,
   * it is written null rather than as text the reader would refuse. */
  if (G_UNLIKELY (day == COLLAB_DAY_NONE || day > COLLAB_DAY_MAX))
    {
      append_len (out, "null", 4);
      return;
    }

  text[0] = '"';
  collab_day_write_text (day, text + 1);
  text[COLLAB_DAY_TEXT_LEN + 1] = '"';
  append_len (out, text, sizeof text);
}

/* The decimal digits of @value, ending at @end; returns where they start. */
static char *
format_uint (char    *end,
             guint64  value)
{
  do
    *--end = (char) ('0' + value % 10);
  while ((value /= 10) != 0);
  return end;
}

static void
append_int (GString *out,
            gint64   value)
{
  char buffer[24];
  char *end = buffer + sizeof buffer;
  char *start = format_uint (end, value < 0 ? (guint64) 0 - (guint64) value : (guint64) value);

  if (value < 0)
    *--start = '-';
  append_len (out, start, (gsize) (end - start));
}

/* As collab_money_format() writes it, "-"?yuan.fen, in quotes. */
static void
append_amount (GString *out,
               gint64   fen)
{
  char buffer[32];
  char *end = buffer + sizeof buffer;
  guint64 mag = fen < 0 ? (guint64) 0 - (guint64) fen : (guint64) fen;
  char *start;

  *--end = '"';
  *--end = (char) ('0' + mag % 10);
  *--end = (char) ('0' + mag / 10 % 10);
  *--end = '.';
  start = format_uint (end, mag / 100);
  if (fen < 0)
    *--start = '-';
  *--start = '"';
  append_len (out, start, (gsize) (buffer + sizeof buffer - start));
}

static void
append_value (GString           *out,
              const CollabStore *store,
              const CollabField *field,
              gconstpointer      slot)
{
  switch (field->type)
    {
    case COLLAB_FIELD_ID:
    case COLLAB_FIELD_STRING:
      collab_json_append_string (out, *(const char * const *) slot);
      break;

    case COLLAB_FIELD_ENUM:
      collab_json_append_string (out, nick_of (field->enum_type (), *(const guint8 *) slot));
      break;

    case COLLAB_FIELD_FLAGS:
      append_flags (out, field->enum_type (), *(const guint8 *) slot);
      break;

    case COLLAB_FIELD_ENUM_LIST:
      {
        CollabEnumList list = *(const CollabEnumList *) slot;

        g_string_append_c (out, '[');
        for (guint i = 0; COLLAB_ENUM_LIST_HAS (list, i); i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            collab_json_append_string (out, nick_of (field->enum_type (), COLLAB_ENUM_LIST_GET (list, i)));
          }
        g_string_append_c (out, ']');
      }
      break;

    case COLLAB_FIELD_REF:
      collab_json_append_string (out, collab_store_ref_id (store, *(const CollabRef *) slot));
      break;

    case COLLAB_FIELD_REF_LIST:
      {
        const CollabRefList *list = slot;

        g_string_append_c (out, '[');
        for (guint i = 0; i < list->n; i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            collab_json_append_string (out, collab_store_ref_id (store, list->refs[i]));
          }
        g_string_append_c (out, ']');
      }
      break;

    case COLLAB_FIELD_DATE:
      append_day (out, *(const CollabDay *) slot);
      break;

    case COLLAB_FIELD_AMOUNT:
      append_amount (out, *(const gint64 *) slot);
      break;

    case COLLAB_FIELD_INT:
    case COLLAB_FIELD_YEAR:
      append_int (out, *(const gint32 *) slot);
      break;

    case COLLAB_FIELD_BOOL:
      if (*(const gboolean *) slot)
        append_literal (out, "true");
      else
        append_literal (out, "false");
      break;

    case COLLAB_FIELD_OBJECT:
      collab_json_append_record (out, store, field->sub, slot);
      break;

    case COLLAB_FIELD_ARRAY:
      {
        const CollabSubArray *array = slot;

        g_string_append_c (out, '[');
        for (guint i = 0; i < array->n; i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            collab_json_append_record (out, store, field->sub,
                                       (const guint8 *) array->items + i * field->sub->record_size);
          }
        g_string_append_c (out, ']');
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

void
collab_json_append_record (GString            *out,
                           const CollabStore  *store,
                           const CollabSchema *schema,
                           gconstpointer       record)
{
  const CollabRecordHeader *header = record;
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  for (guint i = 0; i < schema->n_fields; i++)
    {
      const CollabField *field = &schema->fields[i];

      if (!COLLAB_RECORD_PRESENT (record, i))
        continue;
      if (!first)
        append_literal (out, ", ");
      first = FALSE;
      g_string_append_c (out, '"');
      append_len (out, field->name, strlen (field->name));
      append_literal (out, "\": ");
      append_value (out, store, field, COLLAB_FIELD_PTR (record, field));
    }

  if (header->extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, header->extra);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          if (!first)
            g_string_append (out, ", ");
          first = FALSE;
          collab_json_append_string (out, name);
          g_string_append (out, ": ");
          collab_json_append_node (out, member);
        }
    }
  g_string_append_c (out, '}');
}

static void
sink_flush (CollabJsonSink *sink,
            gboolean        force)
{
  const char *data = sink->buffer->str;
  gsize left = sink->buffer->len;

  if (sink->fd < 0 || sink->errsv != 0 || (!force && left < FLUSH_THRESHOLD))
    return;

  while (left > 0)
    {
      gssize written = write (sink->fd, data, left);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->errsv = errno;
          break;
        }
      data += written;
      left -= (gsize) written;
    }
  g_string_truncate (sink->buffer, 0);
}

/* The references a record is written with are read at random places of
 * their targets' arrays (a dispatch's person among half a million), then
 * the target's id in the string chunk: two cache misses per reference,
 * one after the other. The writer asks for both ahead of time, the target
 * PREFETCH_DISTANCE records before it is written and its id half as many. */
#define PREFETCH_DISTANCE 16
#define MAX_PREFETCHED_FIELDS 8

typedef struct
{
  const CollabStore *store;
  const CollabSchema *schema;
  guint              n;
  guint16            offsets[MAX_PREFETCHED_FIELDS];  /* of the REF fields */
} RefPrefetch;

static void
ref_prefetch_init (RefPrefetch        *prefetch,
                   const CollabStore  *store,
                   const CollabSchema *schema)
{
  prefetch->store = store;
  prefetch->schema = schema;
  prefetch->n = 0;
  for (guint i = 0; i < schema->n_fields && prefetch->n < MAX_PREFETCHED_FIELDS; i++)
    if (schema->fields[i].type == COLLAB_FIELD_REF)
      prefetch->offsets[prefetch->n++] = schema->fields[i].offset;
}

static inline void
ref_prefetch (const RefPrefetch *prefetch,
              CollabRecordKind   kind,
              guint              index,
              gboolean           ids)
{
#ifdef __GNUC__
  const guint8 *record;

  if (index >= collab_store_count (prefetch->store, kind))
    return;
  record = collab_store_get (prefetch->store, kind, index);
  for (guint j = 0; j < prefetch->n; j++)
    {
      CollabRef ref = *(const CollabRef *) (record + prefetch->offsets[j]);
      const CollabRecordHeader *target;

      if (ref == COLLAB_REF_NONE)
        continue;
      target = collab_store_deref (prefetch->store, ref);
      if (ids)
        __builtin_prefetch (target->id);
      else
        __builtin_prefetch (target);
    }
#endif
}

void
collab_json_write_dataset (const CollabStore *store,
                           CollabJsonSink    *sink)
{
  GString *out = sink->buffer;
  RefPrefetch prefetch;

  g_string_append (out, "{\n  \"format\": \"" COLLAB_DATASET_FORMAT "\",\n  \"version\": 1");
  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    {
      const CollabSchema *schema = collab_schema_for_kind (k);
      guint n = collab_store_count (store, k);

      if (n == 0)
        continue;

      g_string_append_printf (out, ",\n  \"%s\": [\n", schema->member);
      ref_prefetch_init (&prefetch, store, schema);
      for (guint i = 0; i < n; i++)
        {
          if (prefetch.n > 0)
            {
              ref_prefetch (&prefetch, k, i + PREFETCH_DISTANCE, FALSE);
              ref_prefetch (&prefetch, k, i + PREFETCH_DISTANCE / 2, TRUE);
            }
          append_literal (out, "    ");
          collab_json_append_record (out, store, schema, collab_store_get (store, k, i));
          if (i + 1 < n)
            append_literal (out, ",\n");
          else
            g_string_append_c (out, '\n');
          sink_flush (sink, FALSE);
        }
      g_string_append (out, "  ]");
    }

  if (store->extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, store->extra);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          g_string_append (out, ",\n  ");
          collab_json_append_string (out, name);
          g_string_append (out, ": ");
          collab_json_append_node (out, member);
        }
    }
  g_string_append (out, "\n}\n");
  sink_flush (sink, TRUE);
}

gboolean
collab_json_save_dataset (const CollabStore  *store,
                          const char         *path,
                          GError            **error)
{
  CollabFileReplace replace;
  CollabJsonSink sink = { NULL, -1, 0 };

  /* Written beside the target and renamed over it once complete and on
   * disk: a reader of @path sees the old file or the new one, never half,
   * and a file replaced keeps what collab-file-private.h says. Every
   * path out of here goes through end(), which removes the temporary
   * file on an error. */
  if (!collab_file_replace_begin (&replace, path, error))
    return FALSE;

  sink.fd = replace.fd;
  sink.buffer = g_string_sized_new (FLUSH_THRESHOLD + 64 * 1024);
  collab_json_write_dataset (store, &sink);
  g_string_free (sink.buffer, TRUE);

  return collab_file_replace_end (&replace, sink.errsv, error);
}

JsonNode *
collab_json_record_to_node (const CollabStore *store,
                            CollabRecordKind   kind,
                            guint              index)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* Small and rare (one record for the API): the text form is the single
   * source of truth for how a record looks as JSON. */
  collab_json_append_record (text, store, collab_schema_for_kind (kind),
                             collab_store_get (store, kind, index));
  return collab_json_parse_strict (text->str, text->len, NULL, NULL);
}
