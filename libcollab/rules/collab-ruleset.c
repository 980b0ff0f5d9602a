/* collab-ruleset.c: which rules apply, with which thresholds
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * CollabRuleset:
 *
 * Which rules of SPEC §5 a check applies, how serious each is, and their
 * thresholds — as data that loads from and saves to JSON (SPEC §6).
 *
 * The library ships rule sets ([func@Collab.Ruleset.list_builtin]):
 * `east-west-2021` (the 14th Five-Year plan, the default), `zhuhai-2021`
 * (Zhuhai–Zunyi, whose floor is the annual agreement), `poverty-2016`
 * (the 13th) and `counterpart-2022` (the Yan'an–Wuxi counterpart plan). A program
 * record names the one it is judged by. To change a threshold, derive a
 * set: in JSON, name the shipped set as `base` and give only what differs,
 *
 * ```json
 * {"format": "libcollab-ruleset", "version": 1, "id": "wuxi-strict",
 *  "base": "east-west-2021", "interpretation": "cumulative",
 *  "rules": {"666.total": {"total": 20},
 *            "fund.idle": {"days": 90, "severity": "violation"},
 *            "pairing.orphan": {"enabled": false}}}
 * ```
 *
 * or in C, load the shipped set and change it:
 *
 * ```c
 * g_autoptr(CollabRuleset) rules = collab_ruleset_new_builtin ("east-west-2021", &error);
 *
 * collab_ruleset_set_int (rules, "fund.idle", "days", 90);
 * collab_ruleset_set_severity (rules, "fund.idle", COLLAB_SEVERITY_VIOLATION);
 * collab_ruleset_set_enabled (rules, "pairing.orphan", FALSE);
 * ```
 *
 * Every rule describes itself: its default severity (SPEC §5) and the
 * defaults of its parameters are the rule's own, and a rule set only
 * says which rules it applies and what it changes of them. In a
 * document, each member of `rules` is a rule id of
 * [func@Collab.Ruleset.list_known_rules] with an object of `enabled`,
 * `severity` (`violation`, `warning` or `info`) and any of the rule's
 * parameters; what it does not give is the rule's own. A rule a set
 * names is applied unless it says `"enabled": false`; a rule it does not
 * name is not applied. In a derived set, each member given replaces the
 * base's and everything else stays as the base has it — so naming a
 * rule the base does not apply takes `"enabled": true`. Anything else —
 * an unknown rule, an unknown parameter, a value of the wrong type — is
 * an error that names the file and the JSON path, never a silent
 * default.
 *
 * Parameters are typed values ([struct@GLib.Variant]): counts are int64,
 * lists arrays of strings, the tiers of `666.tenure` an array of
 * `{"months": n, "count": n}` dictionaries, counts by name (the events
 * of each kind `event.annual` asks for a year) a dictionary
 * `{"joint_meeting": 1, "visit": 1}`; see
 * [method@Collab.Ruleset.get_parameter].
 *
 * [method@Collab.Ruleset.to_data] writes the whole set, every rule with
 * every member; loading that document gives the same set.
 */

#include <stdlib.h>
#include <string.h>

#include <libcollab/collab-enum-types.h>
#include <libcollab/collab-error.h>

#include "io/collab-json-private.h"
#include "collab-ruleset-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

