/* collab-xlsx-grid.c: the cells of a sheet, within bounds, as rows of text
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * collab-xlsx-sheet.c reads a sheet's XML and hands its cells here; this
 * keeps them compactly (a row is a number and where its cells start; a
 * cell, its column and where its text is), gives the value of a merged
 * range to the rows it spans, and makes the rows of text cells the CSV
 * import reads (collab-csv-read.c).
 *
 * What a sheet may ask for is bounded by what it holds, not by what its
 * cell references say, so that a small file cannot ask for much memory:
 *
 *   - the text the rows point to, every reference to a shared string
 *     counted, is at most TEXT_CAP (one shared string of a megabyte named
 *     by a hundred thousand cells would be a hundred gigabytes once the
 *     import copies each);
 *   - the rectangle of rows and columns, empty cells included, is at most
 *     MAX_CELLS, and past DENSE_FREE at most SPARSE_RATIO times the cells
 *     that hold a value (a value at XFD1900 under a column of 1900
 *     numbers would otherwise be 31 million empty cells);
 *   - merged ranges fill at most MAX_FILLS cells.
 *
 * Each refusal names the sheet and, where one is to blame, the cell.
 *
 * **Merged cells.** Excel keeps the value of a merged range in its
 * top-left cell and shows it across the range. Officers merge a title
 * across the table (one row) and a unit or a place down the rows it is
 * the same for. A range that spans several rows gives its value to each
 * of those rows that the sheet has, in the range's first column; the
 * other columns of the range stay empty. A range of one row is therefore
 * read as Excel stores it (its value in its first cell), and a title
 * merged across the table stays one cell that the header search passes
 * over.
 */

#include <string.h>

#include <libcollab/collab-error.h>

#include "collab-csv-private.h"
#include "collab-xlsx-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

#define TEXT_CAP     (256u * 1024 * 1024)
#define MAX_CELLS    (32u * 1024 * 1024)
#define DENSE_FREE   (1024u * 1024)
#define SPARSE_RATIO 16
#define MAX_FILLS    (4u * 1024 * 1024)

/* The text store ----------------------------------------------------------- */

CollabXlsxStrings *
collab_xlsx_strings_new (void)
{
  CollabXlsxStrings *strings = g_new0 (CollabXlsxStrings, 1);

  /* Offset 0 is the empty string, which every empty cell points to. */
  strings->text = g_string_sized_new (4096);
  g_string_append_c (strings->text, '\0');
  strings->shared = g_array_new (FALSE, FALSE, sizeof (guint32));
  return strings;
}

void
collab_xlsx_strings_free (CollabXlsxStrings *strings)
{
  if (strings == NULL)
    return;
  g_string_free (strings->text, TRUE);
  g_array_unref (strings->shared);
  g_free (strings);
}

gboolean
collab_xlsx_strings_add (CollabXlsxStrings *strings,
                         const char        *data,
                         gsize              length,
                         guint32           *at)
{
  /* The parts are capped far below 4 GiB; the store, in the same way. */
  if (strings->text->len + length + 1 > G_MAXUINT32)
    return FALSE;
  *at = (guint32) strings->text->len;
  g_string_append_len (strings->text, data, (gssize) length);
  g_string_append_c (strings->text, '\0');
  return TRUE;
}

/* The grid ----------------------------------------------------------------- */

typedef struct
{
  guint32 number;   /* 1-based, as the sheet numbers it */
  guint32 first;    /* its first cell in cells */
} GridRow;

typedef struct
{
  guint32 column;   /* 0-based */
  guint32 text;     /* in strings->text */
} GridCell;

typedef struct
{
  guint32 first_column, first_row, last_column, last_row;
} Range;

typedef struct
{
  guint32 row;      /* index in rows */
  guint32 column;
  guint32 text;
} Fill;

struct _CollabXlsxGrid
{
  CollabXlsxStrings    *strings;
  const CollabXlsxPart *part;
  const char           *sheet;
  GArray               *rows;     /* GridRow, numbers increasing */
  GArray               *cells;    /* GridCell, by row, columns increasing */
  GArray               *merges;   /* Range */
  guint64               text;     /* bytes the cells' texts add up to */
  guint                 n_values; /* cells that hold text */
  guint                 width;    /* columns up to the last that holds text */
  guint32               wide_row, wide_column;   /* the cell that made it so */
};

CollabXlsxGrid *
collab_xlsx_grid_new (CollabXlsxStrings    *strings,
                      const CollabXlsxPart *part,
                      const char           *sheet)
{
  CollabXlsxGrid *grid = g_new0 (CollabXlsxGrid, 1);

  grid->strings = strings;
  grid->part = part;
  grid->sheet = sheet;
  grid->rows = g_array_new (FALSE, FALSE, sizeof (GridRow));
  grid->cells = g_array_new (FALSE, FALSE, sizeof (GridCell));
  grid->merges = g_array_new (FALSE, FALSE, sizeof (Range));
  return grid;
}

