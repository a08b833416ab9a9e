#pragma once

#include <gio/gio.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* Obligations (DESIGN §5): what the catalog's cadences require, one per
 * item × rule × period, each with a due date, and whether a published
 * notice satisfied it.
 *
 * Periods, and when each rule falls due. Working days are those of
 * gk-workdays (weekends and public holidays off, 调休 on):
 *   once           period "once"; due 20 working days after the item
 *                  entered the catalog (its "add" audit event).
 *   on-event:N     period "event:<id>", one per item_events row of the
 *                  item; due N working days after the event date.
 *   monthly        period "2026-07"; due 10 working days after the month ends.
 *   quarterly      period "2026-Q3"; due 10 working days after the quarter ends.
 *   half-yearly    period "2026-H1" (Jan–Jun), "2026-H2" (Jul–Dec); due 10
 *                  working days after the half ends, so 2026-H2 falls due
 *                  in January 2027.
 *   per-term       period "2026-T1", the spring term, 1 March – 31 July
 *                  2026; "2026-T2", the autumn term, 1 September 2026 –
 *                  31 January 2027. Due 20 working days after the term
 *                  begins: a per-term disclosure is the term's plan.
 *   yearly:MM-DD   period "2026"; due on MM-DD of 2026, as a calendar
 *                  date (02-29 is the last day of February in other years).
 *   yearly-after:MM-DD  period "2025" (the year reported on); due on
 *                  MM-DD of the next year, 2026.
 *
 * Status, first match wins:
 *   done      a published notice of the item fulfils it: one whose
 *             notices.obligation is "<rule>@<period>" or, when that is
 *             NULL, one published inside the obligation's window (below);
 *   waived    an obligation_waivers row;
 *   overdue   due before today;
 *   planned   a notice of the item, in progress, is planned for it (its
 *             obligation names it, or its planned date is in the window);
 *   due-soon  due within 5 working days of today;
 *   open      none of these.
 *
 * Windows, for notices that do not name their obligation: the period and
 * the period after it for monthly, quarterly and half-yearly (the report
 * comes after the period ends); the term itself for per-term; the period's
 * year for yearly; the year after it for yearly-after; a year from the
 * event for on-event; any date from the item's entry for once. A notice
 * fulfils at most one obligation: the earliest-due one still open whose
 * window holds its date (notices taken by date). Matching looks one year
 * beyond the listed range on either side, so that a status does not depend
 * on where a listing starts. */

typedef enum
{
  GK_OBLIGATION_OPEN,
  GK_OBLIGATION_DUE_SOON,
  GK_OBLIGATION_PLANNED,
  GK_OBLIGATION_OVERDUE,
  GK_OBLIGATION_WAIVED,
  GK_OBLIGATION_DONE,
} GkObligationStatus;

/* open, due-soon, planned, overdue, waived, done: stable, for scripts */
const char *gk_obligation_status_to_string (GkObligationStatus status);
/* Translated, for people */
const char *gk_obligation_status_describe  (GkObligationStatus status);

typedef struct
{
  gint64              item_id;
  gint64              catalog_id;
  guint               item_number;
  char               *item_content;
  char               *organizations;  /* responsible, short names joined with 、 */
  GArray             *organization_ids; /* gint64, the same order */
  char               *rule;           /* one rule of the item's cadence: "half-yearly" */
  char               *period;         /* "2026-H2", "event:3", … */
  char               *due_date;       /* YYYY-MM-DD */
  char               *window_start;   /* the dates a notice that names no */
  char               *window_end;     /* obligation may fulfil it from */
  char               *explanation;    /* translated: how the due date was computed */
  GkObligationStatus  status;
  gint64              event_id;       /* on-event: the item_events row, else 0 */
  char               *event_description;
  gint64              notice_id;      /* the notice that fulfils it, or is planned for it; 0 */
  char               *notice_title;
  char               *published_date; /* of that notice when done */
  char               *planned_date;   /* of that notice */
  char               *waiver_reason;
} GkObligation;

#define GK_TYPE_OBLIGATION (gk_obligation_get_type ())
GType         gk_obligation_get_type (void) G_GNUC_CONST;
GkObligation *gk_obligation_copy     (const GkObligation *obligation);
void          gk_obligation_free     (GkObligation       *obligation);
/* "<rule>@<period>": the value of notices.obligation that names it */
char         *gk_obligation_get_key  (const GkObligation *obligation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkObligation, gk_obligation_free)

/* A notice in progress (neither published, rejected nor withdrawn), on
 * its planned date: what the calendar shows beside the obligations. */
typedef struct
{
  gint64  id;
  gint64  item_id;        /* 0: not of a catalog item */
  guint   item_number;
  char   *organization;   /* the owning organization's short name */
  char   *title;
  char   *state;
  char   *planned_date;
  char   *obligation;     /* notices.obligation, or NULL */
} GkPlannedNotice;

