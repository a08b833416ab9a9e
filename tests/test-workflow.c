/* The procedure of 第十三条: every route, every refusal, void-on-edit,
 * staging, waiting-for, and the audit chain after it all. */

#include <string.h>

#include "core/gk-audit.h"
#include "core/gk-core-error.h"
#include "core/gk-directory.h"
#include "core/gk-notices.h"
#include "core/gk-choices.h"
#include "core/gk-requests.h"
#include "core/gk-workflow.h"
#include "gk-test-util.h"

typedef struct
{
  GkDatabase *db;
  /* organizations */
  gint64 org_dept, org_gb, org_unit, org_branch;
  /* people */
  gint64 staff, principal, leader, office, gb_secretary, teacher, branch_secretary, branch_member, outsider;
} Fixture;

typedef struct
{
  const char *name;
  const char *org;
  const char *role;
  const char *oversees;
  gint64     *id;
} PersonSpec;

typedef struct
{
  Fixture          *fixture;
  const PersonSpec *people;
  guint             n_people;
} Setup;

static gboolean
setup_people (GkDatabase *db,
              gpointer    user_data,
              GError    **error)
{
  Setup *setup = user_data;
  Fixture *f = setup->fixture;
  gint64 committee = gk_directory_find_organization (db, "党委", error);

  f->org_dept = gk_directory_find_organization (db, "组织部", error);
  f->org_gb = gk_directory_add_organization (db, "计算机学院党总支", "计算机党总支", "general-branch", committee, error);
  f->org_unit = gk_directory_add_organization (db, "计算机学院", NULL, "department", f->org_gb, error);
  f->org_branch = gk_directory_add_organization (db, "计算机学院教工第一党支部", "计算机教工一支部", "branch", f->org_gb, error);
  if (f->org_branch == 0)
    return FALSE;

  for (guint i = 0; i < setup->n_people; i++)
    {
      const PersonSpec *spec = &setup->people[i];
      gint64 id = gk_directory_add_person (db, spec->name, NULL, NULL, error);

      if (id == 0)
        return FALSE;
      *spec->id = id;
      if (spec->role != NULL &&
          !gk_directory_add_role (db, id, gk_directory_find_organization (db, spec->org, NULL), spec->role, error))
        return FALSE;
      if (spec->oversees != NULL &&
          !gk_directory_add_oversight (db, id, gk_directory_find_organization (db, spec->oversees, NULL), error))
        return FALSE;
    }
  return TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const PersonSpec people[] = {
    { "王干事", "组织部", "staff", NULL, &f->staff },
    { "刘部长", "组织部", "principal", NULL, &f->principal },
    { "陈校长", "党委", "leader", "组织部", &f->leader },
    { "孙主任", "党办", "party-office", NULL, &f->office },
    { "赵书记", "计算机党总支", "secretary", NULL, &f->gb_secretary },
    { "吴老师", "计算机学院", "staff", NULL, &f->teacher },
    { "钱书记", "计算机教工一支部", "secretary", NULL, &f->branch_secretary },
    { "周委员", "计算机教工一支部", "committee-member", NULL, &f->branch_member },
    { "郑群众", NULL, NULL, NULL, &f->outsider },
  };
  Setup setup = { f, people, G_N_ELEMENTS (people) };

  f->db = gk_test_template_db ();
  gk_database_write (f->db, setup_people, &setup, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
}

static GArray *
ids_of (GkDatabase *db,
        gint64    (*find) (GkDatabase *, const char *, GError **),
        const char *first,
        ...)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      g_autoptr(GError) error = NULL;
      gint64 id = find (db, name, &error);

      g_assert_no_error (error);
      g_array_append_val (ids, id);
    }
  va_end (args);
  return ids;
}

static gint64
method_id (GkDatabase *db,
           const char *name,
           GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM methods WHERE name = '%s'", name);

  return gk_test_query_int (db, sql);
}

