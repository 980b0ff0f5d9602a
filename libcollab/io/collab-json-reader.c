/* collab-json-reader.c: the dataset document, read as a stream
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The document is parsed with yajl's event (SAX) interface straight into
 * the record structs of a new store: no tree of the whole document is ever
 * built. A million dispatches load in a fraction of the time and memory a
 * json-glib DOM takes (doc/design.md has the measurements).
 *
 * yajl also closes the holes json-glib 1.6 leaves open: its parser keeps
 * an explicit stack instead of recursing, it reports integers beyond int64
 * as an error instead of wrapping them, and it rejects `0012` and `0x10`.
 * What it leaves to us, we do here: duplicate member names are errors, and
 * values this library does not know are kept as JsonNodes only down to
 * COLLAB_JSON_MAX_DEPTH levels.
 *
 * References are recorded by name while reading (a record may name one
 * that comes later) and resolved in one pass at the end, which is also
 * where a dangling one is reported with its JSON path.
 */

#include <string.h>

#include <yajl/yajl_parse.h>

#include <libcollab/collab-error.h>
#include <libcollab/collab-money.h>

#include "collab-json-private.h"
#include "model/collab-validate-private.h"

/* A reference not yet resolved: the top kind bits are all ones and the
 * rest is an index into the reader's pending names. */
#define PENDING_KIND  0xfu
#define PENDING_REF(i)  COLLAB_REF (PENDING_KIND, (i))

#define MAX_FRAMES 8
#define SCRATCH_SIZE 256

typedef enum
{
  FRAME_TOP,       /* the document object */
  FRAME_RECORDS,   /* an array of records of one kind */
  FRAME_RECORD,    /* a record or sub-record object */
  FRAME_LIST,      /* an array of strings: flags or references */
  FRAME_SUBARRAY,  /* an array of sub-records */
} FrameType;

typedef struct
{
  FrameType           type;
  const CollabSchema *schema;
  CollabRecordKind    kind;        /* RECORDS and their RECORDs */
  gpointer            record;      /* RECORD: the struct being filled */
  const CollabField  *field;       /* the field whose value comes next */
  guint32             seen;        /* RECORD: members met so far */
  guint               position;    /* RECORDS, LIST, SUBARRAY: next index */
  char               *key;         /* the member name being read */
  GArray             *items;       /* LIST and SUBARRAY */
  guint8              scratch[SCRATCH_SIZE];
} Frame;

typedef struct
{
  CollabStore  *store;
  const char   *filename;
  yajl_handle   yajl;
  GError       *error;

  Frame        *frames[MAX_FRAMES];
  int           depth;               /* index of the innermost frame */

  /* Unknown values being captured, and the member that holds them. */
  JsonNode     *capture_stack[COLLAB_JSON_MAX_DEPTH + 1];
  char         *capture_keys[COLLAB_JSON_MAX_DEPTH + 1];
  int           capture_depth;       /* 0: not capturing */

  gboolean      seen_format;
  gboolean      seen_version;
  guint32       seen_kinds;

  GStringChunk *pending_names;
  GPtrArray    *pending;             /* of const char *, in pending_names */
  guint         extra_before;        /* top-level unknown members before this read */
  GHashTable   *extra_read;          /* the top-level unknown members of this document */
  const guint  *starts;              /* records each kind had before this read */
} Reader;

/* Where the error is ------------------------------------------------------- */

