/* report, summary, inspection, feedback, dashboard and audit: supervision
 * (第十四、十六至二十条) */

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdio.h>

#include "cli/gk-cli.h"
#include "core/gk-audit-query.h"
#include "core/gk-core-error.h"
#include "core/gk-dashboard.h"
#include "core/gk-directory.h"
#include "core/gk-feedback.h"
#include "core/gk-inspections.h"
#include "core/gk-report.h"
#include "pdf/gk-report-print.h"

#define REPORT_USAGE "report DB --year YEAR [--org ORG] [--today YYYY-MM-DD] -o FILE.pdf [--csv FILE.csv]"
#define SUMMARY_USAGE "summary DB --org ORG --from YYYY-MM-DD --to YYYY-MM-DD [--today YYYY-MM-DD] -o FILE.pdf [--csv FILE.csv]"
#define INSPECTION_USAGE "inspection new|finding|rectify|list DB …"
#define INSPECTION_NEW_USAGE "inspection new DB --as PERSON --kind routine|special --by WHO --scope TEXT --date YYYY-MM-DD"
#define INSPECTION_FINDING_USAGE "inspection finding DB INSPECTION --as PERSON --org ORG --finding TEXT [--rectification TEXT --deadline YYYY-MM-DD] [--responsible PERSON]"
#define INSPECTION_RECTIFY_USAGE "inspection rectify DB FINDING --as PERSON --date YYYY-MM-DD --note TEXT"
#define INSPECTION_LIST_USAGE "inspection list DB [--org ORG] [--overdue] [--today YYYY-MM-DD]"
#define FEEDBACK_USAGE "feedback new|clarify|list DB …"
#define FEEDBACK_NEW_USAGE "feedback new DB --as PERSON [--notice ID] (--channel mailbox|meeting|phone|online | --severity low|medium|high) --content TEXT --date YYYY-MM-DD"
#define FEEDBACK_CLARIFY_USAGE "feedback clarify DB NOTICE --as PERSON (--body TEXT | --body-file FILE) --date YYYY-MM-DD [--feedback ID]"
#define FEEDBACK_LIST_USAGE "feedback list DB [--notice ID]"
#define DASHBOARD_USAGE "dashboard DB [--today YYYY-MM-DD]"
#define AUDIT_USAGE "audit DB [--person PERSON] [--org ORG] [--notice ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--offset N]"

static gboolean
usage (const char  *text,
       GError     **error)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("usage: gongkai-cli %s"), text);
  return FALSE;
}

static gboolean
parse_id (const char  *text,
          const char  *what,
          gint64      *id,
          GError     **error)
{
  guint64 value = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“%s” is not the id of %s"),
                   text != NULL ? text : "", what);
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

static gint64
find_person (GkDatabase  *db,
             const char  *name,
             GError     **error)
{
  if (name == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("--as PERSON is required"));
      return 0;
    }
  return gk_directory_find_person (db, name, error);
}

/* The PDF, and the CSV when asked for. */
static gboolean
write_report (GkReport    *report,
              const char  *pdf_path,
              const char  *csv_path,
              GError     **error)
{
  g_autoptr(GBytes) pdf = gk_report_print_pdf (report, error);
  gsize size = 0;
  const char *data;

  if (pdf == NULL)
    return FALSE;
  data = g_bytes_get_data (pdf, &size);
  if (!g_file_set_contents (pdf_path, data, (gssize) size, error))
    return FALSE;
  if (csv_path != NULL)
    {
      g_autofree char *csv = gk_report_to_csv (report);

      return gk_cli_write_output (csv_path, csv, error);
    }
  return TRUE;
}

gboolean
gk_cli_report (int      argc,
               char   **argv,
               GError **error)
{
  g_autofree char *org = NULL;
  g_autofree char *today = NULL;
  g_autofree char *output = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GkReport) report = NULL;
  gint64 org_id = 0;
  int year = 0;
  const GOptionEntry options[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year reported on"), N_("YEAR") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, N_("The organization, with those under it (default: the school committee)"), N_("ORG") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("The day statuses are judged on (default: today)"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Also write the tables as CSV"), N_("FILE") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, REPORT_USAGE, 1, error))
    return FALSE;
  if (year == 0 || output == NULL)
    return usage (REPORT_USAGE, error);

  db = gk_cli_open (argv[1], error);
  if (db == NULL || (org != NULL && (org_id = gk_directory_find_organization (db, org, error)) == 0))
    return FALSE;
  report = gk_report_annual (db, org_id, year, today, error);
  return report != NULL && write_report (report, output, csv, error);
}

