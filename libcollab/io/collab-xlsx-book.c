/* collab-xlsx-book.c: an xlsx workbook as a zip archive, and what a file that is not one is
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The container half of the xlsx reader (collab-xlsx-read.c reads the
 * sheets): a file is looked at before it is trusted. An .xls or a
 * password-protected workbook (both OLE2 compound files), text such as a
 * CSV file named .xlsx, another kind of zip archive (.docx, .ods, .jar),
 * a damaged or truncated zip, and a zip bomb (a part, or all of them,
 * inflating past a cap or far beyond the size of the file) are each
 * refused with a message that says what the file is and what was
 * expected. libgsf reads the zip (collab-zip-times.c says what is looked
 * at before it does).
 */

#include <string.h>

#include <gsf/gsf-infile-impl.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input.h>

#include <libcollab/collab-error.h>

#include "collab-xlsx-book-private.h"
#include "collab-xlsx-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

/* libgsf 1.14 declares no g_autoptr() cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

/* No part of a workbook of records comes near these: a part may inflate
 * to 256 MiB, all of them together to 512 MiB, and past 16 MiB the parts
 * may not inflate to more than 200 times the size of the file. */
#define PART_CAP   (256 * 1024 * 1024)
#define TOTAL_CAP  (512 * 1024 * 1024)
#define RATIO_FREE (16 * 1024 * 1024)
#define RATIO_CAP  200

void
collab_xlsx_book_clear (CollabXlsxBook *book)
{
  g_clear_object (&book->zip);
}

static const guint8 ole2_magic[8] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

gboolean
collab_xlsx_not_a_workbook (const char  *name,
                            const char  *what,
                            GError     **error)
{
  g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_FORMAT, "%s: %s", name, what);
  return FALSE;
}

/* The child @name of @dir, or NULL; @error says why when the child is
 * there but cannot be opened (a damaged local header). The class's own
 * function, because gsf_infile_child_by_name() turns that error into a
 * g_warning() on the caller's terminal, and a damaged file deserves a
 * GError, not a warning (one that G_DEBUG=fatal-warnings makes fatal). */
static GsfInput *
child_by_name (GsfInfile   *dir,
               const char  *name,
               GError     **error)
{
  GsfInfileClass *klass = G_TYPE_INSTANCE_GET_CLASS (dir, GSF_INFILE_TYPE, GsfInfileClass);

  return klass->child_by_name (dir, name, error);
}

/* The part at the path @names (`xl`, `workbook.xml`) of @zip, as
 * child_by_name() finds each step. */
static GsfInput *
child_by_path (GsfInfile   *zip,
               char       **names,
               GError     **error)
{
  g_autoptr(GsfInput) child = g_object_ref (GSF_INPUT (zip));

  for (guint i = 0; names[i] != NULL; i++)
    {
      GsfInput *next;

      if (!GSF_IS_INFILE (child))
        return NULL;
      next = child_by_name (GSF_INFILE (child), names[i], error);
      g_object_unref (child);
      child = next;
      if (child == NULL)
        return NULL;
    }
  return g_steal_pointer (&child);
}

/* An OLE2 compound file: an Excel 97–2003 workbook, or an xlsx workbook
 * that a password encrypted into one (ECMA-376 part 2 / MS-OFFCRYPTO:
 * the streams EncryptionInfo and EncryptedPackage). */
static gboolean
refuse_ole2 (const guint8  *data,
             gsize          length,
             const char    *name,
             GError       **error)
{
  g_autoptr(GsfInput) input = gsf_input_memory_new (data, (gsf_off_t) length, FALSE);
  g_autoptr(GsfInfile) ole = gsf_infile_msole_new (input, NULL);
  g_autoptr(GsfInput) encrypted = NULL;
  g_autoptr(GsfInput) book = NULL;

  if (ole != NULL)
    {
      /* A child that cannot be opened is one that is not there: the
       * message says what the file is either way. */
      encrypted = child_by_name (ole, "EncryptedPackage", NULL);
      if (encrypted == NULL)
        encrypted = child_by_name (ole, "EncryptionInfo", NULL);
      book = child_by_name (ole, "Workbook", NULL);
      if (book == NULL)
        book = child_by_name (ole, "Book", NULL);
    }
  if (encrypted != NULL)
    return collab_xlsx_not_a_workbook (name, _("the workbook is encrypted with a password, and an xlsx workbook is "
                                               "expected: remove the password in Excel and save it again"), error);
  if (book != NULL)
    return collab_xlsx_not_a_workbook (name, _("the file is an Excel 97–2003 workbook (.xls), and an xlsx workbook is "
                                               "expected: save it as .xlsx in Excel"), error);
  return collab_xlsx_not_a_workbook (name, _("the file is an OLE2 compound document, not an xlsx workbook "
                                             "(a zip archive of XML, as Excel saves .xlsx)"), error);
}