static void
append_path (Reader  *reader,
             GString *path)
{
  g_string_append_c (path, '$');
  for (int i = 0; i <= reader->depth; i++)
    {
      Frame *frame = reader->frames[i];

      switch (frame->type)
        {
        case FRAME_TOP:
        case FRAME_RECORD:
          if (frame->key != NULL)
            g_string_append_printf (path, ".%s", frame->key);
          break;

        case FRAME_RECORDS:
        case FRAME_SUBARRAY:
        case FRAME_LIST:
          if (i < reader->depth || reader->capture_depth == 0)
            g_string_append_printf (path, "[%u]", frame->position);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* Inside a captured value: each open container names the member or
   * the element being read in it. */
  for (int i = 0; i < reader->capture_depth; i++)
    {
      JsonNode *node = reader->capture_stack[i];

      if (JSON_NODE_HOLDS_OBJECT (node) && reader->capture_keys[i] != NULL)
        g_string_append_printf (path, ".%s", reader->capture_keys[i]);
      else if (JSON_NODE_HOLDS_ARRAY (node))
        g_string_append_printf (path, "[%u]", json_array_get_length (json_node_get_array (node)));
    }
}

static void
line_and_column (const char *text,
                 gsize       offset,
                 guint      *line,
                 guint      *column)
{
  const char *line_start = text;

  *line = 1;
  for (const char *p = text; p < text + offset; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }
  /* Columns count characters, not bytes, so that an editor agrees. */
  *column = (guint) g_utf8_strlen (line_start, text + offset - line_start) + 1;
}

/* Where yajl stopped: it counts the bytes up to and including the one
 * where it saw the problem, so the problem is at the last of them, except
 * for the few errors after which yajl moves back to the start of the
 * offending token (@message is yajl's, or NULL for one of ours). At the
 * end of the text yajl only counts the space it feeds itself, and the
 * problem is at the end. */
static gsize
error_offset (yajl_handle  yajl,
              gsize        length,
              gboolean     finishing,
              const char  *message)
{
  gsize consumed = yajl_get_bytes_consumed (yajl);

  if (finishing)
    return length;
  if (message != NULL &&
      (g_str_has_suffix (message, "integer overflow") ||
       g_str_has_suffix (message, "(floating point) overflow") ||
       strstr (message, "after key and value") != NULL))
    return MIN (consumed, length);
  return consumed > 0 ? MIN (consumed - 1, length) : 0;
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (Reader             *reader,
      CollabDatasetError  code,
      const char         *format,
      ...)
{
  g_autoptr(GString) path = g_string_new (NULL);
  g_autofree char *message = NULL;
  va_list args;

  if (reader->error != NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  append_path (reader, path);
  g_set_error (&reader->error, COLLAB_DATASET_ERROR, code, "%s: %s: %s",
               reader->filename, path->str, message);
  return FALSE;
}

/* Marks a top-level member this library reads, as opposed to one it keeps. */
static const CollabField top_member = { "", COLLAB_FIELD_OBJECT, 0, 0, NULL, 0, NULL };

/* Frames ------------------------------------------------------------------- */

static Frame *
top_frame (Reader *reader)
{
  return reader->frames[reader->depth];
}

static Frame *
push_frame (Reader    *reader,
            FrameType  type)
{
  Frame *frame;

  /* The document's own structure is at most top > records > record >
   * array > sub-record > list: anything deeper is captured, not framed. */
  g_assert (reader->depth + 1 < MAX_FRAMES);
  reader->depth++;
  if (reader->frames[reader->depth] == NULL)
    reader->frames[reader->depth] = g_new0 (Frame, 1);

  frame = reader->frames[reader->depth];
  frame->type = type;
  frame->schema = NULL;
  frame->record = NULL;
  frame->field = NULL;
  frame->seen = 0;
  frame->position = 0;
  g_clear_pointer (&frame->key, g_free);
  g_clear_pointer (&frame->items, g_array_unref);

  return frame;
}

static void
pop_frame (Reader *reader)
{
  Frame *frame = top_frame (reader);

  g_clear_pointer (&frame->key, g_free);
  g_clear_pointer (&frame->items, g_array_unref);
  reader->depth--;
}

static Frame *
push_record (Reader             *reader,
             const CollabSchema *schema,
             CollabRecordKind    kind,
             gpointer            record)
{
  Frame *frame = push_frame (reader, FRAME_RECORD);

  frame->schema = schema;
  frame->kind = kind;
  if (record == NULL)
    {
      g_assert (schema->record_size <= SCRATCH_SIZE);
      memset (frame->scratch, 0, schema->record_size);
      record = frame->scratch;
    }
  frame->record = record;
  return frame;
}

/* Capturing what this library does not know ------------------------------- */

static gboolean
capture_add (Reader   *reader,
             JsonNode *node)
{
  Frame *frame;

  if (reader->capture_depth > 0)
    {
      JsonNode *parent = reader->capture_stack[reader->capture_depth - 1];

      if (JSON_NODE_HOLDS_ARRAY (parent))
        json_array_add_element (json_node_get_array (parent), node);
      else
        {
          JsonObject *object = json_node_get_object (parent);
          char *key = reader->capture_keys[reader->capture_depth - 1];

          /* The key was checked for duplicates when it was read. */
          json_object_set_member (object, key, node);
          g_clear_pointer (&reader->capture_keys[reader->capture_depth - 1], g_free);
        }
      return TRUE;
    }

  /* The captured value is complete: it belongs to the member named in
   * the innermost frame. */
  frame = top_frame (reader);
  if (frame->type == FRAME_TOP)
    {
      if (reader->store->extra == NULL)
        reader->store->extra = json_object_new ();
      /* A merged document does not replace what the dataset already
       * keeps under the same name: a failed merge could not restore it. */
      if (json_object_has_member (reader->store->extra, frame->key))
        json_node_unref (node);
      else
        json_object_set_member (reader->store->extra, frame->key, node);
    }
  else
    {
      CollabRecordHeader *header = frame->record;

      g_assert (frame->type == FRAME_RECORD);
      if (header->extra == NULL)
        header->extra = json_object_new ();
      json_object_set_member (header->extra, frame->key, node);
    }
  g_clear_pointer (&frame->key, g_free);
  return TRUE;
}

static gboolean
capture_open (Reader   *reader,
              JsonNode *container)
{
  if (reader->capture_depth >= COLLAB_JSON_MAX_DEPTH)
    {
      json_node_unref (container);
      return fail (reader, COLLAB_DATASET_ERROR_TOO_DEEP,
                   "values nest deeper than %d levels", COLLAB_JSON_MAX_DEPTH);
    }

  reader->capture_stack[reader->capture_depth++] = container;
  return TRUE;
}

static gboolean
capture_close (Reader *reader)
{
  JsonNode *node = reader->capture_stack[--reader->capture_depth];

  reader->capture_stack[reader->capture_depth] = NULL;
  return capture_add (reader, node);
}

static gboolean
capture_key (Reader     *reader,
             const char *key)
{
  JsonNode *parent = reader->capture_stack[reader->capture_depth - 1];

  /* Set first, so that an error's path names the member. */
  g_free (reader->capture_keys[reader->capture_depth - 1]);
  reader->capture_keys[reader->capture_depth - 1] = g_strdup (key);

  if (json_object_has_member (json_node_get_object (parent), key))
    return fail (reader, COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                 "the member \"%s\" appears twice", key);

  return TRUE;
}

static gboolean
is_capturing (Reader *reader)
{
  Frame *frame;

  if (reader->capture_depth > 0)
    return TRUE;
  if (reader->depth < 0)
    return FALSE;

  /* A member whose name the frame does not know starts a capture. */
  frame = top_frame (reader);
  return (frame->type == FRAME_TOP || frame->type == FRAME_RECORD) &&
         frame->key != NULL && frame->field == NULL;
}

/* Scalars ------------------------------------------------------------------ */

typedef enum { SCALAR_NULL, SCALAR_BOOL, SCALAR_INT, SCALAR_DOUBLE, SCALAR_STRING } ScalarType;

typedef struct
{
  ScalarType  type;
  gboolean    boolean;
  gint64      integer;
  double      real;
  const char *string;
  gsize       len;
} Scalar;

static const char *
scalar_type_name (const Scalar *value)
{
  switch (value->type)
    {
    case SCALAR_NULL: return "null";
    case SCALAR_BOOL: return value->boolean ? "true" : "false";
    case SCALAR_INT: return "an integer";
    case SCALAR_DOUBLE: return "a number with a fraction";
    case SCALAR_STRING: return "a string";
    default: g_assert_not_reached ();
    }
}

static char *
scalar_to_display (const Scalar *value)
{
  switch (value->type)
    {
    case SCALAR_STRING:
      {
        g_autofree char *text = g_strndup (value->string, MIN (value->len, 80));
        return g_strdup_printf ("\"%s\"%s", text, value->len > 80 ? "…" : "");
      }
    case SCALAR_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value->integer);
    case SCALAR_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value->real));
      }
    case SCALAR_NULL:
    case SCALAR_BOOL:
    default:
      return g_strdup (scalar_type_name (value));
    }
}