static gint64
new_notice (Fixture    *f,
            gint64      proposer,
            gint64      organization,
            gboolean    major,
            GError    **error)
{
  g_autoptr(GArray) audiences = ids_of (f->db, gk_directory_find_audience, "全体党员", "社会", NULL);
  g_autoptr(GArray) methods = ids_of (f->db, method_id, "会议", "互联网", NULL);
  GkNoticePlan plan = {
    .organization_id = organization,
    .item_id = gk_test_query_int (f->db, "SELECT id FROM catalog_items WHERE number = 21"),
    .title = "2026年上半年党费收缴、管理和使用情况",
    .body = "根据党费管理有关规定，现将2026年上半年党费收缴、管理和使用情况公开如下。",
    .audience_ids = audiences,
    .planned_date = "2026-07-10",
    .method_ids = methods,
    .major = major,
  };

  return gk_workflow_create (f->db, proposer, &plan, NULL, error);
}

static const char *
state_of (Fixture *f,
          gint64   notice_id)
{
  g_autoptr(GkNotice) notice = gk_notices_get (f->db, notice_id, NULL);
  static char state[32];

  g_strlcpy (state, gk_notice_get_state (notice), sizeof state);
  return state;
}

static void
act_ok (Fixture          *f,
        gint64            actor,
        gint64            notice_id,
        GkAction          action,
        const GkStepArgs *args)
{
  g_autoptr(GError) error = NULL;

  gk_workflow_act (f->db, actor, notice_id, action, args, &error);
  g_assert_no_error (error);
}

static void
act_refused (Fixture          *f,
             gint64            actor,
             gint64            notice_id,
             GkAction          action,
             const GkStepArgs *args,
             const char       *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state_before = g_strdup (state_of (f, notice_id));
  gint64 events_before = gk_test_query_int (f->db, "SELECT count(*) FROM audit_events");

  g_assert_false (gk_workflow_act (f->db, actor, notice_id, action, args, &error));
  g_assert_nonnull (error);
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message_part);
  /* A refusal changes nothing. */
  g_assert_cmpstr (state_of (f, notice_id), ==, state_before);
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM audit_events"), ==, events_before);
}

static void
assert_waiting (Fixture  *f,
                gint64    notice_id,
                GkAction  expected_action,
                gint64    expected_person)
{
  g_autoptr(GError) error = NULL;
  GkAction next = GK_N_ACTIONS;
  g_autoptr(GArray) people = gk_workflow_waiting_for (f->db, notice_id, &next, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpint (g_array_index (people, gint64, 0), ==, expected_person);
  g_assert_cmpint (next, ==, expected_action);
}

static const GkStepArgs passing_review = {
  .secrecy = "ok", .necessity = "ok", .accuracy = "ok", .risk = "low", .note = "内容准确",
};

static void
test_school_route (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = new_notice (f, f->staff, f->org_dept, FALSE, &error);
  GkStepArgs publish = { .date = "2026-07-10" };
  g_autoptr(GkNotice) notice = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (state_of (f, id), ==, "draft");
  assert_waiting (f, id, GK_ACTION_SUBMIT, f->staff);

  act_ok (f, f->staff, id, GK_ACTION_SUBMIT, NULL);
  g_assert_cmpstr (state_of (f, id), ==, "submitted");
  assert_waiting (f, id, GK_ACTION_REVIEW, f->principal);

  act_ok (f, f->principal, id, GK_ACTION_REVIEW, &passing_review);
  g_assert_cmpstr (state_of (f, id), ==, "reviewed");
  assert_waiting (f, id, GK_ACTION_APPROVE, f->leader);
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM notice_reviews WHERE secrecy = 'ok' AND risk = 'low'"), ==, 1);

  act_ok (f, f->leader, id, GK_ACTION_APPROVE, &(GkStepArgs) { .pdf_sha256 = "feedc0de" });
  g_assert_cmpstr (state_of (f, id), ==, "approved");
  notice = gk_notices_get (f->db, id, NULL);
  g_assert_cmpstr (gk_notice_get_approval_sha256 (notice), ==, "feedc0de");
  g_assert_cmpuint (strlen (gk_notice_get_content_sha256 (notice)), ==, 64);

  act_ok (f, f->staff, id, GK_ACTION_PUBLISH, &publish);
  g_clear_object (&notice);
  notice = gk_notices_get (f->db, id, NULL);
  g_assert_cmpstr (gk_notice_get_state (notice), ==, "published");
  g_assert_cmpstr (gk_notice_get_published_date (notice), ==, "2026-07-10");
  g_assert_cmpint (gk_notice_get_level (notice), ==, GK_LEVEL_SCHOOL);
}

static void
test_self_approval_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = new_notice (f, f->principal, f->org_dept, FALSE, &error);
  g_autoptr(GArray) waiting = NULL;

  g_assert_no_error (error);
  act_ok (f, f->principal, id, GK_ACTION_SUBMIT, NULL);
  /* The principal proposed it: he may not review it, and nobody else
   * holds the role, which the message says. */
  act_refused (f, f->principal, id, GK_ACTION_REVIEW, &passing_review, "party office must assign");
  waiting = gk_workflow_waiting_for (f->db, id, NULL, NULL);
  g_assert_cmpuint (waiting->len, ==, 0);
}

