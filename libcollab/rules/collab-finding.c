/* collab-finding.c: what a check found
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * CollabFinding:
 *
 * One thing a [class@Collab.Checker] found: which rule, how serious, about
 * which records, and a sentence that explains it (SPEC §5).
 *
 * ```c
 * g_autoptr(GPtrArray) findings = collab_checker_run (checker, dataset, &error);
 *
 * for (guint i = 0; i < findings->len; i++)
 *   {
 *     CollabFinding *finding = g_ptr_array_index (findings, i);
 *
 *     if (g_str_equal (collab_finding_get_rule (finding), "pairing.coverage"))
 *       g_print ("%s %" G_GINT64_FORMAT ": %s\n",
 *                collab_finding_get_subject_string (finding, "county"),
 *                collab_finding_get_subject_int (finding, "year"),
 *                collab_finding_get_message (finding));
 *   }
 * ```
 *
 * The subject names the records by id under the keys SPEC §10 fixes for
 * each rule (`program`, `county` and `year` for `pairing.coverage`, …);
 * years are numbers, ids are strings. Where a rule compares numbers the
 * finding carries the expected and the actual value, and where the library
 * knows what would remove the finding, a machine-readable remedy.
 *
 * Findings are values: nothing about them can be changed once the checker
 * hands them out. [method@Collab.Finding.to_json] gives the JSON form
 * `collab check --format json` prints.
 */

#include <string.h>

#include <libcollab/collab-enum-types.h>
#include <libcollab/collab-checker.h>

#include "collab-finding-private.h"
#include "collab-rule-private.h"

/* A subject member: the key is the rule's own static string, the value a
 * string (owned), a number or null. The subject lives in a small array in
 * the order it was set; the dictionary that collab_finding_get_subject()
 * hands out is built from it the first time someone asks. */
typedef enum
{
  MEMBER_NULL,     /* sorts first, then numbers, then strings */
  MEMBER_INT,
  MEMBER_STRING,
} MemberType;

typedef struct
{
  const char *key;
  union
  {
    char   *string;
    gint64  number;
  } v;
  MemberType  type;
} SubjectMember;

#define N_INLINE_MEMBERS 3

/* expected and actual: a value the rule made, or an int or a string the
 * rule set, made into a GVariant the first time someone asks for it. */
typedef enum
{
  VALUE_NONE,
  VALUE_VARIANT,
  VALUE_INT,
  VALUE_STRING,
} ValueType;

typedef struct
{
  GVariant  *variant;  /* the value (VALUE_VARIANT), or the one made from the rest */
  union
  {
    char   *string;
    gint64  number;
  } v;
  ValueType  type;
} LazyValue;

struct _CollabFinding
{
  GObject         parent_instance;
  const char     *rule;     /* interned */
  char           *message;
  SubjectMember  *members;  /* inline_members, or a heap array beyond N_INLINE_MEMBERS */
  guint           n_members;
  guint           n_allocated;
  SubjectMember   inline_members[N_INLINE_MEMBERS];
  GVariant       *subject;  /* a{sv}, made from members when asked for */
  LazyValue       expected;
  LazyValue       actual;
  GVariant       *remedy;
  CollabSeverity  severity;
  gboolean        sealed;
  gboolean        odd_key;  /* see collab_finding_compare() */
};

G_DEFINE_FINAL_TYPE (CollabFinding, collab_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE,
  PROP_SEVERITY,
  PROP_MESSAGE,
  PROP_SUBJECT,
  PROP_EXPECTED,
  PROP_ACTUAL,
  PROP_REMEDY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lazy_value_clear (LazyValue *value)
{
  g_clear_pointer (&value->variant, g_variant_unref);
  if (value->type == VALUE_STRING)
    g_free (value->v.string);
  value->type = VALUE_NONE;
}

static void
collab_finding_finalize (GObject *object)
{
  CollabFinding *self = COLLAB_FINDING (object);

  for (guint i = 0; i < self->n_members; i++)
    if (self->members[i].type == MEMBER_STRING)
      g_free (self->members[i].v.string);
  if (self->members != self->inline_members)
    g_free (self->members);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->subject, g_variant_unref);
  lazy_value_clear (&self->expected);
  lazy_value_clear (&self->actual);
  g_clear_pointer (&self->remedy, g_variant_unref);

  G_OBJECT_CLASS (collab_finding_parent_class)->finalize (object);
}

