/* gk-bench.c — see gk-bench.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdlib.h>

#include "gk-bench.h"

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

GkBenchFigure
gk_bench_figure (double *times,
                 guint   n)
{
  GkBenchFigure figure = { 0 };

  g_return_val_if_fail (n > 0, figure);

  qsort (times, n, sizeof (double), compare_double);
  figure.median = n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
  /* The smallest time at least 95 % of the runs do not exceed. */
  figure.p95 = times[MAX (1u, (95 * n + 99) / 100) - 1];
  return figure;
}

void
gk_bench_print (const char          *name,
                const GkBenchFigure *figure,
                const GkBenchFigure *reference)
{
  if (reference == NULL)
    g_print ("%s: median %.2f ms, p95 %.2f ms (no reference)\n", name, figure->median, figure->p95);
  else
    g_print ("%s: median %.2f ms, p95 %.2f ms (reference %.2f ms, ratio %.2f)\n",
             name, figure->median, figure->p95, reference->median,
             reference->median > 0 ? figure->median / reference->median : 0.0);
}

double
gk_bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

char *
gk_bench_database (void)
{
  const char *cli = g_getenv ("GONGKAI_CLI");
  const char *dir = g_getenv ("GONGKAI_BENCH_DIR");
  const char *count = g_getenv ("GONGKAI_BENCH_NOTICES");
  g_autofree char *notices = g_strdup_printf ("%d", count != NULL ? atoi (count) : GK_BENCH_NOTICES);
  g_autofree char *name = g_strdup_printf ("bench-%s.db", notices);
  char *path = g_build_filename (dir != NULL ? dir : g_get_tmp_dir (), name, NULL);
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  const char *argv[] = { cli, "init", partial, "--template", "jinzhong-2020", "--demo", "--scale", notices, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  if (cli == NULL)
    g_error ("GONGKAI_CLI must name gongkai-cli to make %s", path);

  g_printerr ("making %s (once)…\n", path);
  g_remove (partial);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("gongkai-cli init --scale: %s", error->message);
  if (g_rename (partial, path) != 0)
    g_error ("cannot rename %s", partial);
  return path;
}
