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
 * an explicit stack instead of recursing, and it rejects `0012` and
 * `0x10`. What it leaves to us, we do here: numbers are converted here
 * (integers beyond int64 are errors, never wrapped values, and neither
 * depends on LC_NUMERIC), duplicate member names are errors, and values
 * this library does not know are kept as JsonNodes only down to
 * COLLAB_JSON_MAX_DEPTH levels.
 *
 * A reference to a record already read is resolved at once; one that may
 * name a record still to come is recorded by name and resolved in one
 * pass at the end, which is also where a dangling one is reported with
 * its JSON path.
 *
 * The text comes whole (collab_json_read_into()) or a chunk at a time from
 * a file (collab_json_read_file_into()), with the same messages: lines and
 * columns are counted as the chunks go by.
 *
 * The hot path is per member and per value, ten million of each for a
 * million records: member names are matched where yajl has them, against
 * the field that came next last time first; dates, amounts and enum nicks
 * are read without a copy or an allocation.
 */

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <yajl/yajl_parse.h>

#include <libcollab/collab-error.h>
#include <libcollab/collab-money.h>

#include "collab-day-arith-private.h"
#include "collab-json-file-private.h"
#include "collab-json-private.h"
#include "model/collab-validate-private.h"

/* A reference not yet resolved: the top kind bits are all ones and the
 * rest is an index into the reader's pending names. */
#define PENDING_KIND  0xfu
#define PENDING_REF(i)  COLLAB_REF (PENDING_KIND, (i))

#define MAX_FRAMES 8
#define SCRATCH_SIZE 256
#define MAX_HINTED_SCHEMAS 32

/* What the reader has learnt of the order of a schema's members: documents
 * list them in the same order record after record (the writer's, or a
 * generator's), so the member after field i is most likely the one that
 * came after it last time. A guess is checked with one memcmp(). */
typedef struct
{
  const CollabSchema *schema;
  guint8              next[33];     /* next[i + 1]: the field after field i; next[0]: the first */
  guint8              len[32];      /* the length of each field's name */
  guint32             required;     /* a bit per required field */
} FieldHints;

/* The enum or flags class of a field, found once. */
typedef struct
{
  const CollabField  *field;
  gpointer            klass;
  gboolean            flags;
} NickClass;

#define N_NICK_CLASSES 16

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
  FieldHints         *hints;       /* RECORD: the schema's member order, or NULL */
  guint               after;       /* RECORD: 1 + the last field met, 0 at first */
  guint               position;    /* RECORDS, LIST, SUBARRAY: next index */
  char               *key;         /* the member name being read, when not a known field */
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
  guint32       closed_kinds;        /* kinds whose array was read to its end */

  GStringChunk *pending_names;
  GPtrArray    *pending;             /* of const char *, in pending_names */
  guint         extra_before;        /* top-level unknown members before this read */
  GHashTable   *extra_read;          /* the top-level unknown members of this document */
  const guint  *starts;              /* records each kind had before this read */

  FieldHints    hints[MAX_HINTED_SCHEMAS];
  guint         n_hints;
  FieldHints   *last_hints;
  NickClass     nick_classes[N_NICK_CLASSES];

  /* A syntax error found by a callback (a number beyond its type): yajl's
   * own message for it and where it is, as a byte offset in the text. */
  const char   *syntax_problem;
  gsize         syntax_offset;
  gsize         chunk_base;          /* offset of the text yajl is reading */
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
          /* A known field of a record is not copied as a key. */
          if (frame->key != NULL)
            g_string_append_printf (path, ".%s", frame->key);
          else if (frame->type == FRAME_RECORD && frame->field != NULL)
            g_string_append_printf (path, ".%s", frame->field->name);
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

