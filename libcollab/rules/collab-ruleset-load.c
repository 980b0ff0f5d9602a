/* collab-ruleset-load.c: reading a rule set document
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A rule set document is small, so it is read whole into a JsonNode tree
 * by the library's strict parser (json-glib 1.6's own parser crashes on
 * deep nesting and keeps the last of two equal member names) and then
 * walked here. Every problem becomes a COLLAB_RULESET_ERROR whose message
 * is `FILE: $.json.path: what was expected, what was found` (SPEC §10);
 * nothing is guessed or defaulted silently, because a misspelt threshold
 * that quietly falls back to the shipped value would make a check lie.
 */

#include <string.h>

#include <libcollab/collab-error.h>

#include "io/collab-json-private.h"
#include "rules/collab-rules-resources.h"
#include "collab-ruleset-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

/* How long a chain of "base" may be. The shipped sets have no base, so
 * anything longer than 1 is a loop in a future shipped set. */
#define MAX_BASE_DEPTH 4

typedef struct
{
  CollabRuleset *self;
  const char    *filename;
  GString       *path;      /* the JSON path of what is being read */
  GError       **error;
} Reader;

/* What a message calls a value that does not fit, in "found %s": the
 * kind of value, translated, or the JSON literal null. */
static const char *
describe (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      /* Translators: the kinds of JSON values, as in "expected a string,
       * found an object". */
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          return _("a string");
        if (type == G_TYPE_INT64 && json_node_get_int (node) > COLLAB_RULE_COUNT_MAX)
          /* Translators: COLLAB_RULE_COUNT_MAX, the largest count a rule set may give. */
          return _("an integer above 100000000, more than a rule set may ask for");
        if (type == G_TYPE_INT64)
          return json_node_get_int (node) < 0 ? _("a negative integer") : _("an integer");
        if (type == G_TYPE_BOOLEAN)
          return _("a boolean");
        return _("a number with a fraction");
      }
    }
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (Reader     *reader,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (reader->error, COLLAB_RULESET_ERROR, code, "%s: %s: %s",
               reader->filename, reader->path->str, message);
  return FALSE;
}

static void
path_push_member (GString    *path,
                  const char *name)
{
  gboolean plain = g_ascii_isalpha (name[0]) || name[0] == '_';

  for (const char *p = name; plain && *p != '\0'; p++)
    plain = g_ascii_isalnum (*p) || *p == '_';

  /* The name comes from the document: cut like a value. */
  if (plain)
    {
      g_string_append_c (path, '.');
      collab_error_append_cut (path, name, -1);
    }
  else
    {
      /* $.rules["666.total"]: a rule id holds a dot. */
      g_autoptr(GString) quoted = g_string_new (NULL);
      g_autofree char *cut = collab_error_cut (name);

      collab_json_append_string (quoted, cut);
      g_string_append_printf (path, "[%s]", quoted->str);
    }
}

static gboolean
is_count (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
         json_node_get_int (node) >= 0 && json_node_get_int (node) <= COLLAB_RULE_COUNT_MAX;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
check_tier (JsonNode  *node,
            GString   *path,
            char     **problem)
{
  static const char * const members[] = { "months", "count" };
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: %s is the kind of value found, such as "an array". The
       * JSON between braces stays as it is. */
      *problem = g_strdup_printf (_("expected an object {\"months\": n, \"count\": n}, found %s"), describe (node));
      return FALSE;
    }

  object = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *member = json_object_get_member (object, members[i]);

      if (member == NULL)
        {
          /* Translators: %s is "months" or "count", in English. */
          *problem = g_strdup_printf (_("the tier has no \"%s\""), members[i]);
          return FALSE;
        }
      if (!is_count (member))
        {
          path_push_member (path, members[i]);
          *problem = g_strdup_printf (_("expected a non-negative integer, found %s"), describe (member));
          return FALSE;
        }
    }
  if (json_object_get_size (object) != G_N_ELEMENTS (members))
    {
      *problem = g_strdup (_("a tier has exactly the members \"months\" and \"count\""));
      return FALSE;
    }
  return TRUE;
}

