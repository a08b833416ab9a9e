/* A notice from the database, printed: the draft mark, the verification
 * code, and the hashes the approval binds. */

#include <string.h>

#include "core/gk-directory.h"
#include "core/gk-notices.h"
#include "core/gk-workflow.h"
#include "pdf/gk-notice-print.h"
#include "gk-test-util.h"

typedef struct
{
  GkDatabase *db;
  gint64      staff;
  gint64      principal;
  gint64      leader;
  gint64      notice_id;
} Fixture;

static gboolean
setup_people (GkDatabase *db,
              gpointer    user_data,
              GError    **error)
{
  Fixture *f = user_data;
  gint64 dept = gk_directory_find_organization (db, "组织部", error);
  gint64 committee = gk_directory_find_organization (db, "党委", error);

  if (dept == 0 || committee == 0)
    return FALSE;

  f->staff = gk_directory_add_person (db, "王干事", NULL, NULL, error);
  f->principal = gk_directory_add_person (db, "刘部长", NULL, NULL, error);
  f->leader = gk_directory_add_person (db, "陈校长", NULL, NULL, error);
  return f->leader != 0 &&
         gk_directory_add_role (db, f->staff, dept, "staff", error) &&
         gk_directory_add_role (db, f->principal, dept, "principal", error) &&
         gk_directory_add_role (db, f->leader, committee, "leader", error) &&
         gk_directory_add_oversight (db, f->leader, dept, error);
}

static GArray *
ids_from_sql (GkDatabase *db,
              const char *sql)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = gk_test_query_int (db, sql);

  g_assert_cmpint (id, >, 0);
  g_array_append_val (ids, id);
  return ids;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) audiences = NULL;
  g_autoptr(GArray) methods = NULL;
  GkNoticePlan plan = { 0 };

  f->db = gk_test_template_db ();
  gk_database_write (f->db, setup_people, f, &error);
  g_assert_no_error (error);

  audiences = ids_from_sql (f->db, "SELECT id FROM audiences WHERE name = '全体党员'");
  methods = ids_from_sql (f->db, "SELECT id FROM methods WHERE name = '会议'");
  plan.organization_id = gk_directory_find_organization (f->db, "组织部", NULL);
  plan.item_id = gk_test_query_int (f->db, "SELECT id FROM catalog_items WHERE number = 21");
  plan.title = "2026年上半年党费收缴、管理和使用情况";
  plan.body = "根据党费管理有关规定，现将2026年上半年党费收缴、管理和使用情况公开如下。\n"
              "一、党费收缴情况。全校共有党员1234名，均按规定交纳党费。";
  plan.audience_ids = audiences;
  plan.planned_date = "2026-07-10";
  plan.method_ids = methods;

  f->notice_id = gk_workflow_create (f->db, f->staff, &plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->notice_id, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
}

static GkNotice *
get_notice (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GkNotice *notice = gk_notices_get (f->db, f->notice_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (notice);
  return notice;
}

static GkNoticeContent *
print_content (Fixture *f)
{
  g_autoptr(GkNotice) notice = get_notice (f);
  g_autoptr(GError) error = NULL;
  GkNoticeContent *content = gk_notice_print_content (f->db, notice, &error);

  g_assert_no_error (error);
  g_assert_nonnull (content);
  return content;
}

static char *
render_sha256 (const GkNoticeContent *content,
               GBytes               **pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reported = NULL;
  g_autoptr(GBytes) bytes = gk_notice_print_render (content, GK_NOTICE_LAYOUT_BULLETIN, &reported, NULL, &error);
  char *sha256;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_assert_cmpstr (sha256, ==, reported);
  if (pdf != NULL)
    *pdf = g_steal_pointer (&bytes);
  return sha256;
}

static void
test_draft (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GkNoticeContent) content = print_content (f);
  g_autoptr(GkNotice) notice = get_notice (f);

  g_assert_cmpstr (gk_notice_get_state (notice), ==, "draft");
  g_assert_true (content->draft);
  g_assert_null (content->verification);
  g_assert_cmpstr (content->title, ==, "2026年上半年党费收缴、管理和使用情况");
  g_assert_cmpstr (content->audiences, ==, "全体党员");
  g_assert_cmpstr (content->signature, ==, "党委组织部");
  g_assert_cmpuint (g_date_get_year (&content->date), ==, 2026);
  g_assert_cmpuint (g_date_get_month (&content->date), ==, 7);
  g_assert_cmpuint (g_date_get_day (&content->date), ==, 10);
  g_assert_cmpint (gk_notice_print_layout (notice), ==, GK_NOTICE_LAYOUT_BULLETIN);
}

