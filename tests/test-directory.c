/* People and roles changed from the desktop: only party office or an
 * administrator may, every change leaves its audit event with the actor,
 * and removals say when there is nothing to remove. */

#include <string.h>

#include "core/gk-audit.h"
#include "core/gk-choices.h"
#include "core/gk-core-error.h"
#include "core/gk-directory.h"
#include "gk-test-util.h"

typedef struct
{
  GkDatabase *db;
  gint64 office_org, org_dept, dept_b;
  gint64 office, admin, staff;
} Fixture;

static gboolean
setup_people (GkDatabase *db,
              gpointer    user_data,
              GError    **error)
{
  Fixture *f = user_data;

  f->office_org = gk_directory_find_organization (db, "党办", error);
  f->org_dept = gk_directory_find_organization (db, "组织部", error);
  f->dept_b = gk_directory_find_organization (db, "纪检监察办公室", error);
  f->office = gk_directory_add_person (db, "孙主任", NULL, NULL, error);
  f->admin = gk_directory_add_person (db, "赵管理", NULL, NULL, error);
  f->staff = gk_directory_add_person (db, "王干事", NULL, NULL, error);
  return f->staff != 0 &&
         gk_directory_add_role (db, f->office, f->office_org, "party-office", error) &&
         gk_directory_add_role (db, f->admin, f->office_org, "admin", error) &&
         gk_directory_add_role (db, f->staff, f->org_dept, "staff", error);
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

static void
assert_last_event (Fixture    *f,
                   gint64      actor,
                   const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_events"
                                          " WHERE id = (SELECT max(id) FROM audit_events)"
                                          " AND entity = 'person' AND action = '%s' AND person_id = %" G_GINT64_FORMAT,
                                          action, actor);

  g_assert_cmpint (gk_test_query_int (f->db, sql), ==, 1);
}

