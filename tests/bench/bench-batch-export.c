/* bench-batch-export.c — 1 000 notices of the 100 000-notice database to
 * PDF, one file each and one combined PDF, with two render threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference is the same export with one thread, of the first 100 of
 * them, times ten.
 * Usage: bench-batch-export [NOTICES]
 */
#include <glib/gstdio.h>
#include <stdlib.h>

#include "core/gk-database.h"
#include "pdf/gk-batch-export.h"
#include "pdf/gk-fonts.h"
#include "gk-bench.h"

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static double
export (const char *path,
        GArray     *ids,
        guint       n_threads,
        guint      *n_files)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-batch-XXXXXX", &error);
  g_autofree char *folder = NULL;
  g_autofree char *combined = NULL;
  double start;

  if (dir == NULL)
    g_error ("%s", error->message);
  folder = g_build_filename (dir, "notices", NULL);
  combined = g_build_filename (dir, "all.pdf", NULL);
  start = gk_bench_now_ms ();
  if (!gk_batch_export (path, ids, folder, combined, n_threads, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  start = gk_bench_now_ms () - start;

  {
    g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);

    for (*n_files = 0; listing != NULL && g_dir_read_name (listing) != NULL; (*n_files)++)
      ;
  }
  remove_tree (folder);
  remove_tree (dir);
  return start;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = gk_bench_database ();
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) some = NULL;
  GkBenchFigure figure, reference;
  guint files, reference_files;
  double ours, theirs;

  gk_fonts_init ();
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GkDatabase) db = gk_database_open_full (path, NULL, GK_DATABASE_OPEN_READ_ONLY, &error);
    g_autoptr(sqlite3_stmt) stmt = NULL;

    if (db == NULL)
      g_error ("%s", error->message);
    /* The year's plans: the newest ones, most of them published. */
    stmt = gk_database_prepare (db, "SELECT id FROM notices ORDER BY id DESC LIMIT ?", NULL);
    sqlite3_bind_int (stmt, 1, (int) n);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (ids, id);
      }
  }
  some = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MIN (100, ids->len));
  g_array_append_vals (some, ids->data, MIN (100, ids->len));

  theirs = export (path, some, 1, &reference_files) * ((double) ids->len / some->len);
  ours = export (path, ids, 2, &files);
  if (files != ids->len || reference_files != some->len)
    g_error ("%u files for %u notices", files, ids->len);

  figure = (GkBenchFigure) { ours, ours };
  reference = (GkBenchFigure) { theirs, theirs };
  g_print ("batch-export-%u-notices-2-threads: %.1f s, %.1f ms a notice\n", ids->len, ours / 1000, ours / ids->len);
  gk_bench_print ("batch-export", &figure, &reference);
  return 0;
}
