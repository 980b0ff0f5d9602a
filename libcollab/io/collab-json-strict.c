/* collab-json-strict.c: small JSON documents into JsonNode, safely
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Rule sets and single records are small and are best handled as JsonNode
 * trees, but json-glib 1.6's parser crashes on deep nesting, wraps
 * integers beyond int64 and keeps the last of two members with the same
 * name. This builds the same trees from yajl's events and turns each of
 * those into an error.
 */

#include <errno.h>
#include <math.h>
#include <string.h>

#include <yajl/yajl_parse.h>

#include <libcollab/collab-error.h>

#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"
#include "collab-json-private.h"

/* The reader keeps values COLLAB_JSON_MAX_DEPTH deep wherever they are;
 * the deepest sits in a sub-record (record > "status" array > item), and
 * a CollabRecord is made by parsing the record back: allow those levels. */
#define STRICT_MAX_DEPTH (COLLAB_JSON_MAX_DEPTH + 3)

/* yajl's messages (yajl 2.1, yajl_get_error() without the text), as it
 * writes them, for translation: "lexical error: " or "parse error: ",
 * then what is wrong. The English is yajl's own, byte for byte. */
static const char * const yajl_messages[] = {
  /* Translators: the messages of the JSON parser. Each names what is wrong
   * in the text of a JSON document; ',' '}' ']' ':' '\\' and '\\u' are the
   * characters of JSON and stay as they are. */
  N_("lexical error: invalid bytes in UTF8 string."),
  N_("lexical error: invalid char in json text."),
  N_("lexical error: invalid string in json text."),
  N_("lexical error: inside a string, '\\' occurs before a character which it may not."),
  N_("lexical error: invalid character inside string."),
  N_("lexical error: invalid (non-hex) character occurs after '\\u' inside string."),
  N_("lexical error: malformed number, a digit is required after the exponent."),
  N_("lexical error: malformed number, a digit is required after the decimal point."),
  N_("lexical error: malformed number, a digit is required after the minus sign."),
  N_("lexical error: probable comment found in input text, comments are not enabled."),
  N_("parse error: trailing garbage"),
  N_("parse error: integer overflow"),
  N_("parse error: numeric (floating point) overflow"),
  N_("parse error: unallowed token at this point in JSON text"),
  N_("parse error: invalid object key (must be a string)"),
  N_("parse error: object key and value must be separated by a colon (':')"),
  N_("parse error: after key and value, inside map, I expect ',' or '}'"),
  N_("parse error: after array element, I expect ',' or ']'"),
};

/* yajl's @message in the language of the messages, or @message itself
 * when it is not one of those known. */
const char *
collab_json_yajl_message (const char *message)
{
  for (gsize i = 0; i < G_N_ELEMENTS (yajl_messages); i++)
    if (strcmp (message, yajl_messages[i]) == 0)
      return _(yajl_messages[i]);
  return message;
}

typedef struct
{
  JsonNode   *stack[STRICT_MAX_DEPTH + 1];
  char       *keys[STRICT_MAX_DEPTH + 1];
  int         depth;
  JsonNode   *root;
  char       *problem;
  int         code;     /* a CollabDatasetError, with @problem */
  yajl_handle yajl;
  gssize      offset;   /* where @problem is, or -1: where yajl stopped */
} Builder;

static int
add_node (Builder  *builder,
          JsonNode *node)
{
  JsonNode *parent;

  if (builder->depth == 0)
    {
      builder->root = node;
      return TRUE;
    }

  parent = builder->stack[builder->depth - 1];
  if (JSON_NODE_HOLDS_ARRAY (parent))
    json_array_add_element (json_node_get_array (parent), node);
  else
    {
      json_object_set_member (json_node_get_object (parent), builder->keys[builder->depth - 1], node);
      g_clear_pointer (&builder->keys[builder->depth - 1], g_free);
    }
  return TRUE;
}

static int
open_container (Builder  *builder,
                JsonNode *node)
{
  if (builder->depth >= STRICT_MAX_DEPTH)
    {
      json_node_unref (node);
      builder->problem = g_strdup_printf (_("values nest deeper than %d levels"), STRICT_MAX_DEPTH);
      builder->code = COLLAB_DATASET_ERROR_TOO_DEEP;
      return FALSE;
    }
  builder->stack[builder->depth++] = node;
  return TRUE;
}

static int
close_container (void *ctx)
{
  Builder *builder = ctx;
  JsonNode *node = builder->stack[--builder->depth];

  builder->stack[builder->depth] = NULL;
  return add_node (builder, node);
}

static int
on_null (void *ctx)
{
  return add_node (ctx, json_node_init_null (json_node_alloc ()));
}

static int
on_boolean (void *ctx, int value)
{
  return add_node (ctx, json_node_init_boolean (json_node_alloc (), value != 0));
}

/* Numbers come as text and are converted here whatever LC_NUMERIC says
 * (yajl would use strtod()), with yajl's errors for numbers beyond their
 * type, placed at the start of the number as yajl places them. */
static int
number_overflow (Builder    *builder,
                 const char *problem,
                 gsize       len)
{
  gsize consumed = yajl_get_bytes_consumed (builder->yajl);

  builder->problem = g_strdup (problem);
  builder->offset = (gssize) (consumed >= len ? consumed - len : 0);
  return FALSE;
}

