/* 第十四、十六条: feedback and public opinion on published notices, and a
 * clarification that links to its original both ways and goes through
 * the normal procedure. */

#include <string.h>

#include "core/gk-audit.h"
#include "core/gk-audit-query.h"
#include "core/gk-core-error.h"
#include "core/gk-demo.h"
#include "core/gk-directory.h"
#include "core/gk-feedback.h"
#include "core/gk-notices.h"
#include "core/gk-workflow.h"
#include "gk-test-util.h"

typedef struct
{
  GkDatabase *db;
  gint64      original;   /* a published notice of 组织部 */
  gint64      staff, principal, leader, office, outsider;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_utc (2026, 11, 27, 10, 0, 0);

  f->db = gk_test_template_db ();
  g_assert_true (gk_demo_populate (f->db, today, &error));
  g_assert_no_error (error);
  f->original = gk_test_query_int (f->db,
                                   "SELECT n.id FROM notices n JOIN organizations o ON o.id = n.organization_id"
                                   " WHERE o.short_name = '组织部' AND n.state = 'published' ORDER BY n.id LIMIT 1");
  f->staff = gk_directory_find_person (f->db, "李静", &error);
  f->principal = gk_directory_find_person (f->db, "张明", &error);
  f->leader = gk_directory_find_person (f->db, "郑国华", &error);
  f->office = gk_directory_find_person (f->db, "周晓燕", &error);
  f->outsider = gk_directory_find_person (f->db, "郭亮", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
}

static void
test_record (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 events = gk_test_query_int (f->db, "SELECT count(*) FROM audit_events");
  gint64 feedback, opinion, general;
  gint64 draft;

  feedback = gk_feedback_new (f->db, f->staff, f->original, GK_FEEDBACK_MAILBOX, "党费数字与上期不一致", "2026-11-20", &error);
  g_assert_no_error (error);
  opinion = gk_feedback_new_opinion (f->db, f->office, f->original, GK_SEVERITY_HIGH, "校外网站转载并引发议论", "2026-11-21", &error);
  g_assert_no_error (error);
  general = gk_feedback_new_opinion (f->db, f->office, 0, GK_SEVERITY_LOW, "网络上关于评优的讨论", "2026-11-22", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM audit_events"), ==, events + 3);

  list = gk_feedback_list (f->db, f->original, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* Newest first: the opinion, flagged for reporting upward. */
  g_assert_cmpint (((GkFeedback *) list->pdata[0])->id, ==, opinion);
  g_assert_true (((GkFeedback *) list->pdata[0])->report_upward);
  g_assert_cmpint (((GkFeedback *) list->pdata[1])->id, ==, feedback);
  g_assert_false (((GkFeedback *) list->pdata[1])->report_upward);
  g_assert_cmpint (((GkFeedback *) list->pdata[1])->channel, ==, GK_FEEDBACK_MAILBOX);
  g_assert_cmpint (general, >, 0);

  /* Refusals: someone of another unit; an opinion about nothing by a non-office person;
   * feedback on a notice not published; empty content. */
  g_assert_cmpint (gk_feedback_new (f->db, f->outsider, f->original, GK_FEEDBACK_PHONE, "意见", "2026-11-20", &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gk_feedback_new_opinion (f->db, f->staff, 0, GK_SEVERITY_LOW, "舆情", "2026-11-20", &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  draft = gk_test_query_int (f->db, "SELECT id FROM notices WHERE state = 'draft' ORDER BY id LIMIT 1");
  g_assert_cmpint (gk_feedback_new (f->db, f->office, draft, GK_FEEDBACK_ONLINE, "意见", "2026-11-20", &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gk_feedback_new (f->db, f->office, f->original, GK_FEEDBACK_ONLINE, "  ", "2026-11-20", &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM audit_events"), ==, events + 3);
}

static void
act (Fixture  *f,
     gint64    actor,
     gint64    notice,
     GkAction  action)
{
  g_autoptr(GError) error = NULL;
  GkStepArgs args = { .secrecy = "ok", .necessity = "ok", .accuracy = "ok", .risk = "low", .date = "2026-12-01" };

  gk_workflow_act (f->db, actor, notice, action, &args, &error);
  g_assert_no_error (error);
}

static void
test_clarification (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkNotice) original = gk_notices_get (f->db, f->original, NULL);
  g_autoptr(GkNotice) clarification = NULL;
  g_autoptr(GkNotice) published = NULL;
  g_autoptr(GArray) links = NULL;
  g_autoptr(GArray) waiting = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  g_autofree char *title = NULL;
  GkAuditQuery query = { 0 };
  GkAction next;
  gint64 feedback, id;

  feedback = gk_feedback_new (f->db, f->staff, f->original, GK_FEEDBACK_MEETING, "公开的数字有误", "2026-11-20", &error);
  g_assert_no_error (error);

  id = gk_feedback_issue_clarification (f->db, f->staff, f->original, feedback,
                                        "经核实，原公开内容中部分数字有误，现更正如下。", "2026-12-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Linked both ways. */
  clarification = gk_notices_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_notice_get_clarifies_id (clarification), ==, f->original);
  links = gk_feedback_clarifications_of (f->db, f->original, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpint (g_array_index (links, gint64, 0), ==, id);
  list = gk_feedback_list (f->db, f->original, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((GkFeedback *) list->pdata[0])->clarification_id, ==, id);

  /* A draft of the same organization, audiences and methods, of no item. */
  title = g_strdup_printf ("关于《%s》的澄清说明", gk_notice_get_title (original));
  g_assert_cmpstr (gk_notice_get_title (clarification), ==, title);
  g_assert_cmpstr (gk_notice_get_state (clarification), ==, "draft");
  g_assert_cmpint (gk_notice_get_organization_id (clarification), ==, gk_notice_get_organization_id (original));
  g_assert_cmpstr (gk_notice_get_audiences (clarification), ==, gk_notice_get_audiences (original));
  g_assert_cmpstr (gk_notice_get_methods (clarification), ==, gk_notice_get_methods (original));
  g_assert_cmpint (gk_notice_get_item_id (clarification), ==, 0);

  /* The normal route: 提出 → 审核 by the principal → 审批 by the leader → 实施. */
  act (f, f->staff, id, GK_ACTION_SUBMIT);
  waiting = gk_workflow_waiting_for (f->db, id, &next, &error);
  g_assert_no_error (error);
  g_assert_cmpint (next, ==, GK_ACTION_REVIEW);
  g_assert_cmpint (g_array_index (waiting, gint64, 0), ==, f->principal);
  act (f, f->principal, id, GK_ACTION_REVIEW);
  act (f, f->leader, id, GK_ACTION_APPROVE);
  act (f, f->staff, id, GK_ACTION_PUBLISH);
  published = gk_notices_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_notice_get_state (published), ==, "published");
  g_assert_cmpstr (gk_notice_get_published_date (published), ==, "2026-12-01");

  /* The audit trail of the original shows the feedback and its clarification. */
  query.notice_id = f->original;
  query.entity = "feedback";
  trail = gk_audit_query_list (f->db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trail->len, ==, 2);
  g_assert_cmpstr (((GkAuditEntry *) trail->pdata[1])->action, ==, "clarify");
  g_assert_true (gk_audit_verify (f->db, NULL, &error));
  g_assert_no_error (error);
}

static void
test_clarification_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 notices = gk_test_query_int (f->db, "SELECT count(*) FROM notices");
  gint64 draft = gk_test_query_int (f->db, "SELECT id FROM notices WHERE state = 'draft' ORDER BY id LIMIT 1");
  gint64 other = gk_test_query_int (f->db,
                                    "SELECT n.id FROM notices n JOIN organizations o ON o.id = n.organization_id"
                                    " WHERE o.short_name = '宣传部' AND n.state = 'published' ORDER BY n.id LIMIT 1");
  gint64 feedback;

  /* Only a published notice is clarified. */
  g_assert_cmpint (gk_feedback_issue_clarification (f->db, f->office, draft, 0, "说明", "2026-12-01", &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Only someone who may propose for its organization. */
  g_assert_cmpint (gk_feedback_issue_clarification (f->db, f->outsider, f->original, 0, "说明", "2026-12-01", &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Feedback about another notice cannot be linked: nothing is created. */
  feedback = gk_feedback_new (f->db, f->office, other, GK_FEEDBACK_PHONE, "意见", "2026-11-20", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_feedback_issue_clarification (f->db, f->staff, f->original, feedback, "说明", "2026-12-01", &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM notices"), ==, notices);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/feedback/record", Fixture, NULL, fixture_set_up, test_record, fixture_tear_down);
  g_test_add ("/feedback/clarification/route-and-links", Fixture, NULL, fixture_set_up, test_clarification, fixture_tear_down);
  g_test_add ("/feedback/clarification/refused", Fixture, NULL, fixture_set_up, test_clarification_refused, fixture_tear_down);

  return g_test_run ();
}
