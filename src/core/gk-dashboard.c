/* gk-dashboard.c: what is overdue or stuck, one line per record (督查) */

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "core/gk-audit.h"
#include "core/gk-core-error.h"
#include "core/gk-dashboard.h"
#include "core/gk-dates.h"
#include "core/gk-inspections.h"
#include "core/gk-obligations.h"
#include "core/gk-report.h"
#include "core/gk-workdays.h"

static const char * const kind_names[] = {
  [GK_DASHBOARD_OBLIGATION] = "obligation",
  [GK_DASHBOARD_NOTICE] = "notice",
  [GK_DASHBOARD_APPLICATION] = "application",
  [GK_DASHBOARD_RECTIFICATION] = "rectification",
};

const char *
gk_dashboard_kind_to_string (GkDashboardKind kind)
{
  g_return_val_if_fail (kind <= GK_DASHBOARD_RECTIFICATION, NULL);
  return kind_names[kind];
}

void
gk_dashboard_line_free (GkDashboardLine *line)
{
  if (line == NULL)
    return;
  g_free (line->key);
  g_free (line->date);
  g_free (line->text);
  g_free (line);
}

gint
gk_dashboard_workdays_between (GkDatabase *db,
                               const char *from,
                               const char *to)
{
  g_autoptr(GkWorkdayCalendar) calendar = NULL;
  GDate day, last;

  g_return_val_if_fail (GK_IS_DATABASE (db), -1);

  if (!gk_date_parse (from, &day, NULL) || !gk_date_parse (to, &last, NULL))
    return -1;
  /* The calendar in memory: reports count this for every notice. */
  calendar = gk_workday_calendar_get (db, NULL);
  g_return_val_if_fail (calendar != NULL, -1);
  return (gint) gk_workday_calendar_count (calendar, &day, &last);
}

guint
gk_dashboard_get_stuck_threshold (GkDatabase *db)
{
  g_autofree char *value = NULL;
  guint64 days = 0;

  g_return_val_if_fail (GK_IS_DATABASE (db), GK_DASHBOARD_DEFAULT_STUCK_DAYS);

  value = gk_database_get_setting (db, GK_DASHBOARD_STUCK_KEY);
  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, 365, &days, NULL))
    return (guint) days;
  return GK_DASHBOARD_DEFAULT_STUCK_DAYS;
}

static gboolean
write_threshold (GkDatabase *db,
                 gpointer    user_data,
                 GError    **error)
{
  guint days = GPOINTER_TO_UINT (user_data);
  g_autofree char *old_value = g_strdup_printf ("%u", gk_dashboard_get_stuck_threshold (db));
  g_autofree char *new_value = g_strdup_printf ("%u", days);
  g_autofree char *old_json = gk_audit_json ("value", old_value, NULL);
  g_autofree char *new_json = gk_audit_json ("value", new_value, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = gk_database_prepare (db,
                              "INSERT INTO settings (key, value) VALUES ('" GK_DASHBOARD_STUCK_KEY "', ?)"
                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, new_value, -1, SQLITE_STATIC);
  return gk_database_step_done (db, stmt, error) &&
         gk_audit_append (db, "setting:" GK_DASHBOARD_STUCK_KEY, 0, "update", old_json, new_json, error);
}

gboolean
gk_dashboard_set_stuck_threshold (GkDatabase  *db,
                                  guint        days,
                                  GError     **error)
{
  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  if (days < 1 || days > 365)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("The threshold is between 1 and 365 working days"));
      return FALSE;
    }
  return gk_database_write (db, write_threshold, GUINT_TO_POINTER (days), error);
}

static GkDashboardLine *
line_new (GkDashboardKind  kind,
          gint64           id,
          const char      *date,
          int              days,
          gint64           organization_id,
          char            *text)
{
  GkDashboardLine *line = g_new0 (GkDashboardLine, 1);

  line->kind = kind;
  line->id = id;
  line->date = g_strdup (date);
  line->days = days;
  line->organization_id = organization_id;
  line->text = text;
  return line;
}

static gboolean
add_obligations (GkDatabase  *db,
                 const char  *today,
                 GPtrArray   *lines,
                 GError     **error)
{
  g_autoptr(GPtrArray) obligations = NULL;
  g_autofree char *from = NULL;
  GkObligationQuery query = { 0 };
  GDate start;

  /* Back to 1 January of the year before, like the start-up reminder. */
  gk_date_parse (today, &start, NULL);
  from = g_strdup_printf ("%04u-01-01", g_date_get_year (&start) - 1);
  query.from = from;
  query.to = today;
  query.today = today;
  obligations = gk_obligations_list (db, &query, error);
  if (obligations == NULL)
    return FALSE;

  for (guint i = 0; i < obligations->len; i++)
    {
      GkObligation *obligation = g_ptr_array_index (obligations, i);
      GkDashboardLine *line;

      if (obligation->status != GK_OBLIGATION_OVERDUE)
        continue;
      line = line_new (GK_DASHBOARD_OBLIGATION, obligation->item_id, obligation->due_date,
                       gk_dashboard_workdays_between (db, obligation->due_date, today),
                       obligation->organization_ids->len == 1 ? g_array_index (obligation->organization_ids, gint64, 0) : 0,
                       g_strdup_printf ("第%u项 %s（%s，%s）逾期未公开", obligation->item_number,
                                        obligation->item_content, obligation->organizations, obligation->period));
      line->key = gk_obligation_get_key (obligation);
      g_ptr_array_add (lines, line);
    }
  return TRUE;
}

