/* test-xlsx-corpus.c: hostile and odd workbooks, each read within bounds
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The corpus of issue 12: zip bombs of several shapes (a deflate bomb in
 * the shared strings, entries that overlap, a zip64 size of a terabyte, a
 * central directory that lies about sizes, one shared string named by a
 * thousand cells), files that are not workbooks (a .docx, an .ods, a
 * jar, gzip, a PDF, nothing, a folder), huge sheets (a cell reference 99
 * billion rows down, a row past Excel's last, the column XFD, a value at
 * XFD under 1900 rows), formulas with and without the value Excel saves,
 * merged cells, inline strings and rich text, date cells. Each either
 * reads as it should or fails with the message it should, naming the
 * sheet and the cell where one is to blame, and leaves the dataset as it
 * was.
 *
 * Each case runs in a process of its own (g_test_trap_subprocess()), so
 * that it can be held to a time and a peak of memory (its RSS) and a
 * crash fails only it. The small files are the .xlsx of tests/xlsx/, from
 * make-fixtures.py; the large ones are made here, in the parent, into a
 * temporary folder: a million rows, 65,000 zip entries, 64 MiB of shared
 * strings under the ratio cap (a file padded with random bytes).
 *
 * Under ASan or TSan (collab_test_sanitized()) the large workbooks are a
 * tenth of the size, and the bounds looser; nothing is skipped.
 */

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>

#include <libcollab/collab.h>

#include "../collab-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

/* The datasets the rows are added to: the province the regions of the
 * fixtures name as parent, and the city too. */
#define BASE_PROVINCE \
  "{\"format\": \"libcollab-dataset\", \"version\": 1, \"regions\": [" \
  "{\"id\": \"shaanxi\", \"name\": \"陕西省\", \"level\": \"province\", \"side\": \"west\"}"
static const char base_province[] = BASE_PROVINCE "]}";
static const char base_city[] = BASE_PROVINCE ", {\"id\": \"yanan\", \"name\": \"延安市\", \"level\": \"city\", "
                                "\"parent\": \"shaanxi\"}]}";

typedef struct Case Case;
struct Case
{
  const char       *name;       /* a file of tests/xlsx/, or of the temporary folder */
  CollabRecordKind  kind;
  const char       *base;       /* a document, or NULL for examples/data/wuxi-2021.json */
  int               code;       /* -1: the import succeeds */
  const char       *message;    /* what the message holds after the file's name */
  guint             n_added;    /* records of @kind a success adds */
  void            (*check) (CollabDataset *dataset);
  void            (*make) (const char *path);   /* makes a large workbook at @path */
  double            seconds;    /* the bound; 0 for 2 s */
  double            mib;        /* the bound of the peak RSS; 0 for 96 MiB */
};

/* --- workbooks made here -------------------------------------------------- */

#define MAIN_NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const char content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
  "content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
static const char workbook_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook " MAIN_NS " xmlns:r=\"" REL_NS "\"><sheets>"
  "<sheet name=\"regions\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char rels_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
  "2006/relationships\"><Relationship Id=\"rId1\" Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"" REL_NS "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>";
/* A zip written with libgsf, in memory, then to @path. */
typedef struct
{
  GsfOutput  *memory;
  GsfOutfile *zip;
  GHashTable *folders;   /* "xl/worksheets" → GsfOutfile, closed at the end */
  GPtrArray  *order;     /* the folders, innermost last */
} Zip;

static void
zip_open (Zip *zip)
{
  g_autoptr(GError) error = NULL;

  zip->memory = gsf_output_memory_new ();
  zip->zip = gsf_outfile_zip_new (zip->memory, &error);
  g_assert_no_error (error);
  zip->folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  zip->order = g_ptr_array_new ();
}

static GsfOutfile *
zip_folder (Zip        *zip,
            const char *path)
{
  GsfOutfile *folder;
  g_autofree char *parent = NULL;
  const char *slash;

  if (path == NULL || *path == '\0')
    return zip->zip;
  folder = g_hash_table_lookup (zip->folders, path);
  if (folder != NULL)
    return folder;
  slash = strrchr (path, '/');
  parent = slash != NULL ? g_strndup (path, slash - path) : NULL;
  folder = GSF_OUTFILE (gsf_outfile_new_child (zip_folder (zip, parent), slash != NULL ? slash + 1 : path, TRUE));
  g_hash_table_insert (zip->folders, g_strdup (path), folder);
  g_ptr_array_add (zip->order, folder);
  return folder;
}

