/* collab-csv-decode.c: the bytes of a spreadsheet export as UTF-8
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The first step of a CSV import (collab_csv_decode(), in
 * collab-csv-private.h). Spreadsheets in Chinese offices save CSV as
 * UTF-8, with or without a byte-order mark, or as GB18030 (which includes
 * GBK and GB2312); UTF-16 is refused with a word on how to save the file.
 * A byte that neither encoding reads is reported by line and column, and
 * by the header of its column, as whoever fixes the file sees it.
 */

#include <string.h>

#include <libcollab/collab-error.h>

#include "collab-csv-text-private.h"

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
            label = g_strdup_printf ("%s: ", text);
        }
      break;
    }

  g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
               "%s:%u:%u: %sthe byte 0x%02X (at offset %" G_GSIZE_FORMAT ") is %s; "
               "save the file as UTF-8 or GB18030 CSV",
               name, line, column, label != NULL ? label : "", (guchar) data[offset], file_offset,
               gb18030 ? "neither UTF-8 nor GB18030" : "not UTF-8, and the rest of the file is");
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
                   "%s:1:1: the file is UTF-16; save it as \"CSV UTF-8\" (or GB18030 CSV)", name);
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
                   "%s: the file is not UTF-8, and this system cannot read GB18030: %s",
                   name, local_error->message);
      return NULL;
    }

  if (local_error == NULL)
    bytes_read = limit;
  return undecodable (data, bytes_read, bytes_read, TRUE, name, error);
}
