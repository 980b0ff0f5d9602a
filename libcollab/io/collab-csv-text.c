/* collab-csv-text.c: the bytes of a CSV file as rows of cells, and back
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The part of the CSV code that knows nothing of records. Spreadsheets
 * in Chinese offices save CSV as UTF-8, with or without a byte-order
 * mark, or as GB18030 (which includes GBK and GB2312); UTF-16 is refused
 * with a word on how to save the file. collab_csv_decode() makes UTF-8
 * of either, and reports a byte that neither encoding reads by line and
 * column, and by the header of its column, as whoever fixes the file
 * sees it.
 *
 * collab_csv_parse() splits decoded text into rows (cells separated by
 * commas, quoted with `"` when they hold commas, quotes or line breaks;
 * CRLF, LF or CR line ends), and collab_csv_append_cell() quotes a cell
 * so that the parse reads it back: the import, the export and the table
 * writer (report/collab-table-format.c) share the one set of rules.
 * Cells are kept as read; collab_csv_trim_cell() takes off the padding
 * that spreadsheets add.
 */

#include <string.h>

#include <libcollab/collab-error.h>

#include "collab-csv-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

/* Cells -------------------------------------------------------------------- */

/* Spreadsheets pad cells with ASCII spaces, no-break spaces and the
 * ideographic space of Chinese input methods; none of them is data.
 * Returns the length of the padding that @start … @end begins with or,
 * with @at_end, ends with: 0 when there is none. */
static gsize
padding (const char *start,
         const char *end,
         gboolean    at_end)
{
  static const char * const wide_spaces[] = { "\xc2\xa0", "\xe3\x80\x80" };

  if (end - start >= 1 && g_ascii_isspace (at_end ? end[-1] : start[0]))
    return 1;
  for (guint i = 0; i < G_N_ELEMENTS (wide_spaces); i++)
    {
      gsize n = strlen (wide_spaces[i]);

      if ((gsize) (end - start) >= n && memcmp (at_end ? end - n : start, wide_spaces[i], n) == 0)
        return n;
    }
  return 0;
}

char *
collab_csv_trim_cell (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);
  gsize n;

  while ((n = padding (start, end, FALSE)) > 0)
    start += n;
  while ((n = padding (start, end, TRUE)) > 0)
    end -= n;

  return g_strndup (start, end - start);
}

gboolean
collab_csv_row_is_blank (const CollabCsvRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    {
      g_autofree char *cell = collab_csv_trim_cell (row->cells[i]);

      if (*cell != '\0')
        return FALSE;
    }
  return TRUE;
}

/* Quoting ------------------------------------------------------------------ */

void
collab_csv_append_cell (GString    *out,
                        const char *text)
{
  if (text == NULL)
    return;

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Rows --------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *rows;
  GString   *text;      /* the cells of the row being read, each ended by a NUL */
  GArray    *starts;    /* where each of them starts in @text */
  guint      line;      /* the line being read */
  guint      row_line;  /* the line the row being read started on */
  gboolean   in_row;
} Tokens;

static void
end_cell (Tokens *tokens)
{
  gsize start;

  g_string_append_c (tokens->text, '\0');
  start = tokens->text->len;
  g_array_append_val (tokens->starts, start);
}

static void
end_row (Tokens *tokens)
{
  guint n_cells = tokens->starts->len + 1;  /* the cells ended, and this one */
  gsize header_size = sizeof (CollabCsvRow) + (n_cells + 1) * sizeof (char *);
  CollabCsvRow *row;
  char *text;

  /* A million rows of ten cells are a million allocations, not eleven. */
  end_cell (tokens);
  row = g_malloc (header_size + tokens->text->len);
  row->line = tokens->row_line;
  row->n_cells = n_cells;
  row->cells = (char **) (row + 1);
  text = (char *) row + header_size;
  memcpy (text, tokens->text->str, tokens->text->len);
  row->cells[0] = text;
  for (guint i = 1; i < n_cells; i++)
    row->cells[i] = text + g_array_index (tokens->starts, gsize, i - 1);
  row->cells[n_cells] = NULL;

  g_string_truncate (tokens->text, 0);
  g_array_set_size (tokens->starts, 0);
  tokens->in_row = FALSE;

  /* An empty line is no row at all (a trailing one least of all). */
  if (row->n_cells == 1 && row->cells[0][0] == '\0')
    g_free (row);
  else
    g_ptr_array_add (tokens->rows, row);
}

