/* collab-table-labels.c: what a person calls a column and its words
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A report's columns have machine names (`allocated_to_date`, `served_6`)
 * that JSON keeps and programs key on; a spreadsheet for an officer needs
 * a header in her language instead ("Allocated to date (yuan)", 累计下达
 * …). The labels live here, one table for every report, looked up by
 * name where a table is written, not where it is built: the reports
 * stay as they are, a column without a label shows its name, and the
 * label is translated in the language of the moment, as N_() strings
 * are. Names made of a prefix and a word (`spent_labour`,
 * `professionals_served_12`) get a sentence with the word translated.
 *
 * Record tables are not labelled here: their headers must be read back by
 * the import, which knows its own Chinese (io/collab-csv-vocabulary.c).
 */

#include <string.h>

#include <libcollab/collab-enum-types.h>

#include "types/collab-i18n-private.h"
#include "collab-table-columns-private.h"

static const struct
{
  const char *name;
  const char *label;
} labels[] = {
  /* Findings: the columns and the keys of a subject (SPEC §10). */
  { "severity", N_("Severity") },
  { "rule", N_("Rule") },
  { "message", N_("Message") },
  { "expected", N_("Expected") },
  { "actual", N_("Actual") },
  { "remedy", N_("Remedy") },
  { "program", N_("Program") },
  { "county", N_("County") },
  { "city", N_("City") },
  { "year", N_("Year") },
  { "measure", N_("Measure") },
  /* Translators: the first and the last year of a scorecard's period. */
  { "first_year", N_("First year") },
  { "last_year", N_("Last year") },
  { "assisting", N_("Assisting side") },
  { "assisted", N_("Assisted side") },
  { "pairing", N_("Pairing") },
  { "account", N_("Account") },
  { "date", N_("Date") },
  { "transaction", N_("Transaction") },
  { "project", N_("Project") },
  { "dispatch", N_("Dispatch") },
  { "post", N_("Post") },
  { "region", N_("Region") },
  /* Translators: the start of a range (of dates, or of a money flow). */
  { "from", N_("From") },
  /* Translators: the end of a range (of dates, or of a money flow). */
  { "to", N_("To") },
  { "amount", N_("Amount (yuan)") },
  /* The scorecard. */
  { "fund_base", N_("Fund base (yuan)") },
  { "fund_plan_total", N_("Planned in total (yuan)") },
  { "allocated", N_("Allocated (yuan)") },
  { "allocated_to_date", N_("Allocated to date (yuan)") },
  { "transferred", N_("Transferred (yuan)") },
  { "transferred_to_date", N_("Transferred to date (yuan)") },
  { "spent", N_("Spent (yuan)") },
  { "spent_to_date", N_("Spent to date (yuan)") },
  { "projects_funded", N_("Projects funded") },
  { "projects_funded_to_date", N_("Projects funded to date") },
  { "counties_to_cover", N_("Counties to cover") },
  { "counties_covered", N_("Counties covered") },
  /* Translators: the professionals the 666 rule counts (each person once
   * per county pairing); "Professionals sent" counts every one sent. */
  { "professionals", N_("Professionals counted for the 666 rule") },
  { "pairing_years", N_("Pairing-years") },
  { "total_passing", N_("Pairing-years meeting the total") },
  { "total_failing", N_("Pairing-years short of the total") },
  { "tenure_passing", N_("Pairing-years meeting the tenure tiers") },
  { "tenure_failing", N_("Pairing-years short of the tenure tiers") },
  { "cadres_working_group", N_("Cadres in the working group") },
  { "cadres_liaison", N_("Liaison cadres") },
  { "demonstration_villages", N_("Demonstration villages") },
  { "training_person_times", N_("Cadres and talent trained (person-times)") },
  /* People sent (选派) and received (接收) (SPEC §11.5). */
  { "cadres_sent", N_("Cadres sent") },
  { "cadres_received", N_("Cadres received") },
  { "professionals_sent", N_("Professionals sent") },
  { "professionals_received", N_("Professionals received") },
  /* Labour cooperation (SPEC §11.5). */
  { "jobs_offered", N_("Jobs offered") },
  { "workers_transferred", N_("Workers placed away from home") },
  { "workers_transferred_poverty_lifted", N_("Poverty-lifted workers placed away from home") },
  { "workshop_workers", N_("Local jobs in workshops") },
  { "workshops", N_("Workshops with local jobs") },
  { "job_fairs", N_("Job fairs") },
  { "labour_training_classes", N_("Labour training classes") },
  { "labour_training_person_times", N_("Labour training (person-times)") },
  /* Consumption, industry and social cooperation (SPEC §11.5). */
  { "consumption", N_("Consumption (yuan)") },
  /* Translators: poverty-lifted people whose income purchases of their
   * products raised (带动脱贫人口). */
  { "consumption_beneficiaries", N_("Poverty-lifted people helped by consumption") },
  { "consumption_canteen", N_("Consumption: canteens (yuan)") },
  { "consumption_supermarket", N_("Consumption: supermarkets and markets (yuan)") },
  { "consumption_counter", N_("Consumption: specialty counters (yuan)") },
  { "consumption_ecommerce", N_("Consumption: e-commerce (yuan)") },
  { "consumption_fair", N_("Consumption: sales fairs (yuan)") },
  { "consumption_union", N_("Consumption: trade unions (yuan)") },
  { "consumption_other", N_("Consumption: other channels (yuan)") },
  { "shops", N_("Direct-sale shops") },
  { "enterprises_settled", N_("Enterprises settled") },
  { "investment", N_("Investment (yuan)") },
  { "donations_cash", N_("Donations in cash (yuan)") },
  { "donations_in_kind", N_("Donations in kind (yuan)") },
  /* Events, plan tasks and key initiatives (SPEC §11.5). */
  { "events_joint_meeting", N_("Events: joint meetings") },
  { "events_visit", N_("Events: visits of party and government leaders") },
  { "events_park_meeting", N_("Events: meetings on industrial parks") },
  { "events_job_fair", N_("Events: job fairs") },
  { "events_training_class", N_("Events: training classes") },
  { "events_expo", N_("Events: sales fairs and promotions") },
  { "events_other", N_("Events: other") },
  { "tasks", N_("Plan tasks") },
  { "tasks_not_started", N_("Tasks not started") },
  { "tasks_in_progress", N_("Tasks in progress") },
  { "tasks_done", N_("Tasks done") },
  /* Translators: plan tasks with no yearly summary (总结评估) yet. */
  { "tasks_unreported", N_("Tasks not yet reported on") },
  { "initiatives", N_("Key initiatives") },
  /* Translators: key initiatives (年度推进重点专项) that have no
   * implementation plan (实施方案). */
  { "initiatives_without_plan", N_("Key initiatives without an implementation plan") },
  /* The annual agreements (SPEC §11.2), agreed and as the rules count. */
  { "agreed_funds", N_("Agreed funds (yuan)") },
  { "agreed_professionals", N_("Agreed professionals") },
  { "agreed_cadres", N_("Agreed cadres") },
  { "agreement_allocated", N_("Allocated in agreement years (yuan)") },
  { "agreement_professionals", N_("Professionals sent in agreement years") },
  { "agreement_cadres", N_("Cadres in post in agreement years") },
  { "violations", N_("Violations") },
  { "warnings", N_("Warnings") },
  { "infos", N_("Notes") },
  /* The 666 plan. */
  { "interpretation", N_("Reading of the tiers") },
  { "counted", N_("Professionals counted") },
  { "projected", N_("Of which projected") },
  { "teachers", N_("Teachers") },
  { "doctors", N_("Doctors") },
  { "agriculture_or_other", N_("Agriculture or other") },
  { "short_other", N_("Stays under a month, not counted") },
  { "total_ok", N_("Total met") },
  { "tenure_ok", N_("Tenure tiers met") },
  { "mix_ok", N_("Mix met") },
  { "mix_adjusted", N_("Mix adjusted") },
  { "add_total", N_("Dispatches to add") },
  { "plan", N_("Plan") },
  /* The money by boundary. */
  { "category", N_("Category") },
  { "status", N_("Status") },
  { "incoming", N_("Incoming (yuan)") },
  { "internal", N_("Internal (yuan)") },
  { "outgoing", N_("Outgoing (yuan)") },
  /* The matching of workers to job offers. */
  { "worker", N_("Worker") },
  { "offer", N_("Job offer") },
  { "employer", N_("Employer") },
  { "job_type", N_("Job type") },
  /* Translators: the place of a job type in a worker's wishes, 1 for
   * the first choice. */
  { "rank", N_("Choice") },
  /* Translators: whether a worker is poverty-lifted or at risk of
   * falling back, whom the matching places first. */
  { "priority", N_("Priority") },
};

