/* notice new|edit|<step>|show|list|export|export-range */

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdio.h>

#include "cli/gk-cli.h"
#include "core/gk-catalog.h"
#include "core/gk-choices.h"
#include "core/gk-core-error.h"
#include "core/gk-dates.h"
#include "core/gk-directory.h"
#include "core/gk-feedback.h"
#include "core/gk-notices.h"
#include "core/gk-workflow.h"
#include "pdf/gk-batch-export.h"
#include "pdf/gk-notice-print.h"

/* Options shared by new and edit. */
typedef struct
{
  char     *as;
  char     *org;
  int       item;
  char     *title;
  char     *body_file;
  char    **audiences;
  char     *date;
  char    **methods;
  gboolean  major;
  char     *layout;
  gint64    application;
} PlanOptions;

static void
plan_options_clear (PlanOptions *options)
{
  g_free (options->as);
  g_free (options->org);
  g_free (options->title);
  g_free (options->body_file);
  g_strfreev (options->audiences);
  g_free (options->date);
  g_strfreev (options->methods);
  g_free (options->layout);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlanOptions, plan_options_clear)

static GArray *
resolve_all (GkDatabase  *db,
             char       **names,
             gint64     (*find) (GkDatabase *, const char *, GError **),
             GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      gint64 id = find (db, names[i], error);

      if (id == 0)
        return NULL;
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static gint64
require_person (GkDatabase  *db,
                const char  *as,
                GError     **error)
{
  if (as == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("--as PERSON is required: who acts?"));
      return 0;
    }
  return gk_directory_find_person (db, as, error);
}

static gint64
parse_notice_id (const char  *text,
                 GError     **error)
{
  guint64 id = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“%s” is not a notice id"), text);
      return 0;
    }
  return (gint64) id;
}

/* The catalog item numbered NUMBER in the organization's own catalog, or
 * in the school committee's when the organization keeps none. */
