#include <glib/gi18n-lib.h>

#include "core/gk-audit.h"
#include "core/gk-core-error.h"
#include "core/gk-dates.h"
#include "core/gk-workdays.h"

#define DEFAULT_HOLIDAYS "/io/github/gongkai/Gongkai/holidays/holidays-cn.tsv"

/* No deadline runs this long: a bound against a calendar made of holidays. */
#define MAX_DAYS_SCANNED 3660

struct _GkWorkdayCalendar
{
  gatomicrefcount  ref_count;
  GHashTable      *days;  /* Julian day → GkWorkday */
};

GkWorkdayCalendar *
gk_workday_calendar_ref (GkWorkdayCalendar *calendar)
{
  g_return_val_if_fail (calendar != NULL, NULL);

  g_atomic_ref_count_inc (&calendar->ref_count);
  return calendar;
}

void
gk_workday_calendar_unref (GkWorkdayCalendar *calendar)
{
  if (calendar != NULL && g_atomic_ref_count_dec (&calendar->ref_count))
    {
      g_hash_table_unref (calendar->days);
      g_free (calendar);
    }
}

static GkWorkdayCalendar *
read_calendar (GkDatabase  *db,
               GError     **error)
{
  g_autoptr(GPtrArray) days = gk_workdays_list (db, NULL, NULL, error);
  GkWorkdayCalendar *calendar;

  if (days == NULL)
    return NULL;

  calendar = g_new0 (GkWorkdayCalendar, 1);
  g_atomic_ref_count_init (&calendar->ref_count);
  calendar->days = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) gk_workday_free);
  for (guint i = 0; i < days->len; i++)
    {
      GkWorkday *day = g_ptr_array_index (days, i);
      GDate date;

      /* The table's CHECK lets 2026-02-30 through: such a day is no day. */
      if (gk_date_parse (day->date, &date, NULL))
        g_hash_table_insert (calendar->days, GUINT_TO_POINTER (g_date_get_julian (&date)),
                             g_ptr_array_steal_index (days, i--));
    }
  return calendar;
}

/* The calendar kept with a connection, and what says whether it is still
 * the table's content. */
typedef struct
{
  gint64             data_version;
  gint64             schema_version;
  sqlite3_int64      total_changes;
  GkWorkdayCalendar *calendar;
} Cached;

static void
cached_free (Cached *cached)
{
  gk_workday_calendar_unref (cached->calendar);
  g_free (cached);
}

#define CACHED_KEY "gk-workday-calendar"

GkWorkdayCalendar *
gk_workday_calendar_get (GkDatabase  *db,
                         GError     **error)
{
  sqlite3 *handle;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Cached *cached;
  Cached now = { 0 };

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  handle = gk_database_get_handle (db);
  stmt = gk_database_prepare (db, "SELECT * FROM pragma_data_version, pragma_schema_version", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      gk_database_set_error (db, error, _("Cannot read the holiday calendar"));
      return NULL;
    }
  now.data_version = sqlite3_column_int64 (stmt, 0);
  now.schema_version = sqlite3_column_int64 (stmt, 1);
  now.total_changes = sqlite3_total_changes64 (handle);

  cached = g_object_get_data (G_OBJECT (db), CACHED_KEY);
  if (cached != NULL && cached->data_version == now.data_version &&
      cached->schema_version == now.schema_version && cached->total_changes == now.total_changes)
    return gk_workday_calendar_ref (cached->calendar);

  now.calendar = read_calendar (db, error);
  if (now.calendar == NULL)
    return NULL;
  /* Inside a transaction, what was read may yet be rolled back without
   * any of the three numbers changing: kept only outside one. */
  if (!sqlite3_get_autocommit (handle))
    {
      g_object_set_data (G_OBJECT (db), CACHED_KEY, NULL);
      return now.calendar;
    }
  g_object_set_data_full (G_OBJECT (db), CACHED_KEY, g_memdup2 (&now, sizeof now), (GDestroyNotify) cached_free);
  return gk_workday_calendar_ref (now.calendar);
}

