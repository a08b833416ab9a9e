/* The demo data: a plausible organization, every role, state and level,
 * real histories in the past year, the same data for the same day, and
 * work waiting in the inboxes. */

#include <glib/gstdio.h>

#include "core/gk-audit.h"
#include "core/gk-demo.h"
#include "core/gk-directory.h"
#include "core/gk-feedback.h"
#include "core/gk-inspections.h"
#include "core/gk-notices.h"
#include "core/gk-requests.h"
#include "core/gk-template.h"
#include "gk-test-util.h"

static GkDatabase *
demo_db_at (const char *path,
            GDateTime  *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = path ? gk_template_create_database (path, "jinzhong-2020", &error)
                                  : gk_test_template_db ();
  gboolean populated;

  g_assert_no_error (error);
  populated = gk_demo_populate (db, today, &error);
  g_assert_no_error (error);
  g_assert_true (populated);
  return g_steal_pointer (&db);
}

static GkDatabase *
demo_db (GDateTime *today)
{
  return demo_db_at (NULL, today);
}

/* The demo of 2026-11-27, made once and only read by the tests that take
 * it: populating takes half a second. */
typedef struct
{
  char       *folder;
  char       *path;
  GDateTime  *today;
  GkDatabase *db;
} Shared;

static Shared shared;

static GkDatabase *
shared_db (void)
{
  if (shared.db == NULL)
    {
      shared.folder = g_dir_make_tmp ("gongkai-demo-XXXXXX", NULL);
      g_assert_nonnull (shared.folder);
      shared.path = g_build_filename (shared.folder, "demo.db", NULL);
      shared.today = g_date_time_new_utc (2026, 11, 27, 10, 0, 0);
      shared.db = demo_db_at (shared.path, shared.today);
    }
  return shared.db;
}

static void
shared_clear (void)
{
  g_clear_object (&shared.db);
  if (shared.path != NULL)
    g_unlink (shared.path);
  if (shared.folder != NULL)
    g_rmdir (shared.folder);
  g_clear_pointer (&shared.path, g_free);
  g_clear_pointer (&shared.folder, g_free);
  g_clear_pointer (&shared.today, g_date_time_unref);
}

static gint64
count (GkDatabase *db,
       const char *format,
       const char *value)
{
  g_autofree char *sql = g_strdup_printf (format, value);

  return gk_test_query_int (db, sql);
}

static void
test_organization (void)
{
  static const char * const roles[] = {
    "staff", "principal", "secretary", "deputy-secretary", "committee-member",
    "leader", "party-office", "inspector", "admin",
  };
  GkDatabase *db = shared_db ();

  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations g JOIN organizations p"
                                             " ON p.id = g.parent_id AND p.kind = 'committee'"
                                             " WHERE g.kind = 'general-branch'"), ==, 3);
  /* Two branches and one college under every general branch. */
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations b JOIN organizations g"
                                             " ON g.id = b.parent_id AND g.kind = 'general-branch'"
                                             " WHERE b.kind = 'branch'"), ==, 6);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations g WHERE g.kind = 'general-branch'"
                                             " AND (SELECT count(*) FROM organizations b WHERE b.parent_id = g.id"
                                             "      AND b.kind = 'branch') = 2"
                                             " AND (SELECT count(*) FROM organizations u WHERE u.parent_id = g.id"
                                             "      AND u.kind = 'department') = 1"), ==, 3);

  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM people"), >=, 18);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM people WHERE coalesce (title, '') = ''"), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (count (db, "SELECT count(*) FROM roles WHERE role = '%s'", roles[i]) == 0)
      g_error ("nobody holds the role %s", roles[i]);

  /* Every general branch and branch has its secretary, and a branch
   * committee member besides. */
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations o WHERE o.kind IN ('general-branch', 'branch')"
                                             " AND NOT EXISTS (SELECT 1 FROM roles r WHERE r.organization_id = o.id"
                                             "                 AND r.role = 'secretary')"), ==, 0);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations o WHERE o.kind = 'branch'"
                                             " AND NOT EXISTS (SELECT 1 FROM roles r WHERE r.organization_id = o.id"
                                             "                 AND r.role = 'committee-member')"), ==, 0);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations o WHERE o.kind = 'general-branch'"
                                             " AND NOT EXISTS (SELECT 1 FROM roles r WHERE r.organization_id = o.id"
                                             "                 AND r.role = 'deputy-secretary')"), ==, 0);

  /* Two or three leaders, each overseeing a group of departments, and
   * every school-level organization with notices overseen by someone who
   * did not propose them. */
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM roles WHERE role = 'leader'"), >=, 2);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM roles r WHERE r.role = 'leader'"
                                             " AND (SELECT count(*) FROM oversight v WHERE v.person_id = r.person_id) < 2"), ==, 0);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notices n JOIN organizations o ON o.id = n.organization_id"
                                             " WHERE o.kind NOT IN ('general-branch', 'branch')"
                                             " AND NOT EXISTS (SELECT 1 FROM oversight v WHERE v.organization_id = o.id"
                                             "                 AND v.person_id <> n.proposer_id)"), ==, 0);
}

