/* collab-xlsx-xml.c: the XML of a workbook's parts, read safely
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Two ways to read a part, both libxml2's, neither reading a DTD,
 * expanding an entity or opening the network, both refusing a part with
 * a document type declaration (no part of a workbook has one):
 *
 *   - xmlTextReader, a cursor over the nodes, for the small parts (the
 *     workbook, its relationships, the styles);
 *   - SAX2 through a push parser, fed the part in chunks, for the large
 *     ones (a sheet, the shared strings): two to three times faster than
 *     the cursor, which matters for a million rows.
 *
 * And the text of a string item in rich text runs, which both large
 * parts hold.
 */

#include <string.h>

#include <libcollab/collab-error.h>

#include "collab-xlsx-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

/* libxml2 sets up its global state on first use, which two threads
 * importing at once must not race to do. */
static void
init_parser (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/* XML ---------------------------------------------------------------------- */

typedef struct
{
  char *message;
  int   line;
} XmlError;

static void
on_xml_error (void                    *data,
              const char              *message,
              xmlParserSeverities      severity,
              xmlTextReaderLocatorPtr  locator)
{
  XmlError *xml_error = data;

  if (xml_error->message != NULL ||
      (severity != XML_PARSER_SEVERITY_ERROR && severity != XML_PARSER_SEVERITY_VALIDITY_ERROR))
    return;
  xml_error->message = g_strstrip (g_strdup (message));
  xml_error->line = xmlTextReaderLocatorLineNumber (locator);
}

xmlTextReaderPtr
collab_xlsx_xml_open (const CollabXlsxPart *part)
{
  xmlTextReaderPtr reader;

  init_parser ();

  /* No XML_PARSE_NOENT (entities stay unexpanded), no DTDLOAD or
   * DTDATTR (no DTD is read), no HUGE (libxml2's limits hold). */
  reader = xmlReaderForMemory (part->data, (int) part->length, NULL, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOWARNING);
  if (reader != NULL)
    xmlTextReaderSetErrorHandler (reader, on_xml_error, g_new0 (XmlError, 1));
  return reader;
}

gboolean
collab_xlsx_xml_next (xmlTextReaderPtr      reader,
                      const CollabXlsxPart *part,
                      gboolean             *done,
                      GError              **error)
{
  xmlTextReaderErrorFunc handler;
  XmlError *xml_error;
  g_autofree char *shown = NULL;
  int ret;

  *done = FALSE;
  if (reader == NULL)
    {
      shown = collab_error_cut (part->part);
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   _("%s: %s: the part cannot be read as XML: the workbook is damaged"),
                   part->file, shown);
      return FALSE;
    }
  ret = xmlTextReaderRead (reader);
  if (ret == 1 && xmlTextReaderNodeType (reader) != XML_READER_TYPE_DOCUMENT_TYPE)
    return TRUE;

  xmlTextReaderGetErrorHandler (reader, &handler, (void **) &xml_error);
  /* The part's name comes from the workbook: cut like a value. */
  shown = collab_error_cut (part->part);
  if (ret == 0)
    *done = TRUE;
  else if (ret == 1)
    g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                 _("%s: %s: the part declares a document type, which no workbook does: "
                   "the file is not a workbook that Excel saved"),
                 part->file, shown);
  else
    g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                 _("%s: %s:%d: the XML is malformed (%s): the workbook is damaged; "
                   "open it in Excel and save it again"),
                 part->file, shown, xml_error != NULL ? xml_error->line : 0,
                 xml_error != NULL && xml_error->message != NULL ? xml_error->message : "?");
  return FALSE;
}

void
collab_xlsx_xml_close (xmlTextReaderPtr reader)
{
  xmlTextReaderErrorFunc handler;
  XmlError *xml_error = NULL;

  if (reader == NULL)
    return;
  xmlTextReaderGetErrorHandler (reader, &handler, (void **) &xml_error);
  if (xml_error != NULL)
    g_free (xml_error->message);
  g_free (xml_error);
  xmlFreeTextReader (reader);
}

char *
collab_xlsx_xml_attribute (xmlTextReaderPtr  reader,
                           const char       *name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    if (strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0)
      {
        value = g_strdup ((const char *) xmlTextReaderConstValue (reader));
        break;
      }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return value;
}

gboolean
collab_xlsx_xml_is (xmlTextReaderPtr  reader,
                    int               type,
                    const char       *local_name)
{
  return xmlTextReaderNodeType (reader) == type &&
         strcmp ((const char *) xmlTextReaderConstLocalName (reader), local_name) == 0;
}

/* SAX ---------------------------------------------------------------------- */

/* How much of a part the push parser is given at a time. */
#define CHUNK (256 * 1024)

typedef struct
{
  const CollabXlsxPart    *part;
  const CollabXlsxSaxFuncs *funcs;
  gpointer                 data;
  xmlParserCtxtPtr         ctxt;
  GError                  *error;    /* the first error, ours or the callbacks' */
  char                    *xml_message;   /* the parser's first error */
  int                      xml_line;
} Sax;

static void
sax_stop (Sax *sax)
{
  xmlStopParser (sax->ctxt);
}

static void
on_sax_start (void           *data,
              const xmlChar  *local_name,
              const xmlChar  *prefix,
              const xmlChar  *uri,
              int             n_namespaces,
              const xmlChar **namespaces,
              int             n_attributes,
              int             n_defaulted,
              const xmlChar **attributes)
{
  Sax *sax = data;

  if (sax->error == NULL &&
      !sax->funcs->start (sax->data, (const char *) local_name, attributes, n_attributes, &sax->error))
    sax_stop (sax);
}