/* {"joint_meeting": 1, "visit": 1}: a count by name, each checked where
 * it stands so that the path names it; sorted by name. */
static GVariant *
counts_from_json (const CollabRuleParam *param,
                  JsonNode              *value,
                  GString               *path,
                  char                 **problem)
{
  g_autoptr(GVariant) counts = NULL;
  GVariantBuilder builder;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (value))
    {
      /* Translators: %s is the kind of value found, such as "an array". */
      *problem = g_strdup_printf (_("expected an object of counts by name, found %s"), describe (value));
      return NULL;
    }

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sx}"));
  json_object_iter_init_ordered (&iter, json_node_get_object (value));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gsize len = path->len;

      path_push_member (path, name);
      if (!collab_rule_counts_check_name (param, name, problem))
        {
          g_variant_builder_clear (&builder);
          return NULL;
        }
      if (!is_count (member))
        {
          *problem = g_strdup_printf (_("expected a non-negative integer, found %s"), describe (member));
          g_variant_builder_clear (&builder);
          return NULL;
        }
      g_variant_builder_add (&builder, "{sx}", name, json_node_get_int (member));
      g_string_truncate (path, len);
    }
  counts = g_variant_ref_sink (g_variant_builder_end (&builder));
  return collab_rule_counts_normalize (param, counts, problem);
}

GVariant *
collab_ruleset_param_from_json (const CollabRuleParam *param,
                                JsonNode              *value,
                                GString               *path,
                                char                 **problem)
{
  GVariantBuilder builder;
  JsonArray *array;

  if (param->type == COLLAB_RULE_PARAM_COUNT)
    {
      if (is_count (value))
        return g_variant_new_int64 (json_node_get_int (value));
      *problem = g_strdup_printf (_("expected a non-negative integer, found %s"), describe (value));
      return NULL;
    }
  if (param->type == COLLAB_RULE_PARAM_COUNTS)
    return counts_from_json (param, value, path, problem);

  if (!JSON_NODE_HOLDS_ARRAY (value))
    {
      *problem = g_strdup_printf (_("expected an array, found %s"), describe (value));
      return NULL;
    }

  g_variant_builder_init (&builder, collab_rule_param_variant_type (param->type));
  array = json_node_get_array (value);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize len = path->len;

      g_string_append_printf (path, "[%u]", i);
      if (param->type == COLLAB_RULE_PARAM_TIERS)
        {
          JsonObject *tier;

          if (!check_tier (element, path, problem))
            {
              g_variant_builder_clear (&builder);
              return NULL;
            }
          /* Months first, whatever the document's order: one canonical form. */
          tier = json_node_get_object (element);
          g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sx}"));
          g_variant_builder_add (&builder, "{sx}", "months", json_object_get_int_member (tier, "months"));
          g_variant_builder_add (&builder, "{sx}", "count", json_object_get_int_member (tier, "count"));
          g_variant_builder_close (&builder);
        }
      else if (is_string (element))
        g_variant_builder_add (&builder, "s", json_node_get_string (element));
      else
        {
          *problem = g_strdup_printf (_("expected a string, found %s"), describe (element));
          g_variant_builder_clear (&builder);
          return NULL;
        }
      g_string_truncate (path, len);
    }
  return g_variant_builder_end (&builder);
}

