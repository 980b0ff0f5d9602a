/* collab-json-reader-values.c: scalars into the fields of a record
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * yajl's scalar events (null, booleans, numbers, strings) become the
 * values of the field that the last member name chose: strings and ids
 * into the store's strings, enum and flags nicks, dates, amounts, years
 * and references. This is the hottest part of a load, ten million values
 * per million records, so everything a value needs is in this file:
 * dates, amounts and enum nicks are read where yajl has them, without a
 * copy or an allocation, and a reference to a record already read is
 * resolved at once (the others are kept by name for the end,
 * collab-json-reader.c).
 *
 * Numbers are converted here, whatever LC_NUMERIC says, and integers
 * beyond int64 are errors, never wrapped values; strings are checked for
 * NUL and for valid UTF-8, eight bytes at a time when they are plain
 * ASCII.
 */

#include <errno.h>
#include <math.h>
#include <string.h>

#include <libcollab/collab-money.h>

#include "types/collab-day-private.h"
#include "collab-json-reader-private.h"

/* Enum nicks --------------------------------------------------------------- */

static char *
enum_choices (GType type,
              gboolean skip_zero)
{
  g_autoptr(GString) choices = g_string_new (NULL);
  /* Translators: what separates the words of a list of choices, such as
   * "province, city, county" (the words themselves stay in English). */
  const char *comma = _(", ");

  if (G_TYPE_IS_FLAGS (type))
    {
      GFlagsClass *klass = g_type_class_ref (type);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (choices, "%s%s", i > 0 ? comma : "", klass->values[i].value_nick);
      g_type_class_unref (klass);
    }
  else
    {
      GEnumClass *klass = g_type_class_ref (type);

      for (guint i = 0; i < klass->n_values; i++)
        if (!(skip_zero && klass->values[i].value == 0))
          g_string_append_printf (choices, "%s%s", choices->len > 0 ? comma : "", klass->values[i].value_nick);
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
      g_autofree char *display = reader_scalar_to_display (value);

      return reader_fail (reader, COLLAB_DATASET_ERROR_TYPE,
                          /* Translators: the first %s is a list of words (enum
                           * values, in English, as the document has them); the
                           * second is the value found, as the document has it. */
                          _("expected one of %s, found %s"), choices, display);
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
      g_autofree char *display = reader_scalar_to_display (value);

      return reader_fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE,
                          _("expected one of %s, found %s"), choices, display);
    }

  return TRUE;
}

/* References, amounts, fields ---------------------------------------------- */

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
    return reader_expected (reader,
                            /* Translators: %s is the value found, as the document has it:
                             * a quoted string, a number, null, true or false. */
                            _("expected the id of a record, found %s"), value);

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
    return reader_fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE, _("too many references in one document"));

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
        return reader_expected (reader, _("expected a string, found %s"), value);
      if (field->type == COLLAB_FIELD_ID && value->len == 0)
        return reader_fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE, _("an id cannot be empty"));
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
          return reader_expected (reader, _("expected a date as \"YYYY-MM-DD\", found %s"), value);
        if (collab_day_read_text (value->string, value->len, slot))
          return TRUE;
        /* Not a date: collab_day_parse() says why. */
        text = g_strndup (value->string, value->len);
        if (!collab_day_parse (text, slot, &error))
          return reader_fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE, "%s", error->message);
        return TRUE;
      }

    case COLLAB_FIELD_AMOUNT:
      if (value->type == SCALAR_INT)
        {
          if (!collab_money_from_yuan (value->integer, slot, &error))
            return reader_fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE, "%s", error->message);
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
            return reader_fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE, "%s", error->message);
          return TRUE;
        }
      return reader_expected (reader,
                              _("expected an amount as a string such as \"1920万\" or an integer of yuan, found %s"),
                              value);

    case COLLAB_FIELD_INT:
    case COLLAB_FIELD_YEAR:
      if (value->type != SCALAR_INT)
        return reader_expected (reader,
                                field->type == COLLAB_FIELD_YEAR ? _("expected a year, found %s")
                                                                 : _("expected an integer, found %s"),
                                value);
      if (field->type == COLLAB_FIELD_YEAR && (value->integer < 1900 || value->integer > 2200))
        return reader_fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE,
                            _("expected a year from 1900 to 2200, found %lld"), (long long) value->integer);
      if (value->integer < G_MININT32 || value->integer > G_MAXINT32)
        return reader_fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE,
                            _("expected a 32-bit integer, found %lld"), (long long) value->integer);
      *(gint32 *) slot = (gint32) value->integer;
      return TRUE;

    case COLLAB_FIELD_BOOL:
      if (value->type != SCALAR_BOOL)
        return reader_expected (reader, _("expected true or false, found %s"), value);
      *(gboolean *) slot = value->boolean;
      return TRUE;

    case COLLAB_FIELD_FLAGS:
      return reader_expected (reader, _("expected an array of flags, found %s"), value);

    case COLLAB_FIELD_ENUM_LIST:
      return reader_expected (reader, _("expected an array of words, found %s"), value);

    case COLLAB_FIELD_REF_LIST:
      return reader_expected (reader, _("expected an array of ids, found %s"), value);

    case COLLAB_FIELD_OBJECT:
      return reader_expected (reader, _("expected an object, found %s"), value);

    case COLLAB_FIELD_ARRAY:
      return reader_expected (reader, _("expected an array, found %s"), value);

    default:
      g_assert_not_reached ();
    }
}