const GkWorkday *
gk_workday_calendar_lookup (const GkWorkdayCalendar *calendar,
                            const GDate             *date)
{
  g_return_val_if_fail (calendar != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_hash_table_lookup (calendar->days, GUINT_TO_POINTER (g_date_get_julian (date)));
}

gboolean
gk_workday_calendar_is_workday (const GkWorkdayCalendar *calendar,
                                const GDate             *date)
{
  const GkWorkday *day = gk_workday_calendar_lookup (calendar, date);
  GDateWeekday weekday;

  if (day != NULL)
    return g_str_equal (day->kind, "workday");
  weekday = g_date_get_weekday (date);
  return weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY;
}

gboolean
gk_workday_calendar_add (const GkWorkdayCalendar  *calendar,
                         const GDate              *date,
                         guint                     n,
                         GDate                    *result,
                         GError                  **error)
{
  GDate day = *date;
  guint counted = 0;

  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (date), FALSE);

  for (guint scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++)
    {
      if (n == 0 && gk_workday_calendar_is_workday (calendar, &day))
        {
          *result = day;
          return TRUE;
        }
      g_date_add_days (&day, 1);
      if (n > 0 && gk_workday_calendar_is_workday (calendar, &day) && ++counted == n)
        {
          *result = day;
          return TRUE;
        }
    }

  g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
               _("No working day found within ten years: check the holiday calendar"));
  return FALSE;
}

guint
gk_workday_calendar_count (const GkWorkdayCalendar *calendar,
                           const GDate             *from,
                           const GDate             *to)
{
  GDate day;
  guint count = 0;

  g_return_val_if_fail (calendar != NULL, 0);
  g_return_val_if_fail (g_date_valid (from) && g_date_valid (to), 0);

  for (day = *from; g_date_compare (&day, to) < 0;)
    {
      g_date_add_days (&day, 1);
      if (gk_workday_calendar_is_workday (calendar, &day))
        count++;
    }
  return count;
}

gboolean
gk_workdays_is_workday (GkDatabase  *db,
                        const GDate *date)
{
  g_autoptr(GkWorkdayCalendar) calendar = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  calendar = gk_workday_calendar_get (db, NULL);
  g_return_val_if_fail (calendar != NULL, FALSE);
  return gk_workday_calendar_is_workday (calendar, date);
}

gboolean
gk_workdays_add (GkDatabase  *db,
                 const GDate *date,
                 guint        n,
                 GDate       *result,
                 GError     **error)
{
  g_autoptr(GkWorkdayCalendar) calendar = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (g_date_valid (date), FALSE);

  calendar = gk_workday_calendar_get (db, error);
  return calendar != NULL && gk_workday_calendar_add (calendar, date, n, result, error);
}

gint
gk_workdays_import (GkDatabase  *db,
                    const char  *contents,
                    GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *json = NULL;
  gint count = 0;

  g_return_val_if_fail (gk_database_in_write (db), -1);

  if (!g_utf8_validate (contents, -1, NULL))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("The holiday file is not UTF-8 text"));
      return -1;
    }

  stmt = gk_database_prepare (db, "INSERT OR REPLACE INTO holidays (date, kind, name) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return -1;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GError) local_error = NULL;
      char *line = g_strchomp (lines[i]);
      GDate date;

      if (line[0] == '#' || line[0] == '\0')
        continue;

      fields = g_strsplit (line, "\t", -1);
      if (g_strv_length (fields) != 3)
        {
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                       _("Line %u: expected date, holiday or workday, and a name, separated by tabs"), i + 1);
          return -1;
        }
      if (!gk_date_parse (fields[0], &date, &local_error))
        {
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("Line %u: %s"), i + 1, local_error->message);
          return -1;
        }
      if (!g_str_equal (fields[1], "holiday") && !g_str_equal (fields[1], "workday"))
        {
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                       _("Line %u: “%s” is neither holiday nor workday"), i + 1, fields[1]);
          return -1;
        }

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, fields[0], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, fields[1], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, fields[2], -1, SQLITE_TRANSIENT);
      if (!gk_database_step_done (db, stmt, error))
        return -1;
      count++;
    }

  count_text = g_strdup_printf ("%d", count);
  json = gk_audit_json ("days", count_text, NULL);
  if (!gk_audit_append (db, "holidays", 0, "import", NULL, json, error))
    return -1;
  return count;
}

