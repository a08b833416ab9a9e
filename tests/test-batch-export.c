/* Many notices to PDF at once, on the demo of 2026-11-27: which notices a
 * date range takes (against a plain SQL reference), the files written —
 * each the same bytes as a single export, the combined PDF with every page
 * in order — and what cancelling and failing leave behind. */

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "core/gk-core-error.h"
#include "core/gk-demo.h"
#include "core/gk-notices.h"
#include "pdf/gk-batch-export.h"
#include "pdf/gk-notice-print.h"
#include "gk-test-util.h"

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)

static const char * const both[] = { "approved", "published", NULL };

static GkDatabase *
demo_db (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GDateTime) today = g_date_time_new_utc (2026, 11, 27, 9, 0, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_demo_populate (db, today, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

/* The reference: the same notices by a query written out in full. */
static GArray *
reference_ids (GkDatabase *db,
               const char *from,
               const char *to,
               const char *states_sql,
               gint64      organization_id)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *sql =
    g_strdup_printf ("SELECT id FROM notices WHERE state IN (%s)"
                     " AND ifnull (published_date, planned_date) >= ?1"
                     " AND ifnull (published_date, planned_date) <= ?2"
                     " AND (?3 = 0 OR organization_id = ?3)"
                     " ORDER BY ifnull (published_date, planned_date), id", states_sql);
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, organization_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static void
assert_same_ids (GArray *ids,
                 GArray *expected)
{
  g_assert_nonnull (ids);
  g_assert_cmpmem (ids->data, ids->len * sizeof (gint64), expected->data, expected->len * sizeof (gint64));
}

static void
test_list (void)
{
  g_autoptr(GkDatabase) db = demo_db ();
  g_autoptr(GError) error = NULL;
  static const char * const published[] = { "published", NULL };
  static const char * const approved[] = { "approved", NULL };
  static const char * const none[] = { NULL };
  struct {
    const char         *from, *to;
    const char * const *states;
    const char         *states_sql;
    gboolean            one_org;
  } cases[] = {
    { "2026-01-01", "2026-11-27", both, "'approved', 'published'", FALSE },
    { "2000-01-01", "2099-12-31", both, "'approved', 'published'", FALSE },
    { "2000-01-01", "2099-12-31", published, "'published'", FALSE },
    { "2000-01-01", "2099-12-31", approved, "'approved'", FALSE },
    { "2026-03-01", "2026-03-31", both, "'approved', 'published'", FALSE },
    { "2000-01-01", "2099-12-31", both, "'approved', 'published'", TRUE },
  };
  gint64 org = gk_test_query_int (db, "SELECT organization_id FROM notices WHERE state = 'published'"
                                      " GROUP BY organization_id ORDER BY count(*) DESC LIMIT 1");
  g_autoptr(GArray) nothing = NULL;
  g_autoptr(GArray) bad = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 org_id = cases[i].one_org ? org : 0;
      g_autoptr(GArray) ids = gk_notices_list_for_export (db, cases[i].from, cases[i].to, cases[i].states,
                                                          org_id, &error);
      g_autoptr(GArray) expected = reference_ids (db, cases[i].from, cases[i].to, cases[i].states_sql, org_id);

      g_assert_no_error (error);
      assert_same_ids (ids, expected);
      /* Every case but the month finds something in a year of demo. */
      if (!g_str_equal (cases[i].from, "2026-03-01"))
        g_assert_cmpuint (ids->len, >, 0);
    }

  /* The whole range holds more than either state alone. */
  {
    g_autoptr(GArray) all = gk_notices_list_for_export (db, "2000-01-01", "2099-12-31", both, 0, NULL);
    g_autoptr(GArray) only = gk_notices_list_for_export (db, "2000-01-01", "2099-12-31", published, 0, NULL);

    g_assert_cmpuint (all->len, >, only->len);
  }

  nothing = gk_notices_list_for_export (db, "2000-01-01", "2099-12-31", none, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nothing->len, ==, 0);

  bad = gk_notices_list_for_export (db, "2026-1-1", "2026-12-31", both, 0, &error);
  g_assert_null (bad);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);

  bad = gk_notices_list_for_export (db, "2026-12-31", "2026-01-01", both, 0, &error);
  g_assert_null (bad);
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
}

typedef struct
{
  guint calls;
  guint last;
  guint total;
} Progress;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, ==, progress->last + 1);
  progress->calls++;
  progress->last = done;
  progress->total = total;
}

static GArray *
some_ids (GkDatabase *db,
          guint       n)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = gk_notices_list_for_export (db, "2000-01-01", "2099-12-31", both, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >=, n);
  g_array_set_size (ids, n);
  return ids;
}