static gint64
find_item (GkDatabase  *db,
           gint64       organization_id,
           int          number,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 catalog_id = gk_catalog_get_for_organization (db, organization_id, &local_error);

  if (catalog_id == 0)
    catalog_id = gk_catalog_get_default (db, error);
  if (catalog_id == 0)
    return 0;

  stmt = gk_database_prepare (db, "SELECT id FROM catalog_items WHERE catalog_id = ? AND number = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, catalog_id);
  sqlite3_bind_int (stmt, 2, number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND, _("The catalog has no item %d"), number);
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

static char *
read_body (const char  *file,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;

  if (g_str_equal (file, "-"))
    {
      g_autoptr(GString) text = g_string_new (NULL);
      char buffer[4096];
      size_t got;

      while ((got = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        g_string_append_len (text, buffer, (gssize) got);
      contents = g_string_free (g_steal_pointer (&text), FALSE);
    }
  else if (!g_file_get_contents (file, &contents, NULL, &local_error))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_IO, "%s", local_error->message);
      return NULL;
    }

  if (!g_utf8_validate (contents, -1, NULL))
    {
      g_free (contents);
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("“%s” is not UTF-8 text"), file);
      return NULL;
    }
  return g_strchomp (contents);
}

static void
print_warnings (GPtrArray *warnings)
{
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    fprintf (stderr, _("warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));
}

static GOptionEntry *
plan_entries (PlanOptions *o)
{
  const GOptionEntry entries[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &o->as, N_("The person who acts"), N_("PERSON") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &o->org, N_("The owning organization; decides the level"), N_("ORG") },
    { "item", 0, 0, G_OPTION_ARG_INT, &o->item, N_("The catalog item's number"), N_("NO") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &o->title, N_("The title"), N_("T") },
    { "body-file", 0, 0, G_OPTION_ARG_FILENAME, &o->body_file, N_("The text, from a UTF-8 file (- for standard input)"), N_("F") },
    { "audience", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->audiences, N_("An audience (公开范围), repeatable"), N_("A") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o->date, N_("The planned date of publication"), N_("YYYY-MM-DD") },
    { "method", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->methods, N_("A method (公开方式), repeatable"), N_("M") },
    { "major", 0, 0, G_OPTION_ARG_NONE, &o->major, N_("A major or sensitive matter (特别重大、敏感)"), NULL },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &o->layout, N_("bulletin, redhead or a3"), N_("L") },
    { "application", 0, 0, G_OPTION_ARG_INT64, &o->application, N_("The application (个别申请) it answers"), N_("ID") },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

#define NEW_USAGE "notice new DB --as PERSON --org ORG [--item NO] --title T --body-file F --audience A… --date YYYY-MM-DD --method M… [--major] [--layout L]"

static gboolean
notice_new (int      argc,
            char   **argv,
            GError **error)
{
  g_auto(PlanOptions) o = { 0 };
  g_autofree GOptionEntry *entries = plan_entries (&o);
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GArray) audiences = NULL;
  g_autoptr(GArray) methods = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *body = NULL;
  GkNoticePlan plan = { 0 };
  gint64 actor, id;

  if (!gk_cli_parse (&argc, &argv, entries, NEW_USAGE, 1, error))
    return FALSE;
  if (o.org == NULL || o.title == NULL || o.date == NULL || o.body_file == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("--org, --title, --body-file and --date are required: %s"), NEW_USAGE);
      return FALSE;
    }

  db = gk_cli_open (argv[1], error);
  if (db == NULL || (actor = require_person (db, o.as, error)) == 0)
    return FALSE;

  plan.organization_id = gk_directory_find_organization (db, o.org, error);
  if (plan.organization_id == 0)
    return FALSE;
  if (o.item > 0 && (plan.item_id = find_item (db, plan.organization_id, o.item, error)) == 0)
    return FALSE;
  if ((body = read_body (o.body_file, error)) == NULL ||
      (audiences = resolve_all (db, o.audiences, gk_directory_find_audience, error)) == NULL ||
      (methods = resolve_all (db, o.methods, gk_directory_find_method, error)) == NULL)
    return FALSE;

  plan.application_id = o.application;
  plan.title = o.title;
  plan.body = body;
  plan.audience_ids = audiences;
  plan.planned_date = o.date;
  plan.method_ids = methods;
  plan.layout = o.layout;
  plan.major = o.major;

  id = gk_workflow_create (db, actor, &plan, &warnings, error);
  if (id == 0)
    return FALSE;
  print_warnings (warnings);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

#define EDIT_USAGE "notice edit DB ID --as PERSON [--title T] [--body-file F] [--audience A…] [--date D] [--method M…] [--item NO] [--major] [--layout L]"

/* Options left out keep the plan's current values. */
static gboolean
notice_edit (int      argc,
             char   **argv,
             GError **error)
{
  g_auto(PlanOptions) o = { 0 };
  g_autofree GOptionEntry *entries = plan_entries (&o);
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GkNotice) notice = NULL;
  g_autoptr(GArray) audiences = NULL;
  g_autoptr(GArray) methods = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *body = NULL;
  GkNoticePlan plan = { 0 };
  gint64 actor, id;

  if (!gk_cli_parse (&argc, &argv, entries, EDIT_USAGE, 2, error) ||
      (id = parse_notice_id (argv[2], error)) == 0)
    return FALSE;

  db = gk_cli_open (argv[1], error);
  if (db == NULL || (actor = require_person (db, o.as, error)) == 0 ||
      (notice = gk_notices_get (db, id, error)) == NULL)
    return FALSE;

  plan.organization_id = gk_notice_get_organization_id (notice);
  if (o.org != NULL)
    {
      gint64 org = gk_directory_find_organization (db, o.org, error);

      if (org == 0)
        return FALSE;
      if (org != plan.organization_id)
        {
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                       _("A notice keeps its organization; withdraw it and propose a new one instead"));
          return FALSE;
        }
    }
  plan.item_id = gk_notice_get_item_id (notice);
  if (o.item > 0 && (plan.item_id = find_item (db, plan.organization_id, o.item, error)) == 0)
    return FALSE;

  if (o.body_file != NULL && (body = read_body (o.body_file, error)) == NULL)
    return FALSE;
  audiences = o.audiences ? resolve_all (db, o.audiences, gk_directory_find_audience, error)
                          : gk_choices_notice_audiences (db, id);
  methods = o.methods ? resolve_all (db, o.methods, gk_directory_find_method, error)
                      : gk_choices_notice_methods (db, id);
  if (audiences == NULL || methods == NULL)
    return FALSE;

  plan.application_id = gk_notice_get_application_id (notice);
  plan.clarifies_id = gk_notice_get_clarifies_id (notice);
  plan.title = o.title ? o.title : gk_notice_get_title (notice);
  plan.body = body ? body : gk_notice_get_body (notice);
  plan.audience_ids = audiences;
  plan.planned_date = o.date ? o.date : gk_notice_get_planned_date (notice);
  plan.method_ids = methods;
  plan.layout = o.layout ? o.layout : gk_notice_get_layout (notice);
  plan.major = o.major || gk_notice_get_major (notice);

  if (!gk_workflow_edit (db, actor, id, gk_notice_get_row_version (notice), &plan, &warnings, error))
    return FALSE;
  print_warnings (warnings);
  return TRUE;
}