static void
test_notices (void)
{
  static const char * const states[] = {
    "draft", "returned", "submitted", "reviewed", "escalated",
    "upper-review", "approved", "published", "rejected", "withdrawn",
  };
  GkDatabase *db = shared_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) notices = gk_notices_list (db, NULL, &error);
  g_autoptr(GPtrArray) requests = NULL;
  guint levels[3] = { 0 };
  guint n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (notices);
  g_assert_cmpuint (n, >=, 55);
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (count (db, "SELECT count(*) FROM notices WHERE state = '%s'", states[i]) == 0)
      g_error ("no notice is %s", states[i]);
  /* Most of them are published. */
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notices WHERE state = 'published'"), >, n / 2);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkNotice) notice = g_list_model_get_item (notices, i);
      g_autoptr(GPtrArray) history = gk_notices_history (db, gk_notice_get_id (notice), &error);
      GkNoticeEvent *first;

      g_assert_no_error (error);
      levels[gk_notice_get_level (notice)]++;
      g_assert_cmpuint (history->len, >=, 1);
      first = g_ptr_array_index (history, 0);
      g_assert_cmpstr (first->action, ==, "create");
      g_assert_cmpstr (first->to_state, ==, "draft");
    }
  g_assert_cmpuint (levels[GK_LEVEL_SCHOOL], >, 0);
  g_assert_cmpuint (levels[GK_LEVEL_GENERAL_BRANCH], >, 0);
  g_assert_cmpuint (levels[GK_LEVEL_BRANCH], >, 0);

  /* The rarer routes: staging, the standing committee deciding, the
   * higher committee approving, a return followed by publication, and a
   * rejection for each reason (three by a reviewer or approver, one by
   * the standing committee). */
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM (SELECT notice_id FROM notice_stages"
                                             " GROUP BY notice_id HAVING count(*) > 1)"), >=, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notices n WHERE n.state = 'published' AND n.major"
                                             " AND EXISTS (SELECT 1 FROM notice_decisions d WHERE d.notice_id = n.id"
                                             "   AND d.body = 'standing-committee' AND d.decision = 'approve')"
                                             " AND NOT EXISTS (SELECT 1 FROM notice_decisions d WHERE d.notice_id = n.id"
                                             "   AND d.body = 'upper')"), >=, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notices n WHERE n.state = 'published'"
                                             " AND EXISTS (SELECT 1 FROM notice_decisions d WHERE d.notice_id = n.id"
                                             "   AND d.body = 'upper' AND d.decision = 'approve')"), >=, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notices n WHERE n.state = 'published'"
                                             " AND EXISTS (SELECT 1 FROM notice_events e WHERE e.notice_id = n.id"
                                             "   AND e.action = 'return')"), >=, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(DISTINCT note) FROM notice_events WHERE action = 'reject'"), >=, 3);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notice_decisions WHERE decision = 'reject'"), >=, 1);

  /* Applications: forwarded, answered by a notice, replied, still open. */
  requests = gk_requests_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, >=, 4);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM applications WHERE handler_id IS NOT NULL"
                                             " AND addressed_to_id = (SELECT id FROM organizations WHERE kind = 'committee')"), >=, 2);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notices n JOIN applications a ON a.id = n.application_id"), >=, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM applications WHERE state = 'replied'"), >=, 2);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM applications WHERE state <> 'replied'"
                                             " AND deadline BETWEEN '2026-11-27' AND '2026-12-04'"), >=, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM applications a JOIN organizations o ON o.id = a.addressed_to_id"
                                             " WHERE o.kind = 'general-branch' AND a.reply = 'partial'"), >=, 1);
}

/* Audiences come from the catalog item (and 社会 may be added), the
 * proposing unit is responsible for the item, and no internal-only plan
 * uses a method meant for the public. */
