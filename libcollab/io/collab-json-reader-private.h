/* collab-json-reader-private.h: what the files of the JSON reader share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The reader of the dataset document (collab_json_read_into() and the
 * file readers of collab-json-file-private.h) is one set of yajl
 * callbacks over one Reader, spread over the files that each do one part
 * of it:
 *
 *   collab-json-reader.c            the Reader's life: set up, references
 *                                   resolved at the end, torn down
 *   collab-json-reader-structure.c  objects, arrays and member names: the
 *                                   frames of the document's structure
 *   collab-json-reader-values.c     scalars into the fields of a record
 *   collab-json-reader-capture.c    values this library does not know,
 *                                   kept as JsonNodes
 *   collab-json-reader-errors.c     messages that name the JSON path
 *   collab-json-reader-input.c      the text, whole or a chunk at a time,
 *                                   and its lines and columns
 *
 * The callbacks run some twenty million times per million records: what
 * they share on that path is here as static inline functions, so that
 * the split into files adds no call on that path.
 */

#pragma once

#include <yajl/yajl_parse.h>

#include <libcollab/collab-error.h>

#include "types/collab-i18n-private.h"
#include "collab-json-private.h"

G_BEGIN_DECLS

/* A reference not yet resolved: the top kind bits are all ones and the
 * rest is an index into the reader's pending names. */
#define PENDING_KIND  0xfu
#define PENDING_REF(i)  COLLAB_REF (PENDING_KIND, (i))

#define MAX_FRAMES 8
#define SCRATCH_SIZE 256
#define MAX_HINTED_SCHEMAS 32

/* What the reader has learnt of the order of a schema's members: documents
 * list them in the same order record after record (the writer's, or a
 * generator's), so the member after field i is most likely the one that
 * came after it last time. A guess is checked with one memcmp(). */
typedef struct
{
  const CollabSchema *schema;
  guint8              next[33];     /* next[i + 1]: the field after field i; next[0]: the first */
  guint8              len[32];      /* the length of each field's name */
  guint32             required;     /* a bit per required field */
} FieldHints;

/* The enum or flags class of a field, found once. */
typedef struct
{
  const CollabField  *field;
  gpointer            klass;
  gboolean            flags;
} NickClass;

#define N_NICK_CLASSES 16

typedef enum
{
  FRAME_TOP,       /* the document object */
  FRAME_RECORDS,   /* an array of records of one kind */
  FRAME_RECORD,    /* a record or sub-record object */
  FRAME_LIST,      /* an array of strings: flags or references */
  FRAME_SUBARRAY,  /* an array of sub-records */
} FrameType;

typedef struct
{
  FrameType           type;
  const CollabSchema *schema;
  CollabRecordKind    kind;        /* RECORDS and their RECORDs */
  gpointer            record;      /* RECORD: the struct being filled */
  const CollabField  *field;       /* the field whose value comes next */
  guint32             seen;        /* RECORD: members met so far */
  FieldHints         *hints;       /* RECORD: the schema's member order, or NULL */
  guint               after;       /* RECORD: 1 + the last field met, 0 at first */
  guint               position;    /* RECORDS, LIST, SUBARRAY: next index */
  char               *key;         /* the member name being read, when not a known field */
  GArray             *items;       /* LIST and SUBARRAY */
  guint8              scratch[SCRATCH_SIZE];
} Frame;

