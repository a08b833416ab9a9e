/* gk-report.c: the figures of 第十七、十八条 — annual report and period summary
 *
 * Counts come from SQL aggregates over the period's published notices
 * (one CTE, "pub", shared by every query); working-day delays cannot be
 * counted in SQL, so they are computed per notice in C with the calendar
 * of gk-workdays. The printed words are those of an official record,
 * Chinese whatever the desktop's language.
 */

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/gk-choices.h"
#include "core/gk-core-error.h"
#include "core/gk-dashboard.h"
#include "core/gk-dates.h"
#include "core/gk-inspections.h"
#include "core/gk-obligations.h"
#include "core/gk-report.h"

/* The organization with the ones under it, then the notices it published
 * in the period: ?1 organization, ?2 from, ?3 to. */
#define PUB_CTE \
  "WITH RECURSIVE subtree (id) AS (" \
  "  SELECT ?1 UNION SELECT o.id FROM organizations o JOIN subtree s ON o.parent_id = s.id)," \
  " pub AS (SELECT * FROM notices WHERE state = 'published' AND published_date BETWEEN ?2 AND ?3" \
  "           AND organization_id IN subtree) "

static const struct
{
  const char *klass;
  const char *words;
} audience_classes[] = {
  { "public", "向社会公开" },
  { "party-wide", "在全校党内公开" },
  { "unit", "在本单位内部公开" },
  { "specific", "向特定组织、党员和师生公开" },
  { "case-by-case", "根据情况在相应范围公开" },
};