static gboolean
read_rule (Reader     *reader,
           const char *id,
           JsonNode   *node)
{
  const CollabRule *rule = collab_rule_registry_lookup (id);
  CollabRuleEntry *entry;
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (rule == NULL)
    {
      g_autofree char *shown = collab_error_cut (id);

      return fail (reader, COLLAB_RULESET_ERROR_UNKNOWN_RULE,
                   /* Translators: %s is a rule id, such as "666.total". */
                   _("unknown rule \"%s\"; the rules are those of collab_ruleset_list_known_rules()"), shown);
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (reader, COLLAB_RULESET_ERROR_INVALID,
                 /* Translators: %s is the kind of value found, such as "an array";
                  * "enabled" and "severity" are member names and stay as they are. */
                 _("expected an object of \"enabled\", \"severity\" and parameters, found %s"), describe (node));

  /* Naming a rule enables it, unless the set derives from a base that
   * does not enable it: there, only "enabled": true does. */
  entry = collab_ruleset_ensure_entry (reader->self, rule, reader->self->base == NULL);
  object = json_node_get_object (node);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gsize len = reader->path->len;

      path_push_member (reader->path, name);
      if (strcmp (name, "enabled") == 0)
        {
          if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_BOOLEAN)
            return fail (reader, COLLAB_RULESET_ERROR_INVALID, _("expected true or false, found %s"), describe (member));
          entry->enabled = json_node_get_boolean (member);
        }
      else if (strcmp (name, "severity") == 0)
        {
          if (!is_string (member) || !collab_severity_from_nick (json_node_get_string (member), &entry->severity))
            return fail (reader, COLLAB_RULESET_ERROR_INVALID,
                         /* Translators: "violation", "warning" and "info" are the
                          * words of the document and stay as they are; %s is the
                          * value found. */
                         _("expected \"violation\", \"warning\" or \"info\", found %s"),
                         is_string (member) ? json_node_get_string (member) : describe (member));
        }
      else
        {
          g_autofree char *problem = NULL;
          const CollabRuleParam *param;
          GVariant *value;
          guint index;

          param = collab_rule_find_param (rule, name, &index);
          if (param == NULL)
            {
              g_autoptr(GString) expected = g_string_new (NULL);
              g_autofree char *shown = collab_error_cut (name);
              /* Translators: what separates the names of a list, such as
               * "\"months\", \"count\"". */
              const char *comma = _(", ");

              for (const CollabRuleParam *p = rule->params; p != NULL && p->name != NULL; p++)
                g_string_append_printf (expected, "%s\"%s\"", expected->len > 0 ? comma : "", p->name);
              if (expected->len == 0)
                return fail (reader, COLLAB_RULESET_ERROR_INVALID,
                             /* Translators: a rule id, such as "666.total", then the
                              * parameter the document names; "enabled" and "severity"
                              * stay as they are. */
                             _("rule %s has no parameter \"%s\" (it has none besides \"enabled\" and \"severity\")"),
                             id, shown);
              return fail (reader, COLLAB_RULESET_ERROR_INVALID,
                           /* Translators: a rule id, such as "666.total"; the
                            * parameter the document names; then the list of the
                            * parameters the rule has, quoted. */
                           _("rule %s has no parameter \"%s\" (it has %s)"), id, shown, expected->str);
            }
          value = collab_ruleset_param_from_json (param, member, reader->path, &problem);
          if (value == NULL)
            return fail (reader, COLLAB_RULESET_ERROR_INVALID, "%s", problem);
          collab_rule_entry_set_param (entry, index, value);
        }

      g_string_truncate (reader->path, len);
    }

  return TRUE;
}

static gboolean
read_string_member (Reader      *reader,
                    JsonObject  *root,
                    const char  *name,
                    gboolean     required,
                    const char **value)
{
  JsonNode *node = json_object_get_member (root, name);
  gsize len = reader->path->len;
  gboolean ok = TRUE;

  *value = NULL;
  path_push_member (reader->path, name);
  if (node == NULL)
    {
      if (required)
        {
          g_string_truncate (reader->path, len);
          ok = fail (reader, COLLAB_RULESET_ERROR_INVALID,
                    /* Translators: %s is the name of a member, in English. */
                    _("the member \"%s\" is missing"), name);
        }
    }
  else if (!is_string (node) || *json_node_get_string (node) == '\0')
    ok = is_string (node) ? fail (reader, COLLAB_RULESET_ERROR_INVALID, _("expected a non-empty string, found an empty string"))
                          : fail (reader, COLLAB_RULESET_ERROR_INVALID,
                                  /* Translators: %s is the kind of value found, such as "an array". */
                                  _("expected a non-empty string, found %s"), describe (node));
  else
    *value = json_node_get_string (node);

  g_string_truncate (reader->path, len);
  return ok;
}

