/* collab-table-private.h: building a CollabTable in C
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Reports (scorecards, the 666 pairing-year tables, money-flow edges) build
 * their tables with this builder: declare the columns, then append the
 * cells row by row, each append filling the next column of the current
 * row, as JsonBuilder fills the next member:
 *
 *   g_autoptr(CollabTableBuilder) builder = collab_table_builder_new ();
 *
 *   collab_table_builder_add_column (builder, "assisting", COLLAB_COLUMN_TYPE_STRING);
 *   collab_table_builder_add_column (builder, "year", COLLAB_COLUMN_TYPE_INT);
 *   collab_table_builder_add_column (builder, "allocated", COLLAB_COLUMN_TYPE_AMOUNT);
 *
 *   collab_table_builder_append_string (builder, "huishan");
 *   collab_table_builder_append_int (builder, 2021);
 *   collab_table_builder_append_amount (builder, 1920000000);
 *
 *   table = collab_table_builder_end (builder);
 *
 * Strings are copied, and each distinct string of a column is stored once:
 * an append costs one hash look-up. A string column declared with its
 * categories (an enum's nicks, say) lists them all, in that order, even
 * those no row uses, so a notebook's value_counts() shows the zeros.
 *
 * Appending a value of the wrong type for the column, or ending with a
 * row half filled, is a programmer error (a critical); the missing cells
 * of a half row are filled with nulls.
 */

#pragma once

#include <libcollab/collab-table.h>
#include <libcollab/collab-date.h>

G_BEGIN_DECLS

typedef struct _CollabTableBuilder CollabTableBuilder;

CollabTableBuilder *collab_table_builder_new            (void) G_GNUC_WARN_UNUSED_RESULT;
void                collab_table_builder_free           (CollabTableBuilder  *self);

guint               collab_table_builder_add_column     (CollabTableBuilder  *self,
                                                         const char          *name,
                                                         CollabColumnType     type);
/* A STRING column whose categories start with @categories (NULL-terminated). */
guint               collab_table_builder_add_column_with_categories
                                                        (CollabTableBuilder  *self,
                                                         const char          *name,
                                                         const char * const  *categories);
/* A STRING column with the nicks of @enum_type as categories, in value order. */
guint               collab_table_builder_add_enum_column (CollabTableBuilder *self,
                                                         const char          *name,
                                                         GType                enum_type);

/* Each fills the next cell of the current row; NULL is a missing string. */
CollabTableBuilder *collab_table_builder_append_string  (CollabTableBuilder  *self,
                                                         const char          *value);
CollabTableBuilder *collab_table_builder_append_int     (CollabTableBuilder  *self,
                                                         gint64               value);
CollabTableBuilder *collab_table_builder_append_amount  (CollabTableBuilder  *self,
                                                         gint64               fen);
/* COLLAB_DAY_NONE is a missing day. */
CollabTableBuilder *collab_table_builder_append_day     (CollabTableBuilder  *self,
                                                         CollabDay            day);
CollabTableBuilder *collab_table_builder_append_bool    (CollabTableBuilder  *self,
                                                         gboolean             value);
CollabTableBuilder *collab_table_builder_append_null    (CollabTableBuilder  *self);

/* The name of the column the next append fills. */
const char         *collab_table_builder_get_next_column (CollabTableBuilder *self);

/* The table of what was appended; the builder is empty again after it. */
CollabTable        *collab_table_builder_end            (CollabTableBuilder  *self) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CollabTableBuilder, collab_table_builder_free)

/* What a person calls a column named @name, in the language of the
 * messages (collab_table_get_column_label(), collab-table-labels.c). */
char               *collab_table_label_for_name         (const char          *name) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