/* The words of the closed vocabularies that reports show, as people say
 * them. The type getter is NULL for the talent groups, which are no enum. */
static const struct
{
  GType      (*type) (void);
  const char  *nick;
  const char  *context;
  const char  *word;
} words[] = {
  { collab_severity_get_type, "info", "severity", NC_("severity", "info") },
  { collab_severity_get_type, "warning", "severity", NC_("severity", "warning") },
  { collab_severity_get_type, "violation", "severity", NC_("severity", "violation") },
  { collab_interpretation_get_type, "nested", "666 tiers", NC_("666 tiers", "nested") },
  { collab_interpretation_get_type, "cumulative", "666 tiers", NC_("666 tiers", "cumulative") },
  { collab_interpretation_get_type, "banded", "666 tiers", NC_("666 tiers", "banded") },
  { collab_profession_get_type, "teacher", "profession", NC_("profession", "teacher") },
  { collab_profession_get_type, "doctor", "profession", NC_("profession", "doctor") },
  { collab_profession_get_type, "agriculture", "profession", NC_("profession", "agriculture") },
  { collab_profession_get_type, "other", "profession", NC_("profession", "other") },
  { NULL, "teacher", "profession", NC_("profession", "teacher") },
  { NULL, "doctor", "profession", NC_("profession", "doctor") },
  { NULL, "agriculture_or_other", "profession", NC_("profession", "agriculture or other") },
  { collab_project_category_get_type, "industry", "project category", NC_("project category", "industry") },
  { collab_project_category_get_type, "labour", "project category", NC_("project category", "labour") },
  { collab_project_category_get_type, "consumption", "project category", NC_("project category", "consumption") },
  { collab_project_category_get_type, "talent", "project category", NC_("project category", "talent") },
  { collab_project_category_get_type, "rural_revitalization", "project category", NC_("project category", "rural revitalization") },
  { collab_project_status_get_type, "reserve", "project status", NC_("project status", "in reserve") },
  { collab_project_status_get_type, "planned", "project status", NC_("project status", "planned") },
  { collab_project_status_get_type, "filed", "project status", NC_("project status", "filed") },
  { collab_project_status_get_type, "implementing", "project status", NC_("project status", "implementing") },
  { collab_project_status_get_type, "completed", "project status", NC_("project status", "completed") },
  { collab_project_status_get_type, "evaluated", "project status", NC_("project status", "evaluated") },
  { collab_project_status_get_type, "cancelled", "project status", NC_("project status", "cancelled") },
  { collab_pairing_level_get_type, "city", "pairing level", NC_("pairing level", "city") },
  { collab_pairing_level_get_type, "county", "pairing level", NC_("pairing level", "county") },
  { collab_pairing_level_get_type, "township", "pairing level", NC_("pairing level", "township") },
  { collab_pairing_level_get_type, "village", "pairing level", NC_("pairing level", "village") },
  { collab_pairing_level_get_type, "enterprise_village", "pairing level", NC_("pairing level", "enterprise and village") },
  { collab_pairing_level_get_type, "social_org_village", "pairing level", NC_("pairing level", "social organization and village") },
  { collab_pairing_level_get_type, "school", "pairing level", NC_("pairing level", "school") },
  { collab_pairing_level_get_type, "hospital", "pairing level", NC_("pairing level", "hospital") },
  { collab_pairing_level_get_type, "park", "pairing level", NC_("pairing level", "industrial park") },
  { collab_job_type_get_type, "domestic_service", "job type", NC_("job type", "domestic service") },
  { collab_job_type_get_type, "logistics", "job type", NC_("job type", "logistics and delivery") },
  { collab_job_type_get_type, "elderly_care", "job type", NC_("job type", "elderly care") },
  { collab_job_type_get_type, "catering", "job type", NC_("job type", "catering") },
  { collab_job_type_get_type, "construction", "job type", NC_("job type", "construction") },
  { collab_job_type_get_type, "machine_repair", "job type", NC_("job type", "machine repair") },
  { collab_job_type_get_type, "manufacturing", "job type", NC_("job type", "manufacturing") },
  { collab_job_type_get_type, "other", "job type", NC_("job type", "other") },
};