static void
test_approval (Fixture       *f,
               gconstpointer  data)
{
  const GkStepArgs review = { .secrecy = "ok", .necessity = "ok", .accuracy = "ok", .risk = "low" };
  g_autoptr(GkNoticeContent) clean = NULL;
  g_autoptr(GkNoticeContent) posted_content = NULL;
  g_autoptr(GkNotice) notice = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *approval = NULL;
  g_autofree char *posted = NULL;
  g_autofree char *font_report = NULL;
  g_autofree char *clean_sha256 = NULL;
  g_autofree char *again_sha256 = NULL;
  g_autofree char *posted_sha256 = NULL;
  g_autofree char *code = NULL;
  GkStepArgs approve = { 0 };

  gk_workflow_act (f->db, f->staff, f->notice_id, GK_ACTION_SUBMIT, NULL, &error);
  g_assert_no_error (error);
  gk_workflow_act (f->db, f->principal, f->notice_id, GK_ACTION_REVIEW, &review, &error);
  g_assert_no_error (error);

  /* Awaiting approval: the approver sees the clean notice. */
  clean = print_content (f);
  g_assert_false (clean->draft);
  g_assert_null (clean->verification);

  g_assert_true (gk_notice_print_approval (clean, GK_NOTICE_LAYOUT_BULLETIN,
                                           &approval, &posted, &font_report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (approval), ==, 64);
  g_assert_cmpuint (strlen (posted), ==, 64);
  g_assert_cmpstr (approval, !=, posted);
  g_assert_nonnull (font_report);

  /* The approval hash is that of the clean PDF, and the same content
   * always gives the same bytes. */
  clean_sha256 = render_sha256 (clean, &first);
  again_sha256 = render_sha256 (clean, &second);
  g_assert_cmpstr (clean_sha256, ==, approval);
  g_assert_cmpstr (again_sha256, ==, approval);
  g_assert_true (g_bytes_equal (first, second));

  approve.pdf_sha256 = approval;
  approve.posted_sha256 = posted;
  approve.font_report = font_report;
  gk_workflow_act (f->db, f->leader, f->notice_id, GK_ACTION_APPROVE, &approve, &error);
  g_assert_no_error (error);

  notice = get_notice (f);
  g_assert_cmpstr (gk_notice_get_state (notice), ==, "approved");
  g_assert_cmpstr (gk_notice_get_approval_sha256 (notice), ==, approval);
  g_assert_cmpstr (gk_notice_get_pdf_sha256 (notice), ==, posted);

  /* Approved: no draft mark, and the code is the approval's first 8 digits. */
  posted_content = print_content (f);
  code = g_strndup (approval, 8);
  g_assert_false (posted_content->draft);
  g_assert_cmpstr (posted_content->verification, ==, code);

  /* What is posted now is what the approval recorded. */
  posted_sha256 = render_sha256 (posted_content, NULL);
  g_assert_cmpstr (posted_sha256, ==, posted);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/notice-print/draft", Fixture, NULL, fixture_set_up, test_draft, fixture_tear_down);
  g_test_add ("/notice-print/approval", Fixture, NULL, fixture_set_up, test_approval, fixture_tear_down);

  return g_test_run ();
}
