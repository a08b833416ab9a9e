/* The annual report (第十八条): its figures on the demo data computed a
 * second, independent way — by walking the notices, their histories and
 * the applications in C —; the timeliness median on hand-made notices
 * across the 2026 National Day and Mid-Autumn holidays; the CSV read back;
 * the PDF. */

#include <csv.h>
#include <string.h>

#include "core/gk-choices.h"
#include "core/gk-dates.h"
#include "core/gk-demo.h"
#include "core/gk-directory.h"
#include "core/gk-notices.h"
#include "core/gk-report.h"
#include "core/gk-requests.h"
#include "core/gk-workdays.h"
#include "gk-test-util.h"
#include "pdf/gk-pdf-page.h"
#include "pdf/gk-report-print.h"

#define TODAY "2026-11-27"

static GkDatabase *
demo_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_utc (2026, 11, 27, 10, 0, 0);
  g_autoptr(GkDatabase) db = gk_test_template_db ();

  g_assert_true (gk_demo_populate (db, today, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static GkReportTable *
find_table (GkReport   *report,
            const char *title_part)
{
  for (guint i = 0; i < report->tables->len; i++)
    {
      GkReportTable *table = g_ptr_array_index (report->tables, i);

      if (strstr (table->title, title_part) != NULL)
        return table;
    }
  g_error ("no table “%s”", title_part);
}

/* The table's first column → its column COLUMN, as integers. */
static GHashTable *
table_counts (GkReportTable *table,
              guint          column)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      g_hash_table_insert (counts, g_strdup (row[0]), GINT_TO_POINTER (atoi (row[column])));
    }
  return counts;
}

static void
bump (GHashTable *counts,
      const char *key)
{
  gpointer old = g_hash_table_lookup (counts, key);

  g_hash_table_insert (counts, g_strdup (key), GINT_TO_POINTER (GPOINTER_TO_INT (old) + 1));
}

/* Every non-zero count of EXPECTED is in ACTUAL, and ACTUAL has no other
 * non-zero count. */
static void
assert_same_counts (GHashTable *expected,
                    GHashTable *actual,
                    const char *what)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_INT (g_hash_table_lookup (actual, key)) != GPOINTER_TO_INT (value))
      g_error ("%s “%s”: counted %d, the report says %d", what, (const char *) key,
               GPOINTER_TO_INT (value), GPOINTER_TO_INT (g_hash_table_lookup (actual, key)));
  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_INT (value) != 0 && !g_hash_table_contains (expected, key))
      g_error ("%s “%s”: the report says %d, counted none", what, (const char *) key, GPOINTER_TO_INT (value));
}

/* Working days after PLANNED up to PUBLISHED, by stepping gk_workdays_add:
 * the largest N whose date is not after PUBLISHED. */
static guint
delay_by_stepping (GkDatabase *db,
                   const char *planned,
                   const char *published)
{
  GDate start, end, day;
  guint n = 0;

  g_assert_true (gk_date_parse (planned, &start, NULL));
  g_assert_true (gk_date_parse (published, &end, NULL));
  for (;;)
    {
      g_assert_true (gk_workdays_add (db, &start, n + 1, &day, NULL));
      if (g_date_compare (&day, &end) > 0)
        return n;
      n++;
    }
}

