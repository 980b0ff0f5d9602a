/* collab-json-reader-input.c: the text, whole or a chunk at a time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The text comes whole (collab_json_read_into()) or a chunk at a time from
 * a file (collab_json_read_file_into(), collab_json_read_fd_into()), so
 * that the peak of a load is the dataset and not the dataset and the
 * file. A chunk ends where no token is cut in two, and the messages are
 * the same either way: the lines and columns of the chunks are counted as
 * they go by, and when yajl stops, where it stopped is turned into the
 * line and column an editor shows.
 */

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "collab-json-file-private.h"
#include "collab-json-reader-private.h"

/* Lines and columns -------------------------------------------------------- */

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

/* Parsing ------------------------------------------------------------------ */

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
                   "%s:%u:%u: %s", reader->filename, line, column,
                   collab_json_yajl_message (reader->syntax_problem));
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
                     "%s:%u:%u: %s", reader->filename, line, column,
                     _("the document ends before it is complete"));
      else
        g_set_error (&reader->error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                     "%s:%u:%u: %s", reader->filename, line, column, collab_json_yajl_message (message));
    }
  else
    {
      /* A semantic error names the JSON path; the line and column are
       * added because an editor wants them. */
      char *message;

      offset = error_offset (reader->yajl, reader->chunk_base, len, finishing, NULL);
      line_and_column (cursor, chunk, reader->chunk_base, offset, &line, &column);
      /* Translators: the first %s is the whole message (FILE: $.json.path:
       * what is wrong), then the line and the column of the text. */
      message = g_strdup_printf (_("%s (line %u, column %u)"), reader->error->message, line, column);
      g_free (reader->error->message);
      reader->error->message = message;
    }

  return FALSE;
}

/* Entry points ------------------------------------------------------------- */

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
