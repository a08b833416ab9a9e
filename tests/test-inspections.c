/* 督查 (第十九条): inspections and findings recorded by party office and
 * inspectors only, rectification deadlines and completion, and an overdue
 * rectification on the dashboard and in the responsible person's list. */

#include <string.h>

#include "core/gk-audit.h"
#include "core/gk-core-error.h"
#include "core/gk-dashboard.h"
#include "core/gk-directory.h"
#include "core/gk-inspections.h"
#include "gk-test-util.h"

typedef struct
{
  GkDatabase *db;
  gint64 org_dept;
  gint64 office, inspector, principal, staff, named;
} Fixture;

static gboolean
setup_people (GkDatabase *db,
              gpointer    user_data,
              GError    **error)
{
  Fixture *f = user_data;
  gint64 office_org = gk_directory_find_organization (db, "党办", error);
  gint64 discipline = gk_directory_find_organization (db, "纪检监察办公室", error);

  f->org_dept = gk_directory_find_organization (db, "组织部", error);
  f->office = gk_directory_add_person (db, "孙主任", NULL, NULL, error);
  f->inspector = gk_directory_add_person (db, "何监察", NULL, NULL, error);
  f->principal = gk_directory_add_person (db, "刘部长", NULL, NULL, error);
  f->staff = gk_directory_add_person (db, "王干事", NULL, NULL, error);
  f->named = gk_directory_add_person (db, "李科长", NULL, NULL, error);
  return f->named != 0 &&
         gk_directory_add_role (db, f->office, office_org, "party-office", error) &&
         gk_directory_add_role (db, f->inspector, discipline, "inspector", error) &&
         gk_directory_add_role (db, f->principal, f->org_dept, "principal", error) &&
         gk_directory_add_role (db, f->staff, f->org_dept, "staff", error) &&
         gk_directory_add_role (db, f->named, f->org_dept, "staff", error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = gk_test_template_db ();
  gk_database_write (f->db, setup_people, f, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
}

static gint64
audit_count (Fixture *f)
{
  return gk_test_query_int (f->db, "SELECT count(*) FROM audit_events");
}

static gint64
new_inspection (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gk_inspections_new (f->db, f->inspector, GK_INSPECTION_SPECIAL, "纪检监察办公室", "党务公开目录执行情况",
                                  "2026-03-02", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_record (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkInspection) inspection = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  gint64 events = audit_count (f);
  gint64 id, finding, none;
  GkFindingQuery query = { 0 };

  id = gk_inspections_new (f->db, f->office, GK_INSPECTION_ROUTINE, "党委办公室", "各党总支公开栏", "2026-03-02", &error);
  g_assert_no_error (error);
  finding = gk_inspections_add_finding (f->db, f->office, id, f->org_dept, "党费使用情况未按期公开",
                                        "补充公开2025年下半年党费使用情况", "2026-03-31", 0, &error);
  g_assert_no_error (error);
  none = gk_inspections_add_finding (f->db, f->office, id, f->org_dept, "公开栏内容更新及时", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f), ==, events + 3);
  g_assert_true (gk_audit_verify (f->db, NULL, &error));
  g_assert_no_error (error);

  inspection = gk_inspections_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (inspection->kind, ==, GK_INSPECTION_ROUTINE);
  g_assert_cmpstr (inspection->scope, ==, "各党总支公开栏");
  g_assert_cmpuint (inspection->n_findings, ==, 2);
  g_assert_cmpuint (inspection->n_open, ==, 1);

  query.inspection_id = id;
  query.today = "2026-03-10";
  findings = gk_inspections_list_findings (f->db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpint (((GkFinding *) findings->pdata[0])->id, ==, finding);
  g_assert_cmpint (((GkFinding *) findings->pdata[0])->status, ==, GK_RECTIFICATION_OPEN);
  g_assert_cmpstr (((GkFinding *) findings->pdata[0])->organization, ==, "组织部");
  g_assert_cmpint (((GkFinding *) findings->pdata[1])->id, ==, none);
  g_assert_cmpint (((GkFinding *) findings->pdata[1])->status, ==, GK_RECTIFICATION_NONE);

  /* A finding about the organization is found from its parent too. */
  query.inspection_id = 0;
  query.organization_id = gk_directory_find_organization (f->db, "党委", NULL);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = gk_inspections_list_findings (f->db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 2);
}

static void
test_permissions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = new_inspection (f);
  gint64 events, finding;

  events = audit_count (f);
  g_assert_false (gk_inspections_may_record (f->db, f->staff));
  g_assert_true (gk_inspections_may_record (f->db, f->office));
  g_assert_cmpint (gk_inspections_new (f->db, f->staff, GK_INSPECTION_ROUTINE, "王干事", "自查", "2026-03-02", &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gk_inspections_add_finding (f->db, f->principal, id, f->org_dept, "问题", "整改", "2026-03-31", 0, &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Bad findings: a rectification without a deadline, a deadline before the inspection. */
  g_assert_cmpint (gk_inspections_add_finding (f->db, f->office, id, f->org_dept, "问题", "整改", NULL, 0, &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gk_inspections_add_finding (f->db, f->office, id, f->org_dept, "问题", "整改", "2026-03-01", 0, &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (f), ==, events);

  /* Completion: not by a colleague without the responsibility; by the principal. */
  finding = gk_inspections_add_finding (f->db, f->office, id, f->org_dept, "问题", "整改", "2026-03-31", 0, &error);
  g_assert_no_error (error);
  g_assert_false (gk_inspections_complete (f->db, f->staff, finding, 0, "2026-03-20", "已补充公开", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gk_inspections_complete (f->db, f->principal, finding, 99, "2026-03-20", "已补充公开", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (gk_inspections_complete (f->db, f->principal, finding, 1, "2026-03-20", "已补充公开", &error));
  g_assert_no_error (error);
  /* Once only. */
  g_assert_false (gk_inspections_complete (f->db, f->office, finding, 0, "2026-03-21", "再次", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
}

static gboolean
has_line (GPtrArray       *lines,
          GkDashboardKind  kind,
          gint64           id)
{
  for (guint i = 0; i < lines->len; i++)
    {
      GkDashboardLine *line = g_ptr_array_index (lines, i);

      if (line->kind == kind && line->id == id)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_finding (GPtrArray *findings,
             gint64     id)
{
  for (guint i = 0; i < findings->len; i++)
    if (((GkFinding *) g_ptr_array_index (findings, i))->id == id)
      return TRUE;
  return FALSE;
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = new_inspection (f);
  gint64 by_role, by_name;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) done = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) named = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) mine_later = NULL;

  by_role = gk_inspections_add_finding (f->db, f->inspector, id, f->org_dept, "公开栏未及时更新",
                                        "一周内更新公开栏", "2026-03-10", 0, &error);
  g_assert_no_error (error);
  by_name = gk_inspections_add_finding (f->db, f->inspector, id, f->org_dept, "公开范围不准确",
                                        "重新审核公开范围", "2026-03-12", f->named, &error);
  g_assert_no_error (error);

  /* On the deadline it is not overdue yet; the day after it is. */
  before = gk_dashboard_list (f->db, "2026-03-10", &error);
  g_assert_no_error (error);
  g_assert_false (has_line (before, GK_DASHBOARD_RECTIFICATION, by_role));
  after = gk_dashboard_list (f->db, "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_true (has_line (after, GK_DASHBOARD_RECTIFICATION, by_role));
  g_assert_true (has_line (after, GK_DASHBOARD_RECTIFICATION, by_name));
  for (guint i = 0; i < after->len; i++)
    {
      GkDashboardLine *line = g_ptr_array_index (after, i);

      if (line->kind == GK_DASHBOARD_RECTIFICATION && line->id == by_role)
        {
          g_assert_cmpstr (line->date, ==, "2026-03-10");
          /* 11 … 13, 16 … 20 */
          g_assert_cmpint (line->days, ==, 8);
          g_assert_nonnull (strstr (line->text, "一周内更新公开栏"));
          g_assert_cmpint (line->organization_id, ==, f->org_dept);
        }
    }

  /* Whose inbox: the principal for the unnamed one, the named person for hers. */
  mine = gk_inspections_overdue_for_person (f->db, f->principal, "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_true (has_finding (mine, by_role));
  g_assert_false (has_finding (mine, by_name));
  named = gk_inspections_overdue_for_person (f->db, f->named, "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_true (has_finding (named, by_name));
  g_assert_false (has_finding (named, by_role));
  staff = gk_inspections_overdue_for_person (f->db, f->staff, "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 0);

  /* Completed late, it leaves both. */
  g_assert_true (gk_inspections_complete (f->db, f->principal, by_role, 0, "2026-03-21", "已更新", &error));
  g_assert_no_error (error);
  done = gk_dashboard_list (f->db, "2026-03-23", &error);
  g_assert_no_error (error);
  g_assert_false (has_line (done, GK_DASHBOARD_RECTIFICATION, by_role));
  g_assert_true (has_line (done, GK_DASHBOARD_RECTIFICATION, by_name));
  mine_later = gk_inspections_overdue_for_person (f->db, f->principal, "2026-03-23", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine_later->len, ==, 0);
}

/* An overdue rectification appears where it should: in the month the
 * calendar shows, for everyone and under "mine" for those who answer for
 * it, under its organization's filter, and in its person's inbox list. */
static void
test_overdue_where_shown (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) month = NULL;
  g_autoptr(GPtrArray) principal = NULL;
  g_autoptr(GPtrArray) named = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) by_org = NULL;
  g_autoptr(GPtrArray) elsewhere = NULL;
  g_autoptr(GPtrArray) april = NULL;
  g_autoptr(GPtrArray) inbox = NULL;
  g_autoptr(GkFinding) one = NULL;
  gint64 id = new_inspection (f);
  gint64 committee = gk_directory_find_organization (f->db, "党委", NULL);
  gint64 propaganda = gk_directory_find_organization (f->db, "宣传部", NULL);
  gint64 overdue, later, none;

  overdue = gk_inspections_add_finding (f->db, f->inspector, id, f->org_dept, "公开栏未及时更新",
                                        "一周内更新公开栏", "2026-03-10", 0, &error);
  g_assert_no_error (error);
  later = gk_inspections_add_finding (f->db, f->inspector, id, f->org_dept, "公开范围不准确",
                                      "重新审核公开范围", "2026-03-31", f->named, &error);
  g_assert_no_error (error);
  none = gk_inspections_add_finding (f->db, f->inspector, id, f->org_dept, "目录执行良好", NULL, NULL, 0, &error);
  g_assert_no_error (error);

  /* The calendar's six weeks around March 2026, judged on 20 March. */
  month = gk_inspections_list_deadlines (f->db, "2026-02-23", "2026-04-05", 0, 0, "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (month->len, ==, 2);
  g_assert_cmpint (((GkFinding *) month->pdata[0])->id, ==, overdue);
  g_assert_cmpint (((GkFinding *) month->pdata[0])->status, ==, GK_RECTIFICATION_OVERDUE);
  g_assert_cmpstr (((GkFinding *) month->pdata[0])->deadline, ==, "2026-03-10");
  g_assert_cmpint (((GkFinding *) month->pdata[1])->id, ==, later);
  g_assert_cmpint (((GkFinding *) month->pdata[1])->status, ==, GK_RECTIFICATION_OPEN);
  g_assert_false (has_finding (month, none));

  /* "Mine": the principal answers for the unnamed one, the named person for hers. */
  principal = gk_inspections_list_deadlines (f->db, "2026-02-23", "2026-04-05", 0, f->principal, "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (principal->len, ==, 1);
  g_assert_cmpint (((GkFinding *) principal->pdata[0])->id, ==, overdue);
  named = gk_inspections_list_deadlines (f->db, "2026-02-23", "2026-04-05", 0, f->named, "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (named->len, ==, 1);
  g_assert_cmpint (((GkFinding *) named->pdata[0])->id, ==, later);
  staff = gk_inspections_list_deadlines (f->db, "2026-02-23", "2026-04-05", 0, f->staff, "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 0);

  /* The organization filter takes in those under it. */
  by_org = gk_inspections_list_deadlines (f->db, "2026-02-23", "2026-04-05", committee, 0, "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_org->len, ==, 2);
  elsewhere = gk_inspections_list_deadlines (f->db, "2026-02-23", "2026-04-05", propaganda, 0, "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (elsewhere->len, ==, 0);

  /* Another month has none. */
  april = gk_inspections_list_deadlines (f->db, "2026-04-06", "2026-05-03", 0, 0, "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (april->len, ==, 0);

  /* The inbox: the overdue one for the principal, who may complete it. */
  inbox = gk_inspections_overdue_for_person (f->db, f->principal, "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (inbox->len, ==, 1);
  g_assert_cmpint (((GkFinding *) inbox->pdata[0])->id, ==, overdue);
  g_assert_true (gk_inspections_may_complete (f->db, f->principal, overdue));
  g_assert_true (gk_inspections_may_complete (f->db, f->named, later));
  g_assert_true (gk_inspections_may_complete (f->db, f->inspector, later));
  g_assert_false (gk_inspections_may_complete (f->db, f->staff, overdue));
  g_assert_false (gk_inspections_may_complete (f->db, f->principal, none));

  one = gk_inspections_get_finding (f->db, overdue, "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpint (one->status, ==, GK_RECTIFICATION_OVERDUE);
  g_assert_cmpstr (one->rectification, ==, "一周内更新公开栏");
  g_clear_pointer (&one, gk_finding_free);
  g_assert_null (gk_inspections_get_finding (f->db, overdue + 100, NULL, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Completed, it stays on its day in the calendar, as done. */
  g_assert_true (gk_inspections_complete (f->db, f->principal, overdue, 0, "2026-03-21", "已更新", &error));
  g_assert_no_error (error);
  g_clear_pointer (&month, g_ptr_array_unref);
  month = gk_inspections_list_deadlines (f->db, "2026-02-23", "2026-04-05", 0, 0, "2026-03-23", &error);
  g_assert_no_error (error);
  g_assert_cmpint (((GkFinding *) month->pdata[0])->status, ==, GK_RECTIFICATION_DONE);
  one = gk_inspections_get_finding (f->db, overdue, "2026-03-23", &error);
  g_assert_no_error (error);
  g_assert_cmpint (one->status, ==, GK_RECTIFICATION_DONE);
  g_assert_cmpstr (one->completed_date, ==, "2026-03-21");
}

static void
test_stuck_threshold (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (gk_dashboard_get_stuck_threshold (f->db), ==, GK_DASHBOARD_DEFAULT_STUCK_DAYS);
  g_assert_true (gk_dashboard_set_stuck_threshold (f->db, 5, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gk_dashboard_get_stuck_threshold (f->db), ==, 5);
  g_assert_false (gk_dashboard_set_stuck_threshold (f->db, 0, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  /* 2026-09-30 → 2026-10-09 over National Day: two working days. */
  g_assert_cmpint (gk_dashboard_workdays_between (f->db, "2026-09-30", "2026-10-09"), ==, 2);
  g_assert_cmpint (gk_dashboard_workdays_between (f->db, "2026-10-09", "2026-09-30"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/inspections/record", Fixture, NULL, fixture_set_up, test_record, fixture_tear_down);
  g_test_add ("/inspections/permissions", Fixture, NULL, fixture_set_up, test_permissions, fixture_tear_down);
  g_test_add ("/inspections/overdue", Fixture, NULL, fixture_set_up, test_overdue, fixture_tear_down);
  g_test_add ("/inspections/overdue/where-shown", Fixture, NULL, fixture_set_up, test_overdue_where_shown, fixture_tear_down);
  g_test_add ("/inspections/stuck-threshold", Fixture, NULL, fixture_set_up, test_stuck_threshold, fixture_tear_down);

  return g_test_run ();
}