/* What a file that is no zip archive is, for the message. */
static gboolean
refuse_not_zip (const guint8  *data,
                gsize          length,
                const char    *name,
                GError       **error)
{
  gsize head = MIN (length, 4096);

  if (length >= sizeof ole2_magic && memcmp (data, ole2_magic, sizeof ole2_magic) == 0)
    return refuse_ole2 (data, length, name, error);
  if (length == 0)
    return collab_xlsx_not_a_workbook (name, _("the file is empty: expected an xlsx workbook"), error);
  if (length >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return collab_xlsx_not_a_workbook (name, _("the file is a PDF document, not an xlsx workbook: a table in a PDF "
                                               "cannot be imported; ask for the workbook it was printed from"), error);
  if (length >= 2 && data[0] == 0x1f && data[1] == 0x8b)
    return collab_xlsx_not_a_workbook (name, _("the file is compressed with gzip, not an xlsx workbook: uncompress it "
                                               "(gunzip) and import what it holds"), error);
  /* Text: a CSV file renamed, or saved by a program that calls it .xlsx. */
  if (memchr (data, '\0', head) == NULL &&
      (g_utf8_validate ((const char *) data, (gssize) head, NULL) || memchr (data, ',', head) != NULL ||
       memchr (data, '\n', head) != NULL))
    return collab_xlsx_not_a_workbook (name, _("the file is text (a CSV file?), not an xlsx workbook: import it as CSV, "
                                               "or open it in Excel and save it as .xlsx"), error);
  return collab_xlsx_not_a_workbook (name, _("the file is not an xlsx workbook: it does not start as a zip "
                                             "archive does"), error);
}

gboolean
collab_xlsx_book_open (CollabXlsxBook  *book,
                       GBytes          *bytes,
                       GError         **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GError) zip_error = NULL;

  book->length = length;
  if (length < 4 || memcmp (data, "PK\003\004", 4) != 0)
    {
      if (length >= 4 && memcmp (data, "PK\005\006", 4) == 0)
        return collab_xlsx_not_a_workbook (book->name, _("the file is an empty zip archive, not an xlsx workbook"), error);
      return refuse_not_zip (data, length, book->name, error);
    }

  if (!collab_zip_times_valid (data, length))
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   /* Translators: %s is the file. */
                   _("%s: the zip archive is damaged (an entry's date is no date): expected a whole xlsx workbook"),
                   book->name);
      return FALSE;
    }

  input = gsf_input_memory_new (data, (gsf_off_t) length, FALSE);
  book->zip = gsf_infile_zip_new (input, &zip_error);
  if (book->zip == NULL)
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   _("%s: the zip archive is damaged or cut short (%s): expected a whole xlsx workbook"),
                   book->name, zip_error != NULL ? zip_error->message : "?");
      return FALSE;
    }
  return TRUE;
}

/* Reads the part at @path (`xl/workbook.xml`) into @out, within the caps.
 * TRUE with @out NULL when the workbook has no such part; FALSE with
 * @error set when the part cannot be read. */