static void
test_general_branch_route (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = new_notice (f, f->teacher, f->org_gb, FALSE, &error);

  g_assert_no_error (error);
  act_ok (f, f->teacher, id, GK_ACTION_SUBMIT, NULL);
  assert_waiting (f, id, GK_ACTION_REVIEW, f->gb_secretary);
  act_ok (f, f->gb_secretary, id, GK_ACTION_REVIEW, &passing_review);
  assert_waiting (f, id, GK_ACTION_APPROVE, f->gb_secretary);
  act_ok (f, f->gb_secretary, id, GK_ACTION_APPROVE, NULL);
  act_ok (f, f->teacher, id, GK_ACTION_PUBLISH, &(GkStepArgs) { .date = "2026-07-11" });
  g_assert_cmpstr (state_of (f, id), ==, "published");

  /* The school's leader has no say at general-branch level. */
  id = new_notice (f, f->teacher, f->org_gb, FALSE, &error);
  act_ok (f, f->teacher, id, GK_ACTION_SUBMIT, NULL);
  act_refused (f, f->principal, id, GK_ACTION_REVIEW, &passing_review, "赵书记");
}

static void
test_branch_route (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = new_notice (f, f->branch_member, f->org_branch, FALSE, &error);
  gint64 other;
  g_autofree char *acts = g_strdup_printf ("SELECT count(*) FROM notice_events"
                                           " WHERE notice_id = %" G_GINT64_FORMAT
                                           " AND action IN ('review', 'approve')", id);

  g_assert_no_error (error);
  act_ok (f, f->branch_member, id, GK_ACTION_SUBMIT, NULL);
  act_ok (f, f->branch_secretary, id, GK_ACTION_REVIEW, &passing_review);
  act_ok (f, f->branch_secretary, id, GK_ACTION_APPROVE, NULL);
  g_assert_cmpstr (state_of (f, id), ==, "approved");

  /* One secretary reviewed and approved: two acts, recorded apart. */
  g_assert_cmpint (gk_test_query_int (f->db, acts), ==, 2);

  /* At branch level the secretary may take every step of a plan of his own. */
  other = new_notice (f, f->branch_secretary, f->org_branch, FALSE, &error);
  g_assert_no_error (error);
  act_ok (f, f->branch_secretary, other, GK_ACTION_SUBMIT, NULL);
  act_ok (f, f->branch_secretary, other, GK_ACTION_REVIEW, &passing_review);
  act_ok (f, f->branch_secretary, other, GK_ACTION_APPROVE, NULL);

  /* Someone outside the branch committee cannot propose for it. */
  g_assert_cmpint (new_notice (f, f->teacher, f->org_branch, FALSE, &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
}

static void
test_major_route (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = new_notice (f, f->staff, f->org_dept, TRUE, &error);
  GkStepArgs decide = { .date = "2026-06-30", .reference = "党委常委会纪要〔2026〕12号", .upper = TRUE };
  GkStepArgs upper = { .date = "2026-07-05", .reference = "晋市委组函〔2026〕3号" };

  g_assert_no_error (error);
  act_ok (f, f->staff, id, GK_ACTION_SUBMIT, NULL);
  act_ok (f, f->principal, id, GK_ACTION_REVIEW, &passing_review);
  assert_waiting (f, id, GK_ACTION_ESCALATE, f->leader);
  act_refused (f, f->leader, id, GK_ACTION_APPROVE, NULL, "Refer to the standing committee");

  act_ok (f, f->leader, id, GK_ACTION_ESCALATE, NULL);
  assert_waiting (f, id, GK_ACTION_DECIDE, f->office);
  act_refused (f, f->office, id, GK_ACTION_DECIDE, &(GkStepArgs) { .date = "2026-06-30" }, "reference");
  act_ok (f, f->office, id, GK_ACTION_DECIDE, &decide);
  g_assert_cmpstr (state_of (f, id), ==, "upper-review");
  assert_waiting (f, id, GK_ACTION_UPPER_APPROVE, f->office);

  act_ok (f, f->office, id, GK_ACTION_UPPER_APPROVE, &upper);
  g_assert_cmpstr (state_of (f, id), ==, "approved");
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM notice_decisions"), >=, 2);

  act_ok (f, f->office, id, GK_ACTION_PUBLISH, &(GkStepArgs) { .date = "2026-07-08" });
  g_assert_cmpstr (state_of (f, id), ==, "published");
}

static void
test_wrong_person_and_state (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = new_notice (f, f->staff, f->org_dept, FALSE, &error);

  g_assert_no_error (error);
  act_refused (f, f->leader, id, GK_ACTION_APPROVE, NULL, "waiting for 王干事");
  act_refused (f, f->principal, id, GK_ACTION_SUBMIT, NULL, "王干事");
  act_ok (f, f->staff, id, GK_ACTION_SUBMIT, NULL);
  act_refused (f, f->staff, id, GK_ACTION_REVIEW, &passing_review, "刘部长");
  act_refused (f, f->outsider, id, GK_ACTION_REVIEW, &passing_review, "刘部长");
  act_refused (f, f->gb_secretary, id, GK_ACTION_REJECT, &(GkStepArgs) { .reason = GK_REJECT_SECRET }, NULL);
  act_ok (f, f->principal, id, GK_ACTION_REVIEW, &passing_review);
  act_ok (f, f->leader, id, GK_ACTION_APPROVE, NULL);
  /* Approving twice: already approved, by whom, when. */
  act_refused (f, f->leader, id, GK_ACTION_APPROVE, NULL, "last changed by 陈校长");
  act_refused (f, f->staff, id, GK_ACTION_WITHDRAW, NULL, NULL);
}

static void
test_stale_row_version (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = new_notice (f, f->staff, f->org_dept, FALSE, &error);
  g_autoptr(GkNotice) seen = NULL;
  g_autoptr(GkDatabase) other = NULL;
  GkStepArgs stale = { 0 };

  act_ok (f, f->staff, id, GK_ACTION_SUBMIT, NULL);
  act_ok (f, f->principal, id, GK_ACTION_REVIEW, &passing_review);
  seen = gk_notices_get (f->db, id, NULL);

  /* Another desktop on the same file returns the plan first. */
  other = gk_database_open (gk_database_get_path (f->db), &error);
  g_assert_no_error (error);
  gk_workflow_act (other, f->leader, id, GK_ACTION_RETURN, &(GkStepArgs) { .note = "请补充数据" }, &error);
  g_assert_no_error (error);

  stale.expected_row_version = gk_notice_get_row_version (seen);
  act_refused (f, f->leader, id, GK_ACTION_APPROVE, &stale, "changed by someone else first");
  g_assert_cmpstr (state_of (f, id), ==, "returned");
}

static void
test_void_on_edit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = new_notice (f, f->staff, f->org_dept, FALSE, &error);
  g_autoptr(GkNotice) approved = NULL;
  g_autoptr(GkNotice) edited = NULL;
  g_autoptr(GArray) audiences = ids_of (f->db, gk_directory_find_audience, "全体党员", NULL);
  g_autoptr(GArray) methods = ids_of (f->db, method_id, "会议", NULL);
  g_autoptr(GPtrArray) history = NULL;
  GkNoticePlan plan;

  act_ok (f, f->staff, id, GK_ACTION_SUBMIT, NULL);
  act_ok (f, f->principal, id, GK_ACTION_REVIEW, &passing_review);
  act_ok (f, f->leader, id, GK_ACTION_APPROVE, NULL);
  approved = gk_notices_get (f->db, id, NULL);

  /* The same plan saved again changes nothing. */
  plan = (GkNoticePlan) {
    .organization_id = f->org_dept,
    .item_id = gk_notice_get_item_id (approved),
    .title = gk_notice_get_title (approved),
    .body = gk_notice_get_body (approved),
    .audience_ids = ids_of (f->db, gk_directory_find_audience, "全体党员", "社会", NULL),
    .planned_date = gk_notice_get_planned_date (approved),
    .method_ids = ids_of (f->db, method_id, "会议", "互联网", NULL),
  };
  gk_workflow_edit (f->db, f->staff, id, gk_notice_get_row_version (approved), &plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (state_of (f, id), ==, "approved");
  g_array_unref (plan.audience_ids);
  g_array_unref (plan.method_ids);

  /* A narrower scope is a different plan: the approval is void. */
  plan.audience_ids = audiences;
  plan.method_ids = methods;
  gk_workflow_edit (f->db, f->staff, id, 0, &plan, NULL, &error);
  g_assert_no_error (error);
  edited = gk_notices_get (f->db, id, NULL);
  g_assert_cmpstr (gk_notice_get_state (edited), ==, "draft");
  g_assert_cmpstr (gk_notice_get_approval_sha256 (edited), ==, "");
  history = gk_notices_history (f->db, id, NULL);
  g_assert_cmpstr (((GkNoticeEvent *) g_ptr_array_index (history, history->len - 1))->action, ==, "void");

  /* Only the proposer edits. */
  g_assert_false (gk_workflow_edit (f->db, f->leader, id, 0, &plan, NULL, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
}

static void
test_review_findings (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = new_notice (f, f->staff, f->org_dept, FALSE, &error);
  GkStepArgs secret = passing_review;
  GkStepArgs incomplete = { .secrecy = "ok", .necessity = "ok" };

  secret.secrecy = "secret";
  act_ok (f, f->staff, id, GK_ACTION_SUBMIT, NULL);
  act_refused (f, f->principal, id, GK_ACTION_REVIEW, &incomplete, "accuracy");
  act_refused (f, f->principal, id, GK_ACTION_REVIEW, &secret, "do not let the plan pass");
  act_refused (f, f->principal, id, GK_ACTION_REVIEW, &(GkStepArgs) { .secrecy = "ok", .necessity = "ok", .accuracy = "ok", .risk = "extreme" }, "risk");

  act_ok (f, f->principal, id, GK_ACTION_RETURN, &(GkStepArgs) { .note = "涉及个人信息，请删去" });
  g_assert_cmpstr (state_of (f, id), ==, "returned");
  assert_waiting (f, id, GK_ACTION_SUBMIT, f->staff);
  act_ok (f, f->staff, id, GK_ACTION_SUBMIT, NULL);
  act_refused (f, f->principal, id, GK_ACTION_RETURN, NULL, "comment");
}

static void
test_reject_and_withdraw (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 rejected = new_notice (f, f->staff, f->org_dept, FALSE, &error);
  gint64 withdrawn = new_notice (f, f->staff, f->org_dept, FALSE, &error);
  g_autoptr(GPtrArray) history = NULL;

  act_ok (f, f->staff, rejected, GK_ACTION_SUBMIT, NULL);
  act_refused (f, f->principal, rejected, GK_ACTION_REJECT, &(GkStepArgs) { .reason = GK_REJECT_OTHER }, "reason");
  act_ok (f, f->principal, rejected, GK_ACTION_REJECT, &(GkStepArgs) { .reason = GK_REJECT_SECRET, .note = "含内部名单" });
  g_assert_cmpstr (state_of (f, rejected), ==, "rejected");
  history = gk_notices_history (f->db, rejected, NULL);
  g_assert_nonnull (strstr (((GkNoticeEvent *) g_ptr_array_index (history, history->len - 1))->note, "含内部名单"));
  g_assert_cmpuint (gk_workflow_allowed (f->db, rejected, f->staff), ==, 0);

  act_ok (f, f->staff, withdrawn, GK_ACTION_SUBMIT, NULL);
  act_refused (f, f->principal, withdrawn, GK_ACTION_WITHDRAW, NULL, NULL);
  act_ok (f, f->staff, withdrawn, GK_ACTION_WITHDRAW, NULL);
  g_assert_cmpstr (state_of (f, withdrawn), ==, "withdrawn");
}

static void
test_staging (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = new_notice (f, f->staff, f->org_dept, FALSE, &error);
  g_autoptr(GArray) members = ids_of (f->db, gk_directory_find_audience, "全体党员", NULL);
  g_autoptr(GArray) society = ids_of (f->db, gk_directory_find_audience, "社会", NULL);
  g_autoptr(GArray) outside_plan = ids_of (f->db, gk_directory_find_audience, "全校师生", NULL);
  g_autoptr(GArray) meeting = ids_of (f->db, method_id, "会议", NULL);
  g_autoptr(GArray) internet = ids_of (f->db, method_id, "互联网", NULL);
  g_autoptr(GArray) board = ids_of (f->db, method_id, "公开栏", NULL);

  act_ok (f, f->staff, id, GK_ACTION_SUBMIT, NULL);
  act_ok (f, f->principal, id, GK_ACTION_REVIEW, &passing_review);
  act_ok (f, f->leader, id, GK_ACTION_APPROVE, NULL);

  /* 先党内后党外: members first, at a meeting… */
  act_refused (f, f->staff, id, GK_ACTION_PUBLISH,
               &(GkStepArgs) { .date = "2026-07-10", .audience_ids = outside_plan }, "outside the approved plan");
  act_refused (f, f->staff, id, GK_ACTION_PUBLISH,
               &(GkStepArgs) { .date = "2026-07-10", .method_ids = board }, "outside the approved plan");
  act_ok (f, f->staff, id, GK_ACTION_PUBLISH,
          &(GkStepArgs) { .date = "2026-07-10", .audience_ids = members, .method_ids = meeting });
  g_assert_cmpstr (state_of (f, id), ==, "published");
  g_assert_true (gk_workflow_allowed (f->db, id, f->staff) & (1u << GK_ACTION_PUBLISH));

  /* …society a week later, on the internet. */
  act_ok (f, f->principal, id, GK_ACTION_PUBLISH,
          &(GkStepArgs) { .date = "2026-07-17", .audience_ids = society, .method_ids = internet });
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM notice_stages"), ==, 2);
  g_assert_false (gk_workflow_allowed (f->db, id, f->staff) & (1u << GK_ACTION_PUBLISH));
  act_refused (f, f->staff, id, GK_ACTION_PUBLISH, &(GkStepArgs) { .date = "2026-07-20" }, NULL);
}

static void
test_method_warning (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GArray) audiences = ids_of (f->db, gk_directory_find_audience, "全体党员", "全校师生", NULL);
  g_autoptr(GArray) methods = ids_of (f->db, method_id, "会议", "公开栏", NULL);
  GkNoticePlan plan = {
    .organization_id = f->org_dept, .title = "党员发展对象公示", .body = "公示如下。",
    .audience_ids = audiences, .planned_date = "2026-05-01", .method_ids = methods,
  };

  g_assert_cmpint (gk_workflow_create (f->db, f->staff, &plan, &warnings, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "公开栏"));

  plan.planned_date = "2026-02-30";
  g_assert_cmpint (gk_workflow_create (f->db, f->staff, &plan, NULL, &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
}

static void
test_inbox_queries (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = new_notice (f, f->staff, f->org_dept, FALSE, &error);
  gint64 b = new_notice (f, f->teacher, f->org_gb, FALSE, &error);
  g_autoptr(GListModel) principal_inbox = NULL;
  g_autoptr(GListModel) secretary_inbox = NULL;
  g_autoptr(GListModel) mine = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GkNotice) first = NULL;

  act_ok (f, f->staff, a, GK_ACTION_SUBMIT, NULL);
  act_ok (f, f->teacher, b, GK_ACTION_SUBMIT, NULL);

  principal_inbox = gk_notices_list (f->db, &(GkNoticeQuery) { .waiting_for = f->principal }, &error);
  g_assert_cmpuint (g_list_model_get_n_items (principal_inbox), ==, 1);
  first = g_list_model_get_item (principal_inbox, 0);
  g_assert_cmpint (gk_notice_get_id (first), ==, a);

  secretary_inbox = gk_notices_list (f->db, &(GkNoticeQuery) { .waiting_for = f->gb_secretary }, &error);
  g_assert_cmpuint (g_list_model_get_n_items (secretary_inbox), ==, 1);
  mine = gk_notices_list (f->db, &(GkNoticeQuery) { .proposed_by = f->teacher }, &error);
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 1);
  found = gk_notices_list (f->db, &(GkNoticeQuery) { .search = "党费" }, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
  g_clear_object (&found);
  found = gk_notices_list (f->db, &(GkNoticeQuery) { .search = "上半年党费收缴" }, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
  g_clear_object (&found);
  found = gk_notices_list (f->db, &(GkNoticeQuery) { .search = "下半年" }, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
}

static void
test_audit_after_scenario (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  test_school_route (f, data);
  test_major_route (f, data);
  test_branch_route (f, data);
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM audit_events WHERE entity = 'notice'"), >=, 15);
  g_assert_true (gk_audit_verify (f->db, NULL, &error));
  g_assert_no_error (error);
  /* Every transition names its person. */
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM audit_events WHERE entity = 'notice' AND person_id IS NULL"), ==, 0);
}

static void
test_application_to_committee (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRequest) request = NULL;
  g_autoptr(GArray) audiences = ids_of (f->db, gk_directory_find_audience, "相关党组织党员", NULL);
  g_autoptr(GArray) methods = ids_of (f->db, method_id, "文件", NULL);
  gint64 committee = gk_directory_find_organization (f->db, "党委", NULL);
  gint64 id, notice;
  GkNoticePlan plan;

  /* Only party office records applications to the committee. */
  g_assert_cmpint (gk_requests_new (f->db, f->staff, "李党员", TRUE, committee, "公开发展党员名单", "2026-02-10", &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);

  id = gk_requests_new (f->db, f->office, "李党员", TRUE, committee, "公开2025年发展党员名单及程序", "2026-02-10", &error);
  g_assert_no_error (error);
  request = gk_requests_get (f->db, id, NULL);
  g_assert_cmpstr (request->state, ==, "received");
  /* 20 working days, across the Spring Festival and its make-up days. */
  g_assert_cmpstr (request->deadline, ==, "2026-03-16");

  /* What the application's window offers: steps for party office only,
   * forwarding first, to a department. */
  g_assert_true (gk_requests_may_handle (f->db, f->office, id));
  g_assert_false (gk_requests_may_handle (f->db, f->staff, id));
  g_assert_false (gk_requests_may_handle (f->db, f->gb_secretary, id));
  g_assert_true (gk_requests_is_forwarded_first (f->db, id));
  {
    g_autoptr(GPtrArray) handlers = gk_requests_list_handlers (f->db, &error);
    gboolean has_dept = FALSE, has_branch = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < handlers->len; i++)
      {
        GkChoice *choice = g_ptr_array_index (handlers, i);

        has_dept |= choice->id == f->org_dept;
        has_branch |= choice->id == f->org_gb;
      }
    g_assert_true (has_dept);
    g_assert_false (has_branch);
  }

  g_assert_false (gk_requests_forward (f->db, f->office, id, gk_directory_find_organization (f->db, "计算机党总支", NULL), &error));
  g_clear_error (&error);
  g_assert_true (gk_requests_forward (f->db, f->office, id, f->org_dept, &error));
  g_assert_no_error (error);

  /* The department handles it as a notice through the school route. */
  plan = (GkNoticePlan) {
    .organization_id = f->org_dept, .application_id = id, .title = "关于2025年发展党员情况的说明",
    .body = "现将2025年发展党员的程序和名单说明如下。", .audience_ids = audiences,
    .planned_date = "2026-03-05", .method_ids = methods,
  };
  notice = gk_workflow_create (f->db, f->staff, &plan, NULL, &error);
  g_assert_no_error (error);
  act_ok (f, f->staff, notice, GK_ACTION_SUBMIT, NULL);
  act_ok (f, f->principal, notice, GK_ACTION_REVIEW, &passing_review);
  act_ok (f, f->leader, notice, GK_ACTION_APPROVE, NULL);
  act_ok (f, f->staff, notice, GK_ACTION_PUBLISH, &(GkStepArgs) { .date = "2026-03-05" });

  g_assert_true (gk_requests_extend (f->db, f->office, id, &error));
  g_assert_false (gk_requests_extend (f->db, f->office, id, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (gk_requests_reply (f->db, f->office, id, GK_REPLY_REFUSE, NULL, "2026-03-06", &error));
  g_clear_error (&error);
  g_assert_true (gk_requests_reply (f->db, f->office, id, GK_REPLY_DISCLOSE, NULL, "2026-03-06", &error));
  g_assert_no_error (error);
  g_clear_pointer (&request, gk_request_free);
  request = gk_requests_get (f->db, id, NULL);
  g_assert_cmpstr (request->state, ==, "replied");
  g_assert_cmpstr (request->reply, ==, "disclose");
  g_assert_true (request->extended);

  /* A reply closes it. */
  g_assert_false (gk_requests_reply (f->db, f->office, id, GK_REPLY_PARTIAL, "x", "2026-03-07", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
}

static void
test_application_to_general_branch (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRequest) request = NULL;
  gint64 id;

  /* Party office has no say over a general branch's applications. */
  g_assert_cmpint (gk_requests_new (f->db, f->office, "何老师", FALSE, f->org_gb, "公开党总支经费使用", "2026-04-01", &error), ==, 0);
  g_clear_error (&error);

  id = gk_requests_new (f->db, f->gb_secretary, "何老师", FALSE, f->org_gb, "公开党总支经费使用", "2026-04-01", &error);
  g_assert_no_error (error);
  request = gk_requests_get (f->db, id, NULL);
  g_assert_cmpstr (request->handler, ==, "计算机党总支");
  g_assert_true (gk_requests_may_handle (f->db, f->gb_secretary, id));
  g_assert_false (gk_requests_may_handle (f->db, f->office, id));
  g_assert_false (gk_requests_is_forwarded_first (f->db, id));

  /* Handled by the branch itself: nothing to forward. */
  g_assert_false (gk_requests_forward (f->db, f->gb_secretary, id, f->org_dept, &error));
  g_clear_error (&error);
  g_assert_true (gk_requests_reply (f->db, f->gb_secretary, id, GK_REPLY_PARTIAL, "个人信息不予公开", "2026-04-10", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/workflow/school/route", test_school_route);
  ADD ("/workflow/school/self-approval", test_self_approval_refused);
  ADD ("/workflow/general-branch/route", test_general_branch_route);
  ADD ("/workflow/branch/route", test_branch_route);
  ADD ("/workflow/major/route", test_major_route);
  ADD ("/workflow/refuse/wrong-person-and-state", test_wrong_person_and_state);
  ADD ("/workflow/refuse/stale-row-version", test_stale_row_version);
  ADD ("/workflow/void-on-edit", test_void_on_edit);
  ADD ("/workflow/review/findings", test_review_findings);
  ADD ("/workflow/reject-and-withdraw", test_reject_and_withdraw);
  ADD ("/workflow/publish/staging", test_staging);
  ADD ("/workflow/plan/warnings", test_method_warning);
  ADD ("/workflow/inbox-queries", test_inbox_queries);
  ADD ("/workflow/audit-chain", test_audit_after_scenario);
  ADD ("/workflow/application/committee", test_application_to_committee);
  ADD ("/workflow/application/general-branch", test_application_to_general_branch);
#undef ADD

  return g_test_run ();
}
