/* collab-schema-private.h: the record kinds, described as data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every record kind of the dataset document is a plain C struct plus a
 * table of its fields (name, type, offset). The JSON reader and writer, the
 * reference resolver, the columnar export for pandas and the CSV importer
 * all walk these tables instead of knowing each kind, so adding a record
 * kind or a field is a matter of one struct and one table row.
 *
 * Records are stored by value in one array per kind (see
 * collab-store-private.h); a million dispatches are a million 56-byte
 * structs, not a million objects.
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libcollab/collab-enums.h>
#include <libcollab/collab-date.h>

G_BEGIN_DECLS

#define COLLAB_N_RECORD_KINDS (COLLAB_RECORD_KIND_AGREEMENT + 1)

/* A reference to a record: the kind in the top 5 bits, the index + 1 in the
 * rest, so that 0 is "no reference" and one 32-bit word says both what and
 * which. A table may hold 2^27 - 1 records. */
typedef guint32 CollabRef;

#define COLLAB_REF_NONE            ((CollabRef) 0)
#define COLLAB_REF_INDEX_BITS      27
#define COLLAB_REF_MAX_INDEX       ((1u << COLLAB_REF_INDEX_BITS) - 2)
#define COLLAB_REF(kind, index)    ((CollabRef) (((guint32) (kind) << COLLAB_REF_INDEX_BITS) | ((guint32) (index) + 1)))
#define COLLAB_REF_KIND(ref)       ((CollabRecordKind) ((ref) >> COLLAB_REF_INDEX_BITS))
#define COLLAB_REF_INDEX(ref)      (((ref) & ((1u << COLLAB_REF_INDEX_BITS) - 1)) - 1)

/* The start of every record and sub-record. @present has bit i set when
 * field i of the kind's table was given, which is what the writer needs to
 * write back exactly what was read. */
typedef struct
{
  const char *id;          /* NULL for kinds whose id is optional */
  JsonObject *extra;       /* members this library does not know, or NULL */
  guint32     present;
} CollabRecordHeader;

/* A list of references (a program's assisted cities). */
typedef struct
{
  guint32    n;
  CollabRef *refs;
} CollabRefList;

/* An array of sub-records (a program's fund base, a project's status
 * history), each starting with a CollabRecordHeader. */
typedef struct
{
  guint32  n;
  gpointer items;
} CollabSubArray;

typedef struct
{
  CollabRecordHeader h;
  const char        *name;
  const char        *name_en;
  const char        *code;
  CollabRef          parent;
  guint8             level;         /* CollabRegionLevel */
  guint8             side;          /* CollabSide as written, UNKNOWN when not */
  guint8             flags;         /* CollabRegionFlags */
  guint8             derived_side;  /* from the parent chain, set after load */
} CollabRegionRec;

typedef struct
{
  CollabRecordHeader h;
  const char        *name;
  CollabRef          region;
  CollabRef          serves;        /* the assisted region a shop sells for */
  guint8             kind;          /* CollabOrganizationKind */
} CollabOrganizationRec;

typedef struct
{
  CollabRecordHeader h;
  CollabRef          city;
  gint64             base;
  gint64             plan_total;
} CollabFundBaseRec;

typedef struct
{
  CollabRecordHeader h;
  const char        *name;
  const char        *ruleset;
  CollabRef          assisting;
  CollabRefList      assisted;
  CollabSubArray     fund_base;     /* of CollabFundBaseRec */
  gint32             first_year;
  gint32             last_year;
  guint8             kind;          /* CollabProgramKind */
} CollabProgramRec;

typedef struct
{
  CollabRecordHeader h;
  gint32             first_year;
  gint32             last_year;
} CollabPeriodRec;

typedef struct
{
  CollabRecordHeader h;
  CollabRef          program;
  CollabRef          assisting;     /* a region or an organization */
  CollabRef          assisted;      /* a region or an organization */
  guint8             level;         /* CollabPairingLevel */
  CollabPeriodRec    period;        /* present bit says whether it was given */
} CollabPairingRec;

typedef struct
{
  CollabRecordHeader h;
  const char        *designation;
  CollabRef          holder;        /* an organization or a region */
  gboolean           source;
} CollabAccountRec;

typedef struct
{
  CollabRecordHeader h;
  gint64             amount;
  const char        *document;
  const char        *use;
  const char        *payee;
  CollabRef          from;          /* an account or a project */
  CollabRef          to;            /* an account or a project */
  CollabRef          program;
  CollabRef          parent;        /* a transaction */
  CollabDay          date;
  gint32             budget_year;
  guint8             type;          /* CollabTransactionType */
} CollabTransactionRec;

typedef struct
{
  CollabRecordHeader h;
  CollabDay          date;
  guint8             status;        /* CollabProjectStatus */
} CollabStatusRec;