void
collab_xlsx_grid_free (CollabXlsxGrid *grid)
{
  if (grid == NULL)
    return;
  g_array_unref (grid->rows);
  g_array_unref (grid->cells);
  g_array_unref (grid->merges);
  g_free (grid);
}

/* `D7` for the 0-based column 3 and the row 7. */
static char *
cell_name (guint column,
           guint row)
{
  GString *name = g_string_new (NULL);

  collab_csv_append_column_letters (name, column);
  g_string_append_printf (name, "%u", row);
  return g_string_free (name, FALSE);
}

guint
collab_xlsx_grid_last_row (CollabXlsxGrid *grid)
{
  return grid->rows->len > 0 ? g_array_index (grid->rows, GridRow, grid->rows->len - 1).number : 0;
}

/* The column after the last cell of the current row: where a cell
 * without a reference goes, and the least one with a reference may name. */
guint
collab_xlsx_grid_next_column (CollabXlsxGrid *grid)
{
  const GridRow *row;

  if (grid->rows->len == 0)
    return 0;
  row = &g_array_index (grid->rows, GridRow, grid->rows->len - 1);
  if (grid->cells->len == row->first)
    return 0;
  return g_array_index (grid->cells, GridCell, grid->cells->len - 1).column + 1;
}

void
collab_xlsx_grid_add_row (CollabXlsxGrid *grid,
                          guint           number)
{
  GridRow row = { number, grid->cells->len };

  g_array_append_val (grid->rows, row);
}

gboolean
collab_xlsx_grid_add_cell (CollabXlsxGrid  *grid,
                           guint            column,
                           guint32          text,
                           gsize            length,
                           GError         **error)
{
  guint row_number = collab_xlsx_grid_last_row (grid);
  GridCell cell = { column, text };

  /* An empty cell is the empty string that every row starts with. */
  if (length == 0)
    return TRUE;

  grid->text += length;
  if (grid->text > TEXT_CAP)
    {
      g_autofree char *name = cell_name (column, row_number);

      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_FORMAT,
                   /* Translators: FILE:SHEET!CELL, then a size in MiB. */
                   _("%s:%s!%s: the cells up to here hold more than %u MiB of text, more than a sheet of "
                     "records holds: the workbook is a bomb, or not a table of records"),
                   grid->part->file, grid->sheet, name, TEXT_CAP >> 20);
      return FALSE;
    }
  g_array_append_val (grid->cells, cell);
  grid->n_values++;
  if (column + 1 > grid->width)
    {
      grid->width = column + 1;
      grid->wide_row = row_number;
      grid->wide_column = column;
    }
  return TRUE;
}

/* Merged ranges ------------------------------------------------------------ */

gboolean
collab_xlsx_grid_add_merge (CollabXlsxGrid  *grid,
                            const char      *ref,
                            GError         **error)
{
  g_auto(GStrv) ends = g_strsplit (ref != NULL ? ref : "", ":", 3);
  g_autofree char *shown = NULL;
  Range range;
  guint column, row;

  if (g_strv_length (ends) == 1 && collab_xlsx_parse_reference (ends[0], &column, &row))
    return TRUE;   /* a range of one cell merges nothing */
  if (g_strv_length (ends) != 2 ||
      !collab_xlsx_parse_reference (ends[0], &column, &row))
    goto bad;
  range.first_column = column;
  range.first_row = row;
  if (!collab_xlsx_parse_reference (ends[1], &column, &row) ||
      column < range.first_column || row < range.first_row)
    goto bad;
  range.last_column = column;
  range.last_row = row;
  if (range.last_row > range.first_row)
    g_array_append_val (grid->merges, range);
  return TRUE;

bad:
  shown = collab_error_cut (ref != NULL ? ref : "");
  g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
               /* Translators: the file, the sheet, then the range as the workbook writes it ("A3:A5"). */
               _("%s: %s: the merged range \"%s\" is not a range of cells from its top left to its bottom "
                 "right: the workbook is damaged"),
               grid->part->file, grid->sheet, shown);
  return FALSE;
}

/* The index of the first row numbered @number or more. */
static guint
row_at_or_after (GArray *rows,
                 guint   number)
{
  guint low = 0, high = rows->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (rows, GridRow, middle).number < number)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* The text of the cell at @row (an index) and @column, or 0 (empty). */
static guint32
text_at (CollabXlsxGrid *grid,
         guint           row,
         guint           column)
{
  guint first = g_array_index (grid->rows, GridRow, row).first;
  guint end = row + 1 < grid->rows->len ? g_array_index (grid->rows, GridRow, row + 1).first : grid->cells->len;

  while (first < end)
    {
      guint middle = first + (end - first) / 2;
      const GridCell *cell = &g_array_index (grid->cells, GridCell, middle);

      if (cell->column == column)
        return cell->text;
      if (cell->column < column)
        first = middle + 1;
      else
        end = middle;
    }
  return 0;
}