gboolean
gk_cli_summary (int      argc,
                char   **argv,
                GError **error)
{
  g_autofree char *org = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *today = NULL;
  g_autofree char *output = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GkReport) report = NULL;
  gint64 org_id;
  const GOptionEntry options[] = {
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, N_("The organization, with those under it"), N_("ORG") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first day of the period"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day of the period"), N_("YYYY-MM-DD") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("The day statuses are judged on (default: today)"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Also write the tables as CSV"), N_("FILE") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, SUMMARY_USAGE, 1, error))
    return FALSE;
  if (org == NULL || from == NULL || to == NULL || output == NULL)
    return usage (SUMMARY_USAGE, error);

  db = gk_cli_open (argv[1], error);
  if (db == NULL || (org_id = gk_directory_find_organization (db, org, error)) == 0)
    return FALSE;
  report = gk_report_summary (db, org_id, from, to, today, error);
  return report != NULL && write_report (report, output, csv, error);
}

/* ---- inspection ---- */

static gboolean
inspection_new (int      argc,
                char   **argv,
                GError **error)
{
  g_autofree char *as = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *by = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GkDatabase) db = NULL;
  GkInspectionKind kind;
  gint64 actor, id;
  const GOptionEntry options[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("The person who records it (party office or an inspector)"), N_("PERSON") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("routine (经常性检查) or special (专项督查)"), N_("KIND") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who inspected"), N_("WHO") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &scope, N_("What was inspected"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day of the inspection"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, INSPECTION_NEW_USAGE, 1, error))
    return FALSE;
  if (kind_text == NULL || by == NULL || scope == NULL || date == NULL)
    return usage (INSPECTION_NEW_USAGE, error);
  if (!gk_inspection_kind_from_string (kind_text, &kind))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“%s” is not routine or special"), kind_text);
      return FALSE;
    }

  db = gk_cli_open (argv[1], error);
  if (db == NULL || (actor = find_person (db, as, error)) == 0 ||
      (id = gk_inspections_new (db, actor, kind, by, scope, date, error)) == 0)
    return FALSE;
  printf ("%" PRId64 "\n", id);
  return TRUE;
}

static gboolean
inspection_finding (int      argc,
                    char   **argv,
                    GError **error)
{
  g_autofree char *as = NULL;
  g_autofree char *org = NULL;
  g_autofree char *finding = NULL;
  g_autofree char *rectification = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *responsible = NULL;
  g_autoptr(GkDatabase) db = NULL;
  gint64 actor, inspection, org_id, responsible_id = 0, id;
  const GOptionEntry options[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("The person who records it (party office or an inspector)"), N_("PERSON") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, N_("The organization concerned"), N_("ORG") },
    { "finding", 0, 0, G_OPTION_ARG_STRING, &finding, N_("What was found"), N_("TEXT") },
    { "rectification", 0, 0, G_OPTION_ARG_STRING, &rectification, N_("The rectification required"), N_("TEXT") },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline, N_("The rectification’s deadline"), N_("YYYY-MM-DD") },
    { "responsible", 0, 0, G_OPTION_ARG_STRING, &responsible, N_("Who answers for it (default: the organization’s principal and secretary)"), N_("PERSON") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, INSPECTION_FINDING_USAGE, 2, error))
    return FALSE;
  if (org == NULL || finding == NULL)
    return usage (INSPECTION_FINDING_USAGE, error);
  if (!parse_id (argv[2], _("an inspection"), &inspection, error))
    return FALSE;

  db = gk_cli_open (argv[1], error);
  if (db == NULL || (actor = find_person (db, as, error)) == 0 ||
      (org_id = gk_directory_find_organization (db, org, error)) == 0 ||
      (responsible != NULL && (responsible_id = gk_directory_find_person (db, responsible, error)) == 0) ||
      (id = gk_inspections_add_finding (db, actor, inspection, org_id, finding, rectification, deadline,
                                        responsible_id, error)) == 0)
    return FALSE;
  printf ("%" PRId64 "\n", id);
  return TRUE;
}

