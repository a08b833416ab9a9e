/* bench-batch-export.c — 1 000 notices of the 100 000-notice database to
 * PDF, one file each and one combined PDF, with two render threads; then
 * the same notices to one combined PDF alone (the desktop's default)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference is the same export with one thread, of the first 100 of
 * them, times ten. Each line also gives the processor time the export
 * took (all threads): on a shared machine it moves less than the wall
 * clock.
 * Usage: bench-batch-export [NOTICES]
 */
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/resource.h>

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

/* Processor time of the whole process so far, user and system, in ms. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* Wall-clock ms of one export, a file each when FILES, and CPU its
 * processor time. */
static double
export (const char *path,
        GArray     *ids,
        guint       n_threads,
        gboolean    files,
        guint      *n_files,
        double     *cpu)
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
  *cpu = cpu_ms ();
  start = gk_bench_now_ms ();
  if (!gk_batch_export (path, ids, files ? folder : NULL, combined, n_threads, NULL, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  start = gk_bench_now_ms () - start;
  *cpu = cpu_ms () - *cpu;

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
  guint files, reference_files, no_files;
  double ours, theirs, combined, ours_cpu, theirs_cpu, combined_cpu;

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

  theirs = export (path, some, 1, TRUE, &reference_files, &theirs_cpu) * ((double) ids->len / some->len);
  ours = export (path, ids, 2, TRUE, &files, &ours_cpu);
  combined = export (path, ids, 2, FALSE, &no_files, &combined_cpu);
  if (files != ids->len || reference_files != some->len || no_files != 0)
    g_error ("%u files for %u notices", files, ids->len);

  figure = (GkBenchFigure) { ours, ours };
  reference = (GkBenchFigure) { theirs, theirs };
  g_print ("batch-export-%u-notices-2-threads: %.1f s, %.1f ms a notice, processor %.1f ms a notice"
           " (1 thread: %.1f ms)\n",
           ids->len, ours / 1000, ours / ids->len, ours_cpu / ids->len, theirs_cpu / some->len);
  g_print ("batch-export-%u-notices-combined-pdf-only: %.1f s, %.1f ms a notice, processor %.1f ms a notice\n",
           ids->len, combined / 1000, combined / ids->len, combined_cpu / ids->len);
  gk_bench_print ("batch-export", &figure, &reference);
  return 0;
}