static gboolean
expected (Reader       *reader,
          const char   *what,
          const Scalar *value)
{
  g_autofree char *found = scalar_to_display (value);

  return fail (reader, COLLAB_DATASET_ERROR_TYPE, "expected %s, found %s", what, found);
}

static JsonNode *
scalar_to_node (const Scalar *value)
{
  JsonNode *node = json_node_alloc ();

  switch (value->type)
    {
    case SCALAR_NULL: return json_node_init_null (node);
    case SCALAR_BOOL: return json_node_init_boolean (node, value->boolean);
    case SCALAR_INT: return json_node_init_int (node, value->integer);
    case SCALAR_DOUBLE: return json_node_init_double (node, value->real);
    case SCALAR_STRING:
      {
        g_autofree char *text = g_strndup (value->string, value->len);
        return json_node_init_string (node, text);
      }
    default:
      g_assert_not_reached ();
    }
}

static char *
enum_choices (GType type,
              gboolean skip_zero)
{
  g_autoptr(GString) choices = g_string_new (NULL);

  if (G_TYPE_IS_FLAGS (type))
    {
      GFlagsClass *klass = g_type_class_ref (type);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (choices, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);
      g_type_class_unref (klass);
    }
  else
    {
      GEnumClass *klass = g_type_class_ref (type);

      for (guint i = 0; i < klass->n_values; i++)
        if (!(skip_zero && klass->values[i].value == 0))
          g_string_append_printf (choices, "%s%s", choices->len > 0 ? ", " : "", klass->values[i].value_nick);
      g_type_class_unref (klass);
    }

  return g_string_free (g_steal_pointer (&choices), FALSE);
}

static gboolean
parse_nick (Reader            *reader,
            const CollabField *field,
            const Scalar      *value,
            guint             *result)
{
  g_autofree char *nick = NULL;
  GType type = field->enum_type ();
  gboolean found = FALSE;

  if (value->type != SCALAR_STRING)
    {
      g_autofree char *choices = enum_choices (type, field->flags & COLLAB_FIELD_NONZERO);
      g_autofree char *what = g_strdup_printf ("one of %s", choices);
      return expected (reader, what, value);
    }

  nick = g_strndup (value->string, value->len);
  if (G_TYPE_IS_FLAGS (type))
    {
      GFlagsClass *klass = g_type_class_ref (type);
      GFlagsValue *flag = g_flags_get_value_by_nick (klass, nick);

      if (flag != NULL)
        {
          *result = flag->value;
          found = TRUE;
        }
      g_type_class_unref (klass);
    }
  else
    {
      GEnumClass *klass = g_type_class_ref (type);
      GEnumValue *item = g_enum_get_value_by_nick (klass, nick);

      if (item != NULL && !(item->value == 0 && (field->flags & COLLAB_FIELD_NONZERO)))
        {
          *result = item->value;
          found = TRUE;
        }
      g_type_class_unref (klass);
    }

  if (!found)
    {
      g_autofree char *choices = enum_choices (type, field->flags & COLLAB_FIELD_NONZERO);
      g_autofree char *display = scalar_to_display (value);

      return fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE,
                   "expected one of %s, found %s", choices, display);
    }

  return TRUE;
}

static gboolean
pending_ref (Reader       *reader,
             const Scalar *value,
             CollabRef    *ref)
{
  const char *name;

  if (value->type != SCALAR_STRING || value->len == 0)
    return expected (reader, "the id of a record", value);

  if (reader->pending->len >= COLLAB_REF_MAX_INDEX)
    return fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE, "too many references in one document");

  /* The same few region and program ids are named over and over: keep
   * each name once for the duration of the load. */
  {
    g_autofree char *copy = g_strndup (value->string, value->len);
    name = g_string_chunk_insert_const (reader->pending_names, copy);
  }
  *ref = PENDING_REF (reader->pending->len);
  g_ptr_array_add (reader->pending, (gpointer) name);
  return TRUE;
}