static gboolean
parse_reason (const char     *text,
              GkRejectReason *reason,
              GError        **error)
{
  if (text == NULL || g_str_equal (text, "other"))
    *reason = GK_REJECT_OTHER;
  else if (g_str_equal (text, "secret"))
    *reason = GK_REJECT_SECRET;
  else if (g_str_equal (text, "unsuitable"))
    *reason = GK_REJECT_UNSUITABLE;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--reason is secret, unsuitable or other, not “%s”"), text);
      return FALSE;
    }
  return TRUE;
}

/* The approval binds the rendered PDFs: the one the approver was shown
 * and the posted one with its verification code. */
static gboolean
approval_hashes (GkDatabase  *db,
                 GkNotice    *notice,
                 GkStepArgs  *args,
                 char       **approval,
                 char       **posted,
                 char       **fonts,
                 GError     **error)
{
  g_autoptr(GkNoticeContent) content = gk_notice_print_content (db, notice, error);

  if (content == NULL ||
      !gk_notice_print_approval (content, gk_notice_print_layout (notice), approval, posted, fonts, error))
    return FALSE;

  args->pdf_sha256 = *approval;
  args->posted_sha256 = *posted;
  args->font_report = *fonts;
  return TRUE;
}

#define STEP_USAGE "notice submit|review|approve|escalate|decide|upper-approve|publish|return|reject|withdraw DB ID --as PERSON [--note T] [review findings] [--reason R] [--date D] [--reference REF]"

