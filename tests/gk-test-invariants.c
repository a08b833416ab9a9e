#include "core/gk-audit.h"
#include "core/gk-directory.h"
#include "core/gk-notices.h"
#include "core/gk-template.h"
#include "core/gk-workflow.h"
#include "gk-test-invariants.h"
#include "gk-test-util.h"

/* Each query counts the notices that break one rule. */
static const struct
{
  const char *rule;
  const char *sql;
} rules[] = {
  { "a notice's state is the to_state of its last history event",
    "SELECT count(*) FROM notices n WHERE n.state IS NOT"
    " (SELECT to_state FROM notice_events e WHERE e.notice_id = n.id ORDER BY e.id DESC LIMIT 1)" },
  { "every history event has its audit event",
    "SELECT count(*) FROM notices n WHERE"
    " (SELECT count(*) FROM notice_events e WHERE e.notice_id = n.id) !="
    " (SELECT count(*) FROM audit_events a WHERE a.entity = 'notice' AND a.entity_id = n.id)" },
  { "row_version counts the notice's history events",
    "SELECT count(*) FROM notices n WHERE n.row_version !="
    " (SELECT count(*) FROM notice_events e WHERE e.notice_id = n.id)" },
  { "a published notice has a publication stage",
    "SELECT count(*) FROM notices n WHERE n.state = 'published'"
    " AND NOT EXISTS (SELECT 1 FROM notice_stages s WHERE s.notice_id = n.id)" },
  { "an approved or published notice has its approval hash",
    "SELECT count(*) FROM notices n WHERE n.state IN ('approved', 'published')"
    " AND (n.approval_sha256 IS NULL OR n.approved_by IS NULL)" },
};

void
gk_test_assert_invariants (GkDatabase *db)
{
  g_autoptr(GError) error = NULL;

  gk_database_integrity_check (db, &error);
  g_assert_no_error (error);
  gk_audit_verify (db, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      gint64 broken = gk_test_query_int (db, rules[i].sql);

      if (broken != 0)
        g_error ("%" G_GINT64_FORMAT " notices break the rule: %s", broken, rules[i].rule);
    }
}

void
gk_test_assert_file_invariants (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_database_open (path, &error);

  g_assert_no_error (error);
  gk_test_assert_invariants (db);
}

static gboolean
add_branches (GkDatabase *db,
              gpointer    user_data,
              GError    **error)
{
  guint n_writers = GPOINTER_TO_UINT (user_data);
  gint64 committee = gk_directory_find_organization (db, "党委", error);
  gint64 general = gk_directory_add_organization (db, "测试学院党总支", NULL, "general-branch", committee, error);

  if (general == 0)
    return FALSE;

  for (guint i = 0; i < n_writers; i++)
    {
      g_autofree char *branch_name = g_strdup_printf ("branch %u", i);
      g_autofree char *member_name = g_strdup_printf ("member %u", i);
      g_autofree char *secretary_name = g_strdup_printf ("secretary %u", i);
      gint64 branch = gk_directory_add_organization (db, branch_name, NULL, "branch", general, error);
      gint64 member = gk_directory_add_person (db, member_name, NULL, NULL, error);
      gint64 secretary = gk_directory_add_person (db, secretary_name, NULL, NULL, error);

      if (branch == 0 || member == 0 || secretary == 0 ||
          !gk_directory_add_role (db, member, branch, "committee-member", error) ||
          !gk_directory_add_role (db, secretary, branch, "secretary", error))
        return FALSE;
    }
  return TRUE;
}

void
gk_test_make_branches (const char *path,
                       guint       n_writers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_template_create_database (path, "jinzhong-2020", &error);

  g_assert_no_error (error);
  gk_database_write (db, add_branches, GUINT_TO_POINTER (n_writers), &error);
  g_assert_no_error (error);
}

static gint64
find (GkDatabase  *db,
      gint64     (*lookup) (GkDatabase *, const char *, GError **),
      const char  *format,
      guint        writer,
      GError     **error)
{
  g_autofree char *name = g_strdup_printf (format, writer);

  return lookup (db, name, error);
}

static gint64
create_notice (GkDatabase  *db,
               gint64       member,
               guint        writer,
               GError     **error)
{
  g_autoptr(GArray) audiences = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) methods = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 audience = gk_directory_find_audience (db, "全体党员", error);
  gint64 method = audience ? gk_directory_find_method (db, "会议", error) : 0;
  gint64 branch = method ? find (db, gk_directory_find_organization, "branch %u", writer, error) : 0;
  GkNoticePlan plan = {
    .organization_id = branch,
    .title = "支部党员发展情况",
    .body = "根据党员发展工作有关规定，现将本支部党员发展情况公开如下。",
    .audience_ids = audiences,
    .planned_date = "2026-07-10",
    .method_ids = methods,
  };

  if (branch == 0)
    return 0;
  g_array_append_val (audiences, audience);
  g_array_append_val (methods, method);
  return gk_workflow_create (db, member, &plan, NULL, error);
}

const char *
gk_test_branch_step (GkDatabase  *db,
                     guint        writer,
                     gint64      *id,
                     GError     **error)
{
  static const GkStepArgs review = {
    .secrecy = "ok", .necessity = "ok", .accuracy = "ok", .risk = "low",
  };
  static const GkStepArgs publish = { .date = "2026-07-10" };
  static const struct
  {
    const char       *from;
    GkAction          action;
    gboolean          by_secretary;
    const GkStepArgs *args;
    const char       *to;
  } route[] = {
    { "draft", GK_ACTION_SUBMIT, FALSE, NULL, "submitted" },
    { "submitted", GK_ACTION_REVIEW, TRUE, &review, "reviewed" },
    { "reviewed", GK_ACTION_APPROVE, TRUE, NULL, "approved" },
    { "approved", GK_ACTION_PUBLISH, FALSE, &publish, "published" },
  };
  g_autoptr(GkNotice) notice = NULL;
  gint64 member = find (db, gk_directory_find_person, "member %u", writer, error);
  gint64 secretary = member ? find (db, gk_directory_find_person, "secretary %u", writer, error) : 0;
  const char *state;

  if (secretary == 0)
    return NULL;

  if (*id == 0)
    {
      *id = create_notice (db, member, writer, error);
      return *id != 0 ? "draft" : NULL;
    }

  notice = gk_notices_get (db, *id, error);
  if (notice == NULL)
    return NULL;
  state = gk_notice_get_state (notice);
  for (guint i = 0; i < G_N_ELEMENTS (route); i++)
    if (g_str_equal (state, route[i].from))
      return gk_workflow_act (db, route[i].by_secretary ? secretary : member, *id,
                              route[i].action, route[i].args, error)
             ? route[i].to : NULL;

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "notice %" G_GINT64_FORMAT " is %s", *id, state);
  return NULL;
}
