/* One file, several desktops (DESIGN §6): writer processes racing through
 * the whole branch route, and writers killed with SIGKILL in the middle of
 * their work. The writers are this program started again with --writer
 * or --churn, each using the core on its own connection, as the app and
 * gongkai-cli do. */

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/gk-audit.h"
#include "core/gk-audit-query.h"
#include "core/gk-choices.h"
#include "core/gk-core-error.h"
#include "core/gk-merge.h"
#include "core/gk-notices.h"
#include "core/gk-workflow.h"
#include "gk-test-invariants.h"
#include "gk-test-util.h"

#define N_WRITERS 4
#define N_NOTICES 25
#define N_KILLS 30
/* A killed writer never gets near it; it only keeps a broken test finite. */
#define CHURN_LIMIT 5000
/* A BUSY error after the whole busy timeout is retried, as a user would
 * press "Try again"; more than this many in a row fails the writer. */
#define BUSY_RETRIES 3

/* Takes notice *ID one step, retrying after BUSY. Exits on any other error. */
static const char *
step_or_exit (GkDatabase *db,
              guint       writer,
              gint64     *id,
              guint      *busy)
{
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GError) error = NULL;
      const char *state = gk_test_branch_step (db, writer, id, &error);

      if (state != NULL)
        return state;
      if (g_error_matches (error, GK_CORE_ERROR, GK_CORE_ERROR_BUSY) && attempt < BUSY_RETRIES)
        {
          (*busy)++;
          continue;
        }
      fprintf (stderr, "writer %u: %s\n", writer, error->message);
      exit (1);
    }
}

static GkDatabase *
open_or_exit (const char *path)
{
  g_autoptr(GError) error = NULL;
  GkDatabase *db = gk_database_open (path, &error);

  if (db == NULL)
    {
      fprintf (stderr, "writer: %s\n", error->message);
      exit (1);
    }
  return db;
}

/* --writer DB I N: N notices of writer I from draft to published. Prints
 * the number of BUSY retries. */
static int
writer_main (const char *path,
             guint       writer,
             guint       n_notices)
{
  g_autoptr(GkDatabase) db = open_or_exit (path);
  guint busy = 0;

  for (guint i = 0; i < n_notices; i++)
    {
      gint64 id = 0;

      while (!g_str_equal (step_or_exit (db, writer, &id, &busy), "published"))
        ;
    }
  printf ("%u\n", busy);
  return 0;
}

/* --churn DB: says "ready" once the file is open, then takes notices along
 * the route until it is killed. */
static int
churn_main (const char *path)
{
  g_autoptr(GkDatabase) db = open_or_exit (path);
  guint busy = 0;

  puts ("ready");
  fflush (stdout);
  for (guint i = 0; i < CHURN_LIMIT; i++)
    {
      gint64 id = 0;

      while (!g_str_equal (step_or_exit (db, 0, &id, &busy), "published"))
        ;
    }
  return 0;
}

static char *
self_path (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_file_read_link ("/proc/self/exe", &error);

  g_assert_no_error (error);
  return path;
}

static GSubprocess *
spawn (GSubprocessFlags flags,
       const char      *first,
       ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;
  va_list ap;

  g_ptr_array_add (args, self_path ());
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata, flags, &error);
  g_assert_no_error (error);
  return process;
}