static gboolean
notice_step (GkAction   action,
             int        argc,
             char     **argv,
             GError   **error)
{
  g_autofree char *as = NULL, *note = NULL, *secrecy = NULL, *necessity = NULL, *accuracy = NULL;
  g_autofree char *risk = NULL, *reason = NULL, *date = NULL, *reference = NULL;
  g_autofree char *approval = NULL, *posted = NULL, *fonts = NULL;
  g_auto(GStrv) audiences = NULL;
  g_auto(GStrv) methods = NULL;
  g_autoptr(GArray) audience_ids = NULL;
  g_autoptr(GArray) method_ids = NULL;
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GkNotice) notice = NULL;
  g_autofree char *today = gk_date_today_iso ();
  gboolean refuse = FALSE, upper = FALSE;
  gint64 expected = 0, actor, id;
  GkStepArgs args = { 0 };
  const GOptionEntry options[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("The person who acts"), N_("PERSON") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A comment, recorded in the history"), N_("TEXT") },
    { "secrecy", 0, 0, G_OPTION_ARG_STRING, &secrecy, N_("保密审查: ok or secret"), "ok|secret" },
    { "necessity", 0, 0, G_OPTION_ARG_STRING, &necessity, N_("必要性: ok or no"), "ok|no" },
    { "accuracy", 0, 0, G_OPTION_ARG_STRING, &accuracy, N_("准确性: ok or no"), "ok|no" },
    { "risk", 0, 0, G_OPTION_ARG_STRING, &risk, N_("风险评估: low, medium or high"), "low|medium|high" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why not to disclose (第六条)"), "secret|unsuitable|other" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Meeting, reply or publication date"), N_("YYYY-MM-DD") },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference, N_("Minutes or document reference"), N_("REF") },
    { "refuse", 0, 0, G_OPTION_ARG_NONE, &refuse, N_("The committee decided not to disclose"), NULL },
    { "upper", 0, 0, G_OPTION_ARG_NONE, &upper, N_("Report to the higher Party committee first"), NULL },
    { "audience", 0, 0, G_OPTION_ARG_STRING_ARRAY, &audiences, N_("Publish to this audience of the plan (repeatable; default all)"), N_("A") },
    { "method", 0, 0, G_OPTION_ARG_STRING_ARRAY, &methods, N_("Publish by this method of the plan (repeatable; default all)"), N_("M") },
    { "expect-version", 0, 0, G_OPTION_ARG_INT64, &expected, N_("Refuse if the notice changed since this row version"), N_("N") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, STEP_USAGE, 2, error) ||
      (id = parse_notice_id (argv[2], error)) == 0)
    return FALSE;

  db = gk_cli_open (argv[1], error);
  if (db == NULL || (actor = require_person (db, as, error)) == 0 ||
      (notice = gk_notices_get (db, id, error)) == NULL ||
      !parse_reason (reason, &args.reason, error))
    return FALSE;

  if ((audiences != NULL && (audience_ids = resolve_all (db, audiences, gk_directory_find_audience, error)) == NULL) ||
      (methods != NULL && (method_ids = resolve_all (db, methods, gk_directory_find_method, error)) == NULL))
    return FALSE;

  args.expected_row_version = expected ? expected : gk_notice_get_row_version (notice);
  args.note = note;
  args.secrecy = secrecy;
  args.necessity = necessity;
  args.accuracy = accuracy;
  args.risk = risk;
  args.date = date ? date : (action == GK_ACTION_PUBLISH ? today : NULL);
  args.reference = reference;
  args.refuse = refuse;
  args.upper = upper;
  args.audience_ids = audience_ids;
  args.method_ids = method_ids;

  if ((action == GK_ACTION_APPROVE || action == GK_ACTION_DECIDE || action == GK_ACTION_UPPER_APPROVE) &&
      !approval_hashes (db, notice, &args, &approval, &posted, &fonts, error))
    return FALSE;

  return gk_workflow_act (db, actor, id, action, &args, error);
}

static gboolean
notice_show (int      argc,
             char   **argv,
             GError **error)
{
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GkNotice) notice = NULL;
  g_autoptr(GArray) waiting = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *waiting_names = NULL;
  g_autofree char *item = NULL;
  g_autofree char *clarifies = NULL;
  g_autoptr(GArray) clarifications = NULL;
  g_autoptr(GString) clarified_by = g_string_new (NULL);
  GkAction next = GK_ACTION_SUBMIT;
  gint64 id;

  if (!gk_cli_parse (&argc, &argv, NULL, "notice show DB ID", 2, error) ||
      (id = parse_notice_id (argv[2], error)) == 0)
    return FALSE;

  db = gk_cli_open (argv[1], error);
  if (db == NULL || (notice = gk_notices_get (db, id, error)) == NULL ||
      (waiting = gk_workflow_waiting_for (db, id, &next, error)) == NULL ||
      (history = gk_notices_history (db, id, error)) == NULL)
    return FALSE;
  waiting_names = gk_notices_people_names (db, waiting);
  item = gk_notice_get_item_number (notice) > 0 ? g_strdup_printf ("%u", gk_notice_get_item_number (notice)) : g_strdup ("");
  clarifies = gk_notice_get_clarifies_id (notice) > 0
              ? g_strdup_printf ("%" G_GINT64_FORMAT, gk_notice_get_clarifies_id (notice)) : g_strdup ("");
  clarifications = gk_feedback_clarifications_of (db, id, error);
  if (clarifications == NULL)
    return FALSE;
  for (guint i = 0; i < clarifications->len; i++)
    g_string_append_printf (clarified_by, "%s%" G_GINT64_FORMAT, i ? "、" : "", g_array_index (clarifications, gint64, i));

  printf ("id: %" G_GINT64_FORMAT "\n", gk_notice_get_id (notice));
  printf ("state: %s\n", gk_notice_get_state (notice));
  printf ("level: %s\n", gk_level_to_string (gk_notice_get_level (notice)));
  printf ("org: %s\n", gk_notice_get_organization (notice));
  printf ("title: %s\n", gk_notice_get_title (notice));
  printf ("item: %s\n", item);
  printf ("audiences: %s\n", gk_notice_get_audiences (notice));
  printf ("date: %s\n", gk_notice_get_date (notice));
  printf ("planned-date: %s\n", gk_notice_get_planned_date (notice));
  printf ("published-date: %s\n", gk_notice_get_published_date (notice));
  printf ("methods: %s\n", gk_notice_get_methods (notice));
  printf ("major: %s\n", gk_notice_get_major (notice) ? "yes" : "no");
  printf ("layout: %s\n", gk_notice_get_layout (notice));
  printf ("proposer: %s\n", gk_notice_get_proposer (notice));
  printf ("waiting-for: %s\n", waiting_names);
  printf ("next-step: %s\n", waiting->len > 0 ? gk_action_to_string (next) : "");
  printf ("approval-sha256: %s\n", gk_notice_get_approval_sha256 (notice));
  printf ("pdf-sha256: %s\n", gk_notice_get_pdf_sha256 (notice));
  printf ("clarifies: %s\n", clarifies);
  printf ("clarified-by: %s\n", clarified_by->str);
  printf ("row-version: %" G_GINT64_FORMAT "\n", gk_notice_get_row_version (notice));
  printf ("history:\n");
  for (guint i = 0; i < history->len; i++)
    {
      GkNoticeEvent *event = g_ptr_array_index (history, i);

      printf ("  %s\t%s\t%s\t%s → %s\t%s\n", event->at, event->person, event->action,
              event->from_state, event->to_state, event->note);
    }
  return TRUE;
}