static gboolean
inspection_rectify (int      argc,
                    char   **argv,
                    GError **error)
{
  g_autofree char *as = NULL;
  g_autofree char *date = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GkDatabase) db = NULL;
  gint64 actor, finding;
  const GOptionEntry options[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("The person who records it"), N_("PERSON") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the rectification was completed"), N_("YYYY-MM-DD") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What was done"), N_("TEXT") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, INSPECTION_RECTIFY_USAGE, 2, error))
    return FALSE;
  if (date == NULL || note == NULL)
    return usage (INSPECTION_RECTIFY_USAGE, error);
  if (!parse_id (argv[2], _("a finding"), &finding, error))
    return FALSE;

  db = gk_cli_open (argv[1], error);
  return db != NULL && (actor = find_person (db, as, error)) != 0 &&
         gk_inspections_complete (db, actor, finding, 0, date, note, error);
}

/* One finding a line: id, inspection, date, organization, status,
 * deadline, finding. */
static gboolean
inspection_list (int      argc,
                 char   **argv,
                 GError **error)
{
  g_autofree char *org = NULL;
  g_autofree char *today = NULL;
  gboolean overdue = FALSE;
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  GkFindingQuery query = { 0 };
  const GOptionEntry options[] = {
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, N_("Only findings about this organization and those under it"), N_("ORG") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only overdue rectifications"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("The day statuses are judged on (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, INSPECTION_LIST_USAGE, 1, error))
    return FALSE;

  db = gk_cli_open (argv[1], error);
  if (db == NULL || (org != NULL && (query.organization_id = gk_directory_find_organization (db, org, error)) == 0))
    return FALSE;
  query.today = today;
  query.overdue_only = overdue;
  findings = gk_inspections_list_findings (db, &query, error);
  if (findings == NULL)
    return FALSE;
  for (guint i = 0; i < findings->len; i++)
    {
      GkFinding *finding = g_ptr_array_index (findings, i);

      printf ("%" PRId64 "\t%" PRId64 "\t%s\t%s\t%s\t%s\t%s\n", finding->id, finding->inspection_id,
              finding->inspection_date, finding->organization, gk_rectification_status_to_string (finding->status),
              finding->deadline != NULL ? finding->deadline : "", finding->finding);
    }
  return TRUE;
}

gboolean
gk_cli_inspection (int      argc,
                   char   **argv,
                   GError **error)
{
  const char *verb = argc > 1 ? argv[1] : "";

  if (g_str_equal (verb, "new"))
    return gk_cli_take_verb (&argc, &argv, "new", INSPECTION_NEW_USAGE, error) && inspection_new (argc, argv, error);
  if (g_str_equal (verb, "finding"))
    return gk_cli_take_verb (&argc, &argv, "finding", INSPECTION_FINDING_USAGE, error) &&
           inspection_finding (argc, argv, error);
  if (g_str_equal (verb, "rectify"))
    return gk_cli_take_verb (&argc, &argv, "rectify", INSPECTION_RECTIFY_USAGE, error) &&
           inspection_rectify (argc, argv, error);
  if (g_str_equal (verb, "list"))
    return gk_cli_take_verb (&argc, &argv, "list", INSPECTION_LIST_USAGE, error) && inspection_list (argc, argv, error);
  return usage (INSPECTION_USAGE, error);
}

/* ---- feedback ---- */