static void
test_parallel_writers (void)
{
  g_autofree char *path = gk_test_tmp_path ("shared.db");
  g_autoptr(GkDatabase) db = NULL;
  GSubprocess *writers[N_WRITERS];
  g_autofree char *n_notices = g_strdup_printf ("%d", N_NOTICES);
  gint64 start, elapsed;
  guint busy = 0;

  gk_test_make_branches (path, N_WRITERS);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_WRITERS; i++)
    {
      g_autofree char *index = g_strdup_printf ("%u", i);

      writers[i] = spawn (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                          "--writer", path, index, n_notices, NULL);
    }
  for (guint i = 0; i < N_WRITERS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_subprocess_communicate_utf8 (writers[i], NULL, NULL, &out, &err, &error);
      g_assert_no_error (error);
      if (!g_subprocess_get_successful (writers[i]))
        g_error ("writer %u failed: %s", i, err);
      busy += (guint) g_ascii_strtoull (out, NULL, 10);
      g_object_unref (writers[i]);
    }
  elapsed = g_get_monotonic_time () - start;

  db = gk_database_open (path, NULL);
  g_assert_nonnull (db);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notices WHERE state = 'published'"),
                   ==, N_WRITERS * N_NOTICES);
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notices"), ==, N_WRITERS * N_NOTICES);
  /* create, submit, review, approve, publish */
  g_assert_cmpint (gk_test_query_int (db, "SELECT count(*) FROM notice_events"), ==, N_WRITERS * N_NOTICES * 5);
  for (guint i = 0; i < N_WRITERS; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM notices n JOIN organizations o"
                                              " ON o.id = n.organization_id WHERE o.name = 'branch %u'", i);

      g_assert_cmpint (gk_test_query_int (db, sql), ==, N_NOTICES);
    }
  gk_test_assert_invariants (db);

  g_test_message ("parallel: %d writers × %d notices, %d transitions in %.2f s, %u BUSY retries",
                  N_WRITERS, N_NOTICES, N_WRITERS * N_NOTICES * 5, elapsed / 1e6, busy);
}

static gint64
count_events (const char *path)
{
  g_autoptr(GkDatabase) db = gk_database_open (path, NULL);

  g_assert_nonnull (db);
  return gk_test_query_int (db, "SELECT count(*) FROM notice_events");
}

static void
test_kill_writer (void)
{
  g_autofree char *path = gk_test_tmp_path ("killed.db");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  guint hot_journals = 0;
  gint64 events;

  gk_test_make_branches (path, 1);

  for (guint i = 0; i < N_KILLS; i++)
    {
      g_autoptr(GSubprocess) churn = spawn (G_SUBPROCESS_FLAGS_STDOUT_PIPE, "--churn", path, NULL);
      g_autoptr(GDataInputStream) out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (churn));
      g_autoptr(GError) error = NULL;
      g_autofree char *line = g_data_input_stream_read_line (out, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (line, ==, "ready");

      /* Anywhere from before its first write to some dozens of
       * transitions later. */
      g_usleep (g_test_rand_int_range (0, 60000));
      g_subprocess_send_signal (churn, SIGKILL);
      g_subprocess_wait (churn, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (churn));

      /* A journal left behind means it died inside a transaction; the
       * next open rolls it back. */
      if (g_file_test (journal, G_FILE_TEST_EXISTS))
        hot_journals++;
      gk_test_assert_file_invariants (path);
    }

  events = count_events (path);
  g_test_message ("kill -9: %d writers killed, %u of them inside a transaction (hot journal left), "
                  "%" G_GINT64_FORMAT " transitions survived", N_KILLS, hot_journals, events);
  g_assert_cmpint (events, >, 0);
}

/* Two desktops on one plan: the second save misses the row_version, and
 * the core says who changed it and when, and what differs field by field;
 * the merged plan then saves against the new row_version. */