/* Adds the part @path, deflated, or stored when @stored. */
static void
zip_add (Zip        *zip,
         const char *path,
         const void *data,
         gsize       length,
         gboolean    stored)
{
  const char *slash = strrchr (path, '/');
  g_autofree char *folder = slash != NULL ? g_strndup (path, slash - path) : NULL;
  GsfOutput *part = gsf_outfile_new_child_full (zip_folder (zip, folder), slash != NULL ? slash + 1 : path, FALSE,
                                                "compression-level", stored ? GSF_ZIP_STORED : GSF_ZIP_DEFLATED,
                                                NULL);

  g_assert_true (gsf_output_write (part, length, data));
  g_assert_true (gsf_output_close (part));
  g_object_unref (part);
}

static void
zip_save (Zip        *zip,
          const char *path)
{
  g_autoptr(GError) error = NULL;

  for (guint i = zip->order->len; i > 0; i--)
    {
      gsf_output_close (g_ptr_array_index (zip->order, i - 1));
      g_object_unref (g_ptr_array_index (zip->order, i - 1));
    }
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip->zip)));
  g_file_set_contents (path, (const char *) gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (zip->memory)),
                       gsf_output_size (zip->memory), &error);
  g_assert_no_error (error);
  g_object_unref (zip->zip);
  g_object_unref (zip->memory);
  g_hash_table_unref (zip->folders);
  g_ptr_array_unref (zip->order);
}

static void
zip_book (Zip        *zip,
          const char *sheet,
          gsize       length)
{
  zip_add (zip, "[Content_Types].xml", content_types, strlen (content_types), FALSE);
  zip_add (zip, "xl/workbook.xml", workbook_xml, strlen (workbook_xml), FALSE);
  zip_add (zip, "xl/_rels/workbook.xml.rels", rels_xml, strlen (rels_xml), FALSE);
  zip_add (zip, "xl/worksheets/sheet1.xml", sheet, length, FALSE);
}

static guint
scaled (guint n)
{
  return collab_test_sanitized () ? n / 10 : n;
}

/* Excel's last row: 1,048,576 rows of regions (a tenth under the
 * sanitizers), their words as shared strings as Excel writes them, the
 * last one with a level the import does not know, for the error to name
 * its cell after reading them all. */