/* The file of NOTICE_ID in FOLDER: "<id> <title>.pdf". */
static char *
notice_file (const char *folder,
             gint64      notice_id)
{
  g_autofree char *prefix = g_strdup_printf ("%" G_GINT64_FORMAT " ", notice_id);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".pdf"))
      return g_build_filename (folder, name, NULL);
  return NULL;
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_files (void)
{
  g_autoptr(GkDatabase) db = demo_db ();
  g_autoptr(GArray) ids = some_ids (db, 4);
  g_autofree char *dir = gk_test_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "notices", NULL);
  g_autofree char *combined = g_build_filename (dir, "all.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) combined_bytes = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  Progress progress = { 0 };
  guint written = 0;
  int pages = 0;

  g_assert_true (gk_batch_export (gk_database_get_path (db), ids, folder, combined, 2, NULL,
                                  on_progress, &progress, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, ids->len);
  g_assert_cmpuint (progress.calls, ==, ids->len);
  g_assert_cmpuint (progress.total, ==, ids->len);
  g_assert_cmpuint (count_files (folder), ==, ids->len);
  /* Only the two outputs: the combined PDF's temporary name is gone. */
  g_assert_cmpuint (count_files (dir), ==, 2);

  /* Each file is the notice exactly as a single export prints it. */
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GkNotice) notice = gk_notices_get (db, id, NULL);
      g_autoptr(GkNoticeContent) content = gk_notice_print_content (db, notice, NULL);
      g_autoptr(GBytes) single = gk_notice_print_render (content, gk_notice_print_layout (notice), NULL, NULL, NULL);
      g_autofree char *path = notice_file (folder, id);
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autoptr(PopplerDocument) one = NULL;

      g_assert_nonnull (path);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpmem (contents, length, g_bytes_get_data (single, NULL), g_bytes_get_size (single));
      one = poppler_document_new_from_bytes (single, NULL, &error);
      g_assert_no_error (error);
      pages += poppler_document_get_n_pages (one);
    }

  /* The combined PDF holds every page of every notice. */
  mapped = g_mapped_file_new (combined, FALSE, &error);
  g_assert_no_error (error);
  combined_bytes = g_mapped_file_get_bytes (mapped);
  document = poppler_document_new_from_bytes (combined_bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, pages);
}