static gboolean
feedback_new (int      argc,
              char   **argv,
              GError **error)
{
  g_autofree char *as = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *channel_text = NULL;
  g_autofree char *severity_text = NULL;
  g_autofree char *content = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GkDatabase) db = NULL;
  GkFeedbackChannel channel;
  GkSeverity severity;
  gint64 actor, notice_id = 0, id;
  const GOptionEntry options[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("The person who records it"), N_("PERSON") },
    { "notice", 0, 0, G_OPTION_ARG_STRING, &notice, N_("The published notice it is about"), N_("ID") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel_text, N_("Feedback through mailbox (书记信箱), meeting, phone or online"), N_("CHANNEL") },
    { "severity", 0, 0, G_OPTION_ARG_STRING, &severity_text, N_("A public-opinion note (舆情) of severity low, medium or high"), N_("S") },
    { "content", 0, 0, G_OPTION_ARG_STRING, &content, N_("What was said"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day it was received"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, FEEDBACK_NEW_USAGE, 1, error))
    return FALSE;
  if ((channel_text == NULL) == (severity_text == NULL) || content == NULL || date == NULL)
    return usage (FEEDBACK_NEW_USAGE, error);
  if (channel_text != NULL && !gk_feedback_channel_from_string (channel_text, &channel))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“%s” is not mailbox, meeting, phone or online"), channel_text);
      return FALSE;
    }
  if (severity_text != NULL && !gk_severity_from_string (severity_text, &severity))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“%s” is not low, medium or high"), severity_text);
      return FALSE;
    }
  if (notice != NULL && !parse_id (notice, _("a notice"), &notice_id, error))
    return FALSE;

  db = gk_cli_open (argv[1], error);
  if (db == NULL || (actor = find_person (db, as, error)) == 0)
    return FALSE;
  id = channel_text != NULL
    ? gk_feedback_new (db, actor, notice_id, channel, content, date, error)
    : gk_feedback_new_opinion (db, actor, notice_id, severity, content, date, error);
  if (id == 0)
    return FALSE;
  printf ("%" PRId64 "\n", id);
  return TRUE;
}

static gboolean
feedback_clarify (int      argc,
                  char   **argv,
                  GError **error)
{
  g_autofree char *as = NULL;
  g_autofree char *body = NULL;
  g_autofree char *body_file = NULL;
  g_autofree char *date = NULL;
  g_autofree char *feedback = NULL;
  g_autoptr(GkDatabase) db = NULL;
  gint64 actor, notice_id, feedback_id = 0, id;
  const GOptionEntry options[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("The person who proposes the clarification"), N_("PERSON") },
    { "body", 0, 0, G_OPTION_ARG_STRING, &body, N_("The text of the clarification"), N_("TEXT") },
    { "body-file", 0, 0, G_OPTION_ARG_FILENAME, &body_file, N_("Read the text from FILE"), N_("FILE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The planned publication date"), N_("YYYY-MM-DD") },
    { "feedback", 0, 0, G_OPTION_ARG_STRING, &feedback, N_("The feedback or opinion note that prompted it"), N_("ID") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, FEEDBACK_CLARIFY_USAGE, 2, error))
    return FALSE;
  if ((body == NULL) == (body_file == NULL) || date == NULL)
    return usage (FEEDBACK_CLARIFY_USAGE, error);
  if (!parse_id (argv[2], _("a notice"), &notice_id, error) ||
      (feedback != NULL && !parse_id (feedback, _("a feedback"), &feedback_id, error)))
    return FALSE;
  if (body_file != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!g_file_get_contents (body_file, &body, NULL, &local_error))
        {
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_IO, "%s", local_error->message);
          return FALSE;
        }
    }

  db = gk_cli_open (argv[1], error);
  if (db == NULL || (actor = find_person (db, as, error)) == 0 ||
      (id = gk_feedback_issue_clarification (db, actor, notice_id, feedback_id, body, date, error)) == 0)
    return FALSE;
  printf ("%" PRId64 "\n", id);
  return TRUE;
}

/* One a line: id, kind, notice, channel or severity, date, clarification,
 * content; an opinion to report upward says so. */