/* Splits @text into rows. With @partial, @text is the start of a file cut
 * anywhere: the row cut short is left out, and @end_line and @end_column
 * say where the cut is. */
static GPtrArray *
tokenize (const char  *text,
          gsize        length,
          const char  *name,
          gboolean     partial,
          guint       *end_line,
          guint       *end_column,
          GError     **error)
{
  enum { CELL_START, UNQUOTED, QUOTED, AFTER_QUOTE } state = CELL_START;
  Tokens tokens = { 0 };
  const char *p = text;
  const char *end = text + length;
  guint quote_line = 0, quote_column = 0;
  GPtrArray *rows = NULL;

  tokens.rows = g_ptr_array_new_with_free_func (g_free);
  tokens.text = g_string_new (NULL);
  tokens.starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  tokens.line = 1;

  while (p < end)
    {
      char c = *p;

      if (!tokens.in_row)
        {
          tokens.in_row = TRUE;
          tokens.row_line = tokens.line;
        }

      if (state == QUOTED)
        {
          if (c == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (tokens.text, '"');
              p++;
            }
          else if (c == '"')
            state = AFTER_QUOTE;
          else
            {
              if (c == '\n' || (c == '\r' && !(p + 1 < end && p[1] == '\n')))
                tokens.line++;
              g_string_append_c (tokens.text, c);
            }
          p++;
        }
      else if (c == ',')
        {
          end_cell (&tokens);
          state = CELL_START;
          p++;
        }
      else if (c == '\n' || c == '\r')
        {
          /* CRLF, LF, or the lone CR of old Mac spreadsheets. */
          end_row (&tokens);
          state = CELL_START;
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          tokens.line++;
        }
      else if (state == AFTER_QUOTE)
        {
          g_autofree char *found = g_strndup (p, g_utf8_next_char (p) - p);

          g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                       _("%s:%u:%u: the quoted cell is followed by \"%s\": a closing quote must end "
                         "the cell (write \"\" for a quote inside a quoted cell)"),
                       name, tokens.line, tokens.starts->len + 1, found);
          goto out;
        }
      else if (c == '"' && state == CELL_START)
        {
          state = QUOTED;
          quote_line = tokens.line;
          quote_column = tokens.starts->len + 1;
          p++;
        }
      else
        {
          /* A quote inside an unquoted cell (12" screen) is taken as it is. */
          g_string_append_c (tokens.text, c);
          state = UNQUOTED;
          p++;
        }
    }

  if (partial)
    {
      *end_line = tokens.line;
      *end_column = tokens.in_row ? tokens.starts->len + 1 : 1;
    }
  else if (state == QUOTED)
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   _("%s:%u:%u: the quoted cell that starts here has no closing quote"),
                   name, quote_line, quote_column);
      goto out;
    }
  else if (tokens.in_row)
    end_row (&tokens);

  rows = g_steal_pointer (&tokens.rows);

out:
  g_clear_pointer (&tokens.rows, g_ptr_array_unref);
  g_string_free (tokens.text, TRUE);
  g_array_unref (tokens.starts);
  return rows;
}

GPtrArray *
collab_csv_parse (const char  *text,
                  gsize        length,
                  const char  *name,
                  GError     **error)
{
  return tokenize (text, length, name, FALSE, NULL, NULL, error);
}

GPtrArray *
collab_csv_parse_prefix (const char *text,
                         gsize       length,
                         const char *name,
                         guint      *end_line,
                         guint      *end_column)
{
  return tokenize (text, length, name, TRUE, end_line, end_column, NULL);
}

/* Encodings ---------------------------------------------------------------- */

#define UTF8_BOM "\xef\xbb\xbf"

/* What a UTF-8 reading makes of @data: how many characters of two bytes
 * or more it finds, how many bytes it cannot place, and the first of them. */
static void
utf8_census (const char *data,
             gsize       length,
             gsize      *n_multibyte,
             gsize      *n_invalid,
             gsize      *first_invalid)
{
  const char *p = data;
  const char *end = data + length;

  *n_multibyte = 0;
  *n_invalid = 0;
  *first_invalid = length;
  while (p < end)
    {
      const char *stop = end;
      gboolean valid = g_utf8_validate_len (p, end - p, &stop);

      for (const char *q = p; q < stop; q++)
        if (((guchar) *q & 0xc0) == 0xc0)
          (*n_multibyte)++;
      if (valid)
        break;
      if (*n_invalid == 0)
        *first_invalid = stop - data;
      (*n_invalid)++;
      p = stop + 1;
    }
}

