/* collab-table-columns-private.h: how a CollabTable keeps its columns
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What the files of the table share, and nothing outside them should
 * see: the column store, the table and builder structs, and the cell
 * readers.
 *
 *   collab-table.c               the class: shape, whole columns, cells
 *   collab-table-builder.c       the builder (collab-table-private.h)
 *   collab-table-format.c        CSV, JSON and terminal text
 *   collab-table-export.c        records to a table (the field walk)
 *   collab-table-export-refs.c   ids and references as dictionary columns
 *   collab-table-findings.c      findings to a table, and to a sheet
 *   collab-table-labels.c        what people call the columns and words
 *   collab-xlsx-save.c           tables and records as files, and xlsx
 *
 * A column is laid out while it is built the way numpy and Arrow read
 * it, then frozen into GBytes by collab_table_builder_end(). The builder
 * fills a column a cell at a time; the record export fills whole columns
 * in place (collab-table-export-private.h), which is why the layout is
 * shared instead of hidden behind the appends.
 */

#pragma once

#include "collab-table-private.h"

G_BEGIN_DECLS

typedef struct
{
  char             *name;
  CollabColumnType  type;
  /* While building: */
  GArray           *values;      /* per row: gint32 codes for STRING, a CollabDay
                                  * (0 when missing) for DAY, else gint64 */
  GByteArray       *validity;    /* 1 per row with a value; NULL while every row has one */
  GHashTable       *lookup;      /* STRING: category -> code + 1 */
  GType             enum_type;   /* STRING of an enum's nicks, or 0 */
  /* Once built: */
  GBytes           *data;        /* what @values was */
  GBytes           *valid;       /* what @validity was, or NULL */
  /* STRING: const char * into the table's strings, NULL-terminated once
   * built; the export shares one list between the columns that refer to
   * the same kind (a dispatch's from and to). */
  GPtrArray        *categories;
} CollabTableColumn;

struct _CollabTable
{
  GObject       parent_instance;
  GStringChunk *strings;
  GPtrArray    *columns;         /* of CollabTableColumn */
  guint         n_rows;
};

struct _CollabTableBuilder
{
  GStringChunk *strings;
  GPtrArray    *columns;         /* of CollabTableColumn */
  guint         cursor;          /* the column the next append fills */
  guint         n_rows;          /* complete rows */
};

/* collab-table-builder.c */
void               collab_table_column_free        (gpointer            data);
/* A new, empty column of @self with room for @reserve cells. */
CollabTableColumn *collab_table_builder_new_column (CollabTableBuilder *self,
                                                    const char         *name,
                                                    CollabColumnType    type,
                                                    guint               reserve);
/* The code of @value in a STRING column, added as a category when new. */
gint32             collab_table_column_intern      (CollabTableColumn  *column,
                                                    GStringChunk       *strings,
                                                    const char         *value);
/* The validity bytes of @column, made on the first missing cell. */
guint8            *collab_table_column_validity    (CollabTableColumn  *column,
                                                    guint               n_valid);

/* collab-table-labels.c: the word people use for @nick of @type (an
 * enum, or G_TYPE_NONE for a talent group), translated; @nick itself when
 * there is none. */
const char        *collab_table_value_label        (GType               type,
                                                    const char         *nick);

/* collab-table-format.c: the text of a cell (nothing when it is missing),
 * with @labels in words for people (an enum's word, yes and no). */
void               collab_table_append_cell        (GString            *out,
                                                    CollabTableColumn  *column,
                                                    guint               row,
                                                    gboolean            labels);
/* collab-table-format.c: the columns @text takes, a CJK character two. */
guint              collab_table_display_width      (const char         *text);

static inline CollabTableColumn *
collab_table_column_at (CollabTable *self,
                        guint        column)
{
  return g_ptr_array_index (self->columns, column);
}

/* Cells of a built column. */

static inline gboolean
collab_table_cell_is_null (CollabTableColumn *column,
                           guint              row)
{
  return column->valid != NULL && ((const guint8 *) g_bytes_get_data (column->valid, NULL))[row] == 0;
}

static inline gint64
collab_table_cell_value (CollabTableColumn *column,
                         guint              row)
{
  if (column->type == COLLAB_COLUMN_TYPE_STRING)
    return ((const gint32 *) g_bytes_get_data (column->data, NULL))[row];
  if (column->type == COLLAB_COLUMN_TYPE_DAY)
    return ((const CollabDay *) g_bytes_get_data (column->data, NULL))[row];
  return ((const gint64 *) g_bytes_get_data (column->data, NULL))[row];
}

static inline const char *
collab_table_cell_string (CollabTableColumn *column,
                          guint              row)
{
  gint32 code = (gint32) collab_table_cell_value (column, row);

  return code >= 0 ? g_ptr_array_index (column->categories, code) : NULL;
}

G_END_DECLS