static gboolean
feedback_list (int      argc,
               char   **argv,
               GError **error)
{
  g_autofree char *notice = NULL;
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 notice_id = 0;
  const GOptionEntry options[] = {
    { "notice", 0, 0, G_OPTION_ARG_STRING, &notice, N_("Only what concerns this notice"), N_("ID") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, FEEDBACK_LIST_USAGE, 1, error))
    return FALSE;
  if (notice != NULL && !parse_id (notice, _("a notice"), &notice_id, error))
    return FALSE;

  db = gk_cli_open (argv[1], error);
  if (db == NULL || (list = gk_feedback_list (db, notice_id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      GkFeedback *item = g_ptr_array_index (list, i);

      printf ("%" PRId64 "\t%s\t%" PRId64 "\t%s\t%s\t%" PRId64 "\t%s%s\n", item->id,
              item->is_opinion ? "opinion" : "feedback", item->notice_id,
              item->is_opinion ? gk_severity_to_string (item->severity) : gk_feedback_channel_to_string (item->channel),
              item->received_date, item->clarification_id,
              item->report_upward ? "【需向上级报告】" : "", item->content);
    }
  return TRUE;
}

gboolean
gk_cli_feedback (int      argc,
                 char   **argv,
                 GError **error)
{
  const char *verb = argc > 1 ? argv[1] : "";

  if (g_str_equal (verb, "new"))
    return gk_cli_take_verb (&argc, &argv, "new", FEEDBACK_NEW_USAGE, error) && feedback_new (argc, argv, error);
  if (g_str_equal (verb, "clarify"))
    return gk_cli_take_verb (&argc, &argv, "clarify", FEEDBACK_CLARIFY_USAGE, error) &&
           feedback_clarify (argc, argv, error);
  if (g_str_equal (verb, "list"))
    return gk_cli_take_verb (&argc, &argv, "list", FEEDBACK_LIST_USAGE, error) && feedback_list (argc, argv, error);
  return usage (FEEDBACK_USAGE, error);
}

/* ---- dashboard and audit ---- */

/* One tab-separated row a line: kind, id, date, text. */
gboolean
gk_cli_dashboard (int      argc,
                  char   **argv,
                  GError **error)
{
  g_autofree char *today = NULL;
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  const GOptionEntry options[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("The day it is judged on (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, DASHBOARD_USAGE, 1, error))
    return FALSE;

  db = gk_cli_open (argv[1], error);
  if (db == NULL || (lines = gk_dashboard_list (db, today, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      GkDashboardLine *line = g_ptr_array_index (lines, i);

      printf ("%s\t%" PRId64 "\t%s\t%s\n", gk_dashboard_kind_to_string (line->kind), line->id, line->date, line->text);
    }
  return TRUE;
}

/* One event a line: id, time, person, entity#id, action, changes. */
gboolean
gk_cli_audit (int      argc,
              char   **argv,
              GError **error)
{
  g_autofree char *person = NULL;
  g_autofree char *org = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int limit = 0, offset = 0;
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GkAuditQuery query = { 0 };
  const GOptionEntry options[] = {
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("Only what this person did"), N_("PERSON") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, N_("Only what concerns this organization and those under it"), N_("ORG") },
    { "notice", 0, 0, G_OPTION_ARG_STRING, &notice, N_("Only what concerns this notice"), N_("ID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("From this day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Up to this day"), N_("YYYY-MM-DD") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N events"), N_("N") },
    { "offset", 0, 0, G_OPTION_ARG_INT, &offset, N_("Skip the first N events"), N_("N") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, AUDIT_USAGE, 1, error))
    return FALSE;
  if (limit < 0 || offset < 0)
    return usage (AUDIT_USAGE, error);
  if (notice != NULL && !parse_id (notice, _("a notice"), &query.notice_id, error))
    return FALSE;

  db = gk_cli_open (argv[1], error);
  if (db == NULL ||
      (person != NULL && (query.person_id = gk_directory_find_person (db, person, error)) == 0) ||
      (org != NULL && (query.organization_id = gk_directory_find_organization (db, org, error)) == 0))
    return FALSE;
  query.from = from;
  query.to = to;
  query.limit = (guint) limit;
  query.offset = (guint) offset;

  entries = gk_audit_query_list (db, &query, error);
  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      GkAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *changes = gk_audit_entry_describe_changes (entry);

      g_strdelimit (changes, "\t\r\n", ' ');
      printf ("%" PRId64 "\t%s\t%s\t%s#%" PRId64 "\t%s\t%s\n", entry->id, entry->at,
              entry->person[0] != '\0' ? entry->person : entry->os_user,
              entry->entity, entry->entity_id, entry->action, changes);
    }
  return TRUE;
}
