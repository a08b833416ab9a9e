/* bench-calendar.c — the obligations of the 公开日历 tab and of the
 * start-up toast, at 100 000 notices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the calendar computes on its worker when it shows a month (the six
 * weeks of the month view), and what the start-up toast computes for the
 * head of party office (overdue since 1 January of last year, or due this
 * week, for her organizations); both on the 100 000-notice file, each run
 * on a connection opened for it, as the worker does. The reference is the
 * bare reading the computation cannot do without: every active item with
 * its responsible organizations, and the state and dates of every notice
 * of a catalog item, in one query each.
 * Prints one line per figure.
 * Usage: bench-calendar [RUNS]
 */
#include <stdlib.h>

#include "core/gk-dates.h"
#include "core/gk-obligations.h"
#include "gk-bench.h"

/* The demo's head of party office, as in bench-startup. */
#define PERSON "孙丽娟"

static double
time_month (const char *path,
            const char *from,
            const char *to,
            const char *today)
{
  g_autoptr(GError) error = NULL;
  double start = gk_bench_now_ms ();
  g_autoptr(GkDatabase) db = gk_database_open_full (path, NULL, GK_DATABASE_OPEN_READ_ONLY, &error);
  GkObligationQuery query = { .from = from, .to = to, .today = today };
  g_autoptr(GPtrArray) days = NULL;

  if (db == NULL || (days = gk_obligations_by_day (db, &query, &error)) == NULL)
    g_error ("%s", error->message);
  return gk_bench_now_ms () - start;
}

static double
time_attention (const char *path,
                gint64      person,
                const char *today)
{
  g_autoptr(GError) error = NULL;
  double start = gk_bench_now_ms ();
  g_autoptr(GkDatabase) db = gk_database_open_full (path, NULL, GK_DATABASE_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) obligations = NULL;

  if (db == NULL || (obligations = gk_obligations_attention (db, person, today, &error)) == NULL)
    g_error ("%s", error->message);
  return gk_bench_now_ms () - start;
}

static double
time_bare (const char *path)
{
  static const char * const sql[] = {
    "SELECT i.id, i.cadence, group_concat (r.organization_id) FROM catalog_items i"
    " LEFT JOIN item_responsible r ON r.item_id = i.id WHERE i.active GROUP BY i.id",
    "SELECT item_id, state, planned_date, published_date, obligation FROM notices WHERE item_id IS NOT NULL",
  };
  double start = gk_bench_now_ms ();
  sqlite3 *handle = NULL;

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (handle));
  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (handle, sql[i], -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s", sqlite3_errmsg (handle));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        ;
      sqlite3_finalize (stmt);
    }
  sqlite3_close (handle);
  return gk_bench_now_ms () - start;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = gk_bench_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_database_open_full (path, NULL, GK_DATABASE_OPEN_READ_ONLY, &error);
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 10;
  g_autofree double *month = g_new (double, runs);
  g_autofree double *attention = g_new (double, runs);
  g_autofree double *bare = g_new (double, runs);
  g_autofree char *today = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GkBenchFigure figure, reference;
  gint64 person;
  GDate first, last;

  if (db == NULL)
    g_error ("%s", error->message);
  {
    g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, "SELECT id FROM people WHERE name = '" PERSON "'", NULL);

    if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
      g_error ("no %s in the benchmark database", PERSON);
    person = sqlite3_column_int64 (stmt, 0);
  }

  /* The month view of today's month: from the Monday before the 1st, six
   * weeks. */
  today = gk_database_today (db);
  if (!gk_date_parse (today, &first, &error))
    g_error ("%s", error->message);
  g_date_set_day (&first, 1);
  g_date_subtract_days (&first, g_date_get_weekday (&first) - G_DATE_MONDAY);
  last = first;
  g_date_add_days (&last, 41);
  from = gk_date_to_iso (&first);
  to = gk_date_to_iso (&last);

  /* Once each to fill the disk cache. */
  time_month (path, from, to, today);
  time_attention (path, person, today);
  time_bare (path);
  for (guint r = 0; r < runs; r++)
    {
      month[r] = time_month (path, from, to, today);
      attention[r] = time_attention (path, person, today);
      bare[r] = time_bare (path);
    }
  reference = gk_bench_figure (bare, runs);
  figure = gk_bench_figure (month, runs);
  gk_bench_print ("calendar-month-100k", &figure, &reference);
  figure = gk_bench_figure (attention, runs);
  gk_bench_print ("calendar-start-up-toast-100k", &figure, &reference);
  return 0;
}