#define LIST_USAGE "notice list DB [--state S] [--waiting-for PERSON] [--proposed-by PERSON] [--search TEXT]"

static gboolean
notice_list (int      argc,
             char   **argv,
             GError **error)
{
  g_autofree char *state = NULL, *waiting_for = NULL, *proposed_by = NULL, *search = NULL;
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GListModel) notices = NULL;
  GkNoticeQuery query = { 0 };
  const GOptionEntry options[] = {
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, N_("Only notices in this state"), N_("S") },
    { "waiting-for", 0, 0, G_OPTION_ARG_STRING, &waiting_for, N_("Only notices waiting for this person"), N_("PERSON") },
    { "proposed-by", 0, 0, G_OPTION_ARG_STRING, &proposed_by, N_("Only notices this person proposed"), N_("PERSON") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only notices whose title or text contains TEXT"), N_("TEXT") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, LIST_USAGE, 1, error))
    return FALSE;

  db = gk_cli_open (argv[1], error);
  if (db == NULL)
    return FALSE;
  if ((waiting_for != NULL && (query.waiting_for = gk_directory_find_person (db, waiting_for, error)) == 0) ||
      (proposed_by != NULL && (query.proposed_by = gk_directory_find_person (db, proposed_by, error)) == 0))
    return FALSE;
  query.state = state;
  query.search = search;

  notices = gk_notices_list (db, &query, error);
  if (notices == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (notices); i++)
    {
      g_autoptr(GkNotice) notice = g_list_model_get_item (notices, i);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", gk_notice_get_id (notice), gk_notice_get_state (notice),
              gk_notice_get_date (notice), gk_notice_get_title (notice));
    }
  return TRUE;
}

#define EXPORT_USAGE "notice export DB ID -o FILE.pdf [--layout bulletin|redhead|a3]"

/* An approved notice exports as exactly the bytes its approval bound, or
 * not at all (gk_batch_export_check_approval()). */
