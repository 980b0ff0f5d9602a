/* collab-xlsx-book-private.h: an xlsx workbook as a zip archive
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * collab-xlsx-book.c opens the file and reads its parts within the caps
 * of a zip bomb; collab-xlsx-read.c reads the sheets from the parts.
 */

#pragma once

#include <gsf/gsf-infile.h>

#include "collab-xlsx-private.h"

G_BEGIN_DECLS

/* An open workbook: its zip archive, and what its parts have inflated to. */
typedef struct
{
  const char *name;       /* the file, as messages name it */
  gsize       length;     /* its size */
  GsfInfile  *zip;
  guint64     inflated;   /* the bytes of all parts read so far */
} CollabXlsxBook;

void            collab_xlsx_book_clear     (CollabXlsxBook  *book);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CollabXlsxBook, collab_xlsx_book_clear)

/* @name: %s as messages name the file, then @what it is instead; FALSE. */
gboolean        collab_xlsx_not_a_workbook (const char      *name,
                                            const char      *what,
                                            GError         **error);
/* Opens @bytes as a zip archive, or says what the file is instead. */
gboolean        collab_xlsx_book_open      (CollabXlsxBook  *book,
                                            GBytes          *bytes,
                                            GError         **error);
/* Reads the part at @path (`xl/workbook.xml`) into @out, within the caps.
 * TRUE with @out NULL when the workbook has no such part; FALSE with
 * @error set when the part cannot be read. */
gboolean        collab_xlsx_book_read      (CollabXlsxBook  *book,
                                            const char      *path,
                                            GBytes         **out,
                                            GError         **error);
/* The part @bytes at @path, as the XML readers take it. */
CollabXlsxPart  collab_xlsx_book_part      (CollabXlsxBook  *book,
                                            const char      *path,
                                            GBytes          *bytes);
/* For a zip archive without xl/workbook.xml: says what it is, when it can. */
void            collab_xlsx_book_refuse    (CollabXlsxBook  *book,
                                            GError         **error);

G_END_DECLS