static void
test_conflict_who_and_when (void)
{
  g_autofree char *path = gk_test_tmp_path ("conflict.db");
  g_autoptr(GkDatabase) desk_a = NULL;
  g_autoptr(GkDatabase) desk_b = NULL;
  g_autoptr(GkNotice) base = NULL;
  g_autoptr(GkNotice) theirs = NULL;
  g_autoptr(GkAuditEntry) last = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) audiences = NULL;
  g_autoptr(GArray) methods = NULL;
  gint64 id = 0, member;
  GkNoticePlan plan = { 0 };
  GkMergeOutcome outcomes[3];
  const char *merged[3];

  gk_test_make_branches (path, 1);
  desk_a = gk_database_open (path, &error);
  g_assert_no_error (error);
  desk_b = gk_database_open (path, &error);
  g_assert_no_error (error);

  /* Desktop A: member 0 writes and submits a plan, then opens it again. */
  g_assert_cmpstr (gk_test_branch_step (desk_a, 0, &id, &error), ==, "draft");
  g_assert_cmpstr (gk_test_branch_step (desk_a, 0, &id, &error), ==, "submitted");
  base = gk_notices_get (desk_a, id, &error);
  g_assert_no_error (error);
  member = gk_notice_get_proposer_id (base);

  /* Desktop B: the secretary reviews it meanwhile. */
  g_assert_cmpstr (gk_test_branch_step (desk_b, 0, &id, &error), ==, "reviewed");

  /* A saves a new title against the row_version it read: refused. */
  audiences = gk_choices_notice_audiences (desk_a, id);
  methods = gk_choices_notice_methods (desk_a, id);
  plan = (GkNoticePlan) {
    .organization_id = gk_notice_get_organization_id (base),
    .title = "支部党员发展情况（修订）",
    .body = gk_notice_get_body (base),
    .audience_ids = audiences,
    .planned_date = gk_notice_get_planned_date (base),
    .method_ids = methods,
  };
  g_assert_false (gk_workflow_edit (desk_a, member, id, gk_notice_get_row_version (base), &plan, NULL, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Who and when: the secretary, just now. */
  last = gk_audit_query_last (desk_a, "notice", id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (last);
  g_assert_cmpstr (last->person, ==, "secretary 0");
  g_assert_cmpstr (last->action, ==, "review");
  at = g_date_time_new_from_iso8601 (last->at, NULL);
  g_assert_nonnull (at);
  g_assert_null (gk_audit_query_last (desk_a, "notice", id + 1000, &error));
  g_assert_no_error (error);

  /* What differs: only A changed the title, nobody the date; B's review
   * changed no field of the plan, so nothing is for A to choose. */
  theirs = gk_notices_get (desk_a, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_notice_get_row_version (theirs), >, gk_notice_get_row_version (base));
  {
    const GkMergeField fields[] = {
      { "title", gk_notice_get_title (base), plan.title, gk_notice_get_title (theirs) },
      { "date", gk_notice_get_planned_date (base), plan.planned_date, gk_notice_get_planned_date (theirs) },
      { "state", gk_notice_get_state (base), gk_notice_get_state (base), gk_notice_get_state (theirs) },
    };

    g_assert_cmpuint (gk_merge_fields (fields, G_N_ELEMENTS (fields), outcomes, merged), ==, 0);
    g_assert_cmpint (outcomes[0], ==, GK_MERGE_MINE);
    g_assert_cmpint (outcomes[1], ==, GK_MERGE_SAME);
    g_assert_cmpint (outcomes[2], ==, GK_MERGE_THEIRS);
    plan.title = merged[0];
  }

  /* Saved against the new row_version: accepted, and as the plan changed
   * after review, back to draft. */
  g_assert_true (gk_workflow_edit (desk_a, member, id, gk_notice_get_row_version (theirs), &plan, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&theirs);
  theirs = gk_notices_get (desk_b, id, &error);
  g_assert_cmpstr (gk_notice_get_title (theirs), ==, "支部党员发展情况（修订）");
  g_assert_cmpstr (gk_notice_get_state (theirs), ==, "draft");
  g_clear_pointer (&last, gk_audit_entry_free);
  last = gk_audit_query_last (desk_b, "notice", id, &error);
  g_assert_cmpstr (last->person, ==, "member 0");
  g_assert_cmpstr (last->action, ==, "void");
  g_assert_true (gk_audit_verify (desk_b, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "--writer"))
    return writer_main (argv[2], (guint) atoi (argv[3]), (guint) atoi (argv[4]));
  if (argc == 3 && g_str_equal (argv[1], "--churn"))
    return churn_main (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/shared/parallel-writers", test_parallel_writers);
  g_test_add_func ("/shared/kill-writer", test_kill_writer);
  g_test_add_func ("/shared/conflict/who-and-when", test_conflict_who_and_when);

  return g_test_run ();
}