static void
test_combined_only (void)
{
  g_autoptr(GkDatabase) db = demo_db ();
  g_autoptr(GArray) ids = some_ids (db, 3);
  g_autofree char *dir = gk_test_tmpdir ();
  g_autofree char *combined = g_build_filename (dir, "all.pdf", NULL);
  g_autoptr(GError) error = NULL;
  guint written = 0;

  g_assert_true (gk_batch_export (gk_database_get_path (db), ids, NULL, combined, 1, NULL, NULL, NULL,
                                  &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, ids->len);
  g_assert_true (g_file_test (combined, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_files (dir), ==, 1);
}

/* Cancelled before it starts: nothing written, no combined PDF, not even
 * half of one. */
static void
test_cancel (void)
{
  g_autoptr(GkDatabase) db = demo_db ();
  g_autoptr(GArray) ids = some_ids (db, 3);
  g_autofree char *dir = gk_test_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "notices", NULL);
  g_autofree char *combined = g_build_filename (dir, "all.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint written = 99;

  g_cancellable_cancel (cancellable);
  g_assert_false (gk_batch_export (gk_database_get_path (db), ids, folder, combined, 2, cancellable,
                                   NULL, NULL, &written, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (written, ==, 0);
  g_assert_cmpuint (count_files (folder), ==, 0);
  g_assert_false (g_file_test (combined, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 1);
}

/* A notice that is not there stops the export with its error; the
 * combined PDF is not left behind. */
static void
test_error (void)
{
  g_autoptr(GkDatabase) db = demo_db ();
  g_autoptr(GArray) ids = some_ids (db, 2);
  g_autofree char *dir = gk_test_tmpdir ();
  g_autofree char *combined = g_build_filename (dir, "all.pdf", NULL);
  g_autoptr(GError) error = NULL;
  gint64 missing = 999999;
  guint written = 99;

  g_array_append_val (ids, missing);
  g_assert_false (gk_batch_export (gk_database_get_path (db), ids, NULL, combined, 2, NULL, NULL, NULL,
                                   &written, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (written, ==, 0);
  g_assert_cmpuint (count_files (dir), ==, 0);
}

/* What an approval does to a notice (gk_workflow_act() with the hashes
 * of gk_notice_print_approval()): binds the PDF it prints as now. */
static void
bind_approval (GkDatabase *db,
               gint64      id)
{
  g_autoptr(GkNotice) notice = gk_notices_get (db, id, NULL);
  g_autoptr(GkNoticeContent) content = gk_notice_print_content (db, notice, NULL);
  g_autofree char *sha256 = NULL;
  g_autoptr(GBytes) pdf = gk_notice_print_render (content, gk_notice_print_layout (notice), &sha256, NULL, NULL);
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, "UPDATE notices SET pdf_sha256 = ? WHERE id = ?", NULL);

  g_assert_nonnull (pdf);
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

/* A notice whose text changed behind its approval (here in SQL) prints
 * otherwise than the approval bound: the export refuses it by name, as a
 * single export would, and writes nothing of it — neither its file nor
 * the combined PDF. */
static void
test_tampered (void)
{
  g_autoptr(GkDatabase) db = demo_db ();
  g_autoptr(GArray) ids = some_ids (db, 3);
  g_autofree char *dir = gk_test_tmpdir ();
  g_autofree char *before = g_build_filename (dir, "before", NULL);
  g_autofree char *after = g_build_filename (dir, "after", NULL);
  g_autofree char *combined = g_build_filename (dir, "all.pdf", NULL);
  g_autofree char *tampered_path = NULL;
  g_autofree char *tampered_text = NULL;
  g_autoptr(GkNotice) tampered_notice = NULL;
  g_autoptr(GkNoticeContent) content = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 tampered = g_array_index (ids, gint64, 1);
  guint written = 99;

  for (guint i = 0; i < ids->len; i++)
    bind_approval (db, g_array_index (ids, gint64, i));

  /* Bound and unchanged, every notice exports. */
  g_assert_true (gk_batch_export (gk_database_get_path (db), ids, before, NULL, 2, NULL, NULL, NULL,
                                  &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, ids->len);

  stmt = gk_database_prepare (db, "UPDATE notices SET body = body || '（已改）' WHERE id = ?", NULL);
  sqlite3_bind_int64 (stmt, 1, tampered);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  /* The check is the single export's. */
  tampered_notice = gk_notices_get (db, tampered, NULL);
  content = gk_notice_print_content (db, tampered_notice, NULL);
  pdf = gk_notice_print_render (content, gk_notice_print_layout (tampered_notice), NULL, NULL, NULL);
  g_assert_false (gk_batch_export_check_approval (tampered_notice, gk_notice_print_layout (tampered_notice),
                                                  pdf, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (gk_batch_export (gk_database_get_path (db), ids, after, NULL, 1, NULL, NULL, NULL,
                                   &written, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  tampered_text = g_strdup_printf (" %" G_GINT64_FORMAT " ", tampered);
  g_assert_nonnull (strstr (error->message, tampered_text));
  tampered_path = notice_file (after, tampered);
  g_assert_null (tampered_path);
  /* The notice before it may be written, and the one after it too if its
   * worker was quicker than the stop; they are counted. */
  g_assert_cmpuint (written, <, ids->len);
  g_assert_cmpuint (count_files (after), ==, written);
  g_clear_error (&error);

  g_assert_false (gk_batch_export (gk_database_get_path (db), ids, NULL, combined, 2, NULL, NULL, NULL,
                                   &written, &error));
  g_assert_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID);
  g_assert_cmpuint (written, ==, 0);
  g_assert_false (g_file_test (combined, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 2);
}

typedef struct
{
  GMainLoop *loop;
  Progress   progress;
  guint      written;
  gboolean   ok;
  gboolean   destroyed;
} AsyncRun;

static void
on_progress_destroyed (gpointer data)
{
  AsyncRun *run = data;

  run->destroyed = TRUE;
}

static void
on_async_progress (guint    done,
                   guint    total,
                   gpointer user_data)
{
  AsyncRun *run = user_data;

  on_progress (done, total, &run->progress);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncRun *run = user_data;
  g_autoptr(GError) error = NULL;

  run->ok = gk_batch_export_finish (result, &run->written, &error);
  g_assert_no_error (error);
  g_main_loop_quit (run->loop);
}

/* The progress comes to the caller's main loop, and its data is let go
 * of there once the export is over. */
static void
test_async (void)
{
  g_autoptr(GkDatabase) db = demo_db ();
  g_autoptr(GArray) ids = some_ids (db, 3);
  g_autofree char *dir = gk_test_tmpdir ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncRun run = { loop };

  gk_batch_export_async (gk_database_get_path (db), ids, dir, NULL, 2, NULL, on_async_progress, &run,
                         on_progress_destroyed, on_exported, &run);
  g_main_loop_run (loop);
  while (!run.destroyed)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (run.ok);
  g_assert_cmpuint (run.written, ==, ids->len);
  g_assert_cmpuint (run.progress.last, ==, ids->len);
  g_assert_cmpuint (count_files (dir), ==, ids->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notices/list-for-export", test_list);
  g_test_add_func ("/batch-export/files", test_files);
  g_test_add_func ("/batch-export/combined-only", test_combined_only);
  g_test_add_func ("/batch-export/cancel", test_cancel);
  g_test_add_func ("/batch-export/error", test_error);
  g_test_add_func ("/batch-export/tampered", test_tampered);
  g_test_add_func ("/batch-export/async", test_async);

  return g_test_run ();
}