/* Where a byte of the text is, as a line and a column, followed through a
 * text that yajl reads a chunk at a time: the lines of the chunks read so
 * far are counted once, and the characters of the current line as far as
 * they go. Columns count characters, not bytes, so that an editor agrees:
 * exactly as g_utf8_strlen() counts them from the line's start (a
 * sequence is one character by its first byte, a partial one at the end
 * is not counted, a NUL ends the count), even in invalid UTF-8. */
typedef struct
{
  guint    line;        /* 1-based, of line_start */
  gsize    line_start;  /* offset of the current line in the text */
  gsize    next;        /* offset of the next character to count */
  guint    column;      /* characters begun from line_start up to next */
  gboolean stopped;     /* a NUL ended the count */
} TextPosition;

#define TEXT_POSITION_INIT { 1, 0, 0, 0, FALSE }

/* Takes @pos over the bytes of @chunk (at offset @base of the text) from
 * @from up to @upto; @pos has been taken over everything before @from. */
static void
position_advance (TextPosition *pos,
                  const char   *chunk,
                  gsize         base,
                  gsize         from,
                  gsize         upto)
{
  const char *p = chunk + from, *end = chunk + upto, *newline, *last = NULL;

  while ((newline = memchr (p, '\n', end - p)) != NULL)
    {
      pos->line++;
      last = newline;
      p = newline + 1;
    }
  if (last != NULL)
    {
      pos->line_start = pos->next = base + (gsize) (last + 1 - chunk);
      pos->column = 0;
      pos->stopped = FALSE;
    }

  while (!pos->stopped && pos->next < base + upto)
    {
      guchar c = (guchar) chunk[pos->next - base];

      if (c == '\0' && pos->next != pos->line_start)
        pos->stopped = TRUE;
      else
        {
          pos->column++;
          pos->next += g_utf8_skip[c];
        }
    }
}

/* Where the text is read up to: @pos covers everything before @base, and
 * @before everything before the last byte of the text before @base, which
 * is @last (yajl may name that byte when it finds a problem at the very
 * start of a chunk). */
typedef struct
{
  TextPosition pos;
  TextPosition before;
  char         last;
} TextCursor;

/* Takes @cursor over the @len bytes of @chunk, at @base of the text. */
static void
cursor_advance (TextCursor *cursor,
                const char *chunk,
                gsize       base,
                gsize       len)
{
  if (len == 0)
    return;
  position_advance (&cursor->pos, chunk, base, 0, len - 1);
  cursor->before = cursor->pos;
  cursor->last = chunk[len - 1];
  position_advance (&cursor->pos, chunk, base, len - 1, len);
}

/* The line and the 1-based column of @offset, which is in @chunk (at
 * offset @base of the text), at its end, or the byte before it. */
static void
line_and_column (const TextCursor *cursor,
                 const char       *chunk,
                 gsize             base,
                 gsize             offset,
                 guint            *line,
                 guint            *column)
{
  TextPosition pos = cursor->pos;

  if (offset < base)
    {
      /* Only the last byte before the chunk is still known. */
      pos = cursor->before;
      base--;
      chunk = &cursor->last;
      offset = base;
    }
  position_advance (&pos, chunk, base, 0, offset - base);
  *line = pos.line;
  /* A character that began but does not end before @offset is not one. */
  *column = pos.column - (pos.next > offset ? 1 : 0) + 1;
}

/* Where yajl stopped: it counts the bytes up to and including the one
 * where it saw the problem, so the problem is at the last of them, except
 * for the few errors after which yajl moves back to the start of the
 * offending token (@message is yajl's, or NULL for one of ours). At the
 * end of the text yajl only counts the space it feeds itself, and the
 * problem is at the end. */
static gsize
error_offset (yajl_handle  yajl,
              gsize        base,
              gsize        length,
              gboolean     finishing,
              const char  *message)
{
  gsize consumed = yajl_get_bytes_consumed (yajl);

  if (finishing)
    return base + length;
  if (message != NULL &&
      (g_str_has_suffix (message, "integer overflow") ||
       g_str_has_suffix (message, "(floating point) overflow") ||
       strstr (message, "after key and value") != NULL))
    return base + MIN (consumed, length);
  /* Counted from the start of the chunk: the byte before it, when yajl
   * has consumed nothing of this one. */
  if (consumed == 0)
    return base > 0 ? base - 1 : 0;
  return base + MIN (consumed - 1, length);
}