typedef struct
{
  CollabRecordHeader h;
  const char        *name;
  const char        *subcategory;
  gint64             budget;
  CollabRef          county;
  CollabRef          program;
  CollabSubArray     status;        /* of CollabStatusRec, in date order */
  gboolean           in_reserve;
  guint8             category;      /* CollabProjectCategory */
} CollabProjectRec;

typedef struct
{
  CollabRecordHeader h;
  const char        *name;
  CollabRef          organization;
  guint8             profession;    /* CollabProfession */
} CollabPersonRec;

typedef struct
{
  CollabRecordHeader h;
  CollabRef          person;
  CollabRef          from;
  CollabRef          to;
  CollabDay          start;
  CollabDay          planned_end;
  CollabDay          actual_end;
  guint8             kind;          /* CollabDispatchKind */
  guint8             direction;     /* CollabDirection */
  guint8             post;          /* CollabPost */
} CollabDispatchRec;

typedef struct
{
  CollabRecordHeader h;
  const char        *topic;
  CollabRef          program;
  gint32             year;
  gint32             person_times;
  gint32             classes;
  guint8             side;          /* CollabSide */
  guint8             area;          /* CollabTrainingArea, cadre_talent when not given */
} CollabTrainingRec;

typedef struct
{
  CollabRecordHeader h;
  const char        *rule;
  const char        *note;
  CollabRef          assisting;
  CollabRef          assisted;
  gint32             year;
} CollabAdjustmentRec;

typedef struct
{
  CollabRecordHeader h;
  CollabRef          village;
  CollabRef          county;
  CollabRef          program;
} CollabDemoVillageRec;

/* An inclusive range of days (a job offer's open period). */
typedef struct
{
  CollabRecordHeader h;
  CollabDay          first;
  CollabDay          last;
} CollabDayRangeRec;

typedef struct
{
  CollabRecordHeader h;
  gint64             monthly_wage;
  CollabRef          employer;      /* an organization */
  CollabRef          target;        /* the assisted region it is offered to */
  CollabRef          program;
  gint32             positions;
  CollabDayRangeRec  open;
  guint8             job_type;      /* CollabJobType */
} CollabJobOfferRec;

/* A list of up to eight values of an enumeration, in order, packed four
 * bits a value (value + 1, lowest bits first; 0 ends the list): a
 * worker's wanted job types cost one word. */
typedef guint32 CollabEnumList;

#define COLLAB_ENUM_LIST_MAX 8
#define COLLAB_ENUM_LIST_GET(list, i) ((((list) >> (4 * (i))) & 0xf) - 1)
#define COLLAB_ENUM_LIST_HAS(list, i) ((i) < COLLAB_ENUM_LIST_MAX && (((list) >> (4 * (i))) & 0xf) != 0)

/* Adds @value at the end of @list; FALSE when it is there already or the
 * list is full. */
static inline gboolean
collab_enum_list_append (CollabEnumList *list,
                         guint           value)
{
  guint i = 0;

  if (value > 14)
    return FALSE;
  for (; COLLAB_ENUM_LIST_HAS (*list, i); i++)
    if (COLLAB_ENUM_LIST_GET (*list, i) == value)
      return FALSE;
  if (i == COLLAB_ENUM_LIST_MAX)
    return FALSE;
  *list |= (value + 1) << (4 * i);
  return TRUE;
}

typedef struct
{
  CollabRecordHeader h;
  const char        *name;
  CollabRef          county;
  CollabDay          registered;
  CollabEnumList     wants;         /* of CollabJobType; empty means any */
  guint8             flags;         /* CollabWorkerFlags */
} CollabWorkerRec;

typedef struct
{
  CollabRecordHeader h;
  CollabRef          worker;
  CollabRef          employer;      /* an organization */
  CollabRef          offer;         /* the job offer filled, if any */
  CollabDay          start;
  CollabDay          end;           /* inclusive; NONE while in the job */
  gboolean           organized;
  guint8             kind;          /* CollabPlacementKind */
} CollabPlacementRec;

typedef struct
{
  CollabRecordHeader h;
  const char        *note;
  CollabRef          placement;
  CollabDay          date;
  guint8             status;        /* CollabFollowUpStatus */
} CollabFollowUpRec;

typedef struct
{
  CollabRecordHeader h;
  CollabRef          program;
  CollabRef          region;
  CollabDay          date;
  gint32             participants;
  gint32             trainees;
  CollabRefList      tasks;         /* the plan tasks it serves */
  guint8             kind;          /* CollabEventKind */
  guint8             area;          /* CollabTrainingArea */
} CollabEventRec;