static gboolean
store_scalar (Reader            *reader,
              Frame             *frame,
              const CollabField *field,
              const Scalar      *value)
{
  gpointer slot = COLLAB_FIELD_PTR (frame->record, field);
  g_autoptr(GError) error = NULL;

  switch (field->type)
    {
    case COLLAB_FIELD_ID:
    case COLLAB_FIELD_STRING:
      if (value->type != SCALAR_STRING)
        return expected (reader, "a string", value);
      if (field->type == COLLAB_FIELD_ID && value->len == 0)
        return fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE, "an id cannot be empty");
      if (memchr (value->string, '\0', value->len) != NULL)
        return fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE, "a string cannot hold a NUL character");
      *(const char **) slot = collab_store_add_string (reader->store, value->string, value->len,
                                                       field->flags & COLLAB_FIELD_INTERN);
      return TRUE;

    case COLLAB_FIELD_ENUM:
      {
        guint result;

        if (!parse_nick (reader, field, value, &result))
          return FALSE;
        *(guint8 *) slot = (guint8) result;
        return TRUE;
      }

    case COLLAB_FIELD_REF:
      return pending_ref (reader, value, slot);

    case COLLAB_FIELD_DATE:
      {
        g_autofree char *text = NULL;

        if (value->type != SCALAR_STRING)
          return expected (reader, "a date as \"YYYY-MM-DD\"", value);
        text = g_strndup (value->string, value->len);
        if (!collab_day_parse (text, slot, &error))
          return fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE, "%s", error->message);
        return TRUE;
      }

    case COLLAB_FIELD_AMOUNT:
      if (value->type == SCALAR_INT)
        {
          if (!collab_money_from_yuan (value->integer, slot, &error))
            return fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE, "%s", error->message);
          return TRUE;
        }
      else if (value->type == SCALAR_STRING)
        {
          g_autofree char *text = g_strndup (value->string, value->len);

          if (!collab_money_parse (text, slot, &error))
            return fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE, "%s", error->message);
          return TRUE;
        }
      return expected (reader, "an amount as a string such as \"1920万\" or an integer of yuan", value);

    case COLLAB_FIELD_INT:
    case COLLAB_FIELD_YEAR:
      if (value->type != SCALAR_INT)
        return expected (reader, field->type == COLLAB_FIELD_YEAR ? "a year" : "an integer", value);
      if (field->type == COLLAB_FIELD_YEAR && (value->integer < 1900 || value->integer > 2200))
        return fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE,
                     "expected a year from 1900 to 2200, found %" G_GINT64_FORMAT, value->integer);
      if (value->integer < G_MININT32 || value->integer > G_MAXINT32)
        return fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE,
                     "expected a 32-bit integer, found %" G_GINT64_FORMAT, value->integer);
      *(gint32 *) slot = (gint32) value->integer;
      return TRUE;

    case COLLAB_FIELD_BOOL:
      if (value->type != SCALAR_BOOL)
        return expected (reader, "true or false", value);
      *(gboolean *) slot = value->boolean;
      return TRUE;

    case COLLAB_FIELD_FLAGS:
      return expected (reader, "an array of flags", value);

    case COLLAB_FIELD_REF_LIST:
      return expected (reader, "an array of ids", value);

    case COLLAB_FIELD_OBJECT:
      return expected (reader, "an object", value);

    case COLLAB_FIELD_ARRAY:
      return expected (reader, "an array", value);

    default:
      g_assert_not_reached ();
    }
}

static void
mark_present (Frame *frame)
{
  int i = (int) (frame->field - frame->schema->fields);

  ((CollabRecordHeader *) frame->record)->present |= 1u << i;
  frame->field = NULL;
  g_clear_pointer (&frame->key, g_free);
}