static void
test_permissions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 before = audit_count (f);
  gint64 id;

  g_assert_true (gk_directory_may_manage_people (f->db, f->office));
  g_assert_true (gk_directory_may_manage_people (f->db, f->admin));
  g_assert_false (gk_directory_may_manage_people (f->db, f->staff));
  g_assert_false (gk_directory_may_manage_people (f->db, 0));

  id = gk_directory_manage_add_person (f->db, f->staff, "钱新人", NULL, NULL, &error);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_assert_cmpint (id, ==, 0);
  g_clear_error (&error);
  g_assert_false (gk_directory_manage_add_role (f->db, f->staff, f->staff, f->org_dept, "principal", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gk_directory_manage_add_oversight (f->db, f->staff, f->staff, f->org_dept, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gk_directory_remove_role (f->db, f->staff, f->office, f->office_org, "party-office", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gk_directory_remove_oversight (f->db, f->staff, f->staff, f->org_dept, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (audit_count (f), ==, before);
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM people WHERE name = '钱新人'"), ==, 0);
}

static void
test_add_and_remove (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GPtrArray) oversight = NULL;
  gint64 before = audit_count (f);
  gint64 leader;

  leader = gk_directory_manage_add_person (f->db, f->office, "周校长", "副校长", "", &error);
  g_assert_no_error (error);
  g_assert_cmpint (leader, >, 0);
  assert_last_event (f, f->office, "add");
  /* An empty login is stored as none. */
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM people WHERE name = '周校长' AND login IS NULL"), ==, 1);

  g_assert_true (gk_directory_manage_add_role (f->db, f->admin, leader, f->office_org, "leader", &error));
  g_assert_no_error (error);
  assert_last_event (f, f->admin, "add-role");
  g_assert_true (gk_directory_manage_add_oversight (f->db, f->office, leader, f->org_dept, &error));
  g_assert_no_error (error);
  g_assert_true (gk_directory_manage_add_oversight (f->db, f->office, leader, f->dept_b, &error));
  g_assert_no_error (error);
  assert_last_event (f, f->office, "add-oversight");
  g_assert_cmpint (audit_count (f), ==, before + 4);

  roles = gk_directory_list_roles (f->db, leader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roles->len, ==, 1);
  g_assert_cmpstr (((GkChoice *) roles->pdata[0])->detail, ==, "leader");
  g_assert_cmpint (((GkChoice *) roles->pdata[0])->id, ==, f->office_org);
  oversight = gk_directory_list_oversight (f->db, leader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (oversight->len, ==, 2);
  g_assert_cmpint (((GkChoice *) oversight->pdata[0])->id, ==, MIN (f->org_dept, f->dept_b));

  g_assert_true (gk_directory_remove_oversight (f->db, f->office, leader, f->org_dept, &error));
  g_assert_no_error (error);
  assert_last_event (f, f->office, "remove-oversight");
  g_assert_true (gk_directory_remove_role (f->db, f->office, leader, f->office_org, "leader", &error));
  g_assert_no_error (error);
  assert_last_event (f, f->office, "remove-role");
  g_assert_cmpint (audit_count (f), ==, before + 6);
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM audit_events WHERE action = 'remove-role'"
                                             " AND old_json LIKE '%leader%' AND new_json IS NULL"), ==, 1);

  g_clear_pointer (&roles, g_ptr_array_unref);
  roles = gk_directory_list_roles (f->db, leader, &error);
  g_assert_cmpuint (roles->len, ==, 0);
  g_clear_pointer (&oversight, g_ptr_array_unref);
  oversight = gk_directory_list_oversight (f->db, leader, &error);
  g_assert_cmpuint (oversight->len, ==, 1);

  /* Nothing left to remove: said, and nothing written. */
  g_assert_false (gk_directory_remove_role (f->db, f->office, leader, f->office_org, "leader", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (gk_directory_remove_oversight (f->db, f->office, leader, f->org_dept, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (f), ==, before + 6);

  /* Duplicates and unknown roles are refused by the existing rules. */
  g_assert_false (gk_directory_manage_add_role (f->db, f->office, f->staff, f->org_dept, "staff", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gk_directory_manage_add_role (f->db, f->office, f->staff, f->org_dept, "boss", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (f), ==, before + 6);
}

static void
test_last_manager (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 before;

  /* The admin removes party office; then the admin cannot remove the
   * last managing role, their own. */
  g_assert_true (gk_directory_remove_role (f->db, f->admin, f->office, f->office_org, "party-office", &error));
  g_assert_no_error (error);
  g_assert_false (gk_directory_may_manage_people (f->db, f->office));
  before = audit_count (f);
  g_assert_false (gk_directory_remove_role (f->db, f->admin, f->admin, f->office_org, "admin", &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_assert_cmpint (audit_count (f), ==, before);
  g_assert_true (gk_directory_may_manage_people (f->db, f->admin));
}

/* The one question behind every "who may": a role, in one organization
 * or any, held by an active person. */
static void
test_has_role (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *deactivate = NULL;

  g_assert_true (gk_directory_has_role (f->db, f->staff, f->org_dept, "staff"));
  g_assert_true (gk_directory_has_role (f->db, f->staff, f->org_dept, NULL));
  g_assert_true (gk_directory_has_role (f->db, f->staff, 0, "staff"));
  g_assert_true (gk_directory_has_role (f->db, f->staff, 0, NULL));
  g_assert_false (gk_directory_has_role (f->db, f->staff, f->dept_b, NULL));
  g_assert_false (gk_directory_has_role (f->db, f->staff, 0, "party-office"));
  g_assert_false (gk_directory_has_role (f->db, f->staff, f->org_dept, "secretary"));
  g_assert_true (gk_directory_has_role (f->db, f->office, f->office_org, "party-office"));
  g_assert_false (gk_directory_has_role (f->db, 0, 0, NULL));

  deactivate = g_strdup_printf ("UPDATE people SET active = 0 WHERE id = %" G_GINT64_FORMAT, f->staff);
  g_assert_true (gk_database_exec (f->db, deactivate, NULL));
  g_assert_false (gk_directory_has_role (f->db, f->staff, f->org_dept, "staff"));
}

/* A computer login is one person's: a second is refused, naming the
 * login and whose it is, and nothing is written. */
static void
test_login_taken (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 before;

  g_assert_cmpint (gk_directory_manage_add_person (f->db, f->office, "李四", NULL, "lisi", &error), >, 0);
  g_assert_no_error (error);
  before = audit_count (f);
  g_assert_cmpint (gk_directory_manage_add_person (f->db, f->office, "张三", NULL, "lisi", &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "lisi"));
  g_assert_nonnull (strstr (error->message, "李四"));
  g_assert_cmpint (gk_test_query_int (f->db, "SELECT count(*) FROM people WHERE name = '张三'"), ==, 0);
  g_assert_cmpint (audit_count (f), ==, before);
}

/* A new database has no one: the first person may make themselves party
 * office, once; after that only they add people. */
static void
test_first_manager (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GError) error = NULL;
  gint64 office_org = gk_directory_find_organization (db, "党办", NULL);
  gint64 events, first;

  g_assert_false (gk_directory_has_manager (db));

  /* A blank name is refused and writes nothing. */
  events = gk_test_query_int (db, "SELECT count(*) FROM audit_events");
  g_assert_cmpint (gk_directory_add_first_manager (db, "  ", NULL, NULL, office_org, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM audit_events"), ==, events);

  first = gk_directory_add_first_manager (db, "孙主任", "党委办公室主任", "", office_org, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  g_assert_true (gk_directory_has_manager (db));
  g_assert_true (gk_directory_may_manage_people (db, first));
  g_assert_true (gk_directory_has_role (db, first, office_org, "party-office"));
  /* The role's audit event is the new person's own. */
  g_assert_cmpint (gk_test_query_int (db, "SELECT person_id FROM audit_events"
                                          " WHERE id = (SELECT max(id) FROM audit_events)"), ==, first);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM audit_events"), ==, events + 2);

  /* The second one is refused and changes nothing. */
  events = gk_test_query_int (db, "SELECT count(*) FROM audit_events");
  g_assert_cmpint (gk_directory_add_first_manager (db, "冒名者", NULL, NULL, office_org, &error), ==, 0);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM people"), ==, 1);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM audit_events"), ==, events);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/directory/permissions", Fixture, NULL, fixture_set_up, test_permissions, fixture_tear_down);
  g_test_add ("/directory/add-and-remove", Fixture, NULL, fixture_set_up, test_add_and_remove, fixture_tear_down);
  g_test_add ("/directory/last-manager", Fixture, NULL, fixture_set_up, test_last_manager, fixture_tear_down);
  g_test_add ("/directory/has-role", Fixture, NULL, fixture_set_up, test_has_role, fixture_tear_down);
  g_test_add ("/directory/login-taken", Fixture, NULL, fixture_set_up, test_login_taken, fixture_tear_down);
  g_test_add_func ("/directory/first-manager", test_first_manager);

  return g_test_run ();
}
