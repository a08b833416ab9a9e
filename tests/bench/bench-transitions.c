/* bench-transitions.c — four processes taking notices through the branch
 * route (create → submit → review → approve → publish) on one file, as
 * four desktops would: transitions per second
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writers are this program started again with --writer, as in
 * tests/test-shared.c; BUSY after the whole busy timeout is retried. The
 * reference is one writer alone on the same kind of file.
 * Usage: bench-transitions [NOTICES-PER-WRITER]
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/gk-core-error.h"
#include "gk-bench.h"
#include "../gk-test-invariants.h"

#define TRANSITIONS_PER_NOTICE 5

static int
writer_main (const char *path,
             guint       writer,
             guint       n_notices)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_database_open (path, &error);

  if (db == NULL)
    g_error ("writer %u: %s", writer, error->message);
  for (guint i = 0; i < n_notices; i++)
    {
      gint64 id = 0;
      const char *state;

      do
        {
          g_clear_error (&error);
          state = gk_test_branch_step (db, writer, &id, &error);
          if (state == NULL && !g_error_matches (error, GK_CORE_ERROR, GK_CORE_ERROR_BUSY))
            g_error ("writer %u: %s", writer, error->message);
        }
      while (state == NULL || !g_str_equal (state, "published"));
    }
  return 0;
}

/* Transitions per second of N_WRITERS processes on a new file. */
static double
race (guint n_writers,
      guint n_notices)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  g_autofree char *dir = g_dir_make_tmp ("gongkai-transitions-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *count = g_strdup_printf ("%u", n_notices);
  GSubprocess *writers[8];
  double start, seconds;

  if (self == NULL || dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "shared.db", NULL);
  gk_test_make_branches (path, n_writers);

  start = gk_bench_now_ms ();
  for (guint i = 0; i < n_writers; i++)
    {
      g_autofree char *index = g_strdup_printf ("%u", i);

      writers[i] = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self, "--writer", path, index, count, NULL);
      if (writers[i] == NULL)
        g_error ("%s", error->message);
    }
  for (guint i = 0; i < n_writers; i++)
    {
      if (!g_subprocess_wait_check (writers[i], NULL, &error))
        g_error ("writer %u: %s", i, error->message);
      g_object_unref (writers[i]);
    }
  seconds = (gk_bench_now_ms () - start) / 1000;

  g_unlink (path);
  g_rmdir (dir);
  return n_writers * n_notices * TRANSITIONS_PER_NOTICE / seconds;
}

int
main (int   argc,
      char *argv[])
{
  guint n_notices;
  double four, one;

  if (argc == 5 && g_str_equal (argv[1], "--writer"))
    return writer_main (argv[2], (guint) atoi (argv[3]), (guint) atoi (argv[4]));

  n_notices = argc > 1 ? (guint) atoi (argv[1]) : 50;
  one = race (1, n_notices);
  four = race (4, n_notices);
  g_print ("transitions-4-processes: %.0f transitions/s (reference 1 process %.0f transitions/s, ratio %.2f)\n",
           four, one, four / one);
  return 0;
}