/* Fails naming the line and column of the byte at @offset, which UTF-8
 * (when @gb18030 is FALSE) or GB18030 could not read. */
static char *
undecodable (const char  *data,
             gsize        offset,
             gsize        file_offset,
             gboolean     gb18030,
             const char  *name,
             GError     **error)
{
  g_autofree char *prefix = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *label = NULL;
  guint line = 1, column = 1;
  gsize prefix_length = offset;

  /* Everything before the bad byte was read: split it into rows to find
   * the cell the byte is in. */
  if (gb18030)
    prefix = g_convert (data, offset, "UTF-8", "GB18030", NULL, &prefix_length, NULL);
  else
    prefix = g_strndup (data, offset);
  if (prefix != NULL)
    rows = collab_csv_parse_prefix (prefix, prefix_length, name, &line, &column);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const CollabCsvRow *header = g_ptr_array_index (rows, i);

      if (collab_csv_row_is_blank (header))
        continue;
      if (column <= header->n_cells && header->line < line)
        {
          g_autofree char *text = collab_csv_trim_cell (header->cells[column - 1]);

          if (*text != '\0')
            {
              GString *cut = g_string_new (NULL);

              collab_error_append_cut (cut, text, -1);
              g_string_append (cut, ": ");
              label = g_string_free (cut, FALSE);
            }
        }
      break;
    }

  /* Translators: the second %s is the header of the cell and ": ", or nothing */
  g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
               gb18030 ? _("%s:%u:%u: %sthe byte 0x%02X (at offset %llu) is neither UTF-8 "
                           "nor GB18030; save the file as UTF-8 or GB18030 CSV")
                       : _("%s:%u:%u: %sthe byte 0x%02X (at offset %llu) is not UTF-8, and "
                           "the rest of the file is; save the file as UTF-8 or GB18030 CSV"),
               name, line, column, label != NULL ? label : "", (guchar) data[offset],
               (unsigned long long) file_offset);
  return NULL;
}

char *
collab_csv_decode (const char  *data,
                   gsize        length,
                   const char  *name,
                   gsize       *text_length,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize n_multibyte, n_invalid, first_invalid;
  gsize skipped = 0;
  gsize limit, bytes_read = 0;
  const char *nul;
  char *text;

  if (length >= 2 && ((guchar) data[0] == 0xff || (guchar) data[0] == 0xfe) &&
      ((guchar) data[1] == 0xff || (guchar) data[1] == 0xfe) && data[0] != data[1])
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   _("%s:1:1: the file is UTF-16; save it as \"CSV UTF-8\" (or GB18030 CSV)"), name);
      return NULL;
    }

  if (length >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    skipped = 3;
  data += skipped;
  length -= skipped;

  utf8_census (data, length, &n_multibyte, &n_invalid, &first_invalid);
  if (n_invalid == 0)
    {
      *text_length = length;
      return g_strndup (data, length);
    }

  /* GB18030 reads almost any bytes, so a UTF-8 file with one damaged
   * byte would come out as plausible garbage. A file that is mostly good
   * UTF-8 with Chinese in it, or that says it is UTF-8, is UTF-8 with an
   * error; in a GB18030 file, most Chinese characters are bad UTF-8. */
  if (skipped > 0 || n_multibyte >= 4 * n_invalid)
    return undecodable (data, first_invalid, first_invalid + skipped, FALSE, name, error);

  nul = memchr (data, '\0', length);
  limit = nul != NULL ? (gsize) (nul - data) : length;
  text = g_convert (data, limit, "UTF-8", "GB18030", &bytes_read, text_length, &local_error);
  if (text != NULL && nul == NULL)
    return text;
  g_free (text);

  if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   _("%s: the file is not UTF-8, and this system cannot read GB18030: %s"),
                   name, local_error->message);
      return NULL;
    }

  if (local_error == NULL)
    bytes_read = limit;
  return undecodable (data, bytes_read, bytes_read, TRUE, name, error);
}
