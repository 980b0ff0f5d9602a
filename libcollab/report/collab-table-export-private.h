/* collab-table-export-private.h: filling table columns from records
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * collab_dataset_to_table() (collab-table-export.c) walks a kind's field
 * table and fills one column per field in place, over the array of record
 * structs. The columns that name records (ids, references, lists of
 * references) are filled by collab-table-export-refs.c, which keeps the
 * dictionaries of ids they share.
 */

#pragma once

#include "model/collab-store-private.h"
#include "collab-table-columns-private.h"

G_BEGIN_DECLS

/* Where the rows of a (sub-)record field are: row r is at
 * @base + r × @stride, or at @rows[r] (NULL when the sub-record is
 * missing) for members of objects and arrays. */
typedef struct
{
  const guint8        *base;
  gsize                stride;
  const guint8 *const *rows;
} CollabTableRows;

static inline const guint8 *
collab_table_rows_get (const CollabTableRows *rows,
                       guint                  r)
{
  return rows->rows != NULL ? rows->rows[r] : rows->base + (gsize) r * rows->stride;
}

typedef struct
{
  CollabTableBuilder *builder;
  const CollabStore  *store;
  guint               n_rows;
  GHashTable         *ref_dictionaries;      /* kinds bitmask -> RefDictionary */
} CollabTableExport;

static inline gboolean
collab_table_field_present (const guint8 *record,
                            int           field_index)
{
  /* A negative index is a derived value, which is always there. */
  return record != NULL && (field_index < 0 || COLLAB_RECORD_PRESENT (record, field_index));
}

/* Marks row @row of an export column of @n_rows cells as missing. */
static inline void
collab_table_column_set_missing (CollabTableColumn *column,
                                 guint              row,
                                 guint              n_rows)
{
  collab_table_column_validity (column, n_rows)[row] = 0;
}

/* collab-table-export.c */
CollabTableColumn *collab_table_export_column          (CollabTableExport     *export,
                                                        const char            *name,
                                                        CollabColumnType       type);

/* collab-table-export-refs.c */
/* The free function of CollabTableExport.ref_dictionaries. */
void               collab_table_ref_dictionary_free    (gpointer               data);
void               collab_table_export_id_column       (CollabTableExport     *export,
                                                        CollabRecordKind       kind);
void               collab_table_export_ref_column      (CollabTableExport     *export,
                                                        const char            *name,
                                                        const CollabTableRows *rows,
                                                        gsize                  offset,
                                                        guint32                kinds);
void               collab_table_export_ref_list_column (CollabTableExport     *export,
                                                        const char            *name,
                                                        const CollabTableRows *rows,
                                                        const CollabField     *field,
                                                        int                    field_index);

G_END_DECLS