void
gk_report_table_free (GkReportTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_strfreev (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
gk_report_free (GkReport *report)
{
  if (report == NULL)
    return;
  g_free (report->organization);
  g_free (report->short_name);
  g_free (report->from);
  g_free (report->to);
  g_free (report->today);
  g_clear_pointer (&report->tables, g_ptr_array_unref);
  g_free (report);
}

static GkReportTable *
table_new (GkReport   *report,
           const char *title,
           ...) G_GNUC_NULL_TERMINATED;

/* A new table of REPORT, its columns given as a NULL-terminated list. */
static GkReportTable *
table_new (GkReport   *report,
           const char *title,
           ...)
{
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
  GkReportTable *table = g_new0 (GkReportTable, 1);
  va_list args;

  va_start (args, title);
  for (const char *column = va_arg (args, const char *); column != NULL; column = va_arg (args, const char *))
    g_strv_builder_add (columns, column);
  va_end (args);

  table->title = g_strdup_printf ("%s、%s", (const char *[]) { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二" }[MIN (report->tables->len, 11)], title);
  table->columns = g_strv_builder_end (columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (report->tables, table);
  return table;
}

/* Appends a row of as many cells as TABLE has columns. */
static void
table_add (GkReportTable *table,
           ...)
{
  guint n = g_strv_length (table->columns);
  char **row = g_new0 (char *, n + 1);
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < n; i++)
    {
      const char *cell = va_arg (args, const char *);

      row[i] = g_strdup (cell != NULL ? cell : "");
    }
  va_end (args);
  g_ptr_array_add (table->rows, row);
}

static char *
count_text (gint64 n)
{
  return g_strdup_printf ("%" PRId64, n);
}

char *
gk_report_format_days (double days)
{
  if (days == (double) (gint64) days)
    return g_strdup_printf ("%" PRId64, (gint64) days);
  return g_strdup_printf ("%.1f", days);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
gk_report_median (GArray *values)
{
  guint n;

  g_return_val_if_fail (values != NULL, 0);

  n = values->len;
  if (n == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

/* ---- the work of one computation ---- */

typedef struct
{
  GkDatabase          *db;
  const GkReportQuery *query;
  GkReport            *report;
  GHashTable          *subtree;    /* organization ids (gint64 *) */
  gboolean             is_root;
} Work;

static sqlite3_stmt *
prepare_pub (Work        *work,
             const char  *sql,
             GError     **error)
{
  g_autofree char *full = g_strconcat (PUB_CTE, sql, NULL);
  sqlite3_stmt *stmt = gk_database_prepare (work->db, full, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, work->report->organization_id);
  sqlite3_bind_text (stmt, 2, work->report->from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, work->report->to, -1, SQLITE_STATIC);
  return stmt;
}

static gboolean
finish (Work         *work,
        int           rc,
        GError      **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  gk_database_set_error (work->db, error, _("Cannot compute the report"));
  return FALSE;
}

static gboolean
read_organization (Work    *work,
                   gint64   organization_id,
                   GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) tree = NULL;
  int rc;

  if (organization_id == 0)
    stmt = gk_database_prepare (work->db,
                                "SELECT id, name, coalesce (short_name, name), parent_id IS NULL FROM organizations"
                                " WHERE parent_id IS NULL AND kind = 'committee' ORDER BY id LIMIT 1",
                                error);
  else
    stmt = gk_database_prepare (work->db,
                                "SELECT id, name, coalesce (short_name, name), parent_id IS NULL FROM organizations WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  if (organization_id != 0)
    sqlite3_bind_int64 (stmt, 1, organization_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("There is no organization %" PRId64), organization_id);
      return FALSE;
    }
  work->report->organization_id = sqlite3_column_int64 (stmt, 0);
  work->report->organization = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  work->report->short_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  work->is_root = sqlite3_column_int (stmt, 3) != 0;

  tree = gk_database_prepare (work->db,
                              "WITH RECURSIVE subtree (id) AS ("
                              "  SELECT ?1 UNION SELECT o.id FROM organizations o JOIN subtree s ON o.parent_id = s.id)"
                              " SELECT id FROM subtree",
                              error);
  if (tree == NULL)
    return FALSE;
  sqlite3_bind_int64 (tree, 1, work->report->organization_id);
  while ((rc = sqlite3_step (tree)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (tree, 0);
      g_hash_table_add (work->subtree, id);
    }
  return finish (work, rc, error);
}

/* 一、按类别 */
static gboolean
by_category (Work    *work,
             GError **error)
{
  GkReportTable *table = table_new (work->report, "公开事项按类别统计", "类别", "公开事项数", NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare_pub (work,
                      "SELECT coalesce (c.name, '目录外事项'), count(*) FROM pub n"
                      " LEFT JOIN catalog_items i ON i.id = n.item_id"
                      " LEFT JOIN categories c ON c.id = i.category_id"
                      " GROUP BY 1 ORDER BY c.name IS NULL, min (c.position), 1",
                      error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *n = count_text (sqlite3_column_int64 (stmt, 1));

      table_add (table, (const char *) sqlite3_column_text (stmt, 0), n);
    }
  return finish (work, rc, error);
}

/* The deadline of a notice that names its obligation: that obligation's
 * due date, from a listing wide enough to hold it. */
static GHashTable *
obligation_due_dates (Work    *work,
                      GError **error)
{
  g_autoptr(GHashTable) due = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) obligations = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GkObligationQuery query = { 0 };

  from = g_strdup_printf ("%.4d-01-01", atoi (work->report->from) - 1);
  to = g_strdup_printf ("%.4d-12-31", atoi (work->report->to) + 1);
  query.from = from;
  query.to = to;
  query.today = work->report->today;
  obligations = gk_obligations_list (work->db, &query, error);
  if (obligations == NULL)
    return NULL;
  for (guint i = 0; i < obligations->len; i++)
    {
      GkObligation *obligation = g_ptr_array_index (obligations, i);
      g_autofree char *key = gk_obligation_get_key (obligation);

      g_hash_table_insert (due, g_strdup_printf ("%" PRId64 "|%s", obligation->item_id, key),
                           g_strdup (obligation->due_date));
    }
  return g_steal_pointer (&due);
}

typedef struct
{
  char   *name;
  gint64  published;
  guint   on_time;
  guint   late;
  GArray *delays;   /* double */
} OrgTimeliness;

static void
org_timeliness_free (gpointer data)
{
  OrgTimeliness *org = data;

  g_free (org->name);
  g_array_unref (org->delays);
  g_free (org);
}

/* 二、按组织, with the timeliness of each and in all. */
static gboolean
by_organization (Work    *work,
                 GError **error)
{
  GkReport *report = work->report;
  GkReportTable *table = table_new (report, "公开事项按组织统计及公开及时性",
                                    "组织", "公开事项数", "按期公开", "逾期公开", "延迟中位数（工作日）", NULL);
  g_autoptr(sqlite3_stmt) orgs = NULL;
  g_autoptr(sqlite3_stmt) notices = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, org_timeliness_free);
  g_autoptr(GHashTable) due = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *total = NULL;
  g_autofree char *on_time = NULL;
  g_autofree char *late = NULL;
  g_autofree char *median = NULL;
  int rc;

  orgs = prepare_pub (work,
                      "SELECT n.organization_id, coalesce (o.short_name, o.name), count(*) FROM pub n"
                      " JOIN organizations o ON o.id = n.organization_id"
                      " GROUP BY n.organization_id ORDER BY n.organization_id",
                      error);
  if (orgs == NULL)
    return FALSE;
  while ((rc = sqlite3_step (orgs)) == SQLITE_ROW)
    {
      OrgTimeliness *org = g_new0 (OrgTimeliness, 1);
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (orgs, 0);
      org->name = g_strdup ((const char *) sqlite3_column_text (orgs, 1));
      org->published = sqlite3_column_int64 (orgs, 2);
      org->delays = g_array_new (FALSE, FALSE, sizeof (double));
      g_hash_table_insert (by_id, id, org);
      g_ptr_array_add (order, org);
      report->published += (guint) org->published;
    }
  if (!finish (work, rc, error))
    return FALSE;

  notices = prepare_pub (work,
                         "SELECT n.id, n.organization_id, coalesce (n.item_id, 0), n.obligation, n.planned_date,"
                         "       n.published_date FROM pub n ORDER BY n.id",
                         error);
  if (notices == NULL)
    return FALSE;
  while ((rc = sqlite3_step (notices)) == SQLITE_ROW)
    {
      gint64 organization_id = sqlite3_column_int64 (notices, 1);
      const char *obligation = (const char *) sqlite3_column_text (notices, 3);
      const char *deadline = (const char *) sqlite3_column_text (notices, 4);
      const char *published = (const char *) sqlite3_column_text (notices, 5);
      OrgTimeliness *org = g_hash_table_lookup (by_id, &organization_id);
      double delay;

      if (obligation != NULL)
        {
          g_autofree char *key = g_strdup_printf ("%" PRId64 "|%s", (gint64) sqlite3_column_int64 (notices, 2), obligation);
          const char *due_date;

          if (due == NULL && (due = obligation_due_dates (work, error)) == NULL)
            return FALSE;
          if ((due_date = g_hash_table_lookup (due, key)) != NULL)
            deadline = due_date;
        }

      delay = MAX (gk_dashboard_workdays_between (work->db, deadline, published), 0);
      g_array_append_val (org->delays, delay);
      g_array_append_val (all, delay);
      if (g_strcmp0 (published, deadline) <= 0)
        org->on_time++;
      else
        org->late++;
    }
  if (!finish (work, rc, error))
    return FALSE;

  for (guint i = 0; i < order->len; i++)
    {
      OrgTimeliness *org = g_ptr_array_index (order, i);
      g_autofree char *n = count_text (org->published);
      g_autofree char *ok = count_text (org->on_time);
      g_autofree char *behind = count_text (org->late);
      g_autofree char *days = gk_report_format_days (gk_report_median (org->delays));

      table_add (table, org->name, n, ok, behind, days);
      report->on_time += org->on_time;
      report->late += org->late;
    }
  report->median_delay = gk_report_median (all);

  total = count_text (report->published);
  on_time = count_text (report->on_time);
  late = count_text (report->late);
  median = gk_report_format_days (report->median_delay);
  table_add (table, "合计", total, on_time, late, median);
  return TRUE;
}

/* 三、按公开范围类别: what the publication stages reached. */
static gboolean
by_audience_class (Work    *work,
                   GError **error)
{
  GkReportTable *table = table_new (work->report, "公开事项按公开范围统计", "公开范围", "公开事项数", NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare_pub (work,
                      "SELECT count(DISTINCT n.id) FROM pub n"
                      " JOIN notice_stages s ON s.notice_id = n.id AND s.published_date <= ?3"
                      " JOIN audiences a ON instr ('、' || s.audiences || '、', '、' || a.name || '、') > 0"
                      " WHERE a.class = ?4",
                      error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (audience_classes); i++)
    {
      g_autofree char *n = NULL;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 4, audience_classes[i].klass, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return finish (work, SQLITE_ERROR, error);
      n = count_text (sqlite3_column_int64 (stmt, 0));
      table_add (table, audience_classes[i].words, n);
    }
  return TRUE;
}

/* 四、按公开方式 (第十四条), every method, in its order. */
static gboolean
by_method (Work    *work,
           GError **error)
{
  GkReportTable *table = table_new (work->report, "公开事项按公开方式统计", "公开方式", "类别", "公开事项数", NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare_pub (work,
                      "SELECT m.name, m.channel, (SELECT count(DISTINCT n.id) FROM pub n"
                      "   JOIN notice_stages s ON s.notice_id = n.id AND s.published_date <= ?3"
                      "  WHERE instr ('、' || s.methods || '、', '、' || m.name || '、') > 0)"
                      " FROM methods m ORDER BY m.position",
                      error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *n = count_text (sqlite3_column_int64 (stmt, 2));

      table_add (table, (const char *) sqlite3_column_text (stmt, 0),
                 g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "internal") ? "党内" : "党外",
                 n);
    }
  return finish (work, rc, error);
}

/* 五、目录规定的公开义务 */
static gboolean
obligations (Work    *work,
             GError **error)
{
  GkReport *report = work->report;
  GkReportTable *table = table_new (report, "公开目录规定事项履行情况", "情况", "事项数", NULL);
  g_autoptr(GPtrArray) list = NULL;
  GkObligationQuery query = { .from = report->from, .to = report->to, .today = report->today };
  const char *labels[] = { "按规定公开", "说明理由免于公开", "逾期未公开", "尚在期限内" };
  guint *counts[] = { &report->obligations_met, &report->obligations_waived,
                      &report->obligations_missed, &report->obligations_pending };

  list = gk_obligations_list (work->db, &query, error);
  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      GkObligation *obligation = g_ptr_array_index (list, i);
      gboolean ours = FALSE;

      for (guint j = 0; obligation->organization_ids != NULL && j < obligation->organization_ids->len; j++)
        ours |= g_hash_table_contains (work->subtree, &g_array_index (obligation->organization_ids, gint64, j));
      if (!ours)
        continue;

      switch (obligation->status)
        {
        case GK_OBLIGATION_DONE:
          report->obligations_met++;
          break;
        case GK_OBLIGATION_WAIVED:
          report->obligations_waived++;
          break;
        case GK_OBLIGATION_OVERDUE:
          report->obligations_missed++;
          break;
        case GK_OBLIGATION_OPEN:
        case GK_OBLIGATION_DUE_SOON:
        case GK_OBLIGATION_PLANNED:
        default:
          report->obligations_pending++;
          break;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *n = count_text (*counts[i]);

      table_add (table, labels[i], n);
    }
  return TRUE;
}

/* 六、个别申请 */
static gboolean
applications (Work    *work,
              GError **error)
{
  GkReport *report = work->report;
  GkReportTable *table = table_new (report, "个别申请办理情况", "项目", "数量", NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *median = NULL;
  int rc;

  stmt = prepare_pub (work,
                      "SELECT r.state, coalesce (r.reply, ''), r.received_date, r.deadline, r.replied_date"
                      " FROM applications r"
                      " WHERE r.received_date BETWEEN ?2 AND ?3"
                      "   AND (r.addressed_to_id IN subtree OR r.handler_id IN subtree)",
                      error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *state = (const char *) sqlite3_column_text (stmt, 0);
      const char *reply = (const char *) sqlite3_column_text (stmt, 1);
      const char *deadline = (const char *) sqlite3_column_text (stmt, 3);
      const char *replied = (const char *) sqlite3_column_text (stmt, 4);

      report->applications++;
      if (!g_str_equal (state, "replied"))
        {
          report->applications_open++;
          if (g_strcmp0 (report->today, deadline) > 0)
            report->applications_late++;
          continue;
        }
      if (g_str_equal (reply, "disclose"))
        report->applications_disclosed++;
      else if (g_str_equal (reply, "partial"))
        report->applications_partial++;
      else
        report->applications_refused++;
      if (g_strcmp0 (replied, deadline) > 0)
        report->applications_late++;
      {
        double days = MAX (gk_dashboard_workdays_between (work->db, (const char *) sqlite3_column_text (stmt, 2), replied), 0);

        g_array_append_val (times, days);
      }
    }
  if (!finish (work, rc, error))
    return FALSE;
  report->median_response = gk_report_median (times);

  {
    const char *labels[] = { "收到申请", "予以公开", "部分公开", "不予公开", "尚未答复", "超过答复期限" };
    guint values[] = { report->applications, report->applications_disclosed, report->applications_partial,
                       report->applications_refused, report->applications_open, report->applications_late };

    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        g_autofree char *n = count_text (values[i]);

        table_add (table, labels[i], n);
      }
  }
  median = gk_report_format_days (report->median_response);
  table_add (table, "答复用时中位数（工作日）", median);
  return TRUE;
}

const char *
gk_report_state_words (const char *state)
{
  static const struct { const char *state; const char *words; } words[] = {
    { "draft", "草拟" }, { "returned", "退回修改" }, { "submitted", "待审核" },
    { "reviewed", "待审批" }, { "escalated", "待党委常委会决定" }, { "upper-review", "待上级党委审批" },
    { "approved", "已审批待实施" }, { "published", "已公开" }, { "rejected", "不予公开" },
    { "withdrawn", "已撤回" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (words[i].state, state) == 0)
      return words[i].words;
  return state;
}

/* 七、澄清说明 (第十六条) */
static gboolean
clarifications (Work    *work,
                GError **error)
{
  GkReportTable *table = table_new (work->report, "澄清说明", "原公开事项", "澄清说明", "状态", "日期", NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare_pub (work,
                      "SELECT o.title, c.title, c.state, coalesce (c.published_date, c.planned_date)"
                      " FROM notices c JOIN notices o ON o.id = c.clarifies_id"
                      " WHERE c.organization_id IN subtree AND date (c.created_at, 'localtime') BETWEEN ?2 AND ?3"
                      " ORDER BY c.id",
                      error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      table_add (table, (const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                 gk_report_state_words ((const char *) sqlite3_column_text (stmt, 2)),
                 (const char *) sqlite3_column_text (stmt, 3));
      work->report->clarifications++;
    }
  return finish (work, rc, error);
}

/* 八、意见反馈和舆情 (第十四、十六条) */
static gboolean
feedback (Work    *work,
          GError **error)
{
  GkReport *report = work->report;
  GkReportTable *table = table_new (report, "意见反馈和舆情", "渠道或类别", "数量", NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const struct { const char *kind; const char *value; const char *words; } rows[] = {
    { "feedback", "mailbox", "书记信箱" },
    { "feedback", "meeting", "会议" },
    { "feedback", "phone", "电话" },
    { "feedback", "online", "网络" },
    { "opinion", "low", "一般舆情" },
    { "opinion", "medium", "较大舆情" },
    { "opinion", "high", "重大舆情（须向上级报告）" },
  };

  stmt = prepare_pub (work,
                      "SELECT count(*) FROM feedback f LEFT JOIN notices n ON n.id = f.notice_id"
                      " WHERE f.received_date BETWEEN ?2 AND ?3"
                      "   AND (n.organization_id IN subtree OR (f.notice_id IS NULL AND ?4))"
                      "   AND f.kind = ?5 AND coalesce (f.channel, f.severity) = ?6",
                      error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *n = NULL;
      gint64 count;

      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 4, work->is_root ? 1 : 0);
      sqlite3_bind_text (stmt, 5, rows[i].kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, rows[i].value, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return finish (work, SQLITE_ERROR, error);
      count = sqlite3_column_int64 (stmt, 0);
      if (g_str_equal (rows[i].kind, "feedback"))
        report->feedback += (guint) count;
      else if (g_str_equal (rows[i].value, "high"))
        report->opinions_high += (guint) count;
      n = count_text (count);
      table_add (table, rows[i].words, n);
    }
  return TRUE;
}

/* 九、督查发现问题及整改 (第十九条) */
static gboolean
inspections (Work    *work,
             GError **error)
{
  GkReport *report = work->report;
  GkReportTable *table = table_new (report, "督查发现问题及整改情况",
                                    "督查", "组织", "发现问题", "整改要求", "整改期限", "整改情况", NULL);
  GkFindingQuery query = {
    .organization_id = report->organization_id,
    .from = report->from,
    .to = report->to,
    .today = report->today,
  };
  g_autoptr(GPtrArray) findings = gk_inspections_list_findings (work->db, &query, error);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (findings == NULL)
    return FALSE;
  for (guint i = 0; i < findings->len; i++)
    {
      GkFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *inspection = g_strdup_printf ("%s %s", finding->inspection_date,
                                                     gk_inspection_kind_describe (finding->inspection_kind));
      g_autofree char *status = finding->status == GK_RECTIFICATION_DONE
        ? g_strdup_printf ("%s（%s）", gk_rectification_status_describe (finding->status), finding->completed_date)
        : g_strdup (gk_rectification_status_describe (finding->status));

      g_hash_table_add (seen, &finding->inspection_id);
      report->findings++;
      if (finding->status == GK_RECTIFICATION_DONE)
        report->rectified++;
      else if (finding->status == GK_RECTIFICATION_OVERDUE)
        report->rectification_overdue++;
      table_add (table, inspection, finding->organization, finding->finding,
                 finding->rectification != NULL ? finding->rectification : "—",
                 finding->deadline != NULL ? finding->deadline : "—", status);
    }

  /* The school's report counts inspections that found nothing as well. */
  if (work->is_root)
    {
      g_autoptr(GPtrArray) all = gk_inspections_list (work->db, report->from, report->to, error);

      if (all == NULL)
        return FALSE;
      report->inspections = all->len;
    }
  else
    {
      report->inspections = g_hash_table_size (seen);
    }
  return TRUE;
}

/* 十、公开事项清单: the summary's list of what was disclosed. */
static gboolean
notice_list (Work    *work,
             GError **error)
{
  GkReportTable *table = table_new (work->report, "公开事项清单", "公开日期", "事项", "公开范围", "公开方式", NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare_pub (work,
                      "SELECT n.published_date, n.title,"
                      "  (SELECT group_concat (audiences, '；') FROM (SELECT s.audiences FROM notice_stages s"
                      "     WHERE s.notice_id = n.id AND s.published_date <= ?3 ORDER BY s.id)),"
                      "  (SELECT group_concat (methods, '；') FROM (SELECT s.methods FROM notice_stages s"
                      "     WHERE s.notice_id = n.id AND s.published_date <= ?3 ORDER BY s.id))"
                      " FROM pub n ORDER BY n.published_date, n.id",
                      error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    table_add (table, (const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
               (const char *) sqlite3_column_text (stmt, 2), (const char *) sqlite3_column_text (stmt, 3));
  return finish (work, rc, error);
}

GkReport *
gk_report_compute (GkDatabase           *db,
                   const GkReportQuery  *query,
                   GError              **error)
{
  g_autoptr(GkReport) report = NULL;
  g_autoptr(GHashTable) subtree = NULL;
  Work work;
  GDate from, to, today;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  report = g_new0 (GkReport, 1);
  report->from = g_strdup (query->from);
  report->to = g_strdup (query->to);
  report->today = query->today != NULL ? g_strdup (query->today) : gk_database_today (db);
  report->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_report_table_free);

  if (!gk_date_parse (report->from, &from, error) || !gk_date_parse (report->to, &to, error) ||
      !gk_date_parse (report->today, &today, error))
    return NULL;
  if (g_date_compare (&from, &to) > 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("The period ends (%s) before it begins (%s)"), report->to, report->from);
      return NULL;
    }

  subtree = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  work = (Work) { db, query, report, subtree, FALSE };

  if (!read_organization (&work, query->organization_id, error) ||
      !by_category (&work, error) ||
      !by_organization (&work, error) ||
      !by_audience_class (&work, error) ||
      !by_method (&work, error) ||
      !obligations (&work, error) ||
      !applications (&work, error) ||
      !clarifications (&work, error) ||
      !feedback (&work, error) ||
      !inspections (&work, error) ||
      (query->list_notices && !notice_list (&work, error)))
    return NULL;

  return g_steal_pointer (&report);
}

GkReport *
gk_report_annual (GkDatabase  *db,
                  gint64       organization_id,
                  int          year,
                  const char  *today,
                  GError     **error)
{
  g_autofree char *from = g_strdup_printf ("%.4d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%.4d-12-31", year);
  GkReportQuery query = { organization_id, from, to, today, FALSE };
  GkReport *report;

  if (year < 1900 || year > 9999)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("%d is not a year"), year);
      return NULL;
    }
  report = gk_report_compute (db, &query, error);
  if (report != NULL)
    report->year = year;
  return report;
}

GkReport *
gk_report_summary (GkDatabase  *db,
                   gint64       organization_id,
                   const char  *from,
                   const char  *to,
                   const char  *today,
                   GError     **error)
{
  GkReportQuery query = { organization_id, from, to, today, TRUE };

  return gk_report_compute (db, &query, error);
}

/* ---- CSV ---- */

static void
append_field (GString    *out,
              const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_row (GString            *out,
            const char * const *cells,
            guint               width)
{
  guint n = cells != NULL ? g_strv_length ((char **) cells) : 0;

  for (guint i = 0; i < width; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      if (i < n)
        append_field (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}

char *
gk_report_to_csv (const GkReport *report)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint width = 1;

  g_return_val_if_fail (report != NULL, NULL);

  for (guint t = 0; t < report->tables->len; t++)
    width = MAX (width, g_strv_length (((GkReportTable *) g_ptr_array_index (report->tables, t))->columns));

  for (guint t = 0; t < report->tables->len; t++)
    {
      GkReportTable *table = g_ptr_array_index (report->tables, t);
      const char *title[] = { table->title, NULL };

      append_row (out, title, width);
      append_row (out, (const char * const *) table->columns, width);
      for (guint r = 0; r < table->rows->len; r++)
        append_row (out, g_ptr_array_index (table->rows, r), width);
      append_row (out, NULL, width);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

GPtrArray *
gk_report_summary_organizations (GkDatabase  *db,
                                 gint64       person_id,
                                 GError     **error)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_choice_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db,
                              "WITH RECURSIVE own (id) AS ("
                              "  SELECT r.organization_id FROM roles r JOIN people p ON p.id = r.person_id"
                              "   WHERE r.person_id = :person AND p.active"
                              "     AND r.role IN ('secretary', 'deputy-secretary', 'principal')"
                              "  UNION SELECT o.id FROM organizations o JOIN own ON o.parent_id = own.id)"
                              " SELECT o.id, coalesce (o.short_name, o.name), o.name FROM organizations o"
                              " WHERE o.active AND (o.id IN own OR EXISTS (SELECT 1 FROM roles r JOIN people p"
                              "   ON p.id = r.person_id WHERE r.person_id = :person AND p.active"
                              "   AND r.role IN ('party-office', 'inspector')))"
                              " ORDER BY o.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":person"), person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GkChoice *choice = g_new0 (GkChoice, 1);

      choice->id = sqlite3_column_int64 (stmt, 0);
      choice->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      choice->detail = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (choices, choice);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the organizations"));
      return NULL;
    }
  return g_steal_pointer (&choices);
}