static void
on_sax_end (void          *data,
            const xmlChar *local_name,
            const xmlChar *prefix,
            const xmlChar *uri)
{
  Sax *sax = data;

  if (sax->error == NULL && !sax->funcs->end (sax->data, (const char *) local_name, &sax->error))
    sax_stop (sax);
}

static void
on_sax_text (void          *data,
             const xmlChar *text,
             int            length)
{
  Sax *sax = data;

  if (sax->error == NULL)
    sax->funcs->text (sax->data, (const char *) text, length);
}

static void
on_sax_doctype (void          *data,
                const xmlChar *name,
                const xmlChar *external_id,
                const xmlChar *system_id)
{
  Sax *sax = data;

  g_autofree char *shown = NULL;

  if (sax->error != NULL)
    return;
  /* The part's name comes from the workbook: cut like a value. */
  shown = collab_error_cut (sax->part->part);
  g_set_error (&sax->error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
               _("%s: %s: the part declares a document type, which no workbook does: "
                 "the file is not a workbook that Excel saved"),
               sax->part->file, shown);
  sax_stop (sax);
}

static void
on_sax_error (void        *data,
              xmlErrorPtr  error)
{
  Sax *sax = data;

  if (sax->xml_message != NULL || error->level < XML_ERR_ERROR)
    return;
  sax->xml_message = g_strstrip (g_strdup (error->message != NULL ? error->message : "?"));
  sax->xml_line = error->line;
}

gboolean
collab_xlsx_sax_parse (const CollabXlsxPart     *part,
                       const CollabXlsxSaxFuncs *funcs,
                       gpointer                  data,
                       GError                  **error)
{
  xmlSAXHandler handler = { 0 };
  Sax sax = { part, funcs, data, NULL, NULL, NULL, 0 };
  g_autofree char *shown = collab_error_cut (part->part);
  gsize done = 0;
  int failed = 0;

  init_parser ();
  handler.initialized = XML_SAX2_MAGIC;
  handler.startElementNs = on_sax_start;
  handler.endElementNs = on_sax_end;
  handler.characters = on_sax_text;
  handler.ignorableWhitespace = on_sax_text;
  handler.cdataBlock = on_sax_text;
  handler.internalSubset = on_sax_doctype;
  handler.externalSubset = on_sax_doctype;
  handler.serror = on_sax_error;

  /* The first bytes tell the parser the encoding. No XML_PARSE_NOENT, no
   * DTDLOAD or DTDATTR, no HUGE: as the cursor. */
  sax.ctxt = xmlCreatePushParserCtxt (&handler, &sax, part->data, (int) MIN (part->length, 4), part->part);
  if (sax.ctxt == NULL)
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   _("%s: %s: the part cannot be read as XML: the workbook is damaged"),
                   part->file, shown);
      return FALSE;
    }
  xmlCtxtUseOptions (sax.ctxt, XML_PARSE_NONET | XML_PARSE_NOWARNING);
  done = MIN (part->length, 4);
  do
    {
      gsize n = MIN (part->length - done, CHUNK);

      failed = xmlParseChunk (sax.ctxt, part->data + done, (int) n, done + n == part->length);
      done += n;
    }
  while (failed == 0 && sax.error == NULL && done < part->length);
  if (failed == 0 && sax.error == NULL && part->length <= 4)
    failed = xmlParseChunk (sax.ctxt, NULL, 0, 1);
  if (sax.error == NULL && (failed != 0 || !sax.ctxt->wellFormed))
    g_set_error (&sax.error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                 _("%s: %s:%d: the XML is malformed (%s): the workbook is damaged; "
                   "open it in Excel and save it again"),
                 part->file, shown, sax.xml_line, sax.xml_message != NULL ? sax.xml_message : "?");
  xmlFreeParserCtxt (sax.ctxt);
  g_free (sax.xml_message);
  if (sax.error != NULL)
    {
      g_propagate_error (error, sax.error);
      return FALSE;
    }
  return TRUE;
}

char *
collab_xlsx_sax_attribute (const xmlChar **attributes,
                           int             n_attributes,
                           const char     *name)
{
  /* Five pointers an attribute: local name, prefix, URI, value, end. */
  for (int i = 0; i < n_attributes; i++)
    if (strcmp ((const char *) attributes[i * 5], name) == 0)
      return g_strndup ((const char *) attributes[i * 5 + 3], attributes[i * 5 + 4] - attributes[i * 5 + 3]);
  return NULL;
}

/* Rich text ---------------------------------------------------------------- */

void
collab_xlsx_rich_text_start (CollabXlsxRichText *state,
                             const char         *name)
{
  if (strcmp (name, "rPh") == 0)
    state->in_phonetic = TRUE;
  else if (strcmp (name, "t") == 0)
    state->in_t = TRUE;
}

void
collab_xlsx_rich_text_end (CollabXlsxRichText *state,
                           const char         *name)
{
  if (strcmp (name, "rPh") == 0)
    state->in_phonetic = FALSE;
  else if (strcmp (name, "t") == 0)
    state->in_t = FALSE;
}

void
collab_xlsx_rich_text_text (CollabXlsxRichText *state,
                            const char         *text,
                            int                 length,
                            GString            *out)
{
  if (state->in_t && !state->in_phonetic)
    g_string_append_len (out, text, length);
}
