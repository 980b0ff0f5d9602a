/* collab-store-private.h: the records of a dataset, by kind
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A store is what a CollabDataset holds: one contiguous array of record
 * structs per kind, an id index per kind, and one string chunk for every
 * string the records point to. A load builds a new store and the dataset
 * swaps it in only when the whole document was good, which is how a failed
 * load leaves the dataset as it was.
 */

#pragma once

#include "collab-schema-private.h"

G_BEGIN_DECLS

typedef struct
{
  GArray     *records;      /* of the kind's record struct */
  GHashTable *by_id;        /* id (in the chunk) -> GUINT_TO_POINTER (index + 1) */
  gsize       record_size;  /* of the kind's struct, for collab_store_get() */
} CollabKindTable;

typedef struct _CollabStore CollabStore;

struct _CollabStore
{
  gatomicrefcount  ref_count;
  GStringChunk    *strings;
  CollabKindTable  tables[COLLAB_N_RECORD_KINDS];
  JsonObject      *extra;  /* top-level members this library does not know */

  /* Derived data (collab_store_get_derived): a list of CollabDerived,
   * under the lock. */
  GMutex           derived_lock;
  GSList          *derived;
};

/* Derived data is what the layers above compute from the records — the
 * ledger, the talent tally, the index of cadre posts — and many callers
 * read: built once, on first use, by whichever caller comes first while
 * the others wait, and kept with the store until its records change
 * (collab_store_drop_derived()) or it is freed.
 *
 * This is what makes a loaded dataset safe to read from many threads:
 * the records never change while nobody modifies the dataset, and each
 * piece of derived data is built under the store's lock and never
 * changed after. A kind of derived data is a static descriptor in the
 * file that builds it; its builder must not ask for other derived data
 * (it runs under the lock) and must not hold a reference to the store
 * (the store holds the data). */
typedef struct
{
  const char  *name;
  gpointer   (*build) (CollabStore *store);
  void       (*free)  (gpointer     data);
} CollabDerivedKind;

CollabStore   *collab_store_new          (void);
CollabStore   *collab_store_ref          (CollabStore       *store);
void           collab_store_unref        (CollabStore       *store);

static inline guint
collab_store_count (const CollabStore *store,
                    CollabRecordKind   kind)
{
  return store->tables[kind].records->len;
}

static inline gpointer
collab_store_get (const CollabStore *store,
                  CollabRecordKind   kind,
                  guint              index)
{
  const CollabKindTable *table = &store->tables[kind];

  /* Inline, without a call: every reference followed is one of these. */
  return table->records->data + (gsize) index * table->record_size;
}

static inline gpointer
collab_store_deref (const CollabStore *store,
                    CollabRef          ref)
{
  if (ref == COLLAB_REF_NONE)
    return NULL;
  return collab_store_get (store, COLLAB_REF_KIND (ref), COLLAB_REF_INDEX (ref));
}

gboolean       collab_store_lookup       (const CollabStore *store,
                                          CollabRecordKind   kind,
                                          const char        *id,
                                          guint             *index);
/* The same, for an id of @len bytes that need not end with a NUL. */
gboolean       collab_store_lookup_len   (const CollabStore *store,
                                          CollabRecordKind   kind,
                                          const char        *id,
                                          gsize              len,
                                          guint             *index);
CollabRef      collab_store_find_ref     (const CollabStore *store,
                                          guint32            kinds,
                                          const char        *id);
const char    *collab_store_ref_id       (const CollabStore *store,
                                          CollabRef          ref);
const char    *collab_store_add_string   (CollabStore       *store,
                                          const char        *text,
                                          gsize              len,
                                          gboolean           intern);
gpointer       collab_store_append       (CollabStore       *store,
                                          CollabRecordKind   kind,
                                          gconstpointer      record);
/* The same, unless a record of @kind already has the id of @record:
 * then nothing is appended, @existing is set to that record's index and
 * the result is NULL. */
gpointer       collab_store_append_unique (CollabStore     *store,
                                          CollabRecordKind   kind,
                                          gconstpointer      record,
                                          guint             *existing);
void           collab_store_remove       (CollabStore       *store,
                                          CollabRecordKind   kind,
                                          guint              index);
/* Whether a record refers to @target; @referrer is set to the JSON
 * path of the member that does, as collab_store_append_place() names
 * the record. */
gboolean       collab_store_is_referenced (const CollabStore *store,
                                          CollabRef          target,
                                          char             **referrer);
/* Appends "$.dispatches[0] (d001)": the place in its document of the
 * record @index of @kind, whose records in that document start at
 * @start, and its id, cut as messages cut what they quote. */
void           collab_store_append_place (GString           *path,
                                          const CollabStore *store,
                                          CollabRecordKind   kind,
                                          guint              index,
                                          guint              start);
/* Appends the member of a record of @kind that holds the reference
 * @field, at @position as collab_store_foreach_ref() gives it:
 * "assisted[1]", "fund_base[1].city". */
void           collab_store_append_member (GString          *path,
                                          CollabRecordKind   kind,
                                          const CollabField *field,
                                          guint              position);
void           collab_store_free_record (const CollabSchema *schema,
                                          gpointer           record);
void           collab_store_derive       (CollabStore       *store);

/* The data of @kind derived from @store, built now if it is not there
 * yet; owned by the store, valid until the store changes. Thread-safe. */
gpointer       collab_store_get_derived  (CollabStore             *store,
                                          const CollabDerivedKind *kind);
/* Frees the derived data: the records are about to change. Whoever
 * changes a store calls it first (the dataset's edits, a removal). */
void           collab_store_drop_derived (CollabStore             *store);

/* Walks every reference of every record, sub-records included. */
typedef gboolean (*CollabRefVisitor) (CollabRecordKind   kind,
                                      guint              index,
                                      const CollabField *field,
                                      guint              position,
                                      CollabRef         *ref,
                                      gpointer           user_data);

gboolean       collab_store_foreach_ref  (CollabStore       *store,
                                          CollabRefVisitor   visitor,
                                          gpointer           user_data);
/* The same, over the records at or after @starts[kind] only. */
gboolean       collab_store_foreach_ref_from (CollabStore   *store,
                                          const guint       *starts,
                                          CollabRefVisitor   visitor,
                                          gpointer           user_data);
void           collab_store_get_lengths  (const CollabStore *store,
                                          guint             *lengths);
/* Drops every record appended since collab_store_get_lengths() gave
 * @lengths, and the top-level members after the first @n_extra. */
void           collab_store_truncate     (CollabStore       *store,
                                          const guint       *lengths,
                                          guint              n_extra);

/* The pairing's period, or the program's when the pairing has none. */
void           collab_store_pairing_years (const CollabStore      *store,
                                           const CollabPairingRec *pairing,
                                           int                    *first_year,
                                           int                    *last_year);

G_END_DECLS