static gboolean
notice_export (int      argc,
               char   **argv,
               GError **error)
{
  g_autofree char *output = NULL, *layout_name = NULL;
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GkNotice) notice = NULL;
  g_autoptr(GkNoticeContent) content = NULL;
  g_autoptr(GBytes) pdf = NULL;
  GkNoticeLayout layout;
  gint64 id;
  const GOptionEntry options[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout_name, N_("bulletin, redhead or a3 (default: the plan's)"), N_("L") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, EXPORT_USAGE, 2, error) ||
      (id = parse_notice_id (argv[2], error)) == 0)
    return FALSE;
  if (output == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("-o FILE.pdf is required"));
      return FALSE;
    }

  db = gk_cli_open (argv[1], error);
  if (db == NULL || (notice = gk_notices_get (db, id, error)) == NULL ||
      (content = gk_notice_print_content (db, notice, error)) == NULL)
    return FALSE;

  layout = gk_notice_print_layout (notice);
  if (layout_name != NULL && !gk_notice_layout_from_string (layout_name, &layout))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“%s” is not a layout; use bulletin, redhead or a3"), layout_name);
      return FALSE;
    }

  pdf = gk_notice_print_render (content, layout, NULL, NULL, error);
  if (pdf == NULL || !gk_batch_export_check_approval (notice, layout, pdf, error))
    return FALSE;

  return g_file_set_contents (output, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), error);
}

#define EXPORT_RANGE_USAGE "notice export-range DB --from YYYY-MM-DD --to YYYY-MM-DD (-o FILE.pdf | --folder DIR) " \
                           "[--org ORG] [--state approved|published]..."

/* The approved and published notices of a date range, as the desktop's
 * Export Notices does it: one combined PDF, or a PDF per notice in a
 * folder. Prints how many notices were exported. */
static gboolean
notice_export_range (int      argc,
                     char   **argv,
                     GError **error)
{
  static const char * const both[] = { "approved", "published", NULL };
  g_autofree char *from = NULL, *to = NULL, *output = NULL, *folder = NULL, *org = NULL;
  g_auto(GStrv) states = NULL;
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 org_id = 0;
  guint written = 0;
  const GOptionEntry options[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first date, included"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last date, included"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("One combined PDF to write"), N_("FILE") },
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &folder, N_("A folder to write one PDF per notice into"), N_("DIR") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, N_("Only the notices of this organization"), N_("ORG") },
    { "state", 0, 0, G_OPTION_ARG_STRING_ARRAY, &states, N_("approved or published, repeatable (default both)"), N_("S") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, EXPORT_RANGE_USAGE, 1, error))
    return FALSE;
  if (from == NULL || to == NULL || (output == NULL) == (folder == NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--from, --to and either -o FILE.pdf or --folder DIR are required"));
      return FALSE;
    }
  for (guint i = 0; states != NULL && states[i] != NULL; i++)
    if (!g_strv_contains (both, states[i]))
      {
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                     _("Notices in state “%s” are not exported: use approved or published"), states[i]);
        return FALSE;
      }

  db = gk_cli_open (argv[1], error);
  if (db == NULL || (org != NULL && (org_id = gk_directory_find_organization (db, org, error)) == 0))
    return FALSE;
  ids = gk_notices_list_for_export (db, from, to, states != NULL ? (const char * const *) states : both, org_id, error);
  if (ids == NULL)
    return FALSE;
  if (ids->len == 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("No approved or published notices between %s and %s"), from, to);
      return FALSE;
    }

  if (!gk_batch_export (gk_database_get_path (db), ids, folder, output, MAX (1, g_get_num_processors ()),
                        NULL, NULL, NULL, &written, error))
    return FALSE;
  printf ("%u\n", written);
  return TRUE;
}

gboolean
gk_cli_notice (int      argc,
               char   **argv,
               GError **error)
{
  const char *verb = argc > 1 ? argv[1] : "";
  GkAction action;

  /* From here on argv[0] is the verb, as for any command. */
  if (argc > 1)
    {
      argc--;
      argv++;
    }

  if (g_str_equal (verb, "new"))
    return notice_new (argc, argv, error);
  if (g_str_equal (verb, "edit"))
    return notice_edit (argc, argv, error);
  if (g_str_equal (verb, "show"))
    return notice_show (argc, argv, error);
  if (g_str_equal (verb, "list"))
    return notice_list (argc, argv, error);
  if (g_str_equal (verb, "export"))
    return notice_export (argc, argv, error);
  if (g_str_equal (verb, "export-range"))
    return notice_export_range (argc, argv, error);
  if (gk_action_from_string (verb, &action))
    return notice_step (action, argc, argv, error);

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("usage: gongkai-cli notice new|edit|show|list|export|export-range|submit|review|approve|escalate|decide|upper-approve|publish|return|reject|withdraw DB …"));
  return FALSE;
}