static void
make_million_rows (const char *path)
{
  static const char strings[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst " MAIN_NS "><si><t>id</t></si><si><t>name</t></si>"
    "<si><t>level</t></si><si><t>parent</t></si><si><t>county</t></si><si><t>shaanxi</t></si>"
    "<si><t>galaxy</t></si></sst>";
  guint n = scaled (1048576);
  GString *sheet = g_string_sized_new ((gsize) n * 120);
  Zip zip;

  g_string_append (sheet, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet " MAIN_NS "><sheetData>"
                          "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                          "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>");
  for (guint r = 2; r <= n; r++)
    g_string_append_printf (sheet, "<row r=\"%u\"><c r=\"A%u\" t=\"str\"><f>\"k\"&amp;ROW()</f><v>k%u</v></c>"
                            "<c r=\"B%u\" t=\"inlineStr\"><is><t>县%u</t></is></c><c r=\"C%u\" t=\"s\"><v>%d</v></c>"
                            "<c r=\"D%u\" t=\"s\"><v>5</v></c></row>",
                            r, r, r, r, r, r, r == n ? 6 : 4, r);
  g_string_append (sheet, "</sheetData></worksheet>");
  zip_open (&zip);
  zip_book (&zip, sheet->str, sheet->len);
  zip_add (&zip, "xl/sharedStrings.xml", strings, strlen (strings), FALSE);
  zip_save (&zip, path);
  g_string_free (sheet, TRUE);
}

/* A good workbook with 65,000 parts more, all empty. */
static void
make_many_entries (const char *path)
{
  static const char sheet[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet " MAIN_NS "><sheetData>"
    "<row r=\"1\"><c t=\"inlineStr\"><is><t>id</t></is></c><c t=\"inlineStr\"><is><t>name</t></is></c>"
    "<c t=\"inlineStr\"><is><t>level</t></is></c><c t=\"inlineStr\"><is><t>parent</t></is></c></row>"
    "<row r=\"2\"><c t=\"inlineStr\"><is><t>yanan</t></is></c><c t=\"inlineStr\"><is><t>延安市</t></is></c>"
    "<c t=\"inlineStr\"><is><t>city</t></is></c><c t=\"inlineStr\"><is><t>shaanxi</t></is></c></row>"
    "</sheetData></worksheet>";
  guint n = scaled (65000);
  Zip zip;

  zip_open (&zip);
  zip_book (&zip, sheet, strlen (sheet));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("xl/media/image%u.png", i);

      zip_add (&zip, name, "", 0, TRUE);
    }
  zip_save (&zip, path);
}

/* 64 MiB of shared strings (a tenth under the sanitizers), four million
 * of them, in a file padded with random bytes so that the whole stays
 * under the cap of 200 times the size of the file: no bomb, and a sheet
 * whose cells name the first and the last. */
static void
make_many_strings (const char *path)
{
  guint n = scaled (4u << 20);
  GString *strings = g_string_sized_new ((gsize) n * 17 + 256);
  g_autofree char *sheet = NULL;
  g_autofree guint8 *noise = NULL;
  gsize noise_length;
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  Zip zip;

  g_string_append (strings, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst " MAIN_NS ">"
                            "<si><t>id</t></si><si><t>name</t></si><si><t>level</t></si><si><t>parent</t></si>"
                            "<si><t>note</t></si><si><t>yanan</t></si><si><r><t>延安</t></r><r><rPr><b/></rPr><t>市</t></r></si>"
                            "<si><t>city</t></si><si><t>shaanxi</t></si>");
  for (guint i = 9; i < n; i++)
    g_string_append (strings, "<si><t>x</t></si>");
  g_string_append (strings, "</sst>");
  sheet = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet " MAIN_NS "><sheetData>"
                           "<row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c>"
                           "<c t=\"s\"><v>3</v></c><c t=\"s\"><v>4</v></c></row><row r=\"2\"><c t=\"s\"><v>5</v>"
                           "</c><c t=\"s\"><v>6</v></c><c t=\"s\"><v>7</v></c><c t=\"s\"><v>8</v></c>"
                           "<c t=\"s\"><v>%u</v></c></row>"
                           "</sheetData></worksheet>", n - 1);
  noise_length = strings->len / 150;
  noise = g_malloc (noise_length);
  for (gsize i = 0; i < noise_length; i++)
    noise[i] = (guint8) g_rand_int (rand);

  zip_open (&zip);
  zip_book (&zip, sheet, strlen (sheet));
  zip_add (&zip, "xl/sharedStrings.xml", strings->str, strings->len, FALSE);
  zip_add (&zip, "xl/media/noise.bin", noise, noise_length, TRUE);
  zip_save (&zip, path);
  g_string_free (strings, TRUE);
}

/* --- what the good ones read as --------------------------------------------- */

static void
assert_region (CollabDataset *dataset,
               const char    *id,
               const char    *field,
               const char    *expected)
{
  g_autoptr(CollabRecord) record = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_REGION, id);

  g_assert_nonnull (record);
  g_assert_cmpstr (collab_record_get_string (record, field), ==, expected);
}

/* Formulas: the values Excel saved beside them, a shared one included. */
static void
check_formulas (CollabDataset *dataset)
{
  assert_region (dataset, "yanan", "name", "延安市");
  assert_region (dataset, "yanan", "code", "610600");
  assert_region (dataset, "yanchuan", "code", "610622");
  assert_region (dataset, "yanchang", "code", "610621");
}

/* A parent merged down three rows is every row's; the title merged
 * across the table is passed over. */
static void
check_merged (CollabDataset *dataset)
{
  assert_region (dataset, "yanchuan", "parent", "yanan");
  assert_region (dataset, "yanchang", "parent", "yanan");
  assert_region (dataset, "baota", "parent", "yanan");
}

static void
check_yanan (CollabDataset *dataset)
{
  assert_region (dataset, "yanan", "name", "延安市");
  assert_region (dataset, "yanan", "parent", "shaanxi");
}

/* Inline strings, rich text in runs with a phonetic guide, date cells of
 * both formats (tests/test-xlsx.c reads the rest of it). */
static void
check_inline (CollabDataset *dataset)
{
  g_autoptr(CollabRecord) dispatch = collab_dataset_lookup (dataset, COLLAB_RECORD_KIND_DISPATCH, "d1");

  g_assert_nonnull (dispatch);
  g_assert_cmpstr (collab_record_get_string (dispatch, "person"), ==, "x001");
  g_assert_cmpstr (collab_record_get_string (dispatch, "start"), ==, "2021-03-01");
  g_assert_cmpstr (collab_record_get_string (dispatch, "planned_end"), ==, "2022-02-28");
}