typedef struct
{
  CollabStore  *store;
  const char   *filename;
  yajl_handle   yajl;
  GError       *error;

  Frame        *frames[MAX_FRAMES];
  int           depth;               /* index of the innermost frame */

  /* Unknown values being captured, and the member that holds them. */
  JsonNode     *capture_stack[COLLAB_JSON_MAX_DEPTH + 1];
  char         *capture_keys[COLLAB_JSON_MAX_DEPTH + 1];
  int           capture_depth;       /* 0: not capturing */

  gboolean      seen_format;
  gboolean      seen_version;
  guint32       seen_kinds;
  guint32       closed_kinds;        /* kinds whose array was read to its end */

  GStringChunk *pending_names;
  GPtrArray    *pending;             /* of const char *, in pending_names */
  guint         extra_before;        /* top-level unknown members before this read */
  GHashTable   *extra_read;          /* the top-level unknown members of this document */
  const guint  *starts;              /* records each kind had before this read */

  FieldHints    hints[MAX_HINTED_SCHEMAS];
  guint         n_hints;
  FieldHints   *last_hints;
  NickClass     nick_classes[N_NICK_CLASSES];

  /* A syntax error found by a callback (a number beyond its type): yajl's
   * own message for it and where it is, as a byte offset in the text. */
  const char   *syntax_problem;
  gsize         syntax_offset;
  gsize         chunk_base;          /* offset of the text yajl is reading */
} Reader;

typedef enum { SCALAR_NULL, SCALAR_BOOL, SCALAR_INT, SCALAR_DOUBLE, SCALAR_STRING } ScalarType;

typedef struct
{
  ScalarType  type;
  gboolean    boolean;
  gint64      integer;
  double      real;
  const char *string;
  gsize       len;
} Scalar;

/* Frames ------------------------------------------------------------------- */

static inline Frame *
top_frame (Reader *reader)
{
  return reader->frames[reader->depth];
}

static inline void
mark_present (Frame *frame)
{
  int i = (int) (frame->field - frame->schema->fields);

  ((CollabRecordHeader *) frame->record)->present |= 1u << i;
  frame->field = NULL;
  g_clear_pointer (&frame->key, g_free);
}

/* Whether the value that comes next is kept as a JsonNode: inside a
 * captured value, or the value of a member the frame does not know. */
static inline gboolean
is_capturing (Reader *reader)
{
  Frame *frame;

  if (reader->capture_depth > 0)
    return TRUE;
  if (reader->depth < 0)
    return FALSE;

  /* A member whose name the frame does not know starts a capture. */
  frame = top_frame (reader);
  return (frame->type == FRAME_TOP || frame->type == FRAME_RECORD) &&
         frame->key != NULL && frame->field == NULL;
}

/* collab-json-reader.c */
void         reader_init               (Reader             *reader,
                                        CollabStore        *store,
                                        guint              *lengths,
                                        const char         *filename);
gboolean     reader_finish             (Reader             *reader,
                                        guint              *lengths,
                                        GError            **error);

/* collab-json-reader-structure.c: the callbacks yajl calls. */
extern const yajl_callbacks reader_callbacks;

/* collab-json-reader-values.c */
int          reader_on_null            (void               *ctx);
int          reader_on_boolean         (void               *ctx,
                                        int                 boolean);
int          reader_on_number          (void               *ctx,
                                        const char         *text,
                                        size_t              len);
int          reader_on_string          (void               *ctx,
                                        const unsigned char *string,
                                        size_t              len);

/* collab-json-reader-capture.c */
gboolean     reader_capture_add        (Reader             *reader,
                                        JsonNode           *node);
gboolean     reader_capture_open       (Reader             *reader,
                                        JsonNode           *container);
gboolean     reader_capture_close      (Reader             *reader);
gboolean     reader_capture_key        (Reader             *reader,
                                        const char         *key);
JsonNode    *reader_scalar_to_node     (const Scalar       *value);

/* collab-json-reader-errors.c: each returns FALSE, for `return`. */
gboolean     reader_fail               (Reader             *reader,
                                        CollabDatasetError  code,
                                        const char         *format,
                                        ...) G_GNUC_PRINTF (3, 4);
gboolean     reader_expected           (Reader             *reader,
                                        const char         *format,
                                        const Scalar       *value) G_GNUC_PRINTF (2, 0);
gboolean     reader_member_twice       (Reader             *reader,
                                        const char         *key);
gboolean     reader_syntax_error       (Reader             *reader,
                                        const char         *problem,
                                        gsize               len);
gboolean     reader_not_an_object      (Reader             *reader,
                                        const Scalar       *value);
char        *reader_scalar_to_display  (const Scalar       *value);

G_END_DECLS