static int
on_number (void *ctx, const char *text, size_t len)
{
  Builder *builder = ctx;
  g_autofree char *number = g_strndup (text, len);

  errno = 0;
  if (strpbrk (number, ".eE") == NULL)
    {
      gint64 value = g_ascii_strtoll (number, NULL, 10);

      if (errno == ERANGE)
        return number_overflow (builder, "parse error: integer overflow", len);
      return add_node (ctx, json_node_init_int (json_node_alloc (), value));
    }
  else
    {
      double value = g_ascii_strtod (number, NULL);

      if ((value == HUGE_VAL || value == -HUGE_VAL) && errno == ERANGE)
        return number_overflow (builder, "parse error: numeric (floating point) overflow", len);
      return add_node (ctx, json_node_init_double (json_node_alloc (), value));
    }
}

static int
on_string (void *ctx, const unsigned char *text, size_t len)
{
  Builder *builder = ctx;
  g_autofree char *copy = NULL;

  if (memchr (text, '\0', len) != NULL)
    {
      builder->problem = g_strdup (_("a string cannot hold a NUL character"));
      builder->code = COLLAB_DATASET_ERROR_INVALID_VALUE;
      return FALSE;
    }
  /* yajl's own check lets overlong forms and surrogates through. */
  if (!g_utf8_validate_len ((const char *) text, len, NULL))
    {
      builder->problem = g_strdup (_("a string is not valid UTF-8"));
      return FALSE;
    }
  copy = g_strndup ((const char *) text, len);
  return add_node (ctx, json_node_init_string (json_node_alloc (), copy));
}

static int
on_start_map (void *ctx)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), json_object_new ());

  json_object_unref (json_node_get_object (node));
  return open_container (ctx, node);
}

static int
on_map_key (void *ctx, const unsigned char *key, size_t len)
{
  Builder *builder = ctx;
  JsonObject *object = json_node_get_object (builder->stack[builder->depth - 1]);
  g_autofree char *name = g_strndup ((const char *) key, len);

  if (memchr (key, '\0', len) != NULL)
    {
      builder->problem = g_strdup (_("a member name cannot hold a NUL character"));
      builder->code = COLLAB_DATASET_ERROR_INVALID_VALUE;
      return FALSE;
    }
  if (!g_utf8_validate_len ((const char *) key, len, NULL))
    {
      builder->problem = g_strdup (_("a member name is not valid UTF-8"));
      return FALSE;
    }
  if (json_object_has_member (object, name))
    {
      g_autofree char *cut = collab_error_cut (name);

      /* Translators: %s is the name of a member of a JSON object. */
      builder->problem = g_strdup_printf (_("the member \"%s\" appears twice"), cut);
      builder->code = COLLAB_DATASET_ERROR_DUPLICATE_MEMBER;
      return FALSE;
    }
  g_free (builder->keys[builder->depth - 1]);
  builder->keys[builder->depth - 1] = g_steal_pointer (&name);
  return TRUE;
}

static int
on_start_array (void *ctx)
{
  JsonNode *node = json_node_init_array (json_node_alloc (), json_array_new ());

  json_array_unref (json_node_get_array (node));
  return open_container (ctx, node);
}

static const yajl_callbacks callbacks = {
  on_null, on_boolean, NULL, NULL, on_number, on_string,
  on_start_map, on_map_key, close_container, on_start_array, close_container,
};

JsonNode *
collab_json_parse_strict (const char  *data,
                          gsize        length,
                          const char  *filename,
                          GError     **error)
{
  Builder builder = { .code = COLLAB_DATASET_ERROR_SYNTAX, .offset = -1 };
  yajl_handle yajl = yajl_alloc (&callbacks, NULL, &builder);
  yajl_status status;
  gboolean finishing = FALSE;

  builder.yajl = yajl;
  status = yajl_parse (yajl, (const unsigned char *) data, length);
  if (status == yajl_status_ok)
    {
      /* A failure from here on is at the end of the text. */
      finishing = TRUE;
      status = yajl_complete_parse (yajl);
    }

  if (status != yajl_status_ok)
    {
      gsize consumed = yajl_get_bytes_consumed (yajl);
      gsize offset;
      guint line = 1, column = 1;
      const char *line_start = data;

      if (builder.problem == NULL)
        {
          unsigned char *text = yajl_get_error (yajl, FALSE, NULL, 0);

          builder.problem = g_strstrip (g_strdup ((const char *) text));
          yajl_free_error (yajl, text);
        }

      /* yajl counts the byte where it saw the problem, or for a few errors
       * the start of the token (error_offset() in collab-json-reader.c). */
      if (builder.offset >= 0)
        offset = MIN ((gsize) builder.offset, length);
      else if (finishing)
        offset = length;
      else if (g_str_has_suffix (builder.problem, "integer overflow") ||
               g_str_has_suffix (builder.problem, "(floating point) overflow") ||
               strstr (builder.problem, "after key and value") != NULL)
        offset = MIN (consumed, length);
      else
        offset = consumed > 0 ? MIN (consumed - 1, length) : 0;

      for (const char *p = data; p < data + offset; p++)
        if (*p == '\n')
          {
            line++;
            line_start = p + 1;
          }
      column = (guint) g_utf8_strlen (line_start, data + offset - line_start) + 1;
      g_set_error (error, COLLAB_DATASET_ERROR, builder.code, "%s:%u:%u: %s",
                   filename != NULL ? filename : "<data>", line, column,
                   collab_json_yajl_message (builder.problem));

      while (builder.depth > 0)
        {
          builder.depth--;
          json_node_unref (builder.stack[builder.depth]);
          g_free (builder.keys[builder.depth]);
        }
      g_clear_pointer (&builder.root, json_node_unref);
    }

  g_free (builder.problem);
  yajl_free (yajl);
  return builder.root;
}