gboolean
collab_xlsx_book_read (CollabXlsxBook  *book,
                       const char      *path,
                       GBytes         **out,
                       GError         **error)
{
  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  g_autoptr(GError) zip_error = NULL;
  g_autoptr(GsfInput) part = child_by_path (book->zip, names, &zip_error);
  g_autoptr(GByteArray) bytes = NULL;
  gsf_off_t size;

  *out = NULL;
  if (zip_error != NULL)
    {
      g_autofree char *shown = collab_error_cut (path);

      /* Translators: the first %s is the file, the second a part of the
       * workbook (xl/workbook.xml), the third libgsf's reason. */
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   _("%s: the part %s cannot be read (%s): the zip archive is damaged"),
                   book->name, shown, zip_error->message);
      return FALSE;
    }
  if (part == NULL)
    return TRUE;

  /* The caps are checked against the size the zip declares before
   * anything is inflated; libgsf inflates no more than that size. */
  size = gsf_input_size (part);
  if (size < 0 || size > PART_CAP || book->inflated + (guint64) size > TOTAL_CAP ||
      (book->inflated + (guint64) size > RATIO_FREE &&
       book->inflated + (guint64) size > (guint64) RATIO_CAP * book->length))
    {
      g_autofree char *shown = collab_error_cut (path);

      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_FORMAT,
                   _("%s: the part %s inflates to %lld bytes from a file of %llu bytes: the file is a zip "
                     "bomb, not a workbook of records"),
                   book->name, shown, (long long) size, (unsigned long long) book->length);
      return FALSE;
    }

  bytes = g_byte_array_sized_new ((guint) size + 1);
  while (gsf_input_remaining (part) > 0)
    {
      guint8 chunk[65536];
      gsf_off_t n = MIN (gsf_input_remaining (part), (gsf_off_t) sizeof chunk);

      if (gsf_input_read (part, (size_t) n, chunk) == NULL)
        {
          g_autofree char *shown = collab_error_cut (path);

          g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                       _("%s: the part %s cannot be inflated: the zip archive is damaged or cut short"),
                       book->name, shown);
          return FALSE;
        }
      g_byte_array_append (bytes, chunk, (guint) n);
    }
  book->inflated += bytes->len;
  *out = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
  return TRUE;
}

CollabXlsxPart
collab_xlsx_book_part (CollabXlsxBook *book,
                       const char     *path,
                       GBytes         *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return (CollabXlsxPart) { book->name, path, data != NULL ? data : "", length };
}

/* Zip archives that are not workbooks, by a part each has: what the
 * file is, for the message, and whether it is an office document that
 * may hold a table. */
static const struct
{
  const char *part;
  const char *what;
  gboolean    office;
} other_zips[] = {
  { "word/document.xml", N_("a Word document (.docx)"), TRUE },
  { "ppt/presentation.xml", N_("a PowerPoint presentation (.pptx)"), TRUE },
  { "META-INF/MANIFEST.MF", N_("a Java archive (.jar)"), FALSE },
};

#define OPENDOCUMENT_SPREADSHEET "application/vnd.oasis.opendocument.spreadsheet"

/* A zip archive without xl/workbook.xml: says what it is, when it can. */
void
collab_xlsx_book_refuse (CollabXlsxBook  *book,
                         GError         **error)
{
  g_autoptr(GBytes) mimetype = NULL;
  g_autoptr(GError) ignored = NULL;
  gsize length = 0;
  const char *type;

  for (guint i = 0; i < G_N_ELEMENTS (other_zips); i++)
    {
      g_auto(GStrv) names = g_strsplit (other_zips[i].part, "/", -1);
      g_autoptr(GError) damaged = NULL;
      /* Asked for with a GError, as collab_xlsx_book_read() asks: libgsf warns of a
       * damaged entry otherwise (fuzz-xlsx found one in META-INF/). A
       * damaged entry is no evidence of what the file is. */
      g_autoptr(GsfInput) part = child_by_path (book->zip, names, &damaged);

      if (part != NULL && other_zips[i].office)
        g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_FORMAT,
                     /* Translators: the second %s is what the file is, "a Word document (.docx)". */
                     _("%s: the file is %s, not an xlsx workbook: copy its table into Excel and save it as "
                       ".xlsx"), book->name, _(other_zips[i].what));
      else if (part != NULL)
        g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_FORMAT,
                     /* Translators: the second %s is what the file is, "a Java archive (.jar)". */
                     _("%s: the file is %s, not an xlsx workbook"), book->name, _(other_zips[i].what));
      if (part != NULL)
        return;
    }
  /* OpenDocument files name their kind in their first part. */
  if (collab_xlsx_book_read (book, "mimetype", &mimetype, &ignored) && mimetype != NULL)
    {
      type = g_bytes_get_data (mimetype, &length);
      if (length >= strlen (OPENDOCUMENT_SPREADSHEET) &&
          memcmp (type, OPENDOCUMENT_SPREADSHEET, strlen (OPENDOCUMENT_SPREADSHEET)) == 0)
        {
          g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_FORMAT,
                       /* Translators: %s is the file. */
                       _("%s: the file is an OpenDocument spreadsheet (.ods), not an xlsx workbook: open it "
                         "in LibreOffice or Excel and save it as .xlsx"), book->name);
          return;
        }
    }
  g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_FORMAT,
               _("%s: the zip archive has no xl/workbook.xml: it is not an xlsx workbook "
                 "(a .docx, an .ods or another zip archive?)"), book->name);
}
