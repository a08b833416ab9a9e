/* Faults of the disk under a write: the Nth write, sync or lock of the
 * file fails with an I/O error, a full disk or a busy lock, for every N
 * until the operation gets through untouched. Each time the operation
 * reports a clean error, the file passes integrity_check and the
 * invariants, nothing of it was applied, and a retry succeeds. */

#include <glib/gstdio.h>
#include <string.h>

#include "core/gk-core-error.h"
#include "core/gk-directory.h"
#include "gk-fault-vfs.h"
#include "gk-test-invariants.h"
#include "gk-test-util.h"

/* Far more calls than either operation makes: it bounds a broken loop. */
#define MAX_N 400
#define N_IMPORTED 20

typedef struct
{
  const char *name;
  GkFaultOp   op;
  int         code;
  gboolean    sticky;
} FaultCase;

static const FaultCase fault_cases[] = {
  { "write-ioerr", GK_FAULT_WRITE, SQLITE_IOERR_WRITE, FALSE },
  { "write-full", GK_FAULT_WRITE, SQLITE_FULL, TRUE },
  { "sync-ioerr", GK_FAULT_SYNC, SQLITE_IOERR_FSYNC, FALSE },
  { "lock-ioerr", GK_FAULT_LOCK, SQLITE_IOERR_LOCK, FALSE },
  { "lock-busy", GK_FAULT_LOCK, SQLITE_BUSY, FALSE },
};

typedef struct
{
  const char *name;
  /* Makes the database the operation starts from. */
  void      (*prepare) (const char *path);
  gboolean  (*run)     (GkDatabase *db, GError **error);
  /* What the operation changes, as a string: equal before and after a
   * failure, different after success. */
  char     *(*state)   (GkDatabase *db);
} Operation;

typedef struct
{
  const Operation *operation;
  const FaultCase *fault;
} Case;

/* Approval: notice 1 of writer 0, reviewed, is approved. */

static void
prepare_reviewed (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = NULL;
  gint64 id = 0;

  gk_test_make_branches (path, 1);
  db = gk_database_open (path, &error);
  g_assert_no_error (error);
  while (g_strcmp0 (gk_test_branch_step (db, 0, &id, &error), "reviewed") != 0)
    g_assert_no_error (error);
}

static gboolean
run_approve (GkDatabase  *db,
             GError     **error)
{
  gint64 id = 1;
  const char *state = gk_test_branch_step (db, 0, &id, error);

  if (state != NULL)
    g_assert_cmpstr (state, ==, "approved");
  return state != NULL;
}

static char *
state_of_approval (GkDatabase *db)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db,
                                                      "SELECT state || ' v' || row_version || ' ' || ifnull(approval_sha256, '-')"
                                                      " || ' audit ' || (SELECT count(*) FROM audit_events)"
                                                      " FROM notices WHERE id = 1", NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Import: a batch of people with their roles, in one transaction. Stands
 * in for the catalog CSV import until that exists in core. */

static void
prepare_branch (const char *path)
{
  gk_test_make_branches (path, 1);
}

static gboolean
import_people (GkDatabase *db,
               gpointer    user_data,
               GError    **error)
{
  gint64 department = gk_directory_find_organization (db, "组织部", error);

  for (guint i = 0; department != 0 && i < N_IMPORTED; i++)
    {
      g_autofree char *name = g_strdup_printf ("imported %u", i);
      gint64 id = gk_directory_add_person (db, name, "科员", NULL, error);

      if (id == 0 || !gk_directory_add_role (db, id, department, i % 5 ? "staff" : "principal", error))
        return FALSE;
    }
  return department != 0;
}

static gboolean
run_import (GkDatabase  *db,
            GError     **error)
{
  return gk_database_write (db, import_people, NULL, error);
}

static char *
state_of_import (GkDatabase *db)
{
  return g_strdup_printf ("people %" G_GINT64_FORMAT " roles %" G_GINT64_FORMAT " audit %" G_GINT64_FORMAT,
                          gk_test_query_int (db, "SELECT count(*) FROM people"),
                          gk_test_query_int (db, "SELECT count(*) FROM roles"),
                          gk_test_query_int (db, "SELECT count(*) FROM audit_events"));
}