typedef struct
{
  CollabRecordHeader h;
  const char        *product;
  gint64             amount;
  CollabRef          origin;        /* the assisted county or city */
  CollabRef          buyer;         /* an organization */
  CollabRef          program;
  CollabDay          date;
  gint32             beneficiaries; /* poverty-lifted people it lifted */
  guint8             channel;       /* CollabPurchaseChannel */
} CollabPurchaseRec;

typedef struct
{
  CollabRecordHeader h;
  gint64             amount;
  CollabRef          enterprise;    /* an organization */
  CollabRef          county;
  CollabRef          park;          /* an organization of kind park */
  CollabRef          program;
  CollabDay          date;
} CollabInvestmentRec;

typedef struct
{
  CollabRecordHeader h;
  gint64             amount;        /* in kind: the goods' value */
  CollabRef          donor;         /* an organization */
  CollabRef          to;            /* a region */
  CollabRef          program;
  CollabDay          date;
  guint8             form;          /* CollabDonationForm */
} CollabDonationRec;

typedef struct
{
  CollabRecordHeader h;
  const char        *title;
  CollabRef          program;
  CollabRefList      responsible;   /* organizations, of both sides */
  gint32             number;
  guint8             area;          /* CollabTaskArea */
} CollabTaskRec;

typedef struct
{
  CollabRecordHeader h;
  const char        *note;
  CollabRef          task;
  gint32             year;
  guint8             status;        /* CollabTaskStatus */
} CollabTaskReportRec;

typedef struct
{
  CollabRecordHeader h;
  const char        *title;
  const char        *document;     /* its implementation plan (实施方案) */
  CollabRef          program;
  CollabRefList      tasks;
  gint32             year;
} CollabInitiativeRec;

typedef struct
{
  CollabRecordHeader h;
  const char        *document;
  gint64             funds;
  CollabRef          program;
  CollabRef          city;          /* the assisted city */
  gint32             year;
  gint32             professionals; /* when the agreement names them */
  gint32             cadres;
} CollabAgreementRec;

typedef enum
{
  COLLAB_FIELD_ID,        /* const char *, the record's id */
  COLLAB_FIELD_STRING,    /* const char * */
  COLLAB_FIELD_ENUM,      /* guint8, by nick */
  COLLAB_FIELD_FLAGS,     /* guint8, an array of nicks */
  COLLAB_FIELD_REF,       /* CollabRef */
  COLLAB_FIELD_REF_LIST,  /* CollabRefList */
  COLLAB_FIELD_DATE,      /* CollabDay */
  COLLAB_FIELD_AMOUNT,    /* gint64 fen */
  COLLAB_FIELD_INT,       /* gint32 */
  COLLAB_FIELD_YEAR,      /* gint32 in 1900..2200 */
  COLLAB_FIELD_BOOL,      /* gboolean */
  COLLAB_FIELD_OBJECT,    /* an inline sub-record */
  COLLAB_FIELD_ARRAY,     /* CollabSubArray of sub-records */
  COLLAB_FIELD_ENUM_LIST, /* CollabEnumList, an array of nicks in order */
} CollabFieldType;

typedef enum
{
  COLLAB_FIELD_REQUIRED   = 1 << 0,
  COLLAB_FIELD_INTERN     = 1 << 1,  /* a string that repeats: store it once */
  COLLAB_FIELD_NONZERO    = 1 << 2,  /* an enum whose value 0 means "not given" */
  COLLAB_FIELD_COUNT      = 1 << 3,  /* an INT or an AMOUNT that cannot be negative */
  COLLAB_FIELD_POSITIVE   = 1 << 4,  /* an INT that must be above zero */
} CollabFieldFlags;

typedef struct _CollabSchema CollabSchema;

typedef struct
{
  const char          *name;        /* the JSON member */
  CollabFieldType      type;
  guint16              offset;
  guint16              flags;       /* CollabFieldFlags */
  GType              (*enum_type) (void);
  guint32              ref_kinds;   /* bit per CollabRecordKind, tried in order */
  const CollabSchema  *sub;         /* OBJECT and ARRAY */
} CollabField;

struct _CollabSchema
{
  const char        *member;        /* "regions", or the field's name for sub-records */
  const char        *singular;      /* "region", for messages */
  gsize              record_size;
  const CollabField *fields;
  guint              n_fields;
};

const CollabSchema *collab_schema_for_kind     (CollabRecordKind  kind);
gboolean            collab_schema_kind_from_member (const char   *member,
                                                CollabRecordKind *kind);
int                 collab_schema_find_field   (const CollabSchema *schema,
                                                const char         *name);
const char         *collab_schema_kind_name    (CollabRecordKind  kind);

#define COLLAB_RECORD_PRESENT(rec, i) ((((const CollabRecordHeader *) (rec))->present >> (i)) & 1)
#define COLLAB_FIELD_PTR(rec, field)  ((gpointer) ((guint8 *) (rec) + (field)->offset))

G_END_DECLS