static char *
category_of (GkDatabase *db,
             gint64      item_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (item_id == 0)
    return g_strdup ("目录外事项");
  stmt = gk_database_prepare (db, "SELECT c.name FROM catalog_items i JOIN categories c ON c.id = i.category_id"
                                  " WHERE i.id = ?", NULL);
  sqlite3_bind_int64 (stmt, 1, item_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static const char *
class_words (const char *klass)
{
  const char *words[][2] = {
    { "public", "向社会公开" }, { "party-wide", "在全校党内公开" }, { "unit", "在本单位内部公开" },
    { "specific", "向特定组织、党员和师生公开" }, { "case-by-case", "根据情况在相应范围公开" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (words[i][0], klass))
      return words[i][1];
  g_assert_not_reached ();
}

/* What the publication steps of the history say: "2026-03-02 以会议、文件方式向全体党员公开". */
static void
parse_stage_note (const char  *note,
                  char       **date,
                  char      ***methods,
                  char      ***audiences)
{
  const char *by = strstr (note, " 以");
  const char *way = strstr (note, "方式向");
  const char *end = g_str_has_suffix (note, "公开") ? note + strlen (note) - strlen ("公开") : NULL;
  g_autofree char *method_text = NULL;
  g_autofree char *audience_text = NULL;

  g_assert_nonnull (by);
  g_assert_nonnull (way);
  g_assert_nonnull (end);
  *date = g_strndup (note, by - note);
  method_text = g_strndup (by + strlen (" 以"), way - by - strlen (" 以"));
  audience_text = g_strndup (way + strlen ("方式向"), end - way - strlen ("方式向"));
  *methods = g_strsplit (method_text, "、", -1);
  *audiences = g_strsplit (audience_text, "、", -1);
}

static void
test_demo_two_ways (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = demo_db ();
  g_autoptr(GkReport) report = gk_report_annual (db, 0, 2026, TODAY, &error);
  g_autoptr(GListModel) notices = NULL;
  g_autoptr(GPtrArray) audiences = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GHashTable) class_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_category = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_org = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_class = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_method = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) reported = NULL;
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (double));
  GkNoticeQuery query = { .published = TRUE };
  guint published = 0, on_time = 0, late = 0, before = 0;
  guint received = 0, disclosed = 0, partial = 0, refused = 0, open = 0;

  g_assert_no_error (error);
  g_assert_nonnull (report);

  audiences = gk_choices_audiences (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audiences->len; i++)
    {
      GkChoice *choice = g_ptr_array_index (audiences, i);

      g_hash_table_insert (class_of, choice->name, choice->detail);
    }

  /* The second way: every published notice, its history, in C. */
  notices = gk_notices_list (db, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (notices); i++)
    {
      g_autoptr(GkNotice) notice = g_list_model_get_item (notices, i);
      g_autoptr(GPtrArray) history = NULL;
      g_autoptr(GHashTable) classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) methods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree char *category = NULL;
      const char *date = gk_notice_get_published_date (notice);
      guint delay;

      if (!g_str_has_prefix (date, "2026-"))
        {
          before++;
          continue;
        }
      published++;
      category = category_of (db, gk_notice_get_item_id (notice));
      bump (by_category, category);
      bump (by_org, gk_notice_get_organization (notice));

      delay = g_strcmp0 (date, gk_notice_get_planned_date (notice)) <= 0
        ? 0 : delay_by_stepping (db, gk_notice_get_planned_date (notice), date);
      g_array_append_val (delays, (double) { delay });
      if (g_strcmp0 (date, gk_notice_get_planned_date (notice)) <= 0)
        on_time++;
      else
        late++;

      history = gk_notices_history (db, gk_notice_get_id (notice), &error);
      g_assert_no_error (error);
      for (guint h = 0; h < history->len; h++)
        {
          GkNoticeEvent *event = g_ptr_array_index (history, h);
          g_autofree char *stage_date = NULL;
          g_auto(GStrv) stage_methods = NULL;
          g_auto(GStrv) stage_audiences = NULL;

          if (!g_str_equal (event->action, "publish"))
            continue;
          parse_stage_note (event->note, &stage_date, &stage_methods, &stage_audiences);
          if (g_strcmp0 (stage_date, "2026-12-31") > 0)
            continue;
          for (guint m = 0; stage_methods[m] != NULL; m++)
            g_hash_table_add (methods, g_strdup (stage_methods[m]));
          for (guint a = 0; stage_audiences[a] != NULL; a++)
            g_hash_table_add (classes, g_strdup (class_words (g_hash_table_lookup (class_of, stage_audiences[a]))));
        }
      {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init (&iter, methods);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          bump (by_method, key);
        g_hash_table_iter_init (&iter, classes);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          bump (by_class, key);
      }
    }
  /* The demo spans a year: the report must leave out 2025's. */
  g_assert_cmpuint (before, >, 0);
  g_assert_cmpuint (published, >, 20);

  g_assert_cmpuint (report->published, ==, published);
  g_assert_cmpuint (report->on_time, ==, on_time);
  g_assert_cmpuint (report->late, ==, late);
  g_assert_cmpfloat (report->median_delay, ==, gk_report_median (delays));

  reported = table_counts (find_table (report, "按类别"), 1);
  assert_same_counts (by_category, reported, "category");
  g_clear_pointer (&reported, g_hash_table_unref);

  reported = table_counts (find_table (report, "按组织"), 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (reported, "合计")), ==, published);
  g_hash_table_remove (reported, "合计");
  assert_same_counts (by_org, reported, "organization");
  g_clear_pointer (&reported, g_hash_table_unref);

  reported = table_counts (find_table (report, "按公开范围"), 1);
  assert_same_counts (by_class, reported, "audience class");
  g_clear_pointer (&reported, g_hash_table_unref);

  reported = table_counts (find_table (report, "按公开方式"), 2);
  assert_same_counts (by_method, reported, "method");
  g_clear_pointer (&reported, g_hash_table_unref);

  /* Applications, walked through gk_requests_list. */
  requests = gk_requests_list (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < requests->len; i++)
    {
      GkRequest *request = g_ptr_array_index (requests, i);

      if (!g_str_has_prefix (request->received_date, "2026-"))
        continue;
      received++;
      if (!g_str_equal (request->state, "replied"))
        open++;
      else if (g_str_equal (request->reply, "disclose"))
        disclosed++;
      else if (g_str_equal (request->reply, "partial"))
        partial++;
      else
        refused++;
    }
  g_assert_cmpuint (received, >, 0);
  g_assert_cmpuint (report->applications, ==, received);
  g_assert_cmpuint (report->applications_open, ==, open);
  g_assert_cmpuint (report->applications_disclosed, ==, disclosed);
  g_assert_cmpuint (report->applications_partial, ==, partial);
  g_assert_cmpuint (report->applications_refused, ==, refused);

  /* Obligations: every one counted once. */
  g_assert_cmpuint (report->obligations_met + report->obligations_waived + report->obligations_missed +
                    report->obligations_pending, >, 0);
}