/* Scalar events ------------------------------------------------------------ */

static gboolean
on_scalar (Reader       *reader,
           const Scalar *value)
{
  Frame *frame;

  if (is_capturing (reader))
    return reader_capture_add (reader, reader_scalar_to_node (value));

  if (reader->depth < 0)
    return reader_not_an_object (reader, value);

  frame = top_frame (reader);
  switch (frame->type)
    {
    case FRAME_TOP:
      if (frame->key == NULL)
        return reader_not_an_object (reader, value);
      if (strcmp (frame->key, "format") == 0)
        {
          if (value->type != SCALAR_STRING || value->len != strlen (COLLAB_DATASET_FORMAT) ||
              memcmp (value->string, COLLAB_DATASET_FORMAT, value->len) != 0)
            {
              g_autofree char *found = reader_scalar_to_display (value);
              return reader_fail (reader, COLLAB_DATASET_ERROR_FORMAT,
                                  /* Translators: the first %s is the word the member "format"
                                   * must have; the second is the value found. */
                                  _("expected \"%s\", found %s"), COLLAB_DATASET_FORMAT, found);
            }
          reader->seen_format = TRUE;
        }
      else if (strcmp (frame->key, "version") == 0)
        {
          if (value->type != SCALAR_INT)
            return reader_expected (reader, _("expected the integer 1, found %s"), value);
          if (value->integer != COLLAB_DATASET_VERSION)
            return reader_fail (reader, COLLAB_DATASET_ERROR_VERSION,
                                _("unsupported version %lld (this library reads version %d)"),
                                (long long) value->integer, COLLAB_DATASET_VERSION);
          reader->seen_version = TRUE;
        }
      else
        {
          g_autofree char *found = reader_scalar_to_display (value);

          return reader_fail (reader, COLLAB_DATASET_ERROR_TYPE,
                              /* Translators: the first %s is a member of the document,
                               * in English, such as "regions"; the second is the value
                               * found, as the document has it. */
                              _("expected an array of %s, found %s"), frame->key, found);
        }
      g_clear_pointer (&frame->key, g_free);
      frame->field = NULL;
      return TRUE;

    case FRAME_RECORDS:
    case FRAME_SUBARRAY:
      {
        g_autofree char *found = reader_scalar_to_display (value);

        return reader_fail (reader, COLLAB_DATASET_ERROR_TYPE,
                            /* Translators: the first %s is the kind of record, translated,
                             * such as "region"; the second is the value found. */
                            _("expected a %s object, found %s"), _(frame->schema->singular), found);
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
        else if (field->type == COLLAB_FIELD_ENUM_LIST)
          {
            guint nick_value;

            if (!parse_nick (reader, field, value, &nick_value))
              return FALSE;
            if (!collab_enum_list_append (&g_array_index (frame->items, guint, 0), nick_value))
              {
                g_autofree char *display = reader_scalar_to_display (value);

                return reader_fail (reader, COLLAB_DATASET_ERROR_INVALID_VALUE,
                                    /* Translators: %s is the word found twice, as the document has it. */
                                    _("%s is in the list twice"), display);
              }
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
            return reader_expected (reader, _("expected a value, found %s"), value);
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

int
reader_on_null (void *ctx)
{
  Scalar value = { SCALAR_NULL };
  return on_scalar (ctx, &value);
}

int
reader_on_boolean (void *ctx,
                   int   boolean)
{
  Scalar value = { SCALAR_BOOL, .boolean = boolean != 0 };
  return on_scalar (ctx, &value);
}

/* yajl hands numbers over as text (it would convert doubles with
 * strtod(), which reads "1.5" as 1 where LC_NUMERIC has a decimal comma):
 * they are converted here, whatever the locale, with the errors yajl
 * gives for numbers beyond their type, at the start of the number. */
int
reader_on_number (void       *ctx,
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
        return reader_syntax_error (reader, "parse error: integer overflow", len);
    }
  else
    {
      value.type = SCALAR_DOUBLE;
      value.real = g_ascii_strtod (number, NULL);
      if ((value.real == HUGE_VAL || value.real == -HUGE_VAL) && errno == ERANGE)
        return reader_syntax_error (reader, "parse error: numeric (floating point) overflow", len);
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

int
reader_on_string (void                *ctx,
                  const unsigned char *string,
                  size_t               len)
{
  Scalar value = { SCALAR_STRING, .string = (const char *) string, .len = len };

  if (plain_ascii (string, len))
    return on_scalar (ctx, &value);

  /* Every string ends up as a C string (a name, an id, an enum word, a
   * kept value): a NUL would cut it short, "yc\u0000x" would name "yc". */
  if (memchr (string, '\0', len) != NULL)
    return reader_fail (ctx, COLLAB_DATASET_ERROR_INVALID_VALUE, _("a string cannot hold a NUL character"));

  /* yajl lets overlong forms, surrogates and code points past U+10FFFF
   * through, and decodes a lone "\udc00" into one: GLib and the bindings
   * need valid UTF-8. */
  if (!g_utf8_validate_len ((const char *) string, len, NULL))
    return reader_fail (ctx, COLLAB_DATASET_ERROR_SYNTAX, _("a string is not valid UTF-8"));
  return on_scalar (ctx, &value);
}