const char *
collab_table_value_label (GType       type,
                          const char *nick)
{
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if ((words[i].type != NULL ? words[i].type () : G_TYPE_NONE) == type &&
        strcmp (words[i].nick, nick) == 0)
      {
        g_autofree char *key = g_strconcat (words[i].context, "\004", words[i].word, NULL);
        const char *translation = collab_i18n_pgettext (key, strlen (words[i].context) + 1);

        /* Untranslated, pgettext gives back the end of @key. */
        return translation >= key && translation < key + strlen (key) ? words[i].word : translation;
      }
  return nick;
}

/* A number of months at the end of @name after @prefix, as in served_12. */
static gboolean
months_after (const char *name,
              const char *prefix,
              guint64    *months)
{
  return g_str_has_prefix (name, prefix) &&
         g_ascii_string_to_unsigned (name + strlen (prefix), 10, 1, 1200, months, NULL);
}

/* The label of a column that counts by tenure: served_N (the plan),
 * professionals_served_N (the scorecard), add_GROUP_N (the plan's
 * dispatches to add); NULL for any other name. */
static char *
months_label (const char *name)
{
  const char *last = strrchr (name, '_');
  guint64 n;

  if (months_after (name, "professionals_served_", &n))
    return g_strdup_printf (ngettext_ ("Professionals who served %u month or more",
                                       "Professionals who served %u months or more", (gulong) n), (guint) n);
  if (months_after (name, "served_", &n))
    return g_strdup_printf (ngettext_ ("Served %u month or more", "Served %u months or more", (gulong) n),
                            (guint) n);
  if (g_str_has_prefix (name, "add_") && last > name + strlen ("add_") && months_after (last, "_", &n))
    {
      g_autofree char *group = g_strndup (name + strlen ("add_"), last - name - strlen ("add_"));

      /* Translators: "To add: teacher, 6 months or more"; %s is a
       * profession, %u a number of months. */
      return g_strdup_printf (ngettext_ ("To add: %s, %u month or more", "To add: %s, %u months or more",
                                         (gulong) n),
                              collab_table_value_label (G_TYPE_NONE, group), (guint) n);
    }
  return NULL;
}