/* ---- hand-made notices with known delays ---- */

static gboolean
run_sql (GkDatabase *db,
         gpointer    user_data,
         GError    **error)
{
  return gk_database_exec (db, user_data, error);
}

static void
add_published (GkDatabase *db,
               const char *org,
               const char *item_and_obligation,
               const char *planned,
               const char *published)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO notices (item_id, obligation, organization_id, title, body, planned_date, state,"
                     "  proposer_id, published_date, created_at, updated_at)"
                     " SELECT %s, (SELECT id FROM organizations WHERE short_name = '%s'),"
                     "  '%s %s', '正文', '%s', 'published', (SELECT min(id) FROM people), '%s',"
                     "  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z';"
                     "INSERT INTO notice_stages (notice_id, published_date, audiences, methods, recorded_by, at)"
                     " VALUES (last_insert_rowid (), '%s', '全体党员', '会议', (SELECT min(id) FROM people),"
                     "  '2026-01-01T00:00:00Z');",
                     item_and_obligation, org, planned, published, planned, published, published);

  gk_database_write (db, run_sql, sql, &error);
  g_assert_no_error (error);
}

static void
test_timeliness_median (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GkReport) report = NULL;
  g_autoptr(GHashTable) medians = NULL;
  GkReportTable *table;

  gk_database_write (db, run_sql, "INSERT INTO people (name) VALUES ('测试员')", &error);
  g_assert_no_error (error);

  /* 组织部: delays 2, 3, 1, 0, 0, 2 → median 1.5 */
  add_published (db, "组织部", "NULL, NULL", "2026-09-30", "2026-10-09");  /* 10-01…07 off: 8, 9 → 2 */
  add_published (db, "组织部", "NULL, NULL", "2026-09-30", "2026-10-10");  /* + Saturday 10-10 worked (调休) → 3 */
  add_published (db, "组织部", "NULL, NULL", "2026-09-24", "2026-09-28");  /* 中秋 25-27 off → 1 */
  add_published (db, "组织部", "NULL, NULL", "2026-06-10", "2026-06-05");  /* early → 0 */
  add_published (db, "组织部", "NULL, NULL", "2026-06-10", "2026-06-10");  /* on the day → 0 */
  add_published (db, "组织部", "NULL, NULL", "2026-09-18", "2026-09-21");  /* Sunday 09-20 worked (调休) → 2 */
  /* 宣传部: a notice that names its obligation (item 10, 2025's summary,
   * due 2026-01-31): late by 2 working days after the due date, not by
   * the 10 after its planned date. */
  add_published (db, "宣传部",
                 "(SELECT i.id FROM catalog_items i JOIN catalogs c ON c.id = i.catalog_id"
                 "  JOIN organizations o ON o.id = c.organization_id WHERE o.short_name = '党委' AND i.number = 10),"
                 " 'yearly-after:01-31@2025'",
                 "2026-01-20", "2026-02-03");

  report = gk_report_annual (db, 0, 2026, "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->published, ==, 7);
  g_assert_cmpuint (report->on_time, ==, 2);
  g_assert_cmpuint (report->late, ==, 5);
  /* 0 0 1 2 2 2 3 */
  g_assert_cmpfloat (report->median_delay, ==, 2.0);

  table = find_table (report, "按组织");
  medians = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      g_hash_table_insert (medians, row[0], row[4]);
    }
  g_assert_cmpstr (g_hash_table_lookup (medians, "组织部"), ==, "1.5");
  g_assert_cmpstr (g_hash_table_lookup (medians, "宣传部"), ==, "2");
  g_assert_cmpstr (g_hash_table_lookup (medians, "合计"), ==, "2");

  /* The same delays, stepped out day by day. */
  g_assert_cmpuint (delay_by_stepping (db, "2026-09-30", "2026-10-10"), ==, 3);
  g_assert_cmpuint (delay_by_stepping (db, "2026-09-18", "2026-09-21"), ==, 2);

  /* A sub-organization's report sees only its own. */
  g_clear_pointer (&report, gk_report_free);
  report = gk_report_annual (db, gk_test_query_int (db, "SELECT id FROM organizations WHERE short_name = '组织部'"),
                             2026, "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->published, ==, 6);
  g_assert_cmpfloat (report->median_delay, ==, 1.5);
}

