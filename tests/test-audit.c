/* The audit chain: every change leaves an event, and a changed, removed or
 * reordered event is found by verify. */

#include "core/gk-audit.h"
#include "core/gk-core-error.h"
#include "core/gk-directory.h"
#include "gk-test-util.h"

static void
tamper (GkDatabase *db,
        const char *sql)
{
  sqlite3 *raw = NULL;
  g_autofree char *full = g_strdup_printf ("DROP TRIGGER audit_events_no_update;"
                                           "DROP TRIGGER audit_events_no_delete; %s", sql);

  /* Anyone who can write the file can drop the triggers: the chain is what
   * must notice. */
  g_assert_cmpint (sqlite3_open (gk_database_get_path (db), &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, full, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

static void
test_template_chain_verifies (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  gint64 broken = -1;

  /* 18 organizations + 17 audiences + 1 catalog + 9 categories + 45 items at least. */
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM audit_events"), >=, 90);
  g_assert_true (gk_audit_verify (db, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
}

static void
test_changed_row_found (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  gint64 target = gk_test_query_int (db, "SELECT min (id) FROM audit_events WHERE new_json LIKE '%全校师生%'");
  gint64 broken = 0;

  tamper (db, "UPDATE audit_events SET new_json = replace (new_json, '全校师生', '社会') WHERE id = (SELECT min (id) FROM audit_events WHERE new_json LIKE '%全校师生%')");
  g_assert_false (gk_audit_verify (db, &broken, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_BROKEN_CHAIN);
  g_assert_cmpint (target, >, 0);
  g_assert_cmpint (broken, ==, target);
}

static void
test_removed_row_found (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  gint64 broken = 0;

  tamper (db, "DELETE FROM audit_events WHERE id = 12");
  g_assert_false (gk_audit_verify (db, &broken, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_BROKEN_CHAIN);
  g_assert_cmpint (broken, ==, 13);
}

/* Rewriting a row together with its own hash still breaks the next link. */
static void
test_rehashed_row_found (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  gint64 broken = 0;

  tamper (db, "UPDATE audit_events SET action = 'remove', hash = 'abc' WHERE id = 5");
  g_assert_false (gk_audit_verify (db, &broken, &error));
  g_assert_cmpint (broken, ==, 5);
}

static void
test_append_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();

  g_assert_false (gk_database_exec (db, "UPDATE audit_events SET action = 'x' WHERE id = 1", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (gk_database_exec (db, "DELETE FROM audit_events", &error));
  g_assert_nonnull (error);
}

static gboolean
add_then_fail (GkDatabase *db,
               gpointer    user_data,
               GError    **error)
{
  if (gk_directory_add_organization (db, "计算机学院党总支", NULL, "general-branch", 0, error) == 0)
    return FALSE;
  g_set_error_literal (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, "changed my mind");
  return FALSE;
}

/* The event commits and rolls back with its change. */
static void
test_event_in_same_transaction (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  gint64 before = gk_test_query_int (db, "SELECT count(*) FROM audit_events");

  g_assert_false (gk_database_write (db, add_then_fail, NULL, &error));
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM audit_events"), ==, before);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM organizations WHERE name = '计算机学院党总支'"), ==, 0);
  g_assert_true (gk_audit_verify (db, NULL, NULL));
}

static void
test_json (void)
{
  g_autofree char *json = gk_audit_json ("name", "党办 \"x\"", "parent", NULL, NULL);

  g_assert_cmpstr (json, ==, "{\"name\":\"党办 \\\"x\\\"\",\"parent\":null}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit/verify/template", test_template_chain_verifies);
  g_test_add_func ("/audit/verify/changed-row", test_changed_row_found);
  g_test_add_func ("/audit/verify/removed-row", test_removed_row_found);
  g_test_add_func ("/audit/verify/rehashed-row", test_rehashed_row_found);
  g_test_add_func ("/audit/append-only", test_append_only);
  g_test_add_func ("/audit/same-transaction", test_event_in_same_transaction);
  g_test_add_func ("/audit/json", test_json);

  return g_test_run ();
}
