#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* The overdue dashboard (督查): what is late or about to be, one line per
 * record, each naming the record's kind and id so that it opens it.
 *
 *   obligation     overdue obligations (gk_obligations_list, status
 *                  overdue); the id is the catalog item's, the key
 *                  "<rule>@<period>" names the obligation
 *   notice         a notice in progress (returned, submitted, reviewed,
 *                  escalated, upper-review, approved) whose state has not
 *                  changed for more than the stuck threshold in working
 *                  days: the setting "stuck-threshold-days", 10 unless set
 *   application    an open application whose deadline is past or within
 *                  3 working days
 *   rectification  an inspection finding whose rectification is past its
 *                  deadline and not completed (the id is the finding's)
 */

#define GK_DASHBOARD_STUCK_KEY          "stuck-threshold-days"
#define GK_DASHBOARD_DEFAULT_STUCK_DAYS 10
#define GK_DASHBOARD_NEAR_DAYS          3

typedef enum
{
  GK_DASHBOARD_OBLIGATION,
  GK_DASHBOARD_NOTICE,
  GK_DASHBOARD_APPLICATION,
  GK_DASHBOARD_RECTIFICATION,
} GkDashboardKind;

/* obligation, notice, application, rectification: stable, for scripts */
const char *gk_dashboard_kind_to_string (GkDashboardKind kind);

typedef struct
{
  GkDashboardKind  kind;
  gint64           id;
  char            *key;        /* obligations: "<rule>@<period>"; else NULL */
  char            *date;       /* the due date, the deadline, or the day the state began */
  int              days;       /* working days late (> 0), or left before the deadline (≤ 0);
                                  for a stuck notice, working days in its state */
  gint64           organization_id;  /* the organization concerned, 0 when several */
  char            *text;       /* one line, in the words of the record */
} GkDashboardLine;

void gk_dashboard_line_free (GkDashboardLine *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkDashboardLine, gk_dashboard_line_free)

/* The threshold in working days after which a notice is stuck. */
guint      gk_dashboard_get_stuck_threshold (GkDatabase  *db);
/* Stores it (1 … 365) in the settings table, with its audit event. */
gboolean   gk_dashboard_set_stuck_threshold (GkDatabase  *db,
                                             guint        days,
                                             GError     **error);

/* Every line on TODAY (NULL: the database's today), obligations first,
 * then notices, applications and rectifications, each by date. */
GPtrArray *gk_dashboard_list                (GkDatabase  *db,
                                             const char  *today,
                                             GError     **error);

/* The working days after FROM up to and including TO (YYYY-MM-DD), by
 * the calendar of gk-workdays: 0 when TO is not after FROM, -1 when a
 * date is not one. The delay of a publication, the age of a state. */
gint       gk_dashboard_workdays_between    (GkDatabase  *db,
                                             const char  *from,
                                             const char  *to);

G_END_DECLS