static void
test_median (void)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  double odd[] = { 5, 1, 3 };

  g_assert_cmpfloat (gk_report_median (values), ==, 0);
  g_array_append_vals (values, odd, G_N_ELEMENTS (odd));
  g_assert_cmpfloat (gk_report_median (values), ==, 3);
  g_array_append_val (values, (double) { 10 });
  g_assert_cmpfloat (gk_report_median (values), ==, 4);
}

/* ---- CSV and PDF ---- */

typedef struct
{
  GPtrArray *rows;     /* GPtrArray of char * */
  GPtrArray *current;
} CsvRead;

static void
csv_field (void   *data,
           size_t  length,
           void   *user_data)
{
  CsvRead *read = user_data;

  if (read->current == NULL)
    read->current = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (read->current, g_strndup (data, length));
}

static void
csv_row (int   c,
         void *user_data)
{
  CsvRead *read = user_data;

  g_ptr_array_add (read->rows, g_steal_pointer (&read->current));
}

static gboolean
row_is_empty (GPtrArray *row)
{
  for (guint i = 0; i < row->len; i++)
    if (((char *) g_ptr_array_index (row, i))[0] != '\0')
      return FALSE;
  return TRUE;
}

static void
test_csv_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = demo_db ();
  g_autoptr(GkReport) report = gk_report_annual (db, 0, 2026, TODAY, &error);
  g_autofree char *csv = NULL;
  struct csv_parser parser;
  CsvRead read = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref), NULL };
  guint row = 0, width;

  g_assert_no_error (error);
  csv = gk_report_to_csv (report);
  g_assert_cmpint (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI), ==, 0);
  g_assert_cmpuint (csv_parse (&parser, csv, strlen (csv), csv_field, csv_row, &read), ==, strlen (csv));
  g_assert_cmpint (csv_fini (&parser, csv_field, csv_row, &read), ==, 0);
  csv_free (&parser);

  /* Rectangular, and table after table: title, header, rows, blank. */
  width = ((GPtrArray *) g_ptr_array_index (read.rows, 0))->len;
  for (guint t = 0; t < report->tables->len; t++)
    {
      GkReportTable *table = g_ptr_array_index (report->tables, t);
      GPtrArray *fields;

      fields = g_ptr_array_index (read.rows, row++);
      g_assert_cmpuint (fields->len, ==, width);
      g_assert_cmpstr (g_ptr_array_index (fields, 0), ==, table->title);
      fields = g_ptr_array_index (read.rows, row++);
      for (guint c = 0; table->columns[c] != NULL; c++)
        g_assert_cmpstr (g_ptr_array_index (fields, c), ==, table->columns[c]);
      for (guint r = 0; r < table->rows->len; r++)
        {
          char **cells = g_ptr_array_index (table->rows, r);

          fields = g_ptr_array_index (read.rows, row++);
          g_assert_cmpuint (fields->len, ==, width);
          for (guint c = 0; cells[c] != NULL; c++)
            g_assert_cmpstr (g_ptr_array_index (fields, c), ==, cells[c]);
        }
      g_assert_true (row_is_empty (g_ptr_array_index (read.rows, row++)));
    }
  g_assert_cmpuint (row, ==, read.rows->len);
  g_ptr_array_unref (read.rows);
}