/* --- the cases ---------------------------------------------------------- */

#define REGION COLLAB_RECORD_KIND_REGION
#define FORMAT COLLAB_DATASET_ERROR_FORMAT
#define SYNTAX COLLAB_DATASET_ERROR_SYNTAX
#define VALUE COLLAB_DATASET_ERROR_INVALID_VALUE

static const Case cases[] = {
  /* Bombs. */
  { "bomb.xlsx", REGION, base_province, FORMAT, ": the part xl/worksheets/sheet1.xml inflates to 67109", 0, NULL, NULL, 0, 0 },
  { "bomb-strings.xlsx", REGION, base_province, FORMAT, ": the part xl/sharedStrings.xml inflates to 44564596 bytes from a file of", 0, NULL, NULL, 0, 0 },
  { "bomb-overlap.xlsx", REGION, base_province, FORMAT, ": the part xl/sharedStrings.xml inflates to 20971520 bytes", 0, NULL, NULL, 0, 0 },
  { "bomb-refs.xlsx", REGION, base_province, FORMAT, ":regions!E259: the cells up to here hold more than 256 MiB of text", 0, NULL, NULL, 0, 0 },
  { "zip64.xlsx", REGION, base_province, -1, NULL, 2, check_yanan, NULL, 0, 0 },
  { "zip64-huge.xlsx", REGION, base_province, FORMAT, ": the part xl/worksheets/sheet1.xml inflates to 1099511627776 bytes", 0, NULL, NULL, 0, 0 },
  { "lying-small.xlsx", REGION, base_province, SYNTAX, ": xl/worksheets/sheet1.xml:2: the XML is malformed", 0, NULL, NULL, 0, 0 },
  { "lying-big.xlsx", REGION, base_province, SYNTAX, ": the part xl/worksheets/sheet1.xml cannot be inflated", 0, NULL, NULL, 0, 0 },
  { "many-entries.xlsx", REGION, base_province, -1, NULL, 1, check_yanan, make_many_entries, 0, 0 },
  { "many-strings.xlsx", REGION, base_province, -1, NULL, 1, check_yanan, make_many_strings, 3, 320 },
  /* Not workbooks. */
  { "docx.xlsx", REGION, base_province, FORMAT, ": the file is a Word document (.docx), not an xlsx workbook", 0, NULL, NULL, 0, 0 },
  { "ods.xlsx", REGION, base_province, FORMAT, ": the file is an OpenDocument spreadsheet (.ods), not an xlsx workbook", 0, NULL, NULL, 0, 0 },
  { "jar.xlsx", REGION, base_province, FORMAT, ": the file is a Java archive (.jar), not an xlsx workbook", 0, NULL, NULL, 0, 0 },
  { "gzip.xlsx", REGION, base_province, FORMAT, ": the file is compressed with gzip, not an xlsx workbook", 0, NULL, NULL, 0, 0 },
  { "pdf.xlsx", REGION, base_province, FORMAT, ": the file is a PDF document, not an xlsx workbook", 0, NULL, NULL, 0, 0 },
  { "empty.xlsx", REGION, base_province, FORMAT, ": the file is empty: expected an xlsx workbook", 0, NULL, NULL, 0, 0 },
  { "folder.xlsx", REGION, base_province, FORMAT, ": this is a folder, not an xlsx workbook", 0, NULL, NULL, 0, 0 },
  /* Huge sheets. */
  { "far-ref.xlsx", REGION, base_province, SYNTAX, ": regions: the cell \"A99999999999\" is not where row 4 puts its cells", 0, NULL, NULL, 0, 0 },
  { "row-beyond.xlsx", REGION, base_province, SYNTAX, ": regions: row \"1048577\" after row 3: rows must be numbered 1 to 1048576", 0, NULL, NULL, 0, 0 },
  { "xfd.xlsx", REGION, base_province, -1, NULL, 2, check_yanan, NULL, 0, 0 },
  { "wide-deep.xlsx", REGION, base_province, FORMAT, ":regions!XFD1900: a value this far right makes the sheet 16384 columns wide over its 1900 rows", 0, NULL, NULL, 0, 0 },
  { "million-rows.xlsx", REGION, base_province, VALUE, ":regions!C", 0, NULL, make_million_rows, 10, 512 },
  /* Formulas, merged cells, strings and dates. */
  { "formula.xlsx", REGION, base_province, -1, NULL, 3, check_formulas, NULL, 0, 0 },
  { "formula-uncached.xlsx", REGION, base_province, VALUE, ":regions!E4: the cell holds the formula =E2+22 and no value saved with it", 0, NULL, NULL, 0, 0 },
  { "formula-error.xlsx", REGION, base_province, VALUE, ":regions!E2: code: expected an administrative division code", 0, NULL, NULL, 0, 0 },
  { "merged.xlsx", REGION, base_city, -1, NULL, 3, check_merged, NULL, 0, 0 },
  { "merged-bad.xlsx", REGION, base_city, SYNTAX, ": regions: the merged range \"D3:A1\" is not a range of cells", 0, NULL, NULL, 0, 0 },
  { "inline.xlsx", COLLAB_RECORD_KIND_DISPATCH, NULL, -1, NULL, 1, check_inline, NULL, 0, 0 },
};