static void
collab_finding_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CollabFinding *self = COLLAB_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE:
      g_value_set_string (value, self->rule);
      break;

    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_SUBJECT:
      g_value_set_variant (value, collab_finding_get_subject (self));
      break;

    case PROP_EXPECTED:
      g_value_set_variant (value, collab_finding_get_expected (self));
      break;

    case PROP_ACTUAL:
      g_value_set_variant (value, collab_finding_get_actual (self));
      break;

    case PROP_REMEDY:
      g_value_set_variant (value, self->remedy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
collab_finding_class_init (CollabFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = collab_finding_finalize;
  object_class->get_property = collab_finding_get_property;

  /**
   * CollabFinding:rule:
   *
   * The id of the rule that made the finding, such as `pairing.coverage`.
   */
  properties[PROP_RULE] =
    g_param_spec_string ("rule", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CollabFinding:severity:
   *
   * How serious the finding is, as the rule set in force says.
   */
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       COLLAB_TYPE_SEVERITY, COLLAB_SEVERITY_VIOLATION,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CollabFinding:message:
   *
   * One English sentence that explains the finding.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CollabFinding:subject:
   *
   * The ids (and year) the finding is about, under the keys of SPEC §10.
   */
  properties[PROP_SUBJECT] =
    g_param_spec_variant ("subject", NULL, NULL, G_VARIANT_TYPE_VARDICT, NULL,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CollabFinding:expected:
   *
   * The value the rule asks for, or `NULL`.
   */
  properties[PROP_EXPECTED] =
    g_param_spec_variant ("expected", NULL, NULL, G_VARIANT_TYPE_ANY, NULL,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CollabFinding:actual:
   *
   * The value the records give, or `NULL`.
   */
  properties[PROP_ACTUAL] =
    g_param_spec_variant ("actual", NULL, NULL, G_VARIANT_TYPE_ANY, NULL,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CollabFinding:remedy:
   *
   * What would remove the finding, as data, or `NULL`.
   */
  properties[PROP_REMEDY] =
    g_param_spec_variant ("remedy", NULL, NULL, G_VARIANT_TYPE_ANY, NULL,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
collab_finding_init (CollabFinding *self)
{
  self->members = self->inline_members;
  self->n_allocated = N_INLINE_MEMBERS;
}

/* Private API, for the rules. */

CollabFinding *
collab_finding_new (const char     *rule,
                    CollabSeverity  severity)
{
  CollabFinding *self;

  g_return_val_if_fail (rule != NULL, NULL);

  self = g_object_new (COLLAB_TYPE_FINDING, NULL);
  /* A few dozen rule ids: interned, they cost nothing per finding and
   * compare by pointer when sorting. */
  self->rule = g_intern_string (rule);
  self->severity = severity;
  return self;
}

void
collab_finding_set_message (CollabFinding *self,
                            const char    *format,
                            ...)
{
  va_list args;

  g_return_if_fail (COLLAB_IS_FINDING (self));
  g_return_if_fail (format != NULL);
  g_return_if_fail (!self->sealed);

  g_free (self->message);
  va_start (args, format);
  self->message = g_strdup_vprintf (format, args);
  va_end (args);
}

void
collab_finding_take_message (CollabFinding *self,
                             char          *message)
{
  g_return_if_fail (COLLAB_IS_FINDING (self));
  g_return_if_fail (!self->sealed);

  g_free (self->message);
  self->message = message;
}

static const SubjectMember *
find_member (const CollabFinding *self,
             const char          *key)
{
  for (guint i = 0; i < self->n_members; i++)
    if (self->members[i].key == key || strcmp (self->members[i].key, key) == 0)
      return &self->members[i];
  return NULL;
}

/* The member under @key, emptied, or a new one at the end: a member set
 * again keeps its place, as in a dictionary. */
static SubjectMember *
member_for_key (CollabFinding *self,
                const char    *key)
{
  SubjectMember *member = (SubjectMember *) find_member (self, key);

  if (member != NULL)
    {
      if (member->type == MEMBER_STRING)
        g_free (member->v.string);
      return member;
    }

  if (self->n_members == self->n_allocated)
    {
      self->n_allocated *= 2;
      if (self->members == self->inline_members)
        self->members = g_memdup2 (self->inline_members, self->n_allocated * sizeof (SubjectMember));
      else
        self->members = g_renew (SubjectMember, self->members, self->n_allocated);
    }
  member = &self->members[self->n_members++];
  member->key = key;
  return member;
}

/* A subject value: "s" or "x", or for a null a maybe holding nothing
 * (JSON null, Python None). */
static GVariant *
member_to_variant (const SubjectMember *member)
{
  switch (member->type)
    {
    case MEMBER_INT:
      return g_variant_new_int64 (member->v.number);
    case MEMBER_STRING:
      return g_variant_new_string (member->v.string);
    case MEMBER_NULL:
    default:
      return g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, NULL);
    }
}

void
collab_finding_set_subject_string (CollabFinding *self,
                                   const char    *key,
                                   const char    *value)
{
  SubjectMember *member;

  g_return_if_fail (COLLAB_IS_FINDING (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (!self->sealed);

  member = member_for_key (self, key);
  member->type = value != NULL ? MEMBER_STRING : MEMBER_NULL;
  if (value != NULL)
    member->v.string = g_strdup (value);
  g_clear_pointer (&self->subject, g_variant_unref);
}

void
collab_finding_set_subject_int (CollabFinding *self,
                                const char    *key,
                                gint64         value)
{
  SubjectMember *member;

  g_return_if_fail (COLLAB_IS_FINDING (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (!self->sealed);

  member = member_for_key (self, key);
  member->type = MEMBER_INT;
  member->v.number = value;
  g_clear_pointer (&self->subject, g_variant_unref);
}

/* Takes a floating or full reference to @variant and serialises it: a
 * GVariant made by a builder serialises itself on its first read, and a
 * finding's values may be read from several threads at once (and are
 * shared between findings). */
static GVariant *
take_variant (GVariant *variant)
{
  if (variant == NULL)
    return NULL;
  g_variant_take_ref (variant);
  (void) g_variant_get_data (variant);
  return variant;
}

static void
lazy_value_take_variant (LazyValue *value,
                         GVariant  *variant)
{
  lazy_value_clear (value);
  value->variant = take_variant (variant);
  value->type = variant != NULL ? VALUE_VARIANT : VALUE_NONE;
}

/* A new value from an int or a string; NULL for none. */
static GVariant *
lazy_value_make_variant (const LazyValue *value)
{
  switch (value->type)
    {
    case VALUE_VARIANT:
      return g_variant_ref (value->variant);
    case VALUE_INT:
      return g_variant_ref_sink (g_variant_new_int64 (value->v.number));
    case VALUE_STRING:
      return g_variant_ref_sink (g_variant_new_string (value->v.string));
    case VALUE_NONE:
    default:
      return NULL;
    }
}

/* The value the getters hand out: made once; the first of two threads
 * that race to make it wins. */
static GVariant *
lazy_value_get_variant (LazyValue *value)
{
  GVariant *variant = g_atomic_pointer_get (&value->variant);

  if (variant == NULL && value->type != VALUE_NONE)
    {
      variant = lazy_value_make_variant (value);
      if (!g_atomic_pointer_compare_and_exchange (&value->variant, NULL, variant))
        {
          g_variant_unref (variant);
          variant = g_atomic_pointer_get (&value->variant);
        }
    }
  return variant;
}

void
collab_finding_take_expected (CollabFinding *self,
                              GVariant      *value)
{
  g_return_if_fail (COLLAB_IS_FINDING (self));
  g_return_if_fail (!self->sealed);
  lazy_value_take_variant (&self->expected, value);
}

void
collab_finding_take_actual (CollabFinding *self,
                            GVariant      *value)
{
  g_return_if_fail (COLLAB_IS_FINDING (self));
  g_return_if_fail (!self->sealed);
  lazy_value_take_variant (&self->actual, value);
}

void
collab_finding_take_remedy (CollabFinding *self,
                            GVariant      *value)
{
  g_return_if_fail (COLLAB_IS_FINDING (self));
  g_return_if_fail (!self->sealed);
  g_clear_pointer (&self->remedy, g_variant_unref);
  self->remedy = take_variant (value);
}

void
collab_finding_set_expected_int (CollabFinding *self,
                                 gint64         value)
{
  g_return_if_fail (COLLAB_IS_FINDING (self));
  g_return_if_fail (!self->sealed);
  lazy_value_clear (&self->expected);
  self->expected.type = VALUE_INT;
  self->expected.v.number = value;
}

void
collab_finding_set_actual_int (CollabFinding *self,
                               gint64         value)
{
  g_return_if_fail (COLLAB_IS_FINDING (self));
  g_return_if_fail (!self->sealed);
  lazy_value_clear (&self->actual);
  self->actual.type = VALUE_INT;
  self->actual.v.number = value;
}

static void
lazy_value_take_string (LazyValue *value,
                        char      *string)
{
  lazy_value_clear (value);
  value->type = string != NULL ? VALUE_STRING : VALUE_NONE;
  value->v.string = string;
}

void
collab_finding_take_expected_string (CollabFinding *self,
                                     char          *value)
{
  g_return_if_fail (COLLAB_IS_FINDING (self));
  g_return_if_fail (!self->sealed);
  lazy_value_take_string (&self->expected, value);
}

void
collab_finding_take_actual_string (CollabFinding *self,
                                   char          *value)
{
  g_return_if_fail (COLLAB_IS_FINDING (self));
  g_return_if_fail (!self->sealed);
  lazy_value_take_string (&self->actual, value);
}

/* The order of findings: the rule, then each subject member in the order
 * it was set (null before numbers before strings; numbers as numbers),
 * then the message; a shorter subject sorts first.
 *
 * It is the byte order of these keys, one per finding: the rule, then per
 * member \2 and "0" (null), "i" and the number as fixed-width hexadecimal
 * with the sign bit flipped, or "s" and the string; then \1 and the
 * message. collab_finding_compare() compares the members directly, which
 * gives the same order unless a string holds a \1 or a \2 byte: such
 * findings (odd_key) are compared by their keys. */
static char *
make_sort_key (const CollabFinding *self)
{
  GString *key = g_string_new (self->rule);

  for (guint i = 0; i < self->n_members; i++)
    {
      const SubjectMember *member = &self->members[i];

      g_string_append_c (key, '\2');
      if (member->type == MEMBER_INT)
        g_string_append_printf (key, "i%016" G_GINT64_MODIFIER "x",
                                (guint64) member->v.number ^ G_GUINT64_CONSTANT (0x8000000000000000));
      else if (member->type == MEMBER_STRING)
        {
          g_string_append_c (key, 's');
          g_string_append (key, member->v.string);
        }
      else
        g_string_append_c (key, '0');
    }
  g_string_append_c (key, '\1');
  if (self->message != NULL)
    g_string_append (key, self->message);

  return g_string_free (key, FALSE);
}

static gboolean
has_separator (const char *string)
{
  return strchr (string, '\1') != NULL || strchr (string, '\2') != NULL;
}

void
collab_finding_seal (CollabFinding *self)
{
  g_return_if_fail (COLLAB_IS_FINDING (self));

  if (self->sealed)
    return;

  /* From here on the setters refuse changes; what the getters hand out
   * are GVariants, which nobody can change. */
  self->sealed = TRUE;

  self->odd_key = has_separator (self->rule);
  for (guint i = 0; i < self->n_members && !self->odd_key; i++)
    if (self->members[i].type == MEMBER_STRING)
      self->odd_key = has_separator (self->members[i].v.string);
}

int
collab_finding_compare (gconstpointer a,
                        gconstpointer b)
{
  const CollabFinding *fa = *(CollabFinding * const *) a;
  const CollabFinding *fb = *(CollabFinding * const *) b;
  guint n;
  int result;

  if (G_UNLIKELY (fa->odd_key || fb->odd_key || !fa->sealed || !fb->sealed))
    {
      g_autofree char *ka = make_sort_key (fa);
      g_autofree char *kb = make_sort_key (fb);

      return strcmp (ka, kb);
    }

  if (fa->rule != fb->rule && (result = strcmp (fa->rule, fb->rule)) != 0)
    return result;

  n = MIN (fa->n_members, fb->n_members);
  for (guint i = 0; i < n; i++)
    {
      const SubjectMember *ma = &fa->members[i];
      const SubjectMember *mb = &fb->members[i];

      if (ma->type != mb->type)
        return ma->type < mb->type ? -1 : 1;
      if (ma->type == MEMBER_INT && ma->v.number != mb->v.number)
        return ma->v.number < mb->v.number ? -1 : 1;
      if (ma->type == MEMBER_STRING && (result = strcmp (ma->v.string, mb->v.string)) != 0)
        return result;
    }
  if (fa->n_members != fb->n_members)
    return fa->n_members < fb->n_members ? -1 : 1;

  return strcmp (fa->message != NULL ? fa->message : "", fb->message != NULL ? fb->message : "");
}

/* The subject members, in order, as a new floating a{sv}. */
static GVariant *
make_subject (const CollabFinding *self)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  for (guint i = 0; i < self->n_members; i++)
    g_variant_builder_add (&builder, "{sv}", self->members[i].key, member_to_variant (&self->members[i]));
  return g_variant_builder_end (&builder);
}

/* Public API. */

/**
 * collab_finding_get_rule:
 * @self: a finding
 *
 * Gets the id of the rule that made the finding, such as
 * `pairing.coverage`.
 *
 * Returns: (transfer none): the rule id
 */
const char *
collab_finding_get_rule (CollabFinding *self)
{
  g_return_val_if_fail (COLLAB_IS_FINDING (self), NULL);

  return self->rule;
}

/**
 * collab_finding_get_severity:
 * @self: a finding
 *
 * Gets how serious the finding is; the rule set in force decides.
 *
 * Returns: the severity
 */
CollabSeverity
collab_finding_get_severity (CollabFinding *self)
{
  g_return_val_if_fail (COLLAB_IS_FINDING (self), COLLAB_SEVERITY_INFO);

  return self->severity;
}

/**
 * collab_finding_get_message:
 * @self: a finding
 *
 * Gets the sentence that explains the finding: the ids that caused it
 * and, for a shortfall, what would remove it.
 *
 * Returns: (transfer none): the message, in English
 */
const char *
collab_finding_get_message (CollabFinding *self)
{
  g_return_val_if_fail (COLLAB_IS_FINDING (self), NULL);

  return self->message != NULL ? self->message : "";
}

/**
 * collab_finding_get_subject:
 * @self: a finding
 *
 * Gets the subject: the ids of the records the finding is about (and the
 * year, where there is one) under the keys SPEC §10 gives for the rule,
 * in that order, as a dictionary (`a{sv}`): ids are strings, years
 * int64.
 *
 * ```python
 * finding.get_subject().unpack()   # {'program': 'wuxi-2021', 'county': 'pingan', 'year': 2021}
 * ```
 *
 * Returns: (transfer none): the subject
 */
GVariant *
collab_finding_get_subject (CollabFinding *self)
{
  GVariant *subject;

  g_return_val_if_fail (COLLAB_IS_FINDING (self), NULL);

  subject = g_atomic_pointer_get (&self->subject);
  if (subject == NULL)
    {
      subject = g_variant_ref_sink (make_subject (self));
      if (!g_atomic_pointer_compare_and_exchange (&self->subject, NULL, subject))
        {
          g_variant_unref (subject);
          subject = g_atomic_pointer_get (&self->subject);
        }
    }
  return subject;
}

/**
 * collab_finding_get_subject_value:
 * @self: a finding
 * @key: a subject key, such as `county` or `year`
 *
 * Gets one member of the subject: a string (`s`) for an id, an int64
 * (`x`) for a year.
 *
 * Returns: (transfer full) (nullable): the value, or `NULL` when the
 *   subject has no @key
 */
GVariant *
collab_finding_get_subject_value (CollabFinding *self,
                                  const char    *key)
{
  const SubjectMember *member;

  g_return_val_if_fail (COLLAB_IS_FINDING (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  member = find_member (self, key);
  return member != NULL ? g_variant_ref_sink (member_to_variant (member)) : NULL;
}

/**
 * collab_finding_get_subject_string:
 * @self: a finding
 * @key: a subject key, such as `county`
 *
 * Gets one id of the subject.
 *
 * Returns: (transfer none) (nullable): the id under @key, or `NULL` when
 *   the subject has no string under @key
 */
const char *
collab_finding_get_subject_string (CollabFinding *self,
                                   const char    *key)
{
  const SubjectMember *member;

  g_return_val_if_fail (COLLAB_IS_FINDING (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  member = find_member (self, key);
  if (member == NULL || member->type != MEMBER_STRING)
    return NULL;
  return member->v.string;
}

/**
 * collab_finding_get_subject_int:
 * @self: a finding
 * @key: a subject key, such as `year`
 *
 * Gets one number of the subject.
 *
 * Returns: the integer under @key, or 0 when the subject has no integer
 *   under @key
 */
gint64
collab_finding_get_subject_int (CollabFinding *self,
                                const char    *key)
{
  const SubjectMember *member;

  g_return_val_if_fail (COLLAB_IS_FINDING (self), 0);
  g_return_val_if_fail (key != NULL, 0);

  member = find_member (self, key);
  if (member == NULL || member->type != MEMBER_INT)
    return 0;
  return member->v.number;
}

/**
 * collab_finding_get_expected:
 * @self: a finding
 *
 * Gets the value the rule asks for, for rules that compare numbers: an
 * int64 (`1` county-level pairing), a string of yuan for an amount
 * (`"19200000.00"`), or a dictionary of such values (`{"total": 18}`).
 *
 * Returns: (transfer none) (nullable): the expected value, or `NULL`
 */
GVariant *
collab_finding_get_expected (CollabFinding *self)
{
  g_return_val_if_fail (COLLAB_IS_FINDING (self), NULL);

  return lazy_value_get_variant (&self->expected);
}

/**
 * collab_finding_get_actual:
 * @self: a finding
 *
 * Gets the value the records give, for rules that compare numbers, of
 * the same shape as [method@Collab.Finding.get_expected].
 *
 * Returns: (transfer none) (nullable): the actual value, or `NULL`
 */
GVariant *
collab_finding_get_actual (CollabFinding *self)
{
  g_return_val_if_fail (COLLAB_IS_FINDING (self), NULL);

  return lazy_value_get_variant (&self->actual);
}

/**
 * collab_finding_get_remedy:
 * @self: a finding
 *
 * Gets what would remove the finding, as data, where the library can
 * compute it: for the 666 shortfall a dictionary
 * `{"add": [{"profession": "doctor", "months": 6, "count": 2}, …], "total": 2}`.
 *
 * Returns: (transfer none) (nullable): the remedy, or `NULL`
 */
GVariant *
collab_finding_get_remedy (CollabFinding *self)
{
  g_return_val_if_fail (COLLAB_IS_FINDING (self), NULL);

  return self->remedy;
}

static const char *
severity_nick (CollabSeverity severity)
{
  GEnumClass *klass = g_type_class_ref (COLLAB_TYPE_SEVERITY);
  GEnumValue *value = g_enum_get_value (klass, severity);

  g_type_class_unref (klass);
  return value != NULL ? value->value_nick : "violation";
}

/* @value as JSON, or null. */
static JsonNode *
value_or_null (const LazyValue *value)
{
  g_autoptr(GVariant) variant = lazy_value_make_variant (value);

  return variant != NULL ? json_gvariant_serialize (variant) : json_node_init_null (json_node_alloc ());
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * collab_finding_to_json:
 * @self: a finding
 *
 * Builds the JSON form of the finding:
 *
 * ```json
 * {"rule": "pairing.coverage", "severity": "violation",
 *  "subject": {"program": "wuxi-2021", "county": "pingan", "year": 2021},
 *  "expected": 1, "actual": 0, "message": "…"}
 * ```
 *
 * `expected` and `actual` are `null` when the rule compares no numbers; a
 * `remedy` member is there only when the finding has one.
 *
 * Returns: (transfer full): a new JSON object node
 */
JsonNode *
collab_finding_to_json (CollabFinding *self)
{
  g_autoptr(GVariant) subject = NULL;
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (COLLAB_IS_FINDING (self), NULL);

  subject = g_variant_ref_sink (make_subject (self));
  object = json_object_new ();
  json_object_set_string_member (object, "rule", self->rule);
  json_object_set_string_member (object, "severity", severity_nick (self->severity));
  json_object_set_member (object, "subject", json_gvariant_serialize (subject));
  json_object_set_member (object, "expected", value_or_null (&self->expected));
  json_object_set_member (object, "actual", value_or_null (&self->actual));
  json_object_set_string_member (object, "message", collab_finding_get_message (self));
  if (self->remedy != NULL)
    json_object_set_member (object, "remedy", json_gvariant_serialize (self->remedy));

  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

/**
 * collab_findings_to_json:
 * @findings: (element-type Collab.Finding): findings, as
 *   [method@Collab.Checker.run] gives them
 *
 * Builds the document `collab check --format json` prints (SPEC §10):
 *
 * ```json
 * {"findings": [ … ],
 *  "counts": {"violation": 5, "warning": 0, "info": 0,
 *             "by_rule": {"pairing.coverage": 5}}}
 * ```
 *
 * The findings keep their order; `by_rule` lists the rules that made at
 * least one finding, by id.
 *
 * Returns: (transfer full): a new JSON object node
 */
JsonNode *
collab_findings_to_json (GPtrArray *findings)
{
  g_autoptr(GHashTable) by_rule = NULL;
  g_autofree const char **rules = NULL;
  guint counts[COLLAB_SEVERITY_VIOLATION + 1] = { 0 };
  JsonArray *array;
  JsonObject *count_object, *rule_object, *root;
  JsonNode *node;
  guint n_rules;

  g_return_val_if_fail (findings != NULL, NULL);

  by_rule = g_hash_table_new (g_str_hash, g_str_equal);
  array = json_array_sized_new (findings->len);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);
      guint n;

      g_return_val_if_fail (COLLAB_IS_FINDING (finding), NULL);

      json_array_add_element (array, collab_finding_to_json (finding));
      if ((guint) finding->severity < G_N_ELEMENTS (counts))
        counts[finding->severity]++;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (by_rule, finding->rule));
      g_hash_table_insert (by_rule, (gpointer) finding->rule, GUINT_TO_POINTER (n + 1));
    }

  rule_object = json_object_new ();
  rules = (const char **) g_hash_table_get_keys_as_array (by_rule, &n_rules);
  qsort (rules, n_rules, sizeof *rules, compare_strings);
  for (guint i = 0; i < n_rules; i++)
    json_object_set_int_member (rule_object, rules[i],
                                GPOINTER_TO_UINT (g_hash_table_lookup (by_rule, rules[i])));

  count_object = json_object_new ();
  json_object_set_int_member (count_object, "violation", counts[COLLAB_SEVERITY_VIOLATION]);
  json_object_set_int_member (count_object, "warning", counts[COLLAB_SEVERITY_WARNING]);
  json_object_set_int_member (count_object, "info", counts[COLLAB_SEVERITY_INFO]);
  json_object_set_object_member (count_object, "by_rule", rule_object);

  root = json_object_new ();
  json_object_set_array_member (root, "findings", array);
  json_object_set_object_member (root, "counts", count_object);

  node = json_node_init_object (json_node_alloc (), root);
  json_object_unref (root);
  return node;
}