void
gk_workday_free (GkWorkday *day)
{
  if (day == NULL)
    return;
  g_free (day->date);
  g_free (day->kind);
  g_free (day->name);
  g_free (day);
}

GPtrArray *
gk_workdays_list (GkDatabase  *db,
                  const char  *from,
                  const char  *to,
                  GError     **error)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_workday_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db,
                              "SELECT date, kind, name FROM holidays"
                              " WHERE (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2)"
                              " ORDER BY date",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GkWorkday *day = g_new0 (GkWorkday, 1);
      const char *name = (const char *) sqlite3_column_text (stmt, 2);

      day->date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      day->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      day->name = g_strdup (name != NULL ? name : "");
      g_ptr_array_add (days, day);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the holiday calendar"));
      return NULL;
    }
  return g_steal_pointer (&days);
}

gint
gk_workdays_import_default (GkDatabase  *db,
                            GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DEFAULT_HOLIDAYS, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autofree char *contents = NULL;

  if (bytes == NULL)
    return -1;
  contents = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return gk_workdays_import (db, contents, error);
}

typedef struct
{
  const char *date;
  const char *kind;
  const char *name;
} DayChange;

static gboolean
write_day (GkDatabase *db,
           gpointer    user_data,
           GError    **error)
{
  DayChange *change = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;

  {
    g_autoptr(sqlite3_stmt) old = gk_database_prepare (db, "SELECT kind, name FROM holidays WHERE date = ?", error);

    if (old == NULL)
      return FALSE;
    sqlite3_bind_text (old, 1, change->date, -1, SQLITE_STATIC);
    if (sqlite3_step (old) == SQLITE_ROW)
      old_json = gk_audit_json ("date", change->date, "kind", (const char *) sqlite3_column_text (old, 0),
                                "name", (const char *) sqlite3_column_text (old, 1), NULL);
  }

  if (change->kind == NULL)
    {
      if (old_json == NULL)
        {
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                       _("%s is neither a holiday nor a make-up working day"), change->date);
          return FALSE;
        }
      stmt = gk_database_prepare (db, "DELETE FROM holidays WHERE date = ?", error);
    }
  else
    {
      stmt = gk_database_prepare (db, "INSERT OR REPLACE INTO holidays (date, kind, name) VALUES (?, ?, ?)", error);
      new_json = gk_audit_json ("date", change->date, "kind", change->kind, "name", change->name, NULL);
    }
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, change->date, -1, SQLITE_STATIC);
  if (change->kind != NULL)
    {
      sqlite3_bind_text (stmt, 2, change->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, change->name, -1, SQLITE_STATIC);
    }
  return gk_database_step_done (db, stmt, error) &&
         gk_audit_append (db, "holidays", 0, change->kind ? "set-day" : "remove-day", old_json, new_json, error);
}

gboolean
gk_workdays_set_day (GkDatabase  *db,
                     const char  *date,
                     const char  *kind,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  DayChange change = { date, kind, trimmed };
  GDate parsed;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  if (!gk_date_parse (date, &parsed, error))
    return FALSE;
  if (g_strcmp0 (kind, "holiday") != 0 && g_strcmp0 (kind, "workday") != 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("“%s” is neither holiday nor workday"), kind ? kind : "");
      return FALSE;
    }
  if (trimmed[0] == '\0')
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("A holiday or make-up working day needs a name"));
      return FALSE;
    }
  return gk_database_write (db, write_day, &change, error);
}

gboolean
gk_workdays_remove_day (GkDatabase  *db,
                        const char  *date,
                        GError     **error)
{
  DayChange change = { date, NULL, NULL };
  GDate parsed;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  return gk_date_parse (date, &parsed, error) && gk_database_write (db, write_day, &change, error);
}