/* --- running a case ------------------------------------------------------- */

/* Where a case's file is: the fixtures, or the parent's temporary folder
 * for the workbooks made here and the folder case. */
static char *
case_path (const Case *c,
           guint       parent)
{
  if (c->make != NULL || g_str_equal (c->name, "folder.xlsx"))
    {
      g_autofree char *dir = g_strdup_printf ("collab-xlsx-corpus-%u", parent);

      return g_build_filename (g_get_tmp_dir (), dir, c->name, NULL);
    }
  return g_build_filename (g_getenv ("COLLAB_TEST_SRCDIR"), "xlsx", c->name, NULL);
}

static CollabDataset *
base_dataset (const Case *c)
{
  return c->base != NULL ? collab_test_load_data (c->base) : collab_test_load_example ("wuxi-2021.json");
}

/* In the subprocess: the import itself, timed and measured. */
static void
run_case (const Case *c)
{
  g_autofree char *path = case_path (c, (guint) getppid ());
  g_autoptr(CollabDataset) dataset = base_dataset (c);
  g_autofree char *before = collab_dataset_to_data (dataset, NULL);
  guint n_before = collab_dataset_get_n_records (dataset, c->kind);
  double bound = c->seconds > 0 ? c->seconds : 2;
  double mib = c->mib > 0 ? c->mib : 96;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu = collab_test_cpu_seconds ();
  gboolean ok = collab_dataset_import_xlsx (dataset, c->kind, path, NULL, &error);
  double seconds = collab_test_cpu_seconds () - cpu;
  double peak = collab_test_peak_mib ();

  /* The bound is on the processor's time, which other work on the
   * machine does not stretch; the time on the clock is shown. */
  g_printerr ("%s: %.3f s of CPU (%.3f s on the clock), peak RSS %.0f MiB: %s\n", c->name, seconds,
              (g_get_monotonic_time () - start) / 1e6, peak, ok ? "read" : error->message);
  if (collab_test_sanitized ())
    {
      bound *= 5;
      mib = mib * 3 + 256;
    }
  g_assert_cmpfloat (seconds, <, bound);
  g_assert_cmpfloat (peak, <, mib);

  if (c->code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpuint (collab_dataset_get_n_records (dataset, c->kind), ==, n_before + c->n_added);
      if (c->check != NULL)
        c->check (dataset);
    }
  else
    {
      g_autofree char *after = collab_dataset_to_data (dataset, NULL);
      g_autofree char *expected = g_strconcat (path, c->message, NULL);

      g_assert_false (ok);
      g_assert_error (error, COLLAB_DATASET_ERROR, c->code);
      if (!g_str_has_prefix (error->message, expected))
        g_error ("expected a message starting \"%s\", found \"%s\"", expected, error->message);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      run_case (c);
      return;
    }

  path = case_path (c, (guint) getpid ());
  if (c->make != NULL || g_str_equal (c->name, "folder.xlsx"))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      if (c->make != NULL)
        c->make (path);
      else
        g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (c->make != NULL)
    g_unlink (path);
  else if (g_str_equal (c->name, "folder.xlsx"))
    g_rmdir (path);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *test = g_strdup_printf ("/collab/xlsx/corpus/%s", cases[i].name);

      g_test_add_data_func (test, &cases[i], test_case);
    }

  status = g_test_run ();
  if (!g_test_subprocess ())
    {
      g_autofree char *name = g_strdup_printf ("collab-xlsx-corpus-%u", (guint) getpid ());

      dir = g_build_filename (g_get_tmp_dir (), name, NULL);
      g_rmdir (dir);
    }
  return status;
}
