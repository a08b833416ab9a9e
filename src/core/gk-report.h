#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* The annual report (第十八条 每年通报) and the period summary of one
 * organization (第十七条, for the secretary's 述职 report): figures of a
 * period for an organization with its sub-organizations, as headline
 * numbers and tables of plain strings that the PDF and the CSV print as
 * they are. Counted with SQL aggregates, except the working-day delays.
 *
 * What counts:
 *   notices published   state published and first published (notices.
 *                       published_date) inside the period, owned by the
 *                       organization or one under it;
 *   by category         the category of the notice's catalog item, or
 *                       目录外事项 (applications, clarifications, ad hoc);
 *   by audience class / method
 *                       what was actually published: the audiences and
 *                       methods of its publication stages (先党内后党外),
 *                       a notice counted once per class or method;
 *   timeliness          the deadline is the due date of the obligation the
 *                       notice names (notices.obligation) or else its
 *                       planned date; on time when first published on or
 *                       before it; the delay is the working days after the
 *                       deadline up to publication (0 when on time); the
 *                       median is over every published notice;
 *   obligations         those due in the period of items the organization
 *                       (or one under it) is responsible for: done (met),
 *                       waived, overdue (missed), the rest pending;
 *   applications        received in the period, addressed to or handled by
 *                       the organization or one under it: replies by kind,
 *                       open ones, replies after the deadline, the median
 *                       working days from receipt to reply;
 *   clarifications      clarification notices of the organization created
 *                       in the period, with their state;
 *   feedback            feedback and public-opinion notes received in the
 *                       period about its notices (opinion notes about no
 *                       notice count for the whole school only);
 *   inspections         findings about the organization or one under it
 *                       from inspections dated in the period, with their
 *                       rectification status on TODAY. */

typedef struct
{
  char       *title;     /* 一、公开事项按类别统计 */
  char      **columns;   /* header cells, NULL-terminated */
  GPtrArray  *rows;      /* GStrv, as many cells as columns */
} GkReportTable;

void           gk_report_table_free (GkReportTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkReportTable, gk_report_table_free)

typedef struct
{
  gint64      organization_id;
  char       *organization;       /* full name: 中共晋中学院委员会 */
  char       *short_name;         /* 党委 */
  char       *from;               /* YYYY-MM-DD, inclusive */
  char       *to;
  char       *today;              /* the day statuses were judged on */
  int         year;               /* the annual report's year, 0 for a summary */

  guint       published;
  guint       on_time;
  guint       late;
  double      median_delay;       /* working days */

  guint       obligations_met;
  guint       obligations_waived;
  guint       obligations_missed;
  guint       obligations_pending;

  guint       applications;
  guint       applications_disclosed;
  guint       applications_partial;
  guint       applications_refused;
  guint       applications_open;
  guint       applications_late;   /* replied after the deadline, or open past it */
  double      median_response;    /* working days, over replied ones */

  guint       clarifications;
  guint       feedback;
  guint       opinions_high;      /* 重大舆情, to be reported upward */

  guint       inspections;
  guint       findings;
  guint       rectified;
  guint       rectification_overdue;

  GPtrArray  *tables;             /* GkReportTable */
} GkReport;

void      gk_report_free    (GkReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkReport, gk_report_free)

/* What to compute. */
typedef struct
{
  gint64      organization_id;   /* 0: the school committee (the root organization) */
  const char *from;              /* YYYY-MM-DD, inclusive, both required */
  const char *to;
  const char *today;             /* NULL: the database's today */
  gboolean    list_notices;      /* add the table of every notice published (the summary) */
} GkReportQuery;

GkReport *gk_report_compute (GkDatabase           *db,
                             const GkReportQuery  *query,
                             GError              **error);

/* The annual report: 1 January to 31 December of YEAR. */
GkReport *gk_report_annual  (GkDatabase  *db,
                             gint64       organization_id,
                             int          year,
                             const char  *today,
                             GError     **error);

/* The period summary of one organization, with its list of notices. */
GkReport *gk_report_summary (GkDatabase  *db,
                             gint64       organization_id,
                             const char  *from,
                             const char  *to,
                             const char  *today,
                             GError     **error);

/* The organizations whose period summary PERSON may compute, as GkChoice
 * (gk-choices.h: name the short name, detail the full name), by id: every
 * active organization for party office and inspectors; for anyone else
 * those where the person is secretary, deputy secretary or principal
 * (主要负责同志), and the organizations under them (第十七条: the
 * secretary's own report). */
GPtrArray *gk_report_summary_organizations (GkDatabase  *db,
                                            gint64       person_id,
                                            GError     **error);

/* The median of VALUES (double), 0 when empty; sorts VALUES. */
double    gk_report_median  (GArray     *values);

/* The tables as RFC 4180 CSV, UTF-8: for each table a row holding its
 * title alone, its header row, its rows, then an empty row; every row
 * padded with empty fields to the widest table, so that the file is
 * rectangular. */
char     *gk_report_to_csv  (const GkReport *report);

/* A notice's state in the words of the record: 待审核, 已公开 … */
const char *gk_report_state_words (const char *state);

/* "1.5" or "2": a number of days as the tables print it. */
char     *gk_report_format_days (double days);

G_END_DECLS