static void
test_consistency (void)
{
  GkDatabase *db = shared_db ();

  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notices n JOIN notice_audiences na ON na.notice_id = n.id"
                                             " JOIN audiences a ON a.id = na.audience_id"
                                             " WHERE n.item_id IS NOT NULL AND a.name <> '社会'"
                                             " AND NOT EXISTS (SELECT 1 FROM item_audiences ia"
                                             "   WHERE ia.item_id = n.item_id AND ia.audience_id = a.id)"), ==, 0);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notices n WHERE n.item_id IS NOT NULL"
                                             " AND NOT EXISTS (SELECT 1 FROM item_responsible r"
                                             "   WHERE r.item_id = n.item_id AND r.organization_id = n.organization_id)"), ==, 0);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notices n"
                                             " WHERE NOT EXISTS (SELECT 1 FROM notice_audiences na JOIN audiences a ON a.id = na.audience_id"
                                             "   WHERE na.notice_id = n.id AND a.class = 'public')"
                                             " AND EXISTS (SELECT 1 FROM notice_methods nm JOIN methods m ON m.id = nm.method_id"
                                             "   WHERE nm.notice_id = n.id AND m.channel = 'external')"), ==, 0);
  /* Published on the planned day; pending plans planned in the coming weeks. */
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notices WHERE state = 'published'"
                                             " AND published_date <> planned_date"), ==, 0);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notices"
                                             " WHERE state IN ('draft', 'returned', 'submitted', 'reviewed', 'escalated', 'upper-review', 'approved')"
                                             " AND planned_date NOT BETWEEN '2026-11-28' AND '2027-01-15'"), ==, 0);
}

/* A year of work, in the order it happened, all before today. */
static void
test_history (void)
{
  GkDatabase *db = shared_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) clock = NULL;
  g_autofree char *stamp = NULL;

  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notice_events"
                                             " WHERE at >= '2026-11-27' OR at < '2025-11-01'"), ==, 0);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notice_events a JOIN notice_events b ON b.id = a.id + 1"
                                             " WHERE b.at < a.at"), ==, 0);
  /* Spread over the year: steps in at least ten different months. */
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(DISTINCT substr (at, 1, 7)) FROM notice_events"), >=, 10);
  /* The demo's own audit events are in order too: from the first person on. */
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM audit_events a JOIN audit_events b ON b.id = a.id + 1"
                                             " WHERE a.id >= (SELECT min (id) FROM audit_events WHERE entity = 'person')"
                                             " AND b.at < a.at"), ==, 0);

  gk_audit_verify (db, NULL, &error);
  g_assert_no_error (error);

  /* The clock is the real one again. */
  stamp = gk_database_timestamp (db);
  clock = g_date_time_new_from_iso8601 (stamp, NULL);
  g_assert_nonnull (clock);
  g_assert_cmpint (ABS (g_date_time_difference (now, clock)), <, 60 * G_TIME_SPAN_SECOND);
}