static gboolean
on_scalar (Reader       *reader,
           const Scalar *value)
{
  Frame *frame;

  if (is_capturing (reader))
    return capture_add (reader, scalar_to_node (value));

  if (reader->depth < 0)
    return fail (reader, COLLAB_DATASET_ERROR_FORMAT, "expected a JSON object, found %s",
                 scalar_type_name (value));

  frame = top_frame (reader);
  switch (frame->type)
    {
    case FRAME_TOP:
      if (frame->key == NULL)
        return fail (reader, COLLAB_DATASET_ERROR_FORMAT, "expected a JSON object, found %s",
                     scalar_type_name (value));
      if (strcmp (frame->key, "format") == 0)
        {
          if (value->type != SCALAR_STRING || value->len != strlen (COLLAB_DATASET_FORMAT) ||
              memcmp (value->string, COLLAB_DATASET_FORMAT, value->len) != 0)
            {
              g_autofree char *found = scalar_to_display (value);
              return fail (reader, COLLAB_DATASET_ERROR_FORMAT,
                           "expected \"%s\", found %s", COLLAB_DATASET_FORMAT, found);
            }
          reader->seen_format = TRUE;
        }
      else if (strcmp (frame->key, "version") == 0)
        {
          if (value->type != SCALAR_INT)
            return expected (reader, "the integer 1", value);
          if (value->integer != COLLAB_DATASET_VERSION)
            return fail (reader, COLLAB_DATASET_ERROR_VERSION,
                         "unsupported version %" G_GINT64_FORMAT " (this library reads version %d)",
                         value->integer, COLLAB_DATASET_VERSION);
          reader->seen_version = TRUE;
        }
      else
        {
          g_autofree char *what = g_strdup_printf ("an array of %s", frame->key);
          return expected (reader, what, value);
        }
      g_clear_pointer (&frame->key, g_free);
      frame->field = NULL;
      return TRUE;

    case FRAME_RECORDS:
    case FRAME_SUBARRAY:
      {
        g_autofree char *what = g_strdup_printf ("a %s object", frame->schema->singular);
        return expected (reader, what, value);
      }

    case FRAME_LIST:
      {
        Frame *owner = reader->frames[reader->depth - 1];
        const CollabField *field = owner->field;

        if (field->type == COLLAB_FIELD_FLAGS)
          {
            guint flag;

            if (!parse_nick (reader, field, value, &flag))
              return FALSE;
            g_array_index (frame->items, guint, 0) |= flag;
          }
        else
          {
            CollabRef ref;

            if (!pending_ref (reader, value, &ref))
              return FALSE;
            g_array_append_val (frame->items, ref);
          }
        frame->position++;
        return TRUE;
      }

    case FRAME_RECORD:
      if (value->type == SCALAR_NULL)
        {
          /* null is "not given"; only optional members may be. */
          if (frame->field->flags & COLLAB_FIELD_REQUIRED)
            return expected (reader, "a value", value);
          frame->field = NULL;
          g_clear_pointer (&frame->key, g_free);
          return TRUE;
        }
      if (!store_scalar (reader, frame, frame->field, value))
        return FALSE;
      mark_present (frame);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static int
on_null (void *ctx)
{
  Scalar value = { SCALAR_NULL };
  return on_scalar (ctx, &value);
}

static int
on_boolean (void *ctx,
            int   boolean)
{
  Scalar value = { SCALAR_BOOL, .boolean = boolean != 0 };
  return on_scalar (ctx, &value);
}

static int
on_integer (void      *ctx,
            long long  integer)
{
  Scalar value = { SCALAR_INT, .integer = integer };
  return on_scalar (ctx, &value);
}

static int
on_double (void   *ctx,
           double  real)
{
  Scalar value = { SCALAR_DOUBLE, .real = real };
  return on_scalar (ctx, &value);
}

static int
on_string (void                *ctx,
           const unsigned char *string,
           size_t               len)
{
  Scalar value = { SCALAR_STRING, .string = (const char *) string, .len = len };

  /* Every string ends up as a C string (a name, an id, an enum word, a
   * kept value): a NUL would cut it short, "yc\u0000x" would name "yc". */
  if (memchr (string, '\0', len) != NULL)
    return fail (ctx, COLLAB_DATASET_ERROR_INVALID_VALUE, "a string cannot hold a NUL character");

  /* yajl lets overlong forms, surrogates and code points past U+10FFFF
   * through, and decodes a lone "\udc00" into one: GLib and the bindings
   * need valid UTF-8. */
  if (!g_utf8_validate_len ((const char *) string, len, NULL))
    return fail (ctx, COLLAB_DATASET_ERROR_SYNTAX, "a string is not valid UTF-8");
  return on_scalar (ctx, &value);
}

/* Structure ---------------------------------------------------------------- */

/* "format" or "version" given an object or an array: the same errors as
 * for a wrong scalar there. */
static gboolean
misplaced_container (Reader     *reader,
                     const char *key,
                     const char *found)
{
  if (strcmp (key, "format") == 0)
    return fail (reader, COLLAB_DATASET_ERROR_FORMAT, "expected \"%s\", found %s",
                 COLLAB_DATASET_FORMAT, found);
  return fail (reader, COLLAB_DATASET_ERROR_TYPE, "expected the integer 1, found %s", found);
}

static int
on_start_map (void *ctx)
{
  Reader *reader = ctx;
  Frame *frame;

  if (is_capturing (reader))
    {
      JsonNode *node = json_node_init_object (json_node_alloc (), json_object_new ());
      json_object_unref (json_node_get_object (node));
      return capture_open (reader, node);
    }

  if (reader->depth < 0)
    {
      push_frame (reader, FRAME_TOP);
      return TRUE;
    }

  frame = top_frame (reader);
  switch (frame->type)
    {
    case FRAME_TOP:
      if (strcmp (frame->key, "format") == 0 || strcmp (frame->key, "version") == 0)
        return misplaced_container (reader, frame->key, "an object");
      return fail (reader, COLLAB_DATASET_ERROR_TYPE, "expected an array of %s, found an object",
                   frame->key);

    case FRAME_RECORDS:
      push_record (reader, frame->schema, frame->kind, NULL);
      return TRUE;

    case FRAME_SUBARRAY:
      push_record (reader, frame->schema, frame->kind, NULL);
      return TRUE;

    case FRAME_LIST:
      return fail (reader, COLLAB_DATASET_ERROR_TYPE, "expected a string, found an object");

    case FRAME_RECORD:
      if (frame->field == NULL)
        return fail (reader, COLLAB_DATASET_ERROR_TYPE, "internal: no field");
      if (frame->field->type != COLLAB_FIELD_OBJECT)
        {
          return fail (reader, COLLAB_DATASET_ERROR_TYPE, "expected %s, found an object",
                       frame->field->type == COLLAB_FIELD_ARRAY ? "an array" : "a single value");
        }
      push_record (reader, frame->field->sub, frame->kind, COLLAB_FIELD_PTR (frame->record, frame->field));
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static int
on_map_key (void                *ctx,
            const unsigned char *key,
            size_t               len)
{
  Reader *reader = ctx;
  g_autofree char *name = g_strndup ((const char *) key, len);
  Frame *frame;

  if (memchr (key, '\0', len) != NULL)
    return fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE, "a member name cannot hold a NUL character");
  if (!g_utf8_validate_len ((const char *) key, len, NULL))
    return fail (reader, COLLAB_DATASET_ERROR_SYNTAX, "a member name is not valid UTF-8");

  if (reader->capture_depth > 0)
    return capture_key (reader, name);

  frame = top_frame (reader);
  g_assert (frame->type == FRAME_TOP || frame->type == FRAME_RECORD);

  if (frame->type == FRAME_TOP)
    {
      CollabRecordKind kind;

      frame->key = g_steal_pointer (&name);
      frame->field = NULL;
      if (collab_schema_kind_from_member (frame->key, &kind) ||
          strcmp (frame->key, "format") == 0 || strcmp (frame->key, "version") == 0)
        frame->field = &top_member;
      if (collab_schema_kind_from_member (frame->key, &kind))
        {
          if (reader->seen_kinds & (1u << kind))
            return fail (reader, COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                         "the member \"%s\" appears twice", frame->key);
          reader->seen_kinds |= 1u << kind;
        }
      else if ((strcmp (frame->key, "format") == 0 && reader->seen_format) ||
               (strcmp (frame->key, "version") == 0 && reader->seen_version) ||
               (frame->field == NULL && !g_hash_table_add (reader->extra_read, g_strdup (frame->key))))
        return fail (reader, COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                     "the member \"%s\" appears twice", frame->key);
      return TRUE;
    }
  else
    {
      int i = collab_schema_find_field (frame->schema, name);
      CollabRecordHeader *header = frame->record;

      frame->key = g_steal_pointer (&name);
      if (i >= 0)
        {
          if (frame->seen & (1u << i))
            return fail (reader, COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                         "the member \"%s\" appears twice", frame->key);
          frame->seen |= 1u << i;
          frame->field = &frame->schema->fields[i];
        }
      else
        {
          if (header->extra != NULL && json_object_has_member (header->extra, frame->key))
            return fail (reader, COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                         "the member \"%s\" appears twice", frame->key);
          frame->field = NULL;
        }
      return TRUE;
    }
}

static gboolean
finish_record (Reader *reader,
               Frame  *frame)
{
  const CollabSchema *schema = frame->schema;
  CollabRecordHeader *header = frame->record;
  g_autoptr(GError) error = NULL;
  const char *field_name = NULL;

  for (guint i = 0; i < schema->n_fields; i++)
    if ((schema->fields[i].flags & COLLAB_FIELD_REQUIRED) && !COLLAB_RECORD_PRESENT (header, i))
      return fail (reader, COLLAB_DATASET_ERROR_MISSING_MEMBER,
                   "a %s needs the member \"%s\"", schema->singular, schema->fields[i].name);

  if (!collab_validate_record (schema, header, &field_name, &error))
    {
      frame->key = g_strdup (field_name);
      return fail (reader, error->code, "%s", error->message);
    }

  return TRUE;
}

static int
on_end_map (void *ctx)
{
  Reader *reader = ctx;
  Frame *frame, *owner;

  if (reader->capture_depth > 0)
    return capture_close (reader);

  frame = top_frame (reader);
  if (frame->type == FRAME_TOP)
    {
      if (!reader->seen_format)
        return fail (reader, COLLAB_DATASET_ERROR_FORMAT,
                     "missing \"format\": \"%s\"", COLLAB_DATASET_FORMAT);
      if (!reader->seen_version)
        return fail (reader, COLLAB_DATASET_ERROR_VERSION, "missing \"version\"");
      pop_frame (reader);
      return TRUE;
    }

  g_assert (frame->type == FRAME_RECORD);
  if (!finish_record (reader, frame))
    return FALSE;

  owner = reader->frames[reader->depth - 1];
  if (owner->type == FRAME_RECORDS)
    {
      CollabRecordHeader *header = frame->record;
      guint first;

      if (header->id != NULL && collab_store_lookup (reader->store, owner->kind, header->id, &first))
        {
          frame->key = g_strdup ("id");
          return fail (reader, COLLAB_DATASET_ERROR_DUPLICATE_ID,
                       "the %s id \"%s\" is already used by $.%s[%u]",
                       owner->schema->singular, header->id, owner->schema->member, first);
        }
      if (collab_store_count (reader->store, owner->kind) > COLLAB_REF_MAX_INDEX)
        return fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE, "too many records of one kind");
      collab_store_append (reader->store, owner->kind, frame->record);
      owner->position++;
    }
  else if (owner->type == FRAME_SUBARRAY)
    {
      g_array_append_vals (owner->items, frame->record, 1);
      owner->position++;
    }
  else
    {
      /* An inline sub-record: it was filled in place. */
      g_assert (owner->type == FRAME_RECORD);
      pop_frame (reader);
      mark_present (owner);
      return TRUE;
    }

  /* The record's contents now belong to the store or the array. */
  frame->record = NULL;
  pop_frame (reader);
  return TRUE;
}

static int
on_start_array (void *ctx)
{
  Reader *reader = ctx;
  Frame *frame, *list;

  if (is_capturing (reader))
    {
      JsonNode *node = json_node_init_array (json_node_alloc (), json_array_new ());
      json_array_unref (json_node_get_array (node));
      return capture_open (reader, node);
    }

  if (reader->depth < 0)
    return fail (reader, COLLAB_DATASET_ERROR_FORMAT, "expected a JSON object, found an array");

  frame = top_frame (reader);
  switch (frame->type)
    {
    case FRAME_TOP:
      {
        CollabRecordKind kind;

        /* Only "format" and "version" are framed without being a kind. */
        if (!collab_schema_kind_from_member (frame->key, &kind))
          return misplaced_container (reader, frame->key, "an array");
        list = push_frame (reader, FRAME_RECORDS);
        list->kind = kind;
        list->schema = collab_schema_for_kind (kind);
        return TRUE;
      }

    case FRAME_RECORD:
      switch (frame->field->type)
        {
        case COLLAB_FIELD_FLAGS:
          list = push_frame (reader, FRAME_LIST);
          list->items = g_array_sized_new (FALSE, TRUE, sizeof (guint), 1);
          g_array_set_size (list->items, 1);
          return TRUE;

        case COLLAB_FIELD_REF_LIST:
          list = push_frame (reader, FRAME_LIST);
          list->items = g_array_new (FALSE, FALSE, sizeof (CollabRef));
          return TRUE;

        case COLLAB_FIELD_ARRAY:
          {
            const CollabSchema *sub = frame->field->sub;
            CollabRecordKind kind = frame->kind;

            list = push_frame (reader, FRAME_SUBARRAY);
            list->schema = sub;
            list->kind = kind;
            list->items = g_array_new (FALSE, TRUE, sub->record_size);
            return TRUE;
          }

        case COLLAB_FIELD_ID:
        case COLLAB_FIELD_STRING:
        case COLLAB_FIELD_ENUM:
        case COLLAB_FIELD_REF:
        case COLLAB_FIELD_DATE:
        case COLLAB_FIELD_AMOUNT:
        case COLLAB_FIELD_INT:
        case COLLAB_FIELD_YEAR:
        case COLLAB_FIELD_BOOL:
        case COLLAB_FIELD_OBJECT:
        default:
          return fail (reader, COLLAB_DATASET_ERROR_TYPE, "expected %s, found an array",
                       frame->field->type == COLLAB_FIELD_OBJECT ? "an object" : "a single value");
        }

    case FRAME_RECORDS:
    case FRAME_SUBARRAY:
      return fail (reader, COLLAB_DATASET_ERROR_TYPE, "expected a %s object, found an array",
                   frame->schema->singular);

    case FRAME_LIST:
      return fail (reader, COLLAB_DATASET_ERROR_TYPE, "expected a string, found an array");

    default:
      g_assert_not_reached ();
    }
}

static int
on_end_array (void *ctx)
{
  Reader *reader = ctx;
  Frame *frame, *owner;

  if (reader->capture_depth > 0)
    return capture_close (reader);

  frame = top_frame (reader);
  owner = reader->frames[reader->depth - 1];
  switch (frame->type)
    {
    case FRAME_RECORDS:
      pop_frame (reader);
      g_clear_pointer (&owner->key, g_free);
      owner->field = NULL;
      return TRUE;

    case FRAME_LIST:
      {
        gpointer slot = COLLAB_FIELD_PTR (owner->record, owner->field);

        if (owner->field->type == COLLAB_FIELD_FLAGS)
          *(guint8 *) slot = (guint8) g_array_index (frame->items, guint, 0);
        else
          {
            CollabRefList *list = slot;

            list->n = frame->items->len;
            list->refs = (CollabRef *) (void *) g_array_free (g_steal_pointer (&frame->items),
                                                             frame->items == NULL && list->n == 0);
          }
        pop_frame (reader);
        mark_present (owner);
        return TRUE;
      }

    case FRAME_SUBARRAY:
      {
        CollabSubArray *array = COLLAB_FIELD_PTR (owner->record, owner->field);

        array->n = frame->items->len;
        array->items = g_array_free (g_steal_pointer (&frame->items), FALSE);
        pop_frame (reader);
        mark_present (owner);
        return TRUE;
      }

    case FRAME_TOP:
    case FRAME_RECORD:
    default:
      g_assert_not_reached ();
    }
}

static const yajl_callbacks callbacks = {
  on_null,
  on_boolean,
  on_integer,
  on_double,
  NULL,
  on_string,
  on_start_map,
  on_map_key,
  on_end_map,
  on_start_array,
  on_end_array,
};

/* Resolution --------------------------------------------------------------- */

static gboolean
resolve_ref (CollabRecordKind   kind,
             guint              index,
             const CollabField *field,
             guint              position,
             CollabRef         *ref,
             gpointer           user_data)
{
  Reader *reader = user_data;
  const char *name;
  CollabRef found;

  if (*ref == COLLAB_REF_NONE)
    return TRUE;

  g_assert (COLLAB_REF_KIND (*ref) == PENDING_KIND);
  name = g_ptr_array_index (reader->pending, COLLAB_REF_INDEX (*ref));
  found = collab_store_find_ref (reader->store, field->ref_kinds, name);
  if (found == COLLAB_REF_NONE)
    {
      const CollabSchema *schema = collab_schema_for_kind (kind);
      g_autoptr(GString) kinds = g_string_new (NULL);
      g_autoptr(GString) member = g_string_new (NULL);

      /* A reference in a sub-record is named through the member that
       * holds it (the store gives its position in the array). */
      for (guint i = 0; i < schema->n_fields; i++)
        {
          const CollabField *owner = &schema->fields[i];

          if (owner->sub != NULL && field >= owner->sub->fields &&
              field < owner->sub->fields + owner->sub->n_fields)
            {
              g_string_append_printf (member, "%s", owner->name);
              if (owner->type == COLLAB_FIELD_ARRAY)
                g_string_append_printf (member, "[%u]", position);
              g_string_append_c (member, '.');
            }
        }
      g_string_append (member, field->name);
      if (field->type == COLLAB_FIELD_REF_LIST)
        g_string_append_printf (member, "[%u]", position);

      for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
        if (field->ref_kinds & (1u << k))
          g_string_append_printf (kinds, "%s%s", kinds->len > 0 ? " or " : "", collab_schema_kind_name (k));

      g_set_error (&reader->error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_DANGLING_REFERENCE,
                   "%s: $.%s[%u].%s: no %s has the id \"%s\"",
                   reader->filename, schema->member,
                   index - reader->starts[kind], member->str, kinds->str, name);
      return FALSE;
    }

  *ref = found;
  return TRUE;
}

/* Entry point -------------------------------------------------------------- */

gboolean
collab_json_read_into (CollabStore  *store,
                       const char   *data,
                       gsize         length,
                       const char   *filename,
                       GError      **error)
{
  Reader reader = { 0 };
  guint lengths[COLLAB_N_RECORD_KINDS];
  yajl_status status;
  gboolean finishing = FALSE;
  gboolean ok = FALSE;

  collab_store_get_lengths (store, lengths);
  reader.store = store;
  reader.starts = lengths;
  reader.filename = filename != NULL ? filename : "<data>";
  reader.depth = -1;
  reader.extra_before = store->extra != NULL ? json_object_get_size (store->extra) : 0;
  reader.pending_names = g_string_chunk_new (16 * 1024);
  reader.pending = g_ptr_array_new ();
  reader.extra_read = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.yajl = yajl_alloc (&callbacks, NULL, &reader);

  status = yajl_parse (reader.yajl, (const unsigned char *) data, length);
  if (status == yajl_status_ok)
    {
      /* What fails from here on fails at the end of the text: yajl's count
       * of bytes then covers only the space it feeds itself. */
      finishing = TRUE;
      status = yajl_complete_parse (reader.yajl);
    }

  if (status != yajl_status_ok && reader.error == NULL)
    {
      unsigned char *text = yajl_get_error (reader.yajl, FALSE, NULL, 0);
      g_autofree char *message = g_strstrip (g_strdup ((const char *) text));
      gsize offset = error_offset (reader.yajl, length, finishing, message);
      guint line, column;

      yajl_free_error (reader.yajl, text);
      line_and_column (data, offset, &line, &column);
      if (length == 0 || g_str_has_suffix (message, "premature EOF"))
        g_set_error (&reader.error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                     "%s:%u:%u: the document ends before it is complete", reader.filename, line, column);
      else
        g_set_error (&reader.error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                     "%s:%u:%u: %s", reader.filename, line, column, message);
    }
  else if (reader.error != NULL)
    {
      /* A semantic error names the JSON path; the line and column are
       * added because an editor wants them. */
      gsize offset = error_offset (reader.yajl, length, finishing, NULL);
      guint line, column;
      char *message;

      line_and_column (data, offset, &line, &column);
      message = g_strdup_printf ("%s (line %u, column %u)", reader.error->message, line, column);
      g_free (reader.error->message);
      reader.error->message = message;
    }

  if (reader.error == NULL &&
      collab_store_foreach_ref_from (store, lengths, resolve_ref, &reader) &&
      collab_validate_store (store, lengths, reader.filename, &reader.error))
    {
      collab_store_derive (store);
      ok = TRUE;
    }

  /* Whatever a failed parse left half-built goes now. */
  while (reader.capture_depth > 0)
    {
      reader.capture_depth--;
      json_node_unref (reader.capture_stack[reader.capture_depth]);
      g_free (reader.capture_keys[reader.capture_depth]);
    }
  for (int i = 0; i < MAX_FRAMES; i++)
    if (reader.frames[i] != NULL)
      {
        Frame *frame = reader.frames[i];

        if (i <= reader.depth && frame->type == FRAME_RECORD && frame->record == frame->scratch)
          collab_store_free_record (frame->schema, frame->record);
        /* Sub-records read before the error hold kept members of their own. */
        if (i <= reader.depth && frame->type == FRAME_SUBARRAY && frame->items != NULL)
          for (guint j = 0; j < frame->items->len; j++)
            collab_store_free_record (frame->schema, frame->items->data + (gsize) j * frame->schema->record_size);
        g_free (frame->key);
        if (frame->items != NULL)
          g_array_unref (frame->items);
        g_free (frame);
      }
  yajl_free (reader.yajl);
  g_ptr_array_unref (reader.pending);
  g_hash_table_unref (reader.extra_read);
  g_string_chunk_free (reader.pending_names);

  if (!ok)
    {
      collab_store_truncate (store, lengths, reader.extra_before);
      g_propagate_error (error, reader.error);
    }

  return ok;
}