static const Operation operations[] = {
  { "approve", prepare_reviewed, run_approve, state_of_approval },
  { "import", prepare_branch, run_import, state_of_import },
};

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

static char *
state_of_file (const Operation *operation,
               const char      *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_database_open (path, &error);

  g_assert_no_error (error);
  return operation->state (db);
}

static void
print_message (gpointer key,
               gpointer value,
               gpointer user_data)
{
  g_test_message ("  %s", (const char *) key);
}

static void
test_fault_loop (gconstpointer data)
{
  const Case *c = data;
  const Operation *operation = c->operation;
  const FaultCase *fault = c->fault;
  g_autofree char *dir = gk_test_tmpdir ();
  g_autofree char *golden = g_build_filename (dir, "golden.db", NULL);
  g_autofree char *work = g_build_filename (dir, "work.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint failed = 0, absorbed = 0, n;

  gk_fault_vfs_register ();
  operation->prepare (golden);
  before = state_of_file (operation, golden);

  for (n = 1; n <= MAX_N; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GkDatabase) db = NULL;
      g_autofree char *state = NULL;
      gboolean ok, fired;

      copy_file (golden, work);
      db = gk_database_open_with_vfs (work, GK_FAULT_VFS_NAME, &error);
      g_assert_no_error (error);
      gk_database_set_busy_timeout (db, 2000);

      gk_fault_vfs_arm (fault->op, n, fault->code, fault->sticky);
      ok = operation->run (db, &error);
      fired = gk_fault_vfs_fired ();
      gk_fault_vfs_disarm ();

      if (!fired)
        {
          /* N is past the operation's last call: it went through. */
          g_assert_no_error (error);
          g_assert_true (ok);
          break;
        }

      if (ok)
        {
          /* A busy lock is waited out by the busy handler. */
          g_assert_no_error (error);
          absorbed++;
        }
      else
        {
          failed++;
          g_assert_nonnull (error);
          if (error->domain != GK_CORE_ERROR)
            g_error ("N = %u: an error outside the core's domain: %s", n, error->message);
          g_assert_cmpstr (error->message, !=, "");
          g_hash_table_add (messages, g_strdup (error->message));

          /* Nothing applied, on this connection and on a fresh one. */
          state = operation->state (db);
          g_assert_cmpstr (state, ==, before);
          g_clear_pointer (&state, g_free);
          state = state_of_file (operation, work);
          g_assert_cmpstr (state, ==, before);
          g_clear_pointer (&state, g_free);
          gk_test_assert_invariants (db);

          g_clear_error (&error);
          ok = operation->run (db, &error);
          g_assert_no_error (error);
          g_assert_true (ok);
        }

      state = operation->state (db);
      g_assert_cmpstr (state, !=, before);
      gk_test_assert_invariants (db);
      g_clear_object (&db);
      gk_test_assert_file_invariants (work);
    }

  g_assert_cmpuint (n, <=, MAX_N);
  g_assert_cmpuint (failed + absorbed, ==, n - 1);
  if (fault->code == SQLITE_BUSY)
    g_assert_cmpuint (absorbed, >, 0);
  else
    g_assert_cmpuint (failed, >, 0);

  after = state_of_file (operation, work);
  g_assert_cmpstr (after, !=, before);

  g_test_message ("%s, %s: %u faults, %u failed cleanly and were retried, %u absorbed; %u distinct messages",
                  operation->name, fault->name, n - 1, failed, absorbed, g_hash_table_size (messages));
  g_hash_table_foreach (messages, print_message, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    for (guint j = 0; j < G_N_ELEMENTS (fault_cases); j++)
      {
        Case *c = g_new0 (Case, 1);
        g_autofree char *test_path = g_strdup_printf ("/faults/%s/%s", operations[i].name, fault_cases[j].name);

        c->operation = &operations[i];
        c->fault = &fault_cases[j];
        g_test_add_data_func_full (test_path, c, test_fault_loop, g_free);
      }

  return g_test_run ();
}
