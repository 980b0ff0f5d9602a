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

struct _CollabFinding
{
  GObject         parent_instance;
  char           *rule;
  char           *message;
  JsonObject     *subject;
  JsonNode       *expected;
  JsonNode       *actual;
  JsonNode       *remedy;
  char           *sort_key;  /* made once when sealed: see collab_finding_compare() */
  CollabSeverity  severity;
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
collab_finding_finalize (GObject *object)
{
  CollabFinding *self = COLLAB_FINDING (object);

  g_clear_pointer (&self->rule, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->sort_key, g_free);
  g_clear_pointer (&self->subject, json_object_unref);
  g_clear_pointer (&self->expected, json_node_unref);
  g_clear_pointer (&self->actual, json_node_unref);
  g_clear_pointer (&self->remedy, json_node_unref);

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
      g_value_set_boxed (value, self->subject);
      break;

    case PROP_EXPECTED:
      g_value_set_boxed (value, self->expected);
      break;

    case PROP_ACTUAL:
      g_value_set_boxed (value, self->actual);
      break;

    case PROP_REMEDY:
      g_value_set_boxed (value, self->remedy);
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
    g_param_spec_boxed ("subject", NULL, NULL, JSON_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CollabFinding:expected:
   *
   * The value the rule asks for, or `NULL`.
   */
  properties[PROP_EXPECTED] =
    g_param_spec_boxed ("expected", NULL, NULL, JSON_TYPE_NODE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CollabFinding:actual:
   *
   * The value the records give, or `NULL`.
   */
  properties[PROP_ACTUAL] =
    g_param_spec_boxed ("actual", NULL, NULL, JSON_TYPE_NODE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CollabFinding:remedy:
   *
   * What would remove the finding, as data, or `NULL`.
   */
  properties[PROP_REMEDY] =
    g_param_spec_boxed ("remedy", NULL, NULL, JSON_TYPE_NODE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
collab_finding_init (CollabFinding *self)
{
  self->subject = json_object_new ();
}

/* Private API, for the rules. */

CollabFinding *
collab_finding_new (const char     *rule,
                    CollabSeverity  severity)
{
  CollabFinding *self;

  g_return_val_if_fail (rule != NULL, NULL);

  self = g_object_new (COLLAB_TYPE_FINDING, NULL);
  self->rule = g_strdup (rule);
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

  g_free (self->message);
  va_start (args, format);
  self->message = g_strdup_vprintf (format, args);
  va_end (args);
}

void
collab_finding_set_subject_string (CollabFinding *self,
                                   const char    *key,
                                   const char    *value)
{
  g_return_if_fail (COLLAB_IS_FINDING (self));
  g_return_if_fail (key != NULL);

  if (value != NULL)
    json_object_set_string_member (self->subject, key, value);
  else
    json_object_set_null_member (self->subject, key);
}

void
collab_finding_set_subject_int (CollabFinding *self,
                                const char    *key,
                                gint64         value)
{
  g_return_if_fail (COLLAB_IS_FINDING (self));
  g_return_if_fail (key != NULL);

  json_object_set_int_member (self->subject, key, value);
}

static void
take_node (JsonNode **slot,
           JsonNode  *node)
{
  if (*slot != NULL)
    json_node_unref (*slot);
  *slot = node;
}

void
collab_finding_take_expected (CollabFinding *self,
                              JsonNode      *node)
{
  g_return_if_fail (COLLAB_IS_FINDING (self));
  take_node (&self->expected, node);
}

void
collab_finding_take_actual (CollabFinding *self,
                            JsonNode      *node)
{
  g_return_if_fail (COLLAB_IS_FINDING (self));
  take_node (&self->actual, node);
}

void
collab_finding_take_remedy (CollabFinding *self,
                            JsonNode      *node)
{
  g_return_if_fail (COLLAB_IS_FINDING (self));
  take_node (&self->remedy, node);
}

void
collab_finding_set_expected_int (CollabFinding *self,
                                 gint64         value)
{
  collab_finding_take_expected (self, json_node_init_int (json_node_alloc (), value));
}

void
collab_finding_set_actual_int (CollabFinding *self,
                               gint64         value)
{
  collab_finding_take_actual (self, json_node_init_int (json_node_alloc (), value));
}

/* The order of findings, as one string per finding so that sorting a
 * check's hundreds of thousands of findings compares bytes instead of
 * walking two subjects each time: the rule, then each subject member in
 * the order it was set (years as fixed-width hexadecimal with the sign bit
 * flipped, so that they sort as numbers), then the message. \2 separates
 * members and \1 ends the subject, so a shorter subject sorts first. */
static char *
make_sort_key (const CollabFinding *self)
{
  GString *key = g_string_new (self->rule);
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, self->subject);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      GType type = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_INVALID;

      g_string_append_c (key, '\2');
      if (type == G_TYPE_INT64)
        g_string_append_printf (key, "i%016" G_GINT64_MODIFIER "x",
                                (guint64) json_node_get_int (value) ^ G_GUINT64_CONSTANT (0x8000000000000000));
      else if (type == G_TYPE_STRING)
        {
          g_string_append_c (key, 's');
          g_string_append (key, json_node_get_string (value));
        }
      else
        g_string_append_c (key, '0');  /* null and the rest sort first */
    }
  g_string_append_c (key, '\1');
  if (self->message != NULL)
    g_string_append (key, self->message);

  return g_string_free (key, FALSE);
}

void
collab_finding_seal (CollabFinding *self)
{
  g_return_if_fail (COLLAB_IS_FINDING (self));

  /* From here on json-glib itself refuses changes to what the getters
   * hand out. */
  json_object_seal (self->subject);
  if (self->expected != NULL)
    json_node_seal (self->expected);
  if (self->actual != NULL)
    json_node_seal (self->actual);
  if (self->remedy != NULL)
    json_node_seal (self->remedy);

  g_free (self->sort_key);
  self->sort_key = make_sort_key (self);
}

int
collab_finding_compare (gconstpointer a,
                        gconstpointer b)
{
  const CollabFinding *fa = *(CollabFinding * const *) a;
  const CollabFinding *fb = *(CollabFinding * const *) b;

  if (G_UNLIKELY (fa->sort_key == NULL || fb->sort_key == NULL))
    {
      g_autofree char *ka = fa->sort_key ? NULL : make_sort_key (fa);
      g_autofree char *kb = fb->sort_key ? NULL : make_sort_key (fb);

      return strcmp (ka ? ka : fa->sort_key, kb ? kb : fb->sort_key);
    }

  return strcmp (fa->sort_key, fb->sort_key);
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
 * year, where there is one) under the keys SPEC §10 gives for the rule.
 * Do not change it.
 *
 * Returns: (transfer none): the subject
 */
JsonObject *
collab_finding_get_subject (CollabFinding *self)
{
  g_return_val_if_fail (COLLAB_IS_FINDING (self), NULL);

  return self->subject;
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
  JsonNode *node;

  g_return_val_if_fail (COLLAB_IS_FINDING (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  node = json_object_get_member (self->subject, key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
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
  JsonNode *node;

  g_return_val_if_fail (COLLAB_IS_FINDING (self), 0);
  g_return_val_if_fail (key != NULL, 0);

  node = json_object_get_member (self->subject, key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

/**
 * collab_finding_get_expected:
 * @self: a finding
 *
 * Gets the value the rule asks for, for rules that compare numbers.
 *
 * Returns: (transfer none) (nullable): the expected value, or `NULL`
 */
JsonNode *
collab_finding_get_expected (CollabFinding *self)
{
  g_return_val_if_fail (COLLAB_IS_FINDING (self), NULL);

  return self->expected;
}

/**
 * collab_finding_get_actual:
 * @self: a finding
 *
 * Gets the value the records give, for rules that compare numbers.
 *
 * Returns: (transfer none) (nullable): the actual value, or `NULL`
 */
JsonNode *
collab_finding_get_actual (CollabFinding *self)
{
  g_return_val_if_fail (COLLAB_IS_FINDING (self), NULL);

  return self->actual;
}

/**
 * collab_finding_get_remedy:
 * @self: a finding
 *
 * Gets what would remove the finding, as data, where the library can
 * compute it (the 666 shortfall, for instance).
 *
 * Returns: (transfer none) (nullable): the remedy, or `NULL`
 */
JsonNode *
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

static JsonNode *
copy_or_null (JsonNode *node)
{
  return node != NULL ? collab_rule_json_copy (node) : json_node_init_null (json_node_alloc ());
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
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (COLLAB_IS_FINDING (self), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "rule", self->rule);
  json_object_set_string_member (object, "severity", severity_nick (self->severity));
  json_object_set_member (object, "subject", collab_rule_json_copy_object (self->subject));
  json_object_set_member (object, "expected", copy_or_null (self->expected));
  json_object_set_member (object, "actual", copy_or_null (self->actual));
  json_object_set_string_member (object, "message", collab_finding_get_message (self));
  if (self->remedy != NULL)
    json_object_set_member (object, "remedy", collab_rule_json_copy (self->remedy));

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
      g_hash_table_insert (by_rule, finding->rule, GUINT_TO_POINTER (n + 1));
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
