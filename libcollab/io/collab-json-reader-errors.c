/* collab-json-reader-errors.c: what the reader says when a document is wrong
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A problem with what the document means (a wrong type, a missing member,
 * a duplicate id) is told with the JSON path of the value, from the
 * frames and the captured values open when it was found; the line and
 * column are added once yajl has stopped (collab-json-reader-input.c). A
 * number beyond its type is a syntax error, told as yajl would tell it.
 *
 * These run only when a document is wrong, off the hot path: kept apart
 * so that the callbacks read as what they check. Each message is a whole
 * sentence in _() where it is found (SPEC §12.1); what is machine-readable
 * (the file, the JSON path, the values of the document) is put around
 * it, or into it, untranslated.
 */

#include "types/collab-error-private.h"
#include "collab-json-reader-private.h"

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
          /* A record names its id beside its place once the id has been
           * read: "$.dispatches[0] (d001).planned_end". */
          if (frame->type == FRAME_RECORD && frame->record != NULL)
            collab_error_append_id (path, ((const CollabRecordHeader *) frame->record)->id);
          /* A member name comes from the document, and is cut like a
           * value; a known field of a record is not copied as a key. */
          if (frame->key != NULL)
            {
              g_string_append_c (path, '.');
              collab_error_append_cut (path, frame->key, -1);
            }
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
        {
          g_string_append_c (path, '.');
          collab_error_append_cut (path, reader->capture_keys[i], -1);
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        g_string_append_printf (path, "[%u]", json_array_get_length (json_node_get_array (node)));
    }
}

/* A syntax error that yajl would have reported itself, at the token of
 * @len bytes that yajl has just read. */
gboolean
reader_syntax_error (Reader     *reader,
                     const char *problem,
                     gsize       len)
{
  gsize consumed = yajl_get_bytes_consumed (reader->yajl);

  reader->syntax_problem = problem;
  reader->syntax_offset = reader->chunk_base + (consumed >= len ? consumed - len : 0);
  return FALSE;
}

gboolean
reader_fail (Reader             *reader,
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

/* The document names @key twice in one object. */
gboolean
reader_member_twice (Reader     *reader,
                     const char *key)
{
  g_autofree char *cut = collab_error_cut (key);

  return reader_fail (reader, COLLAB_DATASET_ERROR_DUPLICATE_MEMBER,
                      /* Translators: %s is the name of a member of a JSON object. */
                      _("the member \"%s\" appears twice"), cut);
}

/* What was found ----------------------------------------------------------- */

/* The value as the document has it: a string quoted (cut as every
 * message cuts what it quotes, collab-error-private.h), a number, or the
 * JSON literal null, true or false, none of which change with the
 * language of the messages. */
char *
reader_scalar_to_display (const Scalar *value)
{
  switch (value->type)
    {
    case SCALAR_STRING:
      {
        GString *text = g_string_new ("\"");

        collab_error_append_cut (text, value->string, (gssize) value->len);
        g_string_append_c (text, '"');
        return g_string_free (text, FALSE);
      }
    case SCALAR_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value->integer);
    case SCALAR_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value->real));
      }
    case SCALAR_NULL:
      return g_strdup ("null");
    case SCALAR_BOOL:
      return g_strdup (value->boolean ? "true" : "false");
    default:
      g_assert_not_reached ();
    }
}

/* @format is a whole sentence, translated, of one %s: the value found,
 * as reader_scalar_to_display() shows it. */
gboolean
reader_expected (Reader       *reader,
                 const char   *format,
                 const Scalar *value)
{
  g_autofree char *found = reader_scalar_to_display (value);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return reader_fail (reader, COLLAB_DATASET_ERROR_TYPE, format, found);
#pragma GCC diagnostic pop
}

/* The document is not an object: what it is instead. */
gboolean
reader_not_an_object (Reader       *reader,
                      const Scalar *value)
{
  switch (value->type)
    {
    case SCALAR_NULL:
      return reader_fail (reader, COLLAB_DATASET_ERROR_FORMAT, _("expected a JSON object, found null"));
    case SCALAR_BOOL:
      return reader_fail (reader, COLLAB_DATASET_ERROR_FORMAT,
                          value->boolean ? _("expected a JSON object, found true")
                                         : _("expected a JSON object, found false"));
    case SCALAR_INT:
      return reader_fail (reader, COLLAB_DATASET_ERROR_FORMAT, _("expected a JSON object, found an integer"));
    case SCALAR_DOUBLE:
      return reader_fail (reader, COLLAB_DATASET_ERROR_FORMAT,
                          _("expected a JSON object, found a number with a fraction"));
    case SCALAR_STRING:
      return reader_fail (reader, COLLAB_DATASET_ERROR_FORMAT, _("expected a JSON object, found a string"));
    default:
      g_assert_not_reached ();
    }
}