static const char * const top_members[] = {
  "format", "version", "id", "name", "description", "base", "interpretation", "rules",
};

static gboolean
read_document (Reader   *reader,
               JsonNode *root_node,
               guint     depth)
{
  CollabRuleset *self = reader->self;
  const char *format, *id, *name, *description, *base, *interpretation;
  JsonObject *root;
  JsonNode *node;
  JsonObjectIter iter;
  const char *member;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (reader, COLLAB_RULESET_ERROR_INVALID, _("expected a rule set object, found %s"), describe (root_node));
  root = json_node_get_object (root_node);

  /* Unknown members are refused rather than kept: in a rule set they are
   * far more likely misspellings ("rule", "interpretaton") than news. */
  json_object_iter_init_ordered (&iter, root);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (top_members) && !known; i++)
        known = strcmp (member, top_members[i]) == 0;
      if (!known)
        {
          path_push_member (reader->path, member);
          return fail (reader, COLLAB_RULESET_ERROR_INVALID,
                       /* Translators: the words after "has" are member names and
                        * stay as they are. */
                       _("unknown member; a rule set has format, version, id, name, description, base, "
                         "interpretation and rules"));
        }
    }

  if (!read_string_member (reader, root, "format", TRUE, &format))
    return FALSE;
  if (strcmp (format, COLLAB_RULESET_FORMAT) != 0)
    {
      g_autofree char *shown = collab_error_cut (format);

      g_string_append (reader->path, ".format");
      return fail (reader, COLLAB_RULESET_ERROR_INVALID,
                   /* Translators: the word the member "format" must have, then
                    * the word it has. */
                   _("expected \"%s\", found \"%s\": this is not a rule set"), COLLAB_RULESET_FORMAT, shown);
    }

  node = json_object_get_member (root, "version");
  g_string_append (reader->path, ".version");
  if (node == NULL)
    return fail (reader, COLLAB_RULESET_ERROR_INVALID, _("the member \"version\" is missing"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (reader, COLLAB_RULESET_ERROR_INVALID, _("expected an integer, found %s"), describe (node));
  if (json_node_get_int (node) != COLLAB_RULESET_VERSION)
    return fail (reader, COLLAB_RULESET_ERROR_INVALID,
                 /* Translators: the version the document has, then the one
                  * this library reads. */
                 _("version %lld is not one this library reads (it reads %d)"),
                 (long long) json_node_get_int (node), COLLAB_RULESET_VERSION);
  g_string_truncate (reader->path, 1);

  if (!read_string_member (reader, root, "id", TRUE, &id) ||
      !read_string_member (reader, root, "name", FALSE, &name) ||
      !read_string_member (reader, root, "description", FALSE, &description) ||
      !read_string_member (reader, root, "base", FALSE, &base) ||
      !read_string_member (reader, root, "interpretation", FALSE, &interpretation))
    return FALSE;

  if (base != NULL)
    {
      g_autoptr(GError) base_error = NULL;

      if (!collab_ruleset_load_builtin (self, base, depth + 1, &base_error))
        {
          g_autofree char *shown = collab_error_cut (base);
          g_auto(GStrv) shipped = collab_ruleset_list_builtin ();
          /* Translators: what separates the ids of a list, such as
           * "east-west-2021, poverty-2016". */
          g_autofree char *list = g_strjoinv (_(", "), shipped);

          g_string_append (reader->path, ".base");
          if (g_error_matches (base_error, COLLAB_RULESET_ERROR, COLLAB_RULESET_ERROR_NOT_FOUND))
            return fail (reader, COLLAB_RULESET_ERROR_NOT_FOUND,
                         /* Translators: the id named, then the list of the ids of
                          * the rule sets shipped. */
                         _("no shipped rule set has the id \"%s\" (shipped: %s)"), shown, list);
          return fail (reader, base_error->code,
                       /* Translators: the id of a rule set, then the message of
                        * why it cannot be loaded. */
                       _("the base \"%s\" cannot be used: %s"), shown, base_error->message);
        }
      /* What the base called itself is not this set's name. */
      g_clear_pointer (&self->name, g_free);
      g_clear_pointer (&self->description, g_free);
      g_free (self->base);
      self->base = g_strdup (base);
    }

  g_free (self->id);
  self->id = g_strdup (id);
  if (name != NULL)
    {
      g_free (self->name);
      self->name = g_strdup (name);
    }
  if (description != NULL)
    {
      g_free (self->description);
      self->description = g_strdup (description);
    }

  if (interpretation != NULL &&
      !collab_interpretation_from_nick (interpretation, &self->interpretation))
    {
      g_autofree char *shown = collab_error_cut (interpretation);

      g_string_append (reader->path, ".interpretation");
      return fail (reader, COLLAB_RULESET_ERROR_INVALID,
                   /* Translators: "nested", "cumulative" and "banded" are the
                    * words of the document and stay as they are. */
                   _("expected \"nested\", \"cumulative\" or \"banded\", found \"%s\""), shown);
    }

  node = json_object_get_member (root, "rules");
  if (node != NULL)
    {
      g_string_append (reader->path, ".rules");
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (reader, COLLAB_RULESET_ERROR_INVALID, _("expected an object of rules by id, found %s"),
                     describe (node));

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &member, &node))
        {
          gsize len = reader->path->len;

          path_push_member (reader->path, member);
          if (!read_rule (reader, member, node))
            return FALSE;
          g_string_truncate (reader->path, len);
        }
    }

  return TRUE;
}