/* A name made of a prefix, a vocabulary's word and maybe a suffix
 * (spent_labour, pairings_school_assisted): the sentence for the prefix
 * and the suffix, with the word translated; NULL for any other name. */
static char *
compound_label (const char *name)
{
  static const struct
  {
    const char *prefix;
    const char *suffix;         /* NULL: none */
    GType     (*type) (void);   /* NULL: the word is an id */
    const char *format;
  } compounds[] = {
    /* Translators: %s is a pairing level (county, school, …); the
     * column counts the distinct units on the assisting side of those
     * pairings. */
    { "pairings_", "_assisting", collab_pairing_level_get_type, N_("Pairings: %s, assisting units") },
    /* Translators: %s is a pairing level (county, school, …); the
     * column counts the distinct units on the assisted side of those
     * pairings. */
    { "pairings_", "_assisted", collab_pairing_level_get_type, N_("Pairings: %s, assisted units") },
    /* Translators: %s is a pairing level (county, school, …). */
    { "pairings_", NULL, collab_pairing_level_get_type, N_("Pairings: %s") },
    /* Translators: %s is a project category (industry, labour, …). */
    { "spent_", NULL, collab_project_category_get_type, N_("Spent on %s (yuan)") },
    /* Translators: %s is a project status (planned, completed, …). */
    { "projects_", NULL, collab_project_status_get_type, N_("Projects: %s") },
    /* Translators: %s is a profession (teacher, doctor, …). */
    { "professionals_", NULL, collab_profession_get_type, N_("Professionals: %s") },
    /* Translators: %s is the id of a rule, such as 666.total. */
    { "findings.", NULL, NULL, N_("Findings of %s") },
  };
  char *label = months_label (name);

  for (guint i = 0; label == NULL && i < G_N_ELEMENTS (compounds); i++)
    if (g_str_has_prefix (name, compounds[i].prefix) &&
        (compounds[i].suffix == NULL || g_str_has_suffix (name + strlen (compounds[i].prefix), compounds[i].suffix)))
      {
        const char *start = name + strlen (compounds[i].prefix);
        /* The word between the prefix and the suffix. */
        g_autofree char *rest = g_strndup (start, strlen (start) - (compounds[i].suffix != NULL
                                                                     ? strlen (compounds[i].suffix) : 0));
        const char *word = compounds[i].type != NULL ? collab_table_value_label (compounds[i].type (), rest)
                                                     : rest;
        /* Each sentence has one %s: the word goes there, without a
         * format that is not a literal. */
        g_auto(GStrv) parts = g_strsplit (_(compounds[i].format), "%s", 2);

        label = g_strjoinv (word, parts);
      }

  return label;
}

/**
 * collab_table_get_column_label:
 * @self: a table
 * @column: a column index, less than [method@Collab.Table.get_n_columns]
 *
 * Gets what a person calls a column, in the language of the messages:
 * "Allocated to date (yuan)" for `allocated_to_date`. Spreadsheets
 * written with %COLLAB_EXPORT_LABELS head their columns with it; JSON
 * and programs keep the name. A column the library has no label for is
 * called by its name.
 *
 * Returns: (transfer full): the label
 */
char *
collab_table_get_column_label (CollabTable *self,
                               guint        column)
{
  g_return_val_if_fail (COLLAB_IS_TABLE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return collab_table_label_for_name (collab_table_column_at (self, column)->name);
}

char *
collab_table_label_for_name (const char *name)
{
  char *compound;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (labels[i].name, name) == 0)
      return g_strdup (_(labels[i].label));

  compound = compound_label (name);
  return compound != NULL ? compound : g_strdup (name);
}