static int
compare_fills (gconstpointer a,
               gconstpointer b)
{
  const Fill *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->column < y->column ? -1 : x->column > y->column;
}

/* The cells merged ranges give their value to, by row and column. */
static GArray *
merge_fills (CollabXlsxGrid  *grid,
             GError         **error)
{
  g_autoptr(GArray) fills = g_array_new (FALSE, FALSE, sizeof (Fill));

  for (guint m = 0; m < grid->merges->len; m++)
    {
      const Range *range = &g_array_index (grid->merges, Range, m);
      guint top = row_at_or_after (grid->rows, range->first_row);
      guint32 text;
      gsize length;

      if (top == grid->rows->len || g_array_index (grid->rows, GridRow, top).number != range->first_row)
        continue;
      text = text_at (grid, top, range->first_column);
      if (text == 0)
        continue;
      length = strlen (grid->strings->text->str + text);
      for (guint r = top + 1; r < grid->rows->len && g_array_index (grid->rows, GridRow, r).number <= range->last_row;
           r++)
        {
          Fill fill = { r, range->first_column, text };

          grid->text += length;
          if (fills->len == MAX_FILLS || grid->text > TEXT_CAP)
            {
              g_autofree char *from = cell_name (range->first_column, range->first_row);
              g_autofree char *to = cell_name (range->last_column, range->last_row);

              g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_FORMAT,
                           /* Translators: FILE:SHEET!FIRST:LAST, a merged range. */
                           _("%s:%s!%s:%s: the merged ranges up to this one fill more cells than a sheet of "
                             "records has: the workbook is a bomb, or not a table of records"),
                           grid->part->file, grid->sheet, from, to);
              return NULL;
            }
          g_array_append_val (fills, fill);
        }
    }
  g_array_sort (fills, compare_fills);
  return g_steal_pointer (&fills);
}

/* The rows ----------------------------------------------------------------- */

/* Whether the rectangle of rows and columns is one to make: not larger
 * than MAX_CELLS, nor, past DENSE_FREE, mostly empty. */
static gboolean
check_extent (CollabXlsxGrid  *grid,
              guint            n_fills,
              GError         **error)
{
  guint64 extent = (guint64) grid->width * grid->rows->len;
  guint64 values = (guint64) grid->n_values + n_fills;
  g_autofree char *wide = NULL;

  if (extent <= DENSE_FREE || (extent <= MAX_CELLS && extent <= SPARSE_RATIO * values))
    return TRUE;
  wide = cell_name (grid->wide_column, grid->wide_row);
  g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_FORMAT,
               /* Translators: FILE:SHEET!CELL, then counts: columns, rows, cells with a value. */
               _("%s:%s!%s: a value this far right makes the sheet %u columns wide over its %u rows, and only "
                 "%llu cells hold a value: delete what is far right or far down of the table, or copy the "
                 "table to a sheet of its own"),
               grid->part->file, grid->sheet, wide, grid->width, grid->rows->len, (unsigned long long) values);
  return FALSE;
}

GPtrArray *
collab_xlsx_grid_end (CollabXlsxGrid  *grid,
                      GError         **error)
{
  g_autoptr(GArray) fills = merge_fills (grid, error);
  const char *text;
  GPtrArray *out;
  guint f = 0;

  if (fills == NULL || !check_extent (grid, fills->len, error))
    return NULL;

  /* Every cell points into the store: no text is copied. */
  text = grid->strings->text->str;
  out = g_ptr_array_new_full (grid->rows->len, g_free);
  for (guint r = 0; r < grid->rows->len; r++)
    {
      const GridRow *row = &g_array_index (grid->rows, GridRow, r);
      guint end = r + 1 < grid->rows->len ? g_array_index (grid->rows, GridRow, r + 1).first : grid->cells->len;
      CollabCsvRow *csv_row = g_malloc (sizeof (CollabCsvRow) + (grid->width + 1) * sizeof (char *));

      csv_row->line = row->number;
      csv_row->n_cells = grid->width;
      csv_row->cells = (char **) (csv_row + 1);
      for (guint c = 0; c <= grid->width; c++)
        csv_row->cells[c] = (char *) text;   /* offset 0: the empty string */
      for (guint i = row->first; i < end; i++)
        {
          const GridCell *cell = &g_array_index (grid->cells, GridCell, i);

          csv_row->cells[cell->column] = (char *) text + cell->text;
        }
      csv_row->cells[grid->width] = NULL;
      for (; f < fills->len && g_array_index (fills, Fill, f).row == r; f++)
        csv_row->cells[g_array_index (fills, Fill, f).column] = (char *) text + g_array_index (fills, Fill, f).text;
      g_ptr_array_add (out, csv_row);
    }
  return out;
}
