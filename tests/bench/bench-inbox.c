/* bench-inbox.c — a filter change and a search in the inbox's list, at
 * 100 000 notices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the inbox does when the user picks a filter or types: the paged
 * model counts the notices and reads the first screen (50 rows). The
 * reference is a bare sqlite3 query returning the same rows — the count
 * and the first 50 ids and titles, in the same order — with the same
 * conditions, a search by instr() on title and body (a plain scan).
 * A search matching many notices is counted on a worker after the first
 * screen is shown: its "-counted" line is the time until the count is in.
 * Prints one line per figure.
 * Usage: bench-inbox [RUNS]
 */
#include <stdlib.h>

#include "core/gk-notice-list-model.h"
#include "core/gk-notice-private.h"
#include "gk-bench.h"

#define FIRST_SCREEN 50

typedef struct
{
  const char    *name;
  GkNoticeQuery  query;
  const char    *bare;   /* the conditions of the reference, on n */
} Case;

/* The first screen's time; COUNTED, when not NULL, the time until the
 * model knows its length (as long, or longer when counted on a worker). */
static double
time_model (GkNoticeListModel   *model,
            const GkNoticeQuery *query,
            double              *counted)
{
  double start = gk_bench_now_ms ();
  double first_screen;
  guint n;

  if (!gk_notice_list_model_set_query (model, query, NULL))
    g_error ("the query failed");
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < MIN (n, FIRST_SCREEN); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  first_screen = gk_bench_now_ms () - start;
  while (gk_notice_list_model_is_counting (model))
    g_main_context_iteration (NULL, TRUE);
  if (counted != NULL)
    *counted = gk_bench_now_ms () - start;
  return first_screen;
}