gboolean
collab_ruleset_load (CollabRuleset  *self,
                     const char     *data,
                     gsize           length,
                     const char     *filename,
                     guint           depth,
                     GError        **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) path = g_string_new ("$");
  Reader reader = { self, filename != NULL ? filename : "<data>", path, error };

  root = collab_json_parse_strict (data, length, reader.filename, &parse_error);
  if (root == NULL)
    {
      /* The message already reads FILE:LINE:COLUMN: problem. */
      g_set_error_literal (error, COLLAB_RULESET_ERROR, COLLAB_RULESET_ERROR_INVALID, parse_error->message);
      return FALSE;
    }

  return read_document (&reader, root, depth);
}

/* GLib 2.74 registers a static resource lazily, on first use, and a
 * thread that asks for it by collab_rules_get_resource() while another
 * registers it gets NULL (a crash when six threads check at once). So
 * lookups go through the registered resources, g_resources_*(), which
 * wait for a registration in progress under GLib's lock; and the resource
 * is asked for once here, which registers it and keeps the linker from
 * leaving it out of a program linked with the static library. */
void
collab_ruleset_register_builtin (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      (void) collab_rules_get_resource ();
      g_once_init_leave (&registered, 1);
    }
}

gboolean
collab_ruleset_load_builtin (CollabRuleset  *self,
                             const char     *id,
                             guint           depth,
                             GError        **error)
{
  g_autofree char *resource_path = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  if (depth > MAX_BASE_DEPTH)
    {
      shown = collab_error_cut (id);
      g_set_error (error, COLLAB_RULESET_ERROR, COLLAB_RULESET_ERROR_INVALID,
                   /* Translators: the id of a rule set, then a number of links. */
                   _("the chain of base rule sets through \"%s\" is longer than %d"), shown, MAX_BASE_DEPTH);
      return FALSE;
    }

  /* An id is a file name inside the resource, not a path. */
  if (*id == '\0' || strchr (id, '/') != NULL)
    bytes = NULL;
  else
    {
      resource_path = g_strdup_printf (COLLAB_RULESET_RESOURCE "/%s.json", id);
      collab_ruleset_register_builtin ();
      bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    }
  if (bytes == NULL)
    {
      shown = collab_error_cut (id);
      g_set_error (error, COLLAB_RULESET_ERROR, COLLAB_RULESET_ERROR_NOT_FOUND,
                   /* Translators: %s is the id of a rule set. */
                   _("no shipped rule set has the id \"%s\""), shown);
      return FALSE;
    }

  filename = g_strconcat ("resource://", resource_path, NULL);
  data = g_bytes_get_data (bytes, &size);
  return collab_ruleset_load (self, data, size, filename, depth, error);
}