static gboolean
add_stuck_notices (GkDatabase  *db,
                   const char  *today,
                   GPtrArray   *lines,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint threshold = gk_dashboard_get_stuck_threshold (db);
  int rc;

  /* The state began with the last event that entered it. */
  stmt = gk_database_prepare (db,
                              "SELECT n.id, n.title, n.state, n.organization_id, coalesce (o.short_name, o.name),"
                              "       (SELECT date (max (e.at), 'localtime') FROM notice_events e"
                              "         WHERE e.notice_id = n.id AND e.to_state = n.state"
                              "           AND (e.from_state IS NULL OR e.from_state <> e.to_state)) AS since"
                              " FROM notices n JOIN organizations o ON o.id = n.organization_id"
                              " WHERE n.state IN ('returned', 'submitted', 'reviewed', 'escalated', 'upper-review', 'approved')"
                              " ORDER BY since, n.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *since = (const char *) sqlite3_column_text (stmt, 5);
      gint days;

      if (since == NULL)
        continue;
      days = gk_dashboard_workdays_between (db, since, today);
      if (days <= (gint) threshold)
        continue;
      g_ptr_array_add (lines,
                       line_new (GK_DASHBOARD_NOTICE, sqlite3_column_int64 (stmt, 0), since, days,
                                 sqlite3_column_int64 (stmt, 3),
                                 g_strdup_printf ("%s《%s》处于“%s”状态已%d个工作日",
                                                  (const char *) sqlite3_column_text (stmt, 4),
                                                  (const char *) sqlite3_column_text (stmt, 1),
                                                  gk_report_state_words ((const char *) sqlite3_column_text (stmt, 2)),
                                                  days)));
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the notices"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_applications (GkDatabase  *db,
                  const char  *today,
                  GPtrArray   *lines,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *near = NULL;
  GDate day, limit;
  int rc;

  if (!gk_date_parse (today, &day, error) ||
      !gk_workdays_add (db, &day, GK_DASHBOARD_NEAR_DAYS, &limit, error))
    return FALSE;
  near = gk_date_to_iso (&limit);

  stmt = gk_database_prepare (db,
                              "SELECT r.id, r.applicant, r.request, r.deadline, coalesce (r.handler_id, r.addressed_to_id),"
                              "       coalesce (h.short_name, h.name, a.short_name, a.name)"
                              " FROM applications r JOIN organizations a ON a.id = r.addressed_to_id"
                              " LEFT JOIN organizations h ON h.id = r.handler_id"
                              " WHERE r.state <> 'replied' AND r.deadline <= ?"
                              " ORDER BY r.deadline, r.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, near, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *deadline = (const char *) sqlite3_column_text (stmt, 3);
      gboolean late = g_strcmp0 (deadline, today) < 0;
      gint days = late ? gk_dashboard_workdays_between (db, deadline, today)
                       : -gk_dashboard_workdays_between (db, today, deadline);

      g_ptr_array_add (lines,
                       line_new (GK_DASHBOARD_APPLICATION, sqlite3_column_int64 (stmt, 0), deadline, days,
                                 sqlite3_column_int64 (stmt, 4),
                                 late
                                 ? g_strdup_printf ("%s的申请（%s办理）已超过答复期限%d个工作日：%s",
                                                    (const char *) sqlite3_column_text (stmt, 1),
                                                    (const char *) sqlite3_column_text (stmt, 5), days,
                                                    (const char *) sqlite3_column_text (stmt, 2))
                                 : g_strdup_printf ("%s的申请（%s办理）距答复期限还有%d个工作日：%s",
                                                    (const char *) sqlite3_column_text (stmt, 1),
                                                    (const char *) sqlite3_column_text (stmt, 5), -days,
                                                    (const char *) sqlite3_column_text (stmt, 2))));
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the applications"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_rectifications (GkDatabase  *db,
                    const char  *today,
                    GPtrArray   *lines,
                    GError     **error)
{
  GkFindingQuery query = { .today = today, .overdue_only = TRUE };
  g_autoptr(GPtrArray) findings = gk_inspections_list_findings (db, &query, error);

  if (findings == NULL)
    return FALSE;
  for (guint i = 0; i < findings->len; i++)
    {
      GkFinding *finding = g_ptr_array_index (findings, i);
      gint days = gk_dashboard_workdays_between (db, finding->deadline, today);

      g_ptr_array_add (lines,
                       line_new (GK_DASHBOARD_RECTIFICATION, finding->id, finding->deadline, days,
                                 finding->organization_id,
                                 g_strdup_printf ("%s（%s %s）：%s，整改逾期%d个工作日",
                                                  finding->organization,
                                                  gk_inspection_kind_describe (finding->inspection_kind),
                                                  finding->inspection_date, finding->rectification, days)));
    }
  return TRUE;
}

GPtrArray *
gk_dashboard_list (GkDatabase  *db,
                   const char  *today,
                   GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_dashboard_line_free);
  g_autofree char *day = NULL;
  GDate parsed;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  day = today != NULL ? g_strdup (today) : gk_database_today (db);
  if (!gk_date_parse (day, &parsed, error))
    return NULL;

  if (!add_obligations (db, day, lines, error) ||
      !add_stuck_notices (db, day, lines, error) ||
      !add_applications (db, day, lines, error) ||
      !add_rectifications (db, day, lines, error))
    return NULL;
  return g_steal_pointer (&lines);
}
