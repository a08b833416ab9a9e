#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* One stored day of the calendar: a public holiday (kind "holiday") or a
 * make-up working day (调休, kind "workday"). */
typedef struct
{
  char *date;   /* YYYY-MM-DD */
  char *kind;   /* "holiday" or "workday" */
  char *name;   /* 春节 … */
} GkWorkday;

void       gk_workday_free  (GkWorkday *day);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkWorkday, gk_workday_free)

/* The one working-day calendar of the app: weekends off, public holidays
 * off, make-up working days (调休) on, as stored in the holidays table.
 *
 * The table is read into memory once (a GkWorkdayCalendar) and kept with
 * the connection; it is read again as soon as it may have changed: another
 * connection committed (PRAGMA data_version), this connection changed any
 * row (sqlite3_total_changes64(): a holiday edit, but also any other
 * write; reading some hundred days again is cheap), or its whole content
 * was replaced (a restore through the backup API bumps PRAGMA
 * schema_version). */

gboolean gk_workdays_is_workday (GkDatabase  *db,
                                 const GDate *date);

/* The date N working days after DATE (N ≥ 0; 0 gives DATE itself when it
 * is a working day, else the next working day). */
gboolean gk_workdays_add        (GkDatabase  *db,
                                 const GDate *date,
                                 guint        n,
                                 GDate       *result,
                                 GError     **error);

/* A snapshot of the calendar, for work that tests thousands of days
 * (obligations, reports): immutable, so it may be used on any thread. */
typedef struct _GkWorkdayCalendar GkWorkdayCalendar;

/* The connection's calendar, read again only when it may have changed. */
GkWorkdayCalendar *gk_workday_calendar_get        (GkDatabase              *db,
                                                   GError                 **error);
GkWorkdayCalendar *gk_workday_calendar_ref        (GkWorkdayCalendar       *calendar);
void               gk_workday_calendar_unref      (GkWorkdayCalendar       *calendar);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkWorkdayCalendar, gk_workday_calendar_unref)

/* The stored day DATE, or NULL for an ordinary weekday or weekend day. */
const GkWorkday   *gk_workday_calendar_lookup     (const GkWorkdayCalendar *calendar,
                                                   const GDate             *date);
gboolean           gk_workday_calendar_is_workday (const GkWorkdayCalendar *calendar,
                                                   const GDate             *date);
/* gk_workdays_add() on the snapshot. */
gboolean           gk_workday_calendar_add        (const GkWorkdayCalendar *calendar,
                                                   const GDate             *date,
                                                   guint                    n,
                                                   GDate                   *result,
                                                   GError                 **error);
/* The working days after FROM up to TO included; 0 when TO is not after
 * FROM. */
guint              gk_workday_calendar_count      (const GkWorkdayCalendar *calendar,
                                                   const GDate             *from,
                                                   const GDate             *to);

/* Imports date<TAB>holiday|workday<TAB>name lines ('#' starts a comment),
 * replacing the stored days of the same dates; all or nothing, and an
 * error names the line. Inside gk_database_write(). Returns the number of
 * days imported. */
gint     gk_workdays_import     (GkDatabase  *db,
                                 const char  *contents,
                                 GError     **error);

/* The stored days from FROM to TO (YYYY-MM-DD, inclusive; NULL: no
 * bound), as GkWorkday, by date. */
GPtrArray *gk_workdays_list (GkDatabase  *db,
                             const char  *from,
                             const char  *to,
                             GError     **error);

/* One day of the calendar, set (KIND holiday or workday, with its NAME)
 * or removed; each one write with its audit event. */
gboolean gk_workdays_set_day    (GkDatabase  *db,
                                 const char  *date,
                                 const char  *kind,
                                 const char  *name,
                                 GError     **error);
gboolean gk_workdays_remove_day (GkDatabase  *db,
                                 const char  *date,
                                 GError     **error);

/* The official days the app ships (2025 and 2026). */
gint     gk_workdays_import_default (GkDatabase *db,
                                     GError    **error);

G_END_DECLS