/* A field with a comma, a quote and a line break comes back whole. */
static void
test_csv_quoting (void)
{
  GkReport report = { 0 };
  GkReportTable *table = g_new0 (GkReportTable, 1);
  char *cells[] = { "甲,乙", "他说\"是\"\n第二行", NULL };
  g_autofree char *csv = NULL;

  report.tables = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_report_table_free);
  table->title = g_strdup ("一、测试");
  table->columns = g_strsplit ("名称,内容", ",", -1);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (table->rows, g_strdupv (cells));
  g_ptr_array_add (report.tables, table);

  csv = gk_report_to_csv (&report);
  g_assert_cmpstr (csv, ==, "一、测试,\r\n名称,内容\r\n\"甲,乙\",\"他说\"\"是\"\"\n第二行\"\r\n,\r\n");
  g_ptr_array_unref (report.tables);
}

static void
test_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = demo_db ();
  g_autoptr(GkReport) report = gk_report_annual (db, 0, 2026, TODAY, &error);
  g_autoptr(GkReport) summary = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) summary_pdf = NULL;

  g_assert_no_error (error);
  first = gk_report_print_pdf (report, &error);
  g_assert_no_error (error);
  second = gk_report_print_pdf (report, &error);
  g_assert_no_error (error);
  /* Deterministic bytes. */
  g_assert_true (g_bytes_equal (first, second));
  g_assert_cmpuint (gk_pdf_count_pages (first, &error), >=, 2);
  g_assert_no_error (error);

  /* The summary of one general branch lists what it disclosed. */
  summary = gk_report_summary (db, gk_test_query_int (db, "SELECT id FROM organizations WHERE short_name = '文学院党总支'"),
                               "2026-01-01", "2026-11-27", TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (find_table (summary, "清单")->rows->len, ==, summary->published);
  g_assert_cmpuint (summary->published, >, 0);
  summary_pdf = gk_report_print_pdf (summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gk_pdf_count_pages (summary_pdf, &error), >=, 1);
}

static gboolean
has_choice (GPtrArray  *choices,
            const char *name)
{
  for (guint i = 0; i < choices->len; i++)
    if (g_str_equal (((GkChoice *) g_ptr_array_index (choices, i))->name, name))
      return TRUE;
  return FALSE;
}

/* Whose summary a person may make, on the demo: a general-branch
 * secretary the general branch and what is under it, a branch secretary
 * the branch, party office every organization, someone with no leading
 * role none. */
static void
test_summary_organizations (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = demo_db ();
  g_autoptr(GPtrArray) secretary = NULL;
  g_autoptr(GPtrArray) branch = NULL;
  g_autoptr(GPtrArray) office = NULL;
  g_autoptr(GPtrArray) staff = NULL;

  secretary = gk_report_summary_organizations (db, gk_directory_find_person (db, "吴海燕", NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpint (secretary->len, ==,
                   1 + gk_test_query_int (db, "SELECT count(*) FROM organizations WHERE parent_id ="
                                              " (SELECT id FROM organizations WHERE short_name = '文学院党总支')"));
  g_assert_true (has_choice (secretary, "文学院党总支"));
  g_assert_true (has_choice (secretary, "文学院教工党支部"));
  g_assert_false (has_choice (secretary, "数统学院党总支"));
  branch = gk_report_summary_organizations (db, gk_directory_find_person (db, "钱玉兰", NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (branch->len, ==, 1);
  g_assert_true (has_choice (branch, "文学院教工党支部"));
  office = gk_report_summary_organizations (db, gk_directory_find_person (db, "孙丽娟", NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpint (office->len, ==, gk_test_query_int (db, "SELECT count(*) FROM organizations WHERE active"));
  staff = gk_report_summary_organizations (db, gk_directory_find_person (db, "杨帆", NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/demo/two-ways", test_demo_two_ways);
  g_test_add_func ("/report/timeliness/median-across-holidays", test_timeliness_median);
  g_test_add_func ("/report/median", test_median);
  g_test_add_func ("/report/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/report/csv/quoting", test_csv_quoting);
  g_test_add_func ("/report/pdf", test_pdf);
  g_test_add_func ("/report/summary/organizations", test_summary_organizations);

  return g_test_run ();
}