/* A syntax error that yajl would have reported itself, at the token of
 * @len bytes that yajl has just read. */
static gboolean
syntax_error (Reader     *reader,
              const char *problem,
              gsize       len)
{
  gsize consumed = yajl_get_bytes_consumed (reader->yajl);

  reader->syntax_problem = problem;
  reader->syntax_offset = reader->chunk_base + (consumed >= len ? consumed - len : 0);
  return FALSE;
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
  frame->hints = NULL;
  frame->after = 0;
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

static FieldHints *
hints_for (Reader             *reader,
           const CollabSchema *schema)
{
  FieldHints *hints;

  if (reader->n_hints > 0 && reader->last_hints->schema == schema)
    return reader->last_hints;
  for (guint i = 0; i < reader->n_hints; i++)
    if (reader->hints[i].schema == schema)
      return reader->last_hints = &reader->hints[i];

  if (reader->n_hints == MAX_HINTED_SCHEMAS || schema->n_fields > 32)
    return NULL;
  for (guint i = 0; i < schema->n_fields; i++)
    if (strlen (schema->fields[i].name) >= G_MAXUINT8)
      return NULL;

  /* No guess yet: field i + 1 after field i. */
  hints = &reader->hints[reader->n_hints++];
  hints->schema = schema;
  for (guint i = 0; i <= schema->n_fields; i++)
    hints->next[i] = (guint8) (i < schema->n_fields ? i : 0);
  hints->required = 0;
  for (guint i = 0; i < schema->n_fields; i++)
    {
      hints->len[i] = (guint8) strlen (schema->fields[i].name);
      if (schema->fields[i].flags & COLLAB_FIELD_REQUIRED)
        hints->required |= 1u << i;
    }
  return reader->last_hints = hints;
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
  frame->hints = hints_for (reader, schema);
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

/* The class of an enum or flags type, referenced once and kept for the
 * life of the process (the writer keeps them too). */
static gpointer
type_class (GType type)
{
  gpointer klass = g_type_class_peek (type);

  return klass != NULL ? klass : g_type_class_ref (type);
}

static NickClass *
nick_class (Reader            *reader,
            const CollabField *field)
{
  NickClass *entry = &reader->nick_classes[(GPOINTER_TO_SIZE (field) / sizeof *field) % N_NICK_CLASSES];

  if (entry->field != field)
    {
      GType type = field->enum_type ();

      entry->field = field;
      entry->klass = type_class (type);
      entry->flags = G_TYPE_IS_FLAGS (type);
    }
  return entry;
}

static gboolean
parse_nick (Reader            *reader,
            const CollabField *field,
            const Scalar      *value,
            guint             *result)
{
  NickClass *entry;
  gboolean found = FALSE;

  if (value->type != SCALAR_STRING)
    {
      GType type = field->enum_type ();
      g_autofree char *choices = enum_choices (type, field->flags & COLLAB_FIELD_NONZERO);
      g_autofree char *what = g_strdup_printf ("one of %s", choices);
      return expected (reader, what, value);
    }

  /* The nick is matched where yajl has it: the first value of that nick,
   * as g_enum_get_value_by_nick() and g_flags_get_value_by_nick() do. */
  entry = nick_class (reader, field);
  if (entry->flags)
    {
      GFlagsClass *klass = entry->klass;

      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *nick = klass->values[i].value_nick;

          if (value->len > 0 && nick[0] == value->string[0] &&
              strncmp (nick, value->string, value->len) == 0 && nick[value->len] == '\0')
            {
              *result = klass->values[i].value;
              found = TRUE;
              break;
            }
        }
    }
  else
    {
      GEnumClass *klass = entry->klass;

      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *nick = klass->values[i].value_nick;

          if (value->len > 0 && nick[0] == value->string[0] &&
              strncmp (nick, value->string, value->len) == 0 && nick[value->len] == '\0')
            {
              if (!(klass->values[i].value == 0 && (field->flags & COLLAB_FIELD_NONZERO)))
                {
                  *result = (guint) klass->values[i].value;
                  found = TRUE;
                }
              break;
            }
        }
    }

  if (!found)
    {
      g_autofree char *choices = enum_choices (field->enum_type (), field->flags & COLLAB_FIELD_NONZERO);
      g_autofree char *display = scalar_to_display (value);

      return fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE,
                   "expected one of %s, found %s", choices, display);
    }

  return TRUE;
}