static char *
dump (GkDatabase *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (text, "%s\t", (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static void
test_deterministic (void)
{
  static const char * const queries[] = {
    "SELECT title, state, planned_date FROM notices ORDER BY id",
    "SELECT notice_id, at, person_id, action, to_state, note FROM notice_events ORDER BY id",
    "SELECT applicant, received_date, deadline, state, reply FROM applications ORDER BY id",
  };
  GkDatabase *db = shared_db ();
  g_autoptr(GkDatabase) other = demo_db (shared.today);
  g_autoptr(GDateTime) later = g_date_time_add_days (shared.today, 40);
  g_autoptr(GkDatabase) another_day = demo_db (later);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *first = dump (db, queries[i]);
      g_autofree char *second = dump (other, queries[i]);

      g_assert_cmpstr (first, ==, second);
    }

  /* Another day, another year of history. */
  {
    g_autofree char *first = dump (db, queries[1]);
    g_autofree char *third = dump (another_day, queries[1]);

    g_assert_cmpstr (first, !=, third);
  }
}

static void
assert_has_work (GkDatabase *db,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 person = gk_directory_find_person (db, name, &error);
  GkNoticeQuery query = { .waiting_for = person };
  g_autoptr(GListModel) waiting = NULL;

  g_assert_no_error (error);
  waiting = gk_notices_list (db, &query, &error);
  g_assert_no_error (error);
  if (g_list_model_get_n_items (waiting) == 0)
    g_error ("nothing waits for %s", name);
}

static void
test_inboxes (void)
{
  static const char * const people[] = {
    "张明",     /* principal of 组织部: a plan to review */
    "刘志强",   /* principal of 学工部(处): the answer to an application */
    "郑国华",   /* leader: a plan to approve */
    "林秀英",   /* leader */
    "韩文涛",   /* leader */
    "孙丽娟",   /* party office: a decision, a higher approval, publications */
    "吴海燕",   /* general-branch secretary */
    "马晓东",   /* general-branch secretary */
    "钱玉兰",   /* branch secretary */
    "胡婷婷",   /* branch secretary */
  };
  GkDatabase *db = shared_db ();

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    assert_has_work (db, people[i]);
}

/* Any day of the year works: the schedule always fits the rules and the
 * past, whatever the working-day calendar looks like then. */
static void
test_other_days (void)
{
  static const int days[][3] = {
    { 2026, 1, 2 }, { 2026, 5, 6 }, { 2026, 10, 9 }, { 2027, 3, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) today = g_date_time_new_utc (days[i][0], days[i][1], days[i][2], 9, 0, 0);
      g_autoptr(GkDatabase) db = demo_db (today);
      g_autofree char *iso = g_date_time_format (today, "%F");

      g_assert_cmpint (count (db, "SELECT count(*) FROM notice_events WHERE at >= '%s'", iso), ==, 0);
      g_assert_cmpint (count (db, "SELECT count(*) FROM audit_events WHERE at >= '%s'"
                                  " AND id >= (SELECT min (id) FROM audit_events WHERE entity = 'person')", iso), ==, 0);
      g_assert_cmpint (count (db, "SELECT count(*) FROM notices WHERE state = 'approved' AND planned_date <= '%s'", iso), ==, 0);
      gk_audit_verify (db, NULL, &error);
      g_assert_no_error (error);
    }
}

/* Supervision (第十六、十九条): a routine and a special inspection, one
 * rectification done on time, one overdue that 吴海燕 answers for, one
 * still open; feedback on two notices; a major public-opinion note flagged
 * for reporting upward, and the clarification it led to. */
static void
test_supervision (void)
{
  GkDatabase *db = shared_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) feedback = NULL;
  GkFindingQuery query = { .today = "2026-11-27" };
  g_autoptr(GPtrArray) findings = NULL;
  guint statuses[GK_RECTIFICATION_DONE + 1] = { 0 };
  guint n_feedback = 0, n_upward = 0;
  gint64 clarification = 0;

  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM inspections WHERE kind = 'routine'"), ==, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM inspections WHERE kind = 'special'"), ==, 1);

  findings = gk_inspections_list_findings (db, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < findings->len; i++)
    statuses[((GkFinding *) g_ptr_array_index (findings, i))->status]++;
  g_assert_cmpuint (statuses[GK_RECTIFICATION_NONE], ==, 1);
  g_assert_cmpuint (statuses[GK_RECTIFICATION_OPEN], ==, 1);
  g_assert_cmpuint (statuses[GK_RECTIFICATION_OVERDUE], ==, 1);
  g_assert_cmpuint (statuses[GK_RECTIFICATION_DONE], ==, 1);
  /* Done before its deadline. */
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM inspection_findings WHERE completed_date <= deadline"), ==, 1);

  overdue = gk_inspections_overdue_for_person (db, gk_directory_find_person (db, "吴海燕", NULL), "2026-11-27", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpstr (((GkFinding *) overdue->pdata[0])->organization, ==, "文学院党总支");
  g_assert_cmpstr (((GkFinding *) overdue->pdata[0])->responsible, ==, "吴海燕");

  feedback = gk_feedback_list (db, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < feedback->len; i++)
    {
      GkFeedback *item = g_ptr_array_index (feedback, i);

      g_assert_cmpint (item->notice_id, >, 0);
      if (!item->is_opinion)
        n_feedback++;
      else if (item->report_upward)
        {
          n_upward++;
          g_assert_cmpint (item->severity, ==, GK_SEVERITY_HIGH);
          clarification = item->clarification_id;
        }
    }
  g_assert_cmpuint (n_feedback, ==, 2);
  g_assert_cmpuint (n_upward, ==, 1);
  g_assert_cmpint (clarification, >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM notices WHERE clarifies_id IS NOT NULL AND state = '%s'", "draft"), ==, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM notices n WHERE n.id = %" G_GINT64_FORMAT
                                            " AND n.clarifies_id = (SELECT f.notice_id FROM feedback f"
                                            "                       WHERE f.clarification_id = n.id)",
                                            clarification);

    g_assert_cmpint (gk_test_query_int (db, sql), ==, 1);
  }
}

static void
test_refuses_used_database (void)
{
  GkDatabase *db = shared_db ();
  g_autoptr(GError) error = NULL;
  gint64 before = gk_test_query_int (db, "SELECT count(*) FROM audit_events");

  g_assert_false (gk_demo_populate (db, shared.today, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM audit_events"), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/organization", test_organization);
  g_test_add_func ("/demo/notices", test_notices);
  g_test_add_func ("/demo/consistency", test_consistency);
  g_test_add_func ("/demo/history", test_history);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/inboxes", test_inboxes);
  g_test_add_func ("/demo/supervision", test_supervision);
  g_test_add_func ("/demo/refuses-used-database", test_refuses_used_database);
  g_test_add_func ("/demo/other-days", test_other_days);

  status = g_test_run ();
  shared_clear ();
  return status;
}