#define GK_TYPE_PLANNED_NOTICE (gk_planned_notice_get_type ())
GType            gk_planned_notice_get_type (void) G_GNUC_CONST;
GkPlannedNotice *gk_planned_notice_copy     (const GkPlannedNotice *notice);
void             gk_planned_notice_free     (GkPlannedNotice       *notice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkPlannedNotice, gk_planned_notice_free)

/* What a listing shows; zero fields do not filter. */
typedef struct
{
  const char *from;             /* YYYY-MM-DD, inclusive; NULL: 1 January of the open year */
  const char *to;               /* inclusive; NULL: 31 December of the year after */
  const char *today;            /* the day statuses are judged on; NULL: the database clock's local date */
  gint64      catalog_id;       /* 0: every catalog */
  gint64      organization_id;  /* obligations this organization is responsible for;
                                 * notices it owns */
  gint64      person_id;        /* "mine": obligations of an organization where the person
                                 * holds a role; notices of those organizations or proposed
                                 * by the person */
} GkObligationQuery;

/* The open year: the year of the database clock's local date. */
int        gk_obligations_open_year     (GkDatabase              *db);

/* Obligations of active items whose due date lies in the range, as
 * GkObligation, by due date, then item number, rule and period. */
GPtrArray *gk_obligations_list          (GkDatabase              *db,
                                         const GkObligationQuery *query,
                                         GError                 **error);

/* Notices in progress planned inside the range, as GkPlannedNotice, by
 * planned date then id. */
GPtrArray *gk_obligations_list_planned  (GkDatabase              *db,
                                         const GkObligationQuery *query,
                                         GError                 **error);

/* One day of the month view. */
typedef struct
{
  char      *date;         /* YYYY-MM-DD */
  GPtrArray *obligations;  /* GkObligation due that day */
  GPtrArray *notices;      /* GkPlannedNotice planned that day */
} GkCalendarDay;

void       gk_calendar_day_free         (GkCalendarDay *day);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkCalendarDay, gk_calendar_day_free)

/* The days of the range that have something, as GkCalendarDay, in order. */
GPtrArray *gk_obligations_by_day        (GkDatabase              *db,
                                         const GkObligationQuery *query,
                                         GError                 **error);

/* gk_obligations_by_day() on a worker thread, on a connection of its own
 * opened read-only on the same file, so that the main loop never waits for
 * it. A TODAY left NULL in QUERY is the caller's database clock's date,
 * read before the worker starts. Cancelling stops the work between two
 * catalog items, and _finish() then fails with G_IO_ERROR_CANCELLED. */
void       gk_obligations_by_day_async  (GkDatabase              *db,
                                         const GkObligationQuery *query,
                                         GCancellable            *cancellable,
                                         GAsyncReadyCallback      callback,
                                         gpointer                 user_data);
GPtrArray *gk_obligations_by_day_finish (GAsyncResult            *result,
                                         GError                 **error);

/* What the start-up toast names for PERSON: "mine" obligations overdue
 * (due since 1 January of the year before TODAY's) or due by the Sunday of
 * TODAY's week and not yet done or waived, by due date. TODAY NULL: the
 * database clock's local date. */
GPtrArray *gk_obligations_attention     (GkDatabase              *db,
                                         gint64                   person_id,
                                         const char              *today,
                                         GError                 **error);

/* gk_obligations_attention() on a worker, as gk_obligations_by_day_async(). */
void       gk_obligations_attention_async  (GkDatabase          *db,
                                            gint64               person_id,
                                            const char          *today,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray *gk_obligations_attention_finish (GAsyncResult        *result,
                                            GError             **error);

/* The active item numbered NUMBER in a catalog, or 0 with NOT_FOUND. */
gint64     gk_obligations_find_item     (GkDatabase              *db,
                                         gint64                   catalog_id,
                                         guint                    number,
                                         GError                 **error);

/* Waives one obligation of an item with a reason. Allowed to party office
 * and to the principal (at general-branch and branch level, the
 * secretary) of an organization responsible for the item. RULE must be
 * one of the item's cadence and PERIOD one of its periods (for on-event,
 * an event of the item). One transaction, with its audit event. */
gboolean   gk_obligations_waive         (GkDatabase              *db,
                                         gint64                   actor_id,
                                         gint64                   item_id,
                                         const char              *rule,
                                         const char              *period,
                                         const char              *reason,
                                         GError                 **error);

/* Records the event that starts the item's on-event obligations (a
 * decision taken, a result final). Allowed to party office and to anyone
 * with a role in an organization responsible for the item; the item must
 * have an on-event rule. Returns the event's id, or 0. */
gint64     gk_obligations_record_event  (GkDatabase              *db,
                                         gint64                   actor_id,
                                         gint64                   item_id,
                                         const char              *date,
                                         const char              *description,
                                         GError                 **error);

G_END_DECLS