/* A reference is resolved at once when its target is already known: it
 * is in the store under the first kind the field allows, or under a later
 * kind once every earlier kind's array of this document has been read to
 * its end (the first kind in enum order wins, as in
 * collab_store_find_ref(), so an array still open could yet bring a
 * record that takes precedence). Forward references, and dangling ones,
 * are kept by name and resolved, or reported, at the end. */
static gboolean
pending_ref (Reader            *reader,
             const CollabField *field,
             const Scalar      *value,
             CollabRef         *ref)
{
  const char *name;

  if (value->type != SCALAR_STRING || value->len == 0)
    return expected (reader, "the id of a record", value);

  for (guint32 kinds = field->ref_kinds; kinds != 0; kinds &= kinds - 1)
    {
      CollabRecordKind kind = (CollabRecordKind) g_bit_nth_lsf (kinds, -1);
      guint index;

      if (collab_store_lookup_len (reader->store, kind, value->string, value->len, &index))
        {
          *ref = COLLAB_REF (kind, index);
          return TRUE;
        }
      if (!(reader->closed_kinds & (1u << kind)))
        break;
    }

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

/* The canonical form of an amount, "-?D{1,15}(.D{1,2})?" yuan, to fen;
 * FALSE sends anything else (units, more digits, a syntax error) to
 * collab_money_parse(), which reads the same text to the same fen. */
static gboolean
parse_plain_amount (const char *text,
                    gsize       len,
                    gint64     *fen)
{
  const char *p = text, *end = text + len;
  gboolean negative = FALSE;
  gint64 yuan = 0, cents = 0;
  gsize digits = 0;

  if (p < end && *p == '-')
    {
      negative = TRUE;
      p++;
    }
  /* Sixteen digits or more go the slow way, before they can overflow. */
  for (; p < end && g_ascii_isdigit (*p); p++, digits++)
    {
      if (digits == 15)
        return FALSE;
      yuan = yuan * 10 + (*p - '0');
    }
  if (digits == 0)
    return FALSE;
  if (p < end)
    {
      gsize frac = end - p - 1;

      if (*p != '.' || frac < 1 || frac > 2 || !g_ascii_isdigit (p[1]) ||
          (frac == 2 && !g_ascii_isdigit (p[2])))
        return FALSE;
      cents = (p[1] - '0') * 10 + (frac == 2 ? p[2] - '0' : 0);
    }

  *fen = (negative ? -1 : 1) * (yuan * 100 + cents);
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
      /* on_string() has turned away a NUL. */
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
      return pending_ref (reader, field, value, slot);

    case COLLAB_FIELD_DATE:
      {
        g_autofree char *text = NULL;

        if (value->type != SCALAR_STRING)
          return expected (reader, "a date as \"YYYY-MM-DD\"", value);
        if (collab_day_arith_parse (value->string, value->len, slot))
          return TRUE;
        /* Not a date: collab_day_parse() says why. */
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
          char buffer[64];
          g_autofree char *copy = NULL;
          const char *text = buffer;

          if (parse_plain_amount (value->string, value->len, slot))
            return TRUE;
          if (value->len < sizeof buffer)
            {
              memcpy (buffer, value->string, value->len);
              buffer[value->len] = '\0';
            }
          else
            text = copy = g_strndup (value->string, value->len);
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

            if (!pending_ref (reader, field, value, &ref))
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

/* yajl hands numbers over as text (it would convert doubles with
 * strtod(), which reads "1.5" as 1 where LC_NUMERIC has a decimal comma):
 * they are converted here, whatever the locale, with the errors yajl
 * gives for numbers beyond their type, at the start of the number. */
static int
on_number (void       *ctx,
           const char *text,
           size_t      len)
{
  Reader *reader = ctx;
  char buffer[64];
  g_autofree char *copy = NULL;
  const char *number = buffer;
  Scalar value;

  if (len < sizeof buffer)
    {
      memcpy (buffer, text, len);
      buffer[len] = '\0';
    }
  else
    number = copy = g_strndup (text, len);

  /* yajl's lexer has checked the syntax of JSON numbers. */
  errno = 0;
  if (strpbrk (number, ".eE") == NULL)
    {
      value.type = SCALAR_INT;
      value.integer = g_ascii_strtoll (number, NULL, 10);
      if (errno == ERANGE)
        return syntax_error (reader, "integer overflow", len);
    }
  else
    {
      value.type = SCALAR_DOUBLE;
      value.real = g_ascii_strtod (number, NULL);
      if ((value.real == HUGE_VAL || value.real == -HUGE_VAL) && errno == ERANGE)
        return syntax_error (reader, "numeric (floating point) overflow", len);
    }

  return on_scalar (reader, &value);
}

/* Whether @text is all ASCII without NUL (most ids, nicks and dates are):
 * then it needs neither of the checks below. Eight bytes at a time: a
 * byte of 0 borrows into its top bit, a byte past 0x7f has it set. */
static inline gboolean
plain_ascii (const guchar *text,
             gsize         len)
{
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 word;

      memcpy (&word, text + i, 8);
      if ((word | (word - G_GUINT64_CONSTANT (0x0101010101010101))) & G_GUINT64_CONSTANT (0x8080808080808080))
        return FALSE;
    }
  for (; i < len; i++)
    if ((guchar) (text[i] - 1) >= 0x7f)
      return FALSE;
  return TRUE;
}

static int
on_string (void                *ctx,
           const unsigned char *string,
           size_t               len)
{
  Scalar value = { SCALAR_STRING, .string = (const char *) string, .len = len };

  if (plain_ascii (string, len))
    return on_scalar (ctx, &value);

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

/* The field of @frame's schema named @key, or -1. The guess from the
 * order met so far is tried first; a name that matches is known to be
 * valid UTF-8 without NUL. */
static int
match_field (Frame      *frame,
             const char *key,
             gsize       len)
{
  const CollabSchema *schema = frame->schema;
  FieldHints *hints = frame->hints;
  guint i;

  if (hints == NULL)
    {
      for (i = 0; i < schema->n_fields; i++)
        if (strlen (schema->fields[i].name) == len && memcmp (schema->fields[i].name, key, len) == 0)
          return (int) i;
      return -1;
    }

  i = hints->next[frame->after];
  if (i < schema->n_fields && hints->len[i] == len && memcmp (schema->fields[i].name, key, len) == 0)
    goto found;
  for (i = 0; i < schema->n_fields; i++)
    if (hints->len[i] == len && memcmp (schema->fields[i].name, key, len) == 0)
      goto found;
  return -1;

found:
  hints->next[frame->after] = (guint8) i;
  frame->after = i + 1;
  return (int) i;
}

static int map_key_copied (Reader              *reader,
                           const unsigned char *key,
                           size_t               len);

static int
on_map_key (void                *ctx,
            const unsigned char *key,
            size_t               len)
{
  Reader *reader = ctx;
  Frame *frame;
  int i;

  /* The common case, without a copy: a field of a record. */
  if (reader->capture_depth > 0 || reader->depth < 0)
    return map_key_copied (reader, key, len);
  frame = top_frame (reader);
  if (frame->type != FRAME_RECORD || (i = match_field (frame, (const char *) key, len)) < 0)
    return map_key_copied (reader, key, len);

  g_clear_pointer (&frame->key, g_free);
  frame->field = &frame->schema->fields[i];
  if (frame->seen & (1u << i))
    return fail (reader, COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                 "the member \"%s\" appears twice", frame->field->name);
  frame->seen |= 1u << i;
  return TRUE;
}

/* Any other member name: of the document, of a value being kept, or one
 * that a record does not know. */
static int
map_key_copied (Reader              *reader,
                const unsigned char *key,
                size_t               len)
{
  g_autofree char *name = NULL;
  Frame *frame;

  if (memchr (key, '\0', len) != NULL)
    return fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE, "a member name cannot hold a NUL character");
  if (!g_utf8_validate_len ((const char *) key, len, NULL))
    return fail (reader, COLLAB_DATASET_ERROR_SYNTAX, "a member name is not valid UTF-8");

  name = g_strndup ((const char *) key, len);
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
      /* A member this library does not know: its name is kept with it. */
      CollabRecordHeader *header = frame->record;

      frame->key = g_steal_pointer (&name);
      frame->field = NULL;
      if (header->extra != NULL && json_object_has_member (header->extra, frame->key))
        return fail (reader, COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                     "the member \"%s\" appears twice", frame->key);
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

  if (frame->hints == NULL || (frame->hints->required & ~header->present) != 0)
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

      if (collab_store_count (reader->store, owner->kind) > COLLAB_REF_MAX_INDEX &&
          !(header->id != NULL && collab_store_lookup (reader->store, owner->kind, header->id, NULL)))
        return fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE, "too many records of one kind");
      if (collab_store_append_unique (reader->store, owner->kind, frame->record, &first) == NULL)
        {
          frame->key = g_strdup ("id");
          return fail (reader, COLLAB_DATASET_ERROR_DUPLICATE_ID,
                       "the %s id \"%s\" is already used by $.%s[%u]",
                       owner->schema->singular, header->id, owner->schema->member, first);
        }
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
      reader->closed_kinds |= 1u << frame->kind;
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
  NULL,
  NULL,
  on_number,
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

  /* Most were resolved while reading. */
  if (*ref == COLLAB_REF_NONE || COLLAB_REF_KIND (*ref) != PENDING_KIND)
    return TRUE;

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

/* Entry points ------------------------------------------------------------ */

static void
reader_init (Reader       *reader,
             CollabStore  *store,
             guint        *lengths,
             const char   *filename)
{
  collab_store_get_lengths (store, lengths);
  reader->store = store;
  reader->starts = lengths;
  reader->filename = filename != NULL ? filename : "<data>";
  reader->depth = -1;
  reader->extra_before = store->extra != NULL ? json_object_get_size (store->extra) : 0;
  reader->pending_names = g_string_chunk_new (16 * 1024);
  reader->pending = g_ptr_array_new ();
  reader->extra_read = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->yajl = yajl_alloc (&callbacks, NULL, reader);
}

/* Parses the next @len bytes of the text, and completes the parse when
 * they are the @last. On failure, sets reader->error with the line and
 * column where the text went wrong, which is in @chunk. */
static gboolean
reader_parse (Reader       *reader,
              TextCursor   *cursor,
              const char   *chunk,
              gsize         len,
              gboolean      last)
{
  yajl_status status;
  gboolean finishing = FALSE;
  gsize offset;
  guint line, column;

  status = yajl_parse (reader->yajl, (const unsigned char *) chunk, len);
  if (status == yajl_status_ok && last)
    {
      /* What fails from here on fails at the end of the text: yajl's count
       * of bytes then covers only the space it feeds itself. */
      finishing = TRUE;
      status = yajl_complete_parse (reader->yajl);
    }
  if (status == yajl_status_ok && reader->error == NULL)
    {
      cursor_advance (cursor, chunk, reader->chunk_base, len);
      reader->chunk_base += len;
      return TRUE;
    }

  if (reader->syntax_problem != NULL)
    {
      /* A number beyond its type: the message yajl would give. */
      g_clear_error (&reader->error);
      line_and_column (cursor, chunk, reader->chunk_base, reader->syntax_offset, &line, &column);
      g_set_error (&reader->error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   "%s:%u:%u: parse error: %s", reader->filename, line, column, reader->syntax_problem);
    }
  else if (reader->error == NULL)
    {
      unsigned char *text = yajl_get_error (reader->yajl, FALSE, NULL, 0);
      g_autofree char *message = g_strstrip (g_strdup ((const char *) text));

      yajl_free_error (reader->yajl, text);
      offset = error_offset (reader->yajl, reader->chunk_base, len, finishing, message);
      line_and_column (cursor, chunk, reader->chunk_base, offset, &line, &column);
      if (reader->chunk_base + len == 0 || g_str_has_suffix (message, "premature EOF"))
        g_set_error (&reader->error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                     "%s:%u:%u: the document ends before it is complete", reader->filename, line, column);
      else
        g_set_error (&reader->error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                     "%s:%u:%u: %s", reader->filename, line, column, message);
    }
  else
    {
      /* A semantic error names the JSON path; the line and column are
       * added because an editor wants them. */
      char *message;

      offset = error_offset (reader->yajl, reader->chunk_base, len, finishing, NULL);
      line_and_column (cursor, chunk, reader->chunk_base, offset, &line, &column);
      message = g_strdup_printf ("%s (line %u, column %u)", reader->error->message, line, column);
      g_free (reader->error->message);
      reader->error->message = message;
    }

  return FALSE;
}

/* Resolves what is left, checks the records against each other, frees the
 * reader, and on failure takes the store back to @lengths. */
static gboolean
reader_finish (Reader       *reader,
               guint        *lengths,
               GError      **error)
{
  CollabStore *store = reader->store;
  gboolean ok = FALSE;

  if (reader->error == NULL &&
      (reader->pending->len == 0 || collab_store_foreach_ref_from (store, lengths, resolve_ref, reader)) &&
      collab_validate_store (store, lengths, reader->filename, &reader->error))
    {
      collab_store_derive (store);
      ok = TRUE;
    }

  /* Whatever a failed parse left half-built goes now. */
  while (reader->capture_depth > 0)
    {
      reader->capture_depth--;
      json_node_unref (reader->capture_stack[reader->capture_depth]);
      g_free (reader->capture_keys[reader->capture_depth]);
    }
  for (int i = 0; i < MAX_FRAMES; i++)
    if (reader->frames[i] != NULL)
      {
        Frame *frame = reader->frames[i];

        if (i <= reader->depth && frame->type == FRAME_RECORD && frame->record == frame->scratch)
          collab_store_free_record (frame->schema, frame->record);
        /* Sub-records read before the error hold kept members of their own. */
        if (i <= reader->depth && frame->type == FRAME_SUBARRAY && frame->items != NULL)
          for (guint j = 0; j < frame->items->len; j++)
            collab_store_free_record (frame->schema, frame->items->data + (gsize) j * frame->schema->record_size);
        g_free (frame->key);
        if (frame->items != NULL)
          g_array_unref (frame->items);
        g_free (frame);
      }
  yajl_free (reader->yajl);
  g_ptr_array_unref (reader->pending);
  g_hash_table_unref (reader->extra_read);
  g_string_chunk_free (reader->pending_names);

  if (!ok)
    {
      collab_store_truncate (store, lengths, reader->extra_before);
      g_propagate_error (error, reader->error);
    }

  return ok;
}

gboolean
collab_json_read_into (CollabStore  *store,
                       const char   *data,
                       gsize         length,
                       const char   *filename,
                       GError      **error)
{
  Reader reader = { 0 };
  TextCursor cursor = { TEXT_POSITION_INIT, TEXT_POSITION_INIT, 0 };
  guint lengths[COLLAB_N_RECORD_KINDS];

  reader_init (&reader, store, lengths, filename);
  reader_parse (&reader, &cursor, data, length, TRUE);
  return reader_finish (&reader, lengths, error);
}

/* Where a chunk may end so that no token of the text is cut in two, and
 * yajl's offsets, which count from the start of a chunk, stay exact: after
 * the last line break (a valid string holds none), or in a text without
 * one, after the last space, comma, colon or bracket outside a string.
 * The chunk starts outside a string. 0 when there is no such place. */
static gsize
chunk_cut (const char *buffer,
           gsize       len)
{
  gboolean in_string = FALSE;
  gsize cut = 0;

  for (gsize i = len; i > 0; i--)
    if (buffer[i - 1] == '\n')
      return i;

  for (gsize i = 0; i < len; i++)
    {
      char c = buffer[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == ' ' || c == '\t' || c == '\r' || c == ',' || c == ':' ||
               c == '[' || c == ']' || c == '{' || c == '}')
        cut = i + 1;
    }
  return cut;
}

gboolean
collab_json_read_fd_into (CollabStore  *store,
                          int           fd,
                          gsize         chunk_size,
                          const char   *filename,
                          GError      **error)
{
  Reader reader = { 0 };
  TextCursor cursor = { TEXT_POSITION_INIT, TEXT_POSITION_INIT, 0 };
  guint lengths[COLLAB_N_RECORD_KINDS];
  gsize size = MAX (chunk_size, 1);
  g_autofree char *buffer = g_malloc (size);
  gsize have = 0;
  gboolean eof = FALSE;

  reader_init (&reader, store, lengths, filename);
  while (reader.error == NULL && !eof)
    {
      gsize cut;

      /* Fill the buffer, then hand yajl what ends at a good place. */
      while (have < size)
        {
          gssize n = read (fd, buffer + have, size - have);

          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0)
            {
              int errsv = errno;
              g_autofree char *display = g_filename_display_name (reader.filename);

              g_set_error (&reader.error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                           g_dgettext ("glib20", "Failed to read from file “%s”: %s"),
                           display, g_strerror (errsv));
              break;
            }
          if (n == 0)
            {
              eof = TRUE;
              break;
            }
          have += (gsize) n;
        }
      if (reader.error != NULL)
        break;

      cut = eof ? have : chunk_cut (buffer, have);
      if (cut == 0 && !eof)
        {
          /* One token longer than the buffer: read more of it. */
          size *= 2;
          buffer = g_realloc (buffer, size);
          continue;
        }
      if (!reader_parse (&reader, &cursor, buffer, cut, eof))
        break;
      memmove (buffer, buffer + cut, have - cut);
      have -= cut;
    }

  return reader_finish (&reader, lengths, error);
}

gboolean
collab_json_read_file_into (CollabStore  *store,
                            const char   *path,
                            GError      **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    {
      int errsv = errno;
      g_autofree char *display = g_filename_display_name (path);

      /* The message GMappedFile gave, when the file was mapped. */
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                   g_dgettext ("glib20", "Failed to open file “%s”: open() failed: %s"),
                   display, g_strerror (errsv));
      return FALSE;
    }

  /* Read a chunk at a time: the peak of a load is the dataset, not the
   * dataset and the file. */
  posix_fadvise (fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  ok = collab_json_read_fd_into (store, fd, COLLAB_JSON_READ_CHUNK, path, error);
  close (fd);
  return ok;
}