G_DEFINE_FINAL_TYPE (CollabRuleset, collab_ruleset, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_BASE,
  PROP_INTERPRETATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rule_entry_free (CollabRuleEntry *entry);

static void
collab_ruleset_finalize (GObject *object)
{
  CollabRuleset *self = COLLAB_RULESET (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->base, g_free);
  g_clear_pointer (&self->rules, g_hash_table_unref);

  G_OBJECT_CLASS (collab_ruleset_parent_class)->finalize (object);
}

static void
collab_ruleset_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CollabRuleset *self = COLLAB_RULESET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_BASE:
      g_value_set_string (value, self->base);
      break;

    case PROP_INTERPRETATION:
      g_value_set_enum (value, self->interpretation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
collab_ruleset_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CollabRuleset *self = COLLAB_RULESET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;

    case PROP_INTERPRETATION:
      collab_ruleset_set_interpretation (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
collab_ruleset_class_init (CollabRulesetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = collab_ruleset_finalize;
  object_class->get_property = collab_ruleset_get_property;
  object_class->set_property = collab_ruleset_set_property;

  /**
   * CollabRuleset:id:
   *
   * The id of the rule set, such as `east-west-2021`; programs name their
   * rule set by it.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CollabRuleset:name:
   *
   * A human-readable name, or `NULL`.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CollabRuleset:base:
   *
   * The id of the shipped rule set this one derives from, or `NULL`.
   */
  properties[PROP_BASE] =
    g_param_spec_string ("base", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CollabRuleset:interpretation:
   *
   * The reading of the 666 tenure tiers (SPEC §5).
   */
  properties[PROP_INTERPRETATION] =
    g_param_spec_enum ("interpretation", NULL, NULL,
                       COLLAB_TYPE_INTERPRETATION, COLLAB_INTERPRETATION_NESTED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
collab_ruleset_init (CollabRuleset *self)
{
  self->rules = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) rule_entry_free);
  self->interpretation = COLLAB_INTERPRETATION_NESTED;
}

/* Enum nicks: the words of the document. */

static const char *
enum_to_nick (GType type,
              int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  /* Enum classes are never freed once made, so the nick outlives this. */
  g_type_class_unref (klass);
  return found != NULL ? found->value_nick : NULL;
}

static gboolean
enum_from_nick (GType       type,
                const char *nick,
                int        *value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value_by_nick (klass, nick);

  if (found != NULL)
    *value = found->value;
  g_type_class_unref (klass);
  return found != NULL;
}

const char *
collab_severity_to_nick (CollabSeverity severity)
{
  return enum_to_nick (COLLAB_TYPE_SEVERITY, severity);
}

gboolean
collab_severity_from_nick (const char     *nick,
                           CollabSeverity *severity)
{
  int value;

  if (!enum_from_nick (COLLAB_TYPE_SEVERITY, nick, &value))
    return FALSE;
  *severity = value;
  return TRUE;
}

const char *
collab_interpretation_to_nick (CollabInterpretation interpretation)
{
  return enum_to_nick (COLLAB_TYPE_INTERPRETATION, interpretation);
}

gboolean
collab_interpretation_from_nick (const char           *nick,
                                 CollabInterpretation *interpretation)
{
  int value;

  if (!enum_from_nick (COLLAB_TYPE_INTERPRETATION, nick, &value))
    return FALSE;
  *interpretation = value;
  return TRUE;
}

/* Entries. */

static void
rule_entry_free (CollabRuleEntry *entry)
{
  for (guint i = 0; i < COLLAB_RULE_MAX_PARAMS; i++)
    g_clear_pointer (&entry->params[i], g_variant_unref);
  g_free (entry);
}

void
collab_rule_entry_set_param (CollabRuleEntry *entry,
                             guint            index,
                             GVariant        *value)
{
  g_variant_take_ref (value);
  /* Serialised now, so that the checks that read it in many threads write
   * nothing (a GVariant made by a builder serialises itself when first
   * read). */
  (void) g_variant_get_data (value);
  g_clear_pointer (&entry->params[index], g_variant_unref);
  entry->params[index] = value;
}

CollabRuleEntry *
collab_ruleset_ensure_entry (CollabRuleset    *self,
                             const CollabRule *rule,
                             gboolean          enabled)
{
  CollabRuleEntry *entry = g_hash_table_lookup (self->rules, rule->id);

  if (entry == NULL)
    {
      entry = g_new0 (CollabRuleEntry, 1);
      entry->enabled = enabled;
      entry->severity = rule->severity;
      for (guint i = 0; i < collab_rule_count_params (rule); i++)
        entry->params[i] = g_variant_ref (collab_rule_get_default (rule, i));
      g_hash_table_insert (self->rules, (gpointer) rule->id, entry);
    }
  return entry;
}

static const CollabRule *
known_rule (const char *rule)
{
  const CollabRule *found = collab_rule_registry_lookup (rule);

  if (found == NULL)
    g_critical ("\"%s\" is not a rule id of libcollab; see collab_ruleset_list_known_rules()", rule);
  return found;
}

/* Constructors. */

/**
 * collab_ruleset_new_builtin:
 * @id: the id of a shipped rule set, such as `east-west-2021`
 * @error: return location for an error
 *
 * Loads one of the rule sets shipped with the library (SPEC §6); see
 * [func@Collab.Ruleset.list_builtin].
 *
 * Returns: (transfer full): the rule set, or `NULL` with @error set to
 *   %COLLAB_RULESET_ERROR_NOT_FOUND
 */
CollabRuleset *
collab_ruleset_new_builtin (const char  *id,
                            GError     **error)
{
  g_autoptr(CollabRuleset) self = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (COLLAB_TYPE_RULESET, NULL);
  if (!collab_ruleset_load_builtin (self, id, 0, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * collab_ruleset_new_from_file:
 * @path: (type filename): a rule set document
 * @error: return location for an error
 *
 * Loads a rule set document. Errors name the file and the JSON path of
 * the offending member, such as
 * `strict.json: $.rules["666.total"].total: expected a non-negative integer, found a string`.
 *
 * Returns: (transfer full): the rule set, or `NULL` with @error set (in
 *   the `G_FILE_ERROR` domain when the file cannot be read)
 */
CollabRuleset *
collab_ruleset_new_from_file (const char  *path,
                              GError     **error)
{
  g_autoptr(CollabRuleset) self = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A file that cannot be read is a G_FILE_ERROR naming it. */
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;

  self = g_object_new (COLLAB_TYPE_RULESET, NULL);
  if (!collab_ruleset_load (self, data, length, path, 0, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * collab_ruleset_new_from_data:
 * @data: a rule set document
 * @length: the length of @data in bytes, or -1 when it ends with a NUL
 * @error: return location for an error
 *
 * Reads a rule set document from memory; errors name it `<data>`.
 *
 * Returns: (transfer full): the rule set, or `NULL` with @error set
 */
CollabRuleset *
collab_ruleset_new_from_data (const char  *data,
                              gssize       length,
                              GError     **error)
{
  g_autoptr(CollabRuleset) self = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (COLLAB_TYPE_RULESET, NULL);
  if (!collab_ruleset_load (self, data, length < 0 ? strlen (data) : (gsize) length, NULL, 0, error))
    return NULL;
  return g_steal_pointer (&self);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * collab_ruleset_list_builtin:
 *
 * Lists the ids of the rule sets shipped with the library, for
 * [ctor@Collab.Ruleset.new_builtin].
 *
 * Returns: (transfer full) (array zero-terminated=1): the ids, sorted
 */
char **
collab_ruleset_list_builtin (void)
{
  g_auto(GStrv) names = NULL;
  GPtrArray *ids = g_ptr_array_new ();

  collab_ruleset_register_builtin ();
  names = g_resources_enumerate_children (COLLAB_RULESET_RESOURCE "/",
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".json"))
      g_ptr_array_add (ids, g_strndup (names[i], strlen (names[i]) - strlen (".json")));

  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

/* What the checker judges and plans each program by, and what the
 * scorecard reads its tiers from: one resolution, so that the three agree
 * (collab-ruleset-private.h says how). */
GPtrArray *
collab_ruleset_resolve_programs (const CollabStore  *store,
                                 CollabRuleset      *override,
                                 CollabRuleset      *fallback,
                                 GError            **error)
{
  guint n = collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM);
  g_autoptr(GPtrArray) sets = g_ptr_array_new_full (n, g_object_unref);
  g_autoptr(GHashTable) loaded = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      const CollabProgramRec *program = collab_store_get (store, COLLAB_RECORD_KIND_PROGRAM, i);
      const char *id = program->ruleset != NULL ? program->ruleset : COLLAB_RULESET_DEFAULT;
      CollabRuleset *set = override;

      if (set == NULL && (set = g_hash_table_lookup (loaded, id)) == NULL)
        {
          set = collab_ruleset_new_builtin (id, NULL);
          if (set == NULL && fallback != NULL)
            set = g_object_ref (fallback);
          else if (set == NULL)
            {
              g_auto(GStrv) shipped = collab_ruleset_list_builtin ();
              /* Translators: what separates the ids of a list, such as
               * "east-west-2021, poverty-2016". */
              g_autofree char *list = g_strjoinv (_(", "), shipped);
              g_autofree char *program_id = collab_error_cut (program->h.id);
              g_autofree char *shown = collab_error_cut (id);

              g_set_error (error, COLLAB_RULESET_ERROR, COLLAB_RULESET_ERROR_NOT_FOUND,
                           /* Translators: the id of a program, the id of a rule set,
                            * then the list of the ids of the rule sets shipped. */
                           _("the program \"%s\" is judged by the rule set \"%s\", which is not shipped "
                             "(shipped: %s); give the checker a rule set instead"),
                           program_id, shown, list);
              return NULL;
            }
          /* The keys are the programs' own strings, which outlive the table. */
          g_hash_table_insert (loaded, (gpointer) id, set);
        }
      g_ptr_array_add (sets, g_object_ref (set));
    }

  return g_steal_pointer (&sets);
}

/**
 * collab_ruleset_list_known_rules:
 *
 * Lists every rule this version of the library checks; a rule set may
 * name these and no others.
 *
 * Returns: (transfer full) (array zero-terminated=1): the rule ids, sorted
 */
char **
collab_ruleset_list_known_rules (void)
{
  const CollabRule * const *all;
  guint n;
  char **ids;

  all = collab_rule_registry_get_all (&n);
  ids = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup (all[i]->id);
  return ids;
}

/* Accessors. */

/**
 * collab_ruleset_get_id:
 * @self: a rule set
 *
 * Gets the id of the rule set.
 *
 * Returns: (transfer none) (nullable): the id
 */
const char *
collab_ruleset_get_id (CollabRuleset *self)
{
  g_return_val_if_fail (COLLAB_IS_RULESET (self), NULL);

  return self->id;
}

/**
 * collab_ruleset_list_rules:
 * @self: a rule set
 *
 * Lists the rules the set applies (those enabled).
 *
 * Returns: (transfer full) (array zero-terminated=1): the rule ids, sorted
 */
char **
collab_ruleset_list_rules (CollabRuleset *self)
{
  GHashTableIter iter;
  gpointer key, value;
  GPtrArray *ids;

  g_return_val_if_fail (COLLAB_IS_RULESET (self), NULL);

  ids = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->rules);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((CollabRuleEntry *) value)->enabled)
      g_ptr_array_add (ids, g_strdup (key));

  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

/**
 * collab_ruleset_is_enabled:
 * @self: a rule set
 * @rule: a rule id, such as `pairing.coverage`
 *
 * Whether the set applies @rule. Any string may be asked about: a rule
 * the library does not know is not enabled.
 *
 * Returns: `TRUE` when @rule is enabled
 */
gboolean
collab_ruleset_is_enabled (CollabRuleset *self,
                           const char    *rule)
{
  CollabRuleEntry *entry;

  g_return_val_if_fail (COLLAB_IS_RULESET (self), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  entry = g_hash_table_lookup (self->rules, rule);
  return entry != NULL && entry->enabled;
}

/**
 * collab_ruleset_set_enabled:
 * @self: a rule set
 * @rule: a rule id of [func@Collab.Ruleset.list_known_rules]
 * @enabled: whether to apply the rule
 *
 * Enables or disables a rule. A rule enabled that the set did not name
 * has its own severity and parameters until they are set.
 */
void
collab_ruleset_set_enabled (CollabRuleset *self,
                            const char    *rule,
                            gboolean       enabled)
{
  const CollabRule *known;

  g_return_if_fail (COLLAB_IS_RULESET (self));
  g_return_if_fail (rule != NULL);

  if ((known = known_rule (rule)) == NULL)
    return;

  collab_ruleset_ensure_entry (self, known, enabled)->enabled = enabled;
}

/**
 * collab_ruleset_get_severity:
 * @self: a rule set
 * @rule: a rule id of [func@Collab.Ruleset.list_known_rules]
 *
 * Gets the severity the set gives findings of @rule: its own setting, or
 * the rule's (SPEC §5).
 *
 * Returns: the severity
 */
CollabSeverity
collab_ruleset_get_severity (CollabRuleset *self,
                             const char    *rule)
{
  const CollabRule *known;
  CollabRuleEntry *entry;

  g_return_val_if_fail (COLLAB_IS_RULESET (self), COLLAB_SEVERITY_VIOLATION);
  g_return_val_if_fail (rule != NULL, COLLAB_SEVERITY_VIOLATION);

  if ((known = known_rule (rule)) == NULL)
    return COLLAB_SEVERITY_VIOLATION;

  entry = g_hash_table_lookup (self->rules, rule);
  return entry != NULL ? entry->severity : known->severity;
}

/**
 * collab_ruleset_set_severity:
 * @self: a rule set
 * @rule: a rule id of [func@Collab.Ruleset.list_known_rules]
 * @severity: the severity of the rule's findings
 *
 * Sets how serious findings of @rule are. This does not enable the rule.
 */
void
collab_ruleset_set_severity (CollabRuleset  *self,
                             const char     *rule,
                             CollabSeverity  severity)
{
  const CollabRule *known;

  g_return_if_fail (COLLAB_IS_RULESET (self));
  g_return_if_fail (rule != NULL);
  g_return_if_fail (collab_severity_to_nick (severity) != NULL);

  if ((known = known_rule (rule)) == NULL)
    return;

  collab_ruleset_ensure_entry (self, known, FALSE)->severity = severity;
}

/* The value of a parameter (transfer none), or NULL when @rule has no
 * parameter @parameter (with a critical when @rule is not a rule). */
static GVariant *
lookup_parameter (CollabRuleset *self,
                  const char    *rule,
                  const char    *parameter)
{
  const CollabRule *known;
  CollabRuleEntry *entry;
  guint index;

  if ((known = known_rule (rule)) == NULL || collab_rule_find_param (known, parameter, &index) == NULL)
    return NULL;

  entry = g_hash_table_lookup (self->rules, rule);
  return entry != NULL ? entry->params[index] : collab_rule_get_default (known, index);
}

/**
 * collab_ruleset_get_int:
 * @self: a rule set
 * @rule: a rule id, such as `fund.idle`
 * @parameter: an integer parameter of the rule, such as `days`
 * @fallback: what to return when @rule has no integer parameter @parameter
 *
 * Gets an integer parameter of a rule: the set's value, else the rule's
 * default.
 *
 * Returns: the parameter, or @fallback
 */
gint64
collab_ruleset_get_int (CollabRuleset *self,
                        const char    *rule,
                        const char    *parameter,
                        gint64         fallback)
{
  GVariant *value;

  g_return_val_if_fail (COLLAB_IS_RULESET (self), fallback);
  g_return_val_if_fail (rule != NULL, fallback);
  g_return_val_if_fail (parameter != NULL, fallback);

  value = lookup_parameter (self, rule, parameter);
  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return fallback;
  return g_variant_get_int64 (value);
}

/**
 * collab_ruleset_set_int:
 * @self: a rule set
 * @rule: a rule id of [func@Collab.Ruleset.list_known_rules]
 * @parameter: an integer parameter of the rule, such as `days`
 * @value: the value, not negative
 *
 * Sets an integer parameter of a rule; see
 * [method@Collab.Ruleset.set_parameter].
 */
void
collab_ruleset_set_int (CollabRuleset *self,
                        const char    *rule,
                        const char    *parameter,
                        gint64         value)
{
  g_autoptr(GVariant) variant = NULL;

  g_return_if_fail (COLLAB_IS_RULESET (self));

  variant = g_variant_ref_sink (g_variant_new_int64 (value));
  collab_ruleset_set_parameter (self, rule, parameter, variant);
}

/**
 * collab_ruleset_get_parameter:
 * @self: a rule set
 * @rule: a rule id, such as `666.tenure`
 * @parameter: a parameter of the rule, such as `tiers`
 *
 * Gets a parameter of a rule: the set's value, else the rule's default.
 * Its type says what it is:
 *
 * - a count (`total`, `days`, `teacher` …) is an int64, `x`;
 * - a list (`uses` of `fund.prohibited_use`) an array of strings, `as`;
 * - the tiers of `666.tenure` an array of dictionaries
 *   `[{"months": 12, "count": 3}, …]`, `aa{sx}`;
 * - counts by name (`min` of `event.annual`, the events of each kind a
 *   year asks for) a dictionary `{"joint_meeting": 1, "visit": 1}`,
 *   `a{sx}`, sorted by name.
 *
 * ```python
 * ruleset.get_parameter('666.tenure', 'tiers').unpack()
 * # [{'months': 12, 'count': 3}, {'months': 6, 'count': 6}, {'months': 1, 'count': 9}]
 * ```
 *
 * Returns: (transfer full) (nullable): the value, or `NULL` when @rule
 *   has no parameter @parameter
 */
GVariant *
collab_ruleset_get_parameter (CollabRuleset *self,
                              const char    *rule,
                              const char    *parameter)
{
  GVariant *value;

  g_return_val_if_fail (COLLAB_IS_RULESET (self), NULL);
  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (parameter != NULL, NULL);

  value = lookup_parameter (self, rule, parameter);
  return value != NULL ? g_variant_ref (value) : NULL;
}

/* What a message calls a value that does not fit. */
static const char *
describe_variant (GVariant *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return "a string";
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_variant_get_int64 (value) < 0 ? "a negative integer"
           : g_variant_get_int64 (value) > COLLAB_RULE_COUNT_MAX ? "an integer above 100000000" : "an integer";
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return "a boolean";
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return "a number with a fraction";
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_ARRAY))
    return "an array of another kind";
  return g_variant_get_type_string (value);
}

/* What a message calls the values of a type of parameter. */
static const char *
describe_param_type (CollabRuleParamType type)
{
  switch (type)
    {
    case COLLAB_RULE_PARAM_COUNT:
      return "an integer from 0 to 100000000";
    case COLLAB_RULE_PARAM_STRINGS:
      return "an array of strings";
    case COLLAB_RULE_PARAM_TIERS:
      return "an array of {\"months\": n, \"count\": n}";
    case COLLAB_RULE_PARAM_COUNTS:
      return "a dictionary of non-negative counts by name";
    default:
      g_assert_not_reached ();
    }
}

/* Whether @value is a count a rule set may give. */
static gboolean
is_count (gint64 value)
{
  return value >= 0 && value <= COLLAB_RULE_COUNT_MAX;
}

/* Whether @value suits @param beyond its type: counts are from 0 to
 * COLLAB_RULE_COUNT_MAX, and tiers have exactly such a "months" and
 * "count". */
static gboolean
check_variant (const CollabRuleParam *param,
               GVariant              *value)
{
  GVariantIter iter;
  GVariant *tier;

  switch (param->type)
    {
    case COLLAB_RULE_PARAM_COUNT:
      return is_count (g_variant_get_int64 (value));

    case COLLAB_RULE_PARAM_STRINGS:
    case COLLAB_RULE_PARAM_COUNTS:   /* collab_rule_counts_normalize() checks them */
      return TRUE;

    case COLLAB_RULE_PARAM_TIERS:
      g_variant_iter_init (&iter, value);
      while ((tier = g_variant_iter_next_value (&iter)) != NULL)
        {
          gint64 months, count;
          gboolean ok = g_variant_n_children (tier) == 2 &&
                        g_variant_lookup (tier, "months", "x", &months) &&
                        g_variant_lookup (tier, "count", "x", &count) && is_count (months) && is_count (count);

          g_variant_unref (tier);
          if (!ok)
            return FALSE;
        }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/**
 * collab_ruleset_set_parameter:
 * @self: a rule set
 * @rule: a rule id of [func@Collab.Ruleset.list_known_rules]
 * @parameter: a parameter of the rule, such as `uses` of `fund.prohibited_use`
 * @value: (nullable): the value, or `NULL` to go back to the rule's
 *   default; consumed when it is floating
 *
 * Sets a parameter of a rule. The value must have the parameter's type
 * (see [method@Collab.Ruleset.get_parameter]): a non-negative int64, an
 * array of strings, for `666.tenure`'s `tiers` an array of
 * `{"months": n, "count": n}`, or for counts by name (`event.annual`'s
 * `min`) a dictionary of non-negative int64 whose names are those the
 * rule counts (event kinds), each once; it is kept sorted by name. This
 * does not enable the rule.
 */
void
collab_ruleset_set_parameter (CollabRuleset *self,
                              const char    *rule,
                              const char    *parameter,
                              GVariant      *value)
{
  g_autoptr(GVariant) owned = NULL;
  const CollabRule *known;
  const CollabRuleParam *param;
  guint index;

  g_return_if_fail (COLLAB_IS_RULESET (self));
  g_return_if_fail (rule != NULL);
  g_return_if_fail (parameter != NULL);

  /* A floating @value is consumed, as GSettings does. */
  if (value != NULL)
    owned = g_variant_ref_sink (value);

  if ((known = known_rule (rule)) == NULL)
    return;

  param = collab_rule_find_param (known, parameter, &index);
  if (param == NULL)
    {
      g_critical ("rule %s has no parameter \"%s\"", rule, parameter);
      return;
    }

  if (value == NULL)
    {
      CollabRuleEntry *entry = g_hash_table_lookup (self->rules, rule);

      if (entry != NULL)
        collab_rule_entry_set_param (entry, index, g_variant_ref (collab_rule_get_default (known, index)));
      return;
    }

  if (!g_variant_is_of_type (value, collab_rule_param_variant_type (param->type)) || !check_variant (param, value))
    {
      g_critical ("rule %s, parameter %s: expected %s, found %s (type %s, not %s)", rule, parameter,
                  describe_param_type (param->type), describe_variant (value), g_variant_get_type_string (value),
                  (const char *) collab_rule_param_variant_type (param->type));
      return;
    }
  if (param->type == COLLAB_RULE_PARAM_COUNTS)
    {
      g_autofree char *problem = NULL;
      GVariant *sorted = collab_rule_counts_normalize (param, value, &problem);

      if (sorted == NULL)
        {
          g_critical ("rule %s, parameter %s: %s", rule, parameter, problem);
          return;
        }
      g_clear_pointer (&owned, g_variant_unref);
      value = owned = g_variant_ref_sink (sorted);
    }

  collab_rule_entry_set_param (collab_ruleset_ensure_entry (self, known, FALSE), index, g_variant_ref (value));
}

/**
 * collab_ruleset_get_interpretation:
 * @self: a rule set
 *
 * Gets the reading of the 666 tenure tiers the set uses (SPEC §5).
 *
 * Returns: the interpretation
 */
CollabInterpretation
collab_ruleset_get_interpretation (CollabRuleset *self)
{
  g_return_val_if_fail (COLLAB_IS_RULESET (self), COLLAB_INTERPRETATION_NESTED);

  return self->interpretation;
}

/**
 * collab_ruleset_set_interpretation:
 * @self: a rule set
 * @interpretation: a reading of the 666 tenure tiers
 *
 * Sets the reading of the 666 tenure tiers.
 */
void
collab_ruleset_set_interpretation (CollabRuleset        *self,
                                   CollabInterpretation  interpretation)
{
  g_return_if_fail (COLLAB_IS_RULESET (self));
  g_return_if_fail (collab_interpretation_to_nick (interpretation) != NULL);

  if (self->interpretation == interpretation)
    return;
  self->interpretation = interpretation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERPRETATION]);
}

static void
append_member (GString    *out,
               const char *name,
               const char *value)
{
  g_string_append (out, "  ");
  collab_json_append_string (out, name);
  g_string_append (out, ": ");
  collab_json_append_string (out, value);
  g_string_append (out, ",\n");
}

/**
 * collab_ruleset_to_data:
 * @self: a rule set
 * @length: (out) (optional): return location for the length in bytes
 *
 * Writes the rule set as a document, one rule per line, rules by id:
 * every rule the library knows, with `enabled`, `severity` and every
 * parameter as the set has them, so that the document stands on its own
 * and loading it gives the same set. A derived set keeps its `base` for
 * the record.
 *
 * Returns: (transfer full): the document, UTF-8, ending with a newline
 */
char *
collab_ruleset_to_data (CollabRuleset *self,
                        gsize         *length)
{
  const CollabRule * const *rules;
  GString *out;
  guint n;

  g_return_val_if_fail (COLLAB_IS_RULESET (self), NULL);

  out = g_string_new ("{\n");
  append_member (out, "format", COLLAB_RULESET_FORMAT);
  g_string_append_printf (out, "  \"version\": %d,\n", COLLAB_RULESET_VERSION);
  append_member (out, "id", self->id != NULL ? self->id : "");
  if (self->name != NULL)
    append_member (out, "name", self->name);
  if (self->description != NULL)
    append_member (out, "description", self->description);
  if (self->base != NULL)
    append_member (out, "base", self->base);
  append_member (out, "interpretation", collab_interpretation_to_nick (self->interpretation));

  g_string_append (out, "  \"rules\": {");
  rules = collab_rule_registry_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      const CollabRule *rule = rules[i];
      CollabRuleEntry *entry = g_hash_table_lookup (self->rules, rule->id);

      g_string_append (out, i > 0 ? ",\n    " : "\n    ");
      collab_json_append_string (out, rule->id);
      g_string_append_printf (out, ": {\"enabled\": %s, \"severity\": ",
                              entry != NULL && entry->enabled ? "true" : "false");
      collab_json_append_string (out, collab_severity_to_nick (entry != NULL ? entry->severity : rule->severity));
      for (guint p = 0; p < collab_rule_count_params (rule); p++)
        {
          g_autoptr(JsonNode) node = json_gvariant_serialize (entry != NULL ? entry->params[p]
                                                                          : collab_rule_get_default (rule, p));

          g_string_append (out, ", ");
          collab_json_append_string (out, rule->params[p].name);
          g_string_append (out, ": ");
          collab_json_append_node (out, node);
        }
      g_string_append (out, "}");
    }
  g_string_append (out, n > 0 ? "\n  }\n}\n" : "}\n}\n");

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