static double
time_bare (sqlite3    *handle,
           const char *conditions,
           const char *needle)
{
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM notices n WHERE %s", conditions);
  g_autofree char *rows_sql = g_strdup_printf ("SELECT n.id, n.title FROM notices n WHERE %s"
                                               " ORDER BY " GK_NOTICE_ORDER_KEY ", n.id LIMIT %d",
                                               conditions, FIRST_SCREEN);
  const char *sql[] = { count_sql, rows_sql };
  double start = gk_bench_now_ms ();

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (handle, sql[i], -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s: %s", sql[i], sqlite3_errmsg (handle));
      if (needle != NULL)
        sqlite3_bind_text (stmt, 1, needle, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        ;
      sqlite3_finalize (stmt);
    }
  return gk_bench_now_ms () - start;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = gk_bench_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_database_open_full (path, NULL, GK_DATABASE_OPEN_READ_ONLY, &error);
  g_autoptr(GkNoticeListModel) model = NULL;
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 30;
  sqlite3 *bare = NULL;
  gint64 person, proposer;
  g_autofree char *waiting = NULL;
  g_autofree char *mine = NULL;

  if (db == NULL)
    g_error ("%s", error->message);
  if (sqlite3_open_v2 (path, &bare, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (bare));

  /* The people with the longest lists: party office waits on every
   * escalated plan; the busiest proposer. */
  {
    g_autoptr(sqlite3_stmt) stmt =
      gk_database_prepare (db, "SELECT (SELECT person_id FROM notice_waiting GROUP BY 1 ORDER BY count(*) DESC LIMIT 1),"
                               " (SELECT proposer_id FROM notices GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)", NULL);

    sqlite3_step (stmt);
    person = sqlite3_column_int64 (stmt, 0);
    proposer = sqlite3_column_int64 (stmt, 1);
  }
  waiting = g_strdup_printf ("n.id IN (SELECT notice_id FROM notice_waiting WHERE person_id = %" G_GINT64_FORMAT ")", person);
  mine = g_strdup_printf ("n.proposer_id = %" G_GINT64_FORMAT, proposer);

  {
    const char *scan = "(instr (lower (n.title), lower (?1)) OR instr (lower (n.body), lower (?1)))";
    const Case cases[] = {
      { "inbox-filter-waiting", { .waiting_for = person }, waiting },
      { "inbox-filter-mine", { .proposed_by = proposer }, mine },
      { "inbox-filter-in-progress", { .in_progress = TRUE },
        "n.state IN ('submitted', 'reviewed', 'escalated', 'upper-review', 'approved')" },
      { "inbox-filter-published", { .published = TRUE }, "n.state = 'published'" },
      { "inbox-filter-all", { 0 }, "1" },
      /* 党 is in every notice, 廉 in some; 党费 in many, 换届 in few. */
      { "inbox-search-1-char-common", { .search = "党" }, scan },
      { "inbox-search-1-char-rare", { .search = "廉" }, scan },
      { "inbox-search-2-chars-common", { .search = "党费" }, scan },
      { "inbox-search-2-chars-rare", { .search = "换届" }, scan },
      { "inbox-search-3-chars", { .search = "组织部" }, scan },
      { "inbox-search-5-chars", { .search = "民主评议党" }, scan },
    };
    double *ours = g_new (double, runs);
    double *ours_counted = g_new (double, runs);
    double *theirs = g_new (double, runs);
    double *all_ours = g_new (double, runs * G_N_ELEMENTS (cases));
    double *all_theirs = g_new (double, runs * G_N_ELEMENTS (cases));
    GkBenchFigure figure, reference;

    model = gk_notice_list_model_new (db, NULL, &error);
    if (model == NULL)
      g_error ("%s", error->message);

    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        /* Once to warm the page cache, as a user's second look would. */
        gboolean counting;

        time_model (model, &cases[c].query, NULL);
        time_bare (bare, cases[c].bare, cases[c].query.search);
        for (guint r = 0; r < runs; r++)
          {
            /* Another filter in between, so that each run is a change. */
            time_model (model, &cases[(c + 1) % G_N_ELEMENTS (cases)].query, NULL);
            all_ours[c * runs + r] = ours[r] = time_model (model, &cases[c].query, &ours_counted[r]);
            all_theirs[c * runs + r] = theirs[r] = time_bare (bare, cases[c].bare, cases[c].query.search);
          }
        /* Whether this case was counted on the worker. */
        gk_notice_list_model_set_query (model, &cases[c].query, NULL);
        counting = gk_notice_list_model_is_counting (model);
        figure = gk_bench_figure (ours, runs);
        reference = gk_bench_figure (theirs, runs);
        gk_bench_print (cases[c].name, &figure, &reference);
        if (counting)
          {
            g_autofree char *name = g_strconcat (cases[c].name, "-counted", NULL);

            figure = gk_bench_figure (ours_counted, runs);
            gk_bench_print (name, &figure, &reference);
          }
        while (gk_notice_list_model_is_counting (model))
          g_main_context_iteration (NULL, TRUE);
      }
    figure = gk_bench_figure (all_ours, runs * G_N_ELEMENTS (cases));
    reference = gk_bench_figure (all_theirs, runs * G_N_ELEMENTS (cases));
    gk_bench_print ("inbox-filter-and-search-all-cases", &figure, &reference);

    g_free (ours);
    g_free (ours_counted);
    g_free (theirs);
    g_free (all_ours);
    g_free (all_theirs);
  }

  /* Scrolling: a page read at a random place of the whole list, what a
   * jump of the scroll bar costs the main loop. */
  {
    GRand *rand = g_rand_new_with_seed (7);
    double *ours = g_new (double, runs * 4);
    double *theirs = g_new (double, runs * 4);
    guint n;
    GkBenchFigure figure, reference;

    gk_notice_list_model_set_query (model, NULL, NULL);
    n = g_list_model_get_n_items (G_LIST_MODEL (model));
    for (guint r = 0; r < runs * 4; r++)
      {
        guint position = (guint) g_rand_int_range (rand, 0, (gint32) n);
        g_autofree char *sql = g_strdup_printf ("SELECT n.id, n.title FROM notices n ORDER BY " GK_NOTICE_ORDER_KEY
                                                ", n.id LIMIT %d OFFSET %u", GK_NOTICE_LIST_MODEL_PAGE_SIZE,
                                                position / GK_NOTICE_LIST_MODEL_PAGE_SIZE * GK_NOTICE_LIST_MODEL_PAGE_SIZE);
        sqlite3_stmt *stmt = NULL;
        double start = gk_bench_now_ms ();

        /* A new model: no page of it is read yet. */
        gk_notice_list_model_refresh (model, NULL);
        start = gk_bench_now_ms ();
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), position));
        ours[r] = gk_bench_now_ms () - start;

        start = gk_bench_now_ms ();
        sqlite3_prepare_v2 (bare, sql, -1, &stmt, NULL);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          ;
        sqlite3_finalize (stmt);
        theirs[r] = gk_bench_now_ms () - start;
      }
    figure = gk_bench_figure (ours, runs * 4);
    reference = gk_bench_figure (theirs, runs * 4);
    gk_bench_print ("inbox-page-at-random-place", &figure, &reference);
    g_free (ours);
    g_free (theirs);
    g_rand_free (rand);
  }

  sqlite3_close (bare);
  return 0;
}
