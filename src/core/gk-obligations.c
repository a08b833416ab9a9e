#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/gk-audit.h"
#include "core/gk-cadence.h"
#include "core/gk-core-error.h"
#include "core/gk-dates.h"
#include "core/gk-obligations.h"
#include "core/gk-workdays.h"

/* The due-date rules of the header, in working days. */
#define PERIOD_END_DAYS 10
#define TERM_START_DAYS 20
#define ONCE_DAYS 20
#define DUE_SOON_DAYS 5

typedef enum
{
  RULE_ONCE,
  RULE_ON_EVENT,
  RULE_MONTHLY,
  RULE_QUARTERLY,
  RULE_HALF_YEARLY,
  RULE_PER_TERM,
  RULE_YEARLY,
  RULE_YEARLY_AFTER,
} RuleKind;

typedef struct
{
  RuleKind kind;
  guint    n;       /* on-event */
  guint    month;   /* yearly, yearly-after */
  guint    day;
} Rule;

typedef struct
{
  gint64  id;
  GDate   date;
  char   *description;
} ItemEvent;

typedef struct
{
  gint64   id;
  gint64   catalog_id;
  guint    number;
  char    *content;
  char    *cadence;
  char    *organizations;
  GArray  *organization_ids;
  GDate    added;
} Item;

static const char * const status_names[] = {
  [GK_OBLIGATION_OPEN] = "open",
  [GK_OBLIGATION_DUE_SOON] = "due-soon",
  [GK_OBLIGATION_PLANNED] = "planned",
  [GK_OBLIGATION_OVERDUE] = "overdue",
  [GK_OBLIGATION_WAIVED] = "waived",
  [GK_OBLIGATION_DONE] = "done",
};

const char *
gk_obligation_status_to_string (GkObligationStatus status)
{
  g_return_val_if_fail (status <= GK_OBLIGATION_DONE, NULL);
  return status_names[status];
}

const char *
gk_obligation_status_describe (GkObligationStatus status)
{
  switch (status)
    {
    case GK_OBLIGATION_OPEN:
      return _("Open");
    case GK_OBLIGATION_DUE_SOON:
      return _("Due soon");
    case GK_OBLIGATION_PLANNED:
      return _("Planned");
    case GK_OBLIGATION_OVERDUE:
      return _("Overdue");
    case GK_OBLIGATION_WAIVED:
      return _("Waived");
    case GK_OBLIGATION_DONE:
      return _("Done");
    default:
      g_return_val_if_reached (NULL);
    }
}

GkObligation *
gk_obligation_copy (const GkObligation *obligation)
{
  GkObligation *copy;

  g_return_val_if_fail (obligation != NULL, NULL);

  copy = g_memdup2 (obligation, sizeof *obligation);
  copy->item_content = g_strdup (obligation->item_content);
  copy->organizations = g_strdup (obligation->organizations);
  copy->organization_ids = obligation->organization_ids ? g_array_copy (obligation->organization_ids) : NULL;
  copy->rule = g_strdup (obligation->rule);
  copy->period = g_strdup (obligation->period);
  copy->due_date = g_strdup (obligation->due_date);
  copy->window_start = g_strdup (obligation->window_start);
  copy->window_end = g_strdup (obligation->window_end);
  copy->explanation = g_strdup (obligation->explanation);
  copy->event_description = g_strdup (obligation->event_description);
  copy->notice_title = g_strdup (obligation->notice_title);
  copy->published_date = g_strdup (obligation->published_date);
  copy->planned_date = g_strdup (obligation->planned_date);
  copy->waiver_reason = g_strdup (obligation->waiver_reason);
  return copy;
}

void
gk_obligation_free (GkObligation *obligation)
{
  if (obligation == NULL)
    return;
  g_free (obligation->item_content);
  g_free (obligation->organizations);
  g_clear_pointer (&obligation->organization_ids, g_array_unref);
  g_free (obligation->rule);
  g_free (obligation->period);
  g_free (obligation->due_date);
  g_free (obligation->window_start);
  g_free (obligation->window_end);
  g_free (obligation->explanation);
  g_free (obligation->event_description);
  g_free (obligation->notice_title);
  g_free (obligation->published_date);
  g_free (obligation->planned_date);
  g_free (obligation->waiver_reason);
  g_free (obligation);
}

G_DEFINE_BOXED_TYPE (GkObligation, gk_obligation, gk_obligation_copy, gk_obligation_free)

char *
gk_obligation_get_key (const GkObligation *obligation)
{
  g_return_val_if_fail (obligation != NULL, NULL);
  return g_strdup_printf ("%s@%s", obligation->rule, obligation->period);
}

GkPlannedNotice *
gk_planned_notice_copy (const GkPlannedNotice *notice)
{
  GkPlannedNotice *copy;

  g_return_val_if_fail (notice != NULL, NULL);

  copy = g_memdup2 (notice, sizeof *notice);
  copy->organization = g_strdup (notice->organization);
  copy->title = g_strdup (notice->title);
  copy->state = g_strdup (notice->state);
  copy->planned_date = g_strdup (notice->planned_date);
  copy->obligation = g_strdup (notice->obligation);
  return copy;
}

void
gk_planned_notice_free (GkPlannedNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->organization);
  g_free (notice->title);
  g_free (notice->state);
  g_free (notice->planned_date);
  g_free (notice->obligation);
  g_free (notice);
}

G_DEFINE_BOXED_TYPE (GkPlannedNotice, gk_planned_notice, gk_planned_notice_copy, gk_planned_notice_free)

void
gk_calendar_day_free (GkCalendarDay *day)
{
  if (day == NULL)
    return;
  g_free (day->date);
  g_clear_pointer (&day->obligations, g_ptr_array_unref);
  g_clear_pointer (&day->notices, g_ptr_array_unref);
  g_free (day);
}

static void
item_free (Item *item)
{
  g_free (item->content);
  g_free (item->cadence);
  g_free (item->organizations);
  g_clear_pointer (&item->organization_ids, g_array_unref);
  g_free (item);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Item, item_free)

static void
item_event_free (ItemEvent *event)
{
  g_free (event->description);
  g_free (event);
}

/* Takes apart one rule that gk_cadence_validate() accepts. */
static gboolean
rule_parse (const char *text,
            Rule       *rule)
{
  static const struct { const char *name; RuleKind kind; } plain[] = {
    { "once", RULE_ONCE }, { "monthly", RULE_MONTHLY }, { "quarterly", RULE_QUARTERLY },
    { "half-yearly", RULE_HALF_YEARLY }, { "per-term", RULE_PER_TERM },
  };
  const char *month_day = NULL;

  if (strchr (text, ';') != NULL || !gk_cadence_validate (text, NULL))
    return FALSE;

  memset (rule, 0, sizeof *rule);
  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    if (g_str_equal (text, plain[i].name))
      {
        rule->kind = plain[i].kind;
        return TRUE;
      }

  if (g_str_has_prefix (text, "on-event:"))
    {
      rule->kind = RULE_ON_EVENT;
      rule->n = (guint) strtoul (text + strlen ("on-event:"), NULL, 10);
      return TRUE;
    }
  if (g_str_has_prefix (text, "yearly-after:"))
    {
      rule->kind = RULE_YEARLY_AFTER;
      month_day = text + strlen ("yearly-after:");
    }
  else
    {
      rule->kind = RULE_YEARLY;
      month_day = text + strlen ("yearly:");
    }
  rule->month = (guint) strtoul (month_day, NULL, 10);
  rule->day = (guint) strtoul (month_day + 3, NULL, 10);
  return TRUE;
}

/* Periods of a calendar year for the period rules. */
static guint
periods_per_year (RuleKind kind)
{
  switch (kind)
    {
    case RULE_MONTHLY:
      return 12;
    case RULE_QUARTERLY:
      return 4;
    case RULE_HALF_YEARLY:
    case RULE_PER_TERM:
      return 2;
    case RULE_YEARLY:
    case RULE_YEARLY_AFTER:
      return 1;
    case RULE_ONCE:
    case RULE_ON_EVENT:
    default:
      g_assert_not_reached ();
    }
}

static char
period_letter (RuleKind kind)
{
  switch (kind)
    {
    case RULE_QUARTERLY:
      return 'Q';
    case RULE_HALF_YEARLY:
      return 'H';
    case RULE_PER_TERM:
      return 'T';
    default:
      return '\0';
    }
}

static char *
period_key (RuleKind kind,
            int      year,
            guint    index)
{
  if (kind == RULE_YEARLY || kind == RULE_YEARLY_AFTER)
    return g_strdup_printf ("%04d", year);
  if (kind == RULE_MONTHLY)
    return g_strdup_printf ("%04d-%02u", year, index);
  return g_strdup_printf ("%04d-%c%u", year, period_letter (kind), index);
}

/* The inverse of period_key(), strictly. */
static gboolean
period_parse (RuleKind    kind,
              const char *text,
              int        *year,
              guint      *index)
{
  g_autofree char *year_text = NULL;
  const char *rest;
  char letter = period_letter (kind);
  guint64 value = 0;

  if (strlen (text) < 4)
    return FALSE;
  year_text = g_strndup (text, 4);
  if (!g_ascii_isdigit (year_text[0]) ||
      !g_ascii_string_to_unsigned (year_text, 10, 1900, 9999, &value, NULL))
    return FALSE;
  *year = (int) value;
  *index = 1;
  if (periods_per_year (kind) == 1)
    return text[4] == '\0';

  if (text[4] != '-')
    return FALSE;
  rest = text + 5;
  if (letter != '\0' && *rest++ != letter)
    return FALSE;
  if (strlen (rest) != (letter != '\0' ? 1u : 2u) || !g_ascii_isdigit (rest[0]) ||
      !g_ascii_string_to_unsigned (rest, 10, 1, periods_per_year (kind), &value, NULL))
    return FALSE;
  *index = (guint) value;
  return TRUE;
}

/* The dates a period covers. */
static void
period_bounds (RuleKind  kind,
               int       year,
               guint     index,
               GDate    *start,
               GDate    *end)
{
  guint months;

  if (kind == RULE_PER_TERM)
    {
      /* Spring term March–July; autumn term September–January. */
      if (index == 1)
        {
          g_date_set_dmy (start, 1, G_DATE_MARCH, (GDateYear) year);
          g_date_set_dmy (end, 31, G_DATE_JULY, (GDateYear) year);
        }
      else
        {
          g_date_set_dmy (start, 1, G_DATE_SEPTEMBER, (GDateYear) year);
          g_date_set_dmy (end, 31, G_DATE_JANUARY, (GDateYear) (year + 1));
        }
      return;
    }

  months = 12 / periods_per_year (kind);
  g_date_set_dmy (start, 1, (GDateMonth) ((index - 1) * months + 1), (GDateYear) year);
  g_date_set_dmy (end, 1, (GDateMonth) (index * months), (GDateYear) year);
  g_date_set_day (end, g_date_get_days_in_month ((GDateMonth) (index * months), (GDateYear) year));
}

/* 2026-02-15…02-23, or 2025-12-31…2026-01-01 across a year end. */
static char *
format_run (const GDate *first,
            const GDate *last)
{
  g_autofree char *start = gk_date_to_iso (first);
  g_autofree char *end = gk_date_to_iso (last);

  if (g_date_compare (first, last) == 0)
    return g_steal_pointer (&start);
  return g_strdup_printf ("%s…%s", start,
                          g_date_get_year (first) == g_date_get_year (last) ? end + 5 : end);
}

/* "春节 2026-02-15…02-23" */
static void
add_run (GPtrArray   *runs,
         const char  *name,
         const GDate *first,
         const GDate *last)
{
  g_autofree char *dates = format_run (first, last);

  g_ptr_array_add (runs, g_strdup_printf ("%s %s", name, dates));
}

static char *
join (GPtrArray  *parts,
      const char *separator)
{
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (separator, (char **) parts->pdata);
}

/* LEAD, then the public holidays skipped and the make-up working days
 * counted between FROM (exclusive) and DUE: how the working days ran. */
static char *
explain_workdays (const GkWorkdayCalendar *calendar,
                  const char              *lead,
                  const GDate             *from,
                  const GDate             *due)
{
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) counted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *run_name = NULL;
  GDate date, run_first, run_last;

  g_date_clear (&run_first, 1);
  g_date_clear (&run_last, 1);
  for (date = *from; g_date_compare (&date, due) < 0;)
    {
      const GkWorkday *day;

      g_date_add_days (&date, 1);
      if ((day = gk_workday_calendar_lookup (calendar, &date)) == NULL)
        continue;
      if (g_str_equal (day->kind, "workday"))
        {
          g_ptr_array_add (counted, gk_date_to_iso (&date));
          continue;
        }
      if (run_name != NULL && g_str_equal (run_name, day->name) && g_date_days_between (&run_last, &date) == 1)
        {
          run_last = date;
          continue;
        }
      if (run_name != NULL)
        add_run (skipped, run_name, &run_first, &run_last);
      run_name = day->name;
      run_first = run_last = date;
    }
  if (run_name != NULL)
    add_run (skipped, run_name, &run_first, &run_last);

  /* TRANSLATORS: separates the holidays and make-up days in the
   * explanation of a due date */
  if (skipped->len > 0)
    {
      g_autofree char *list = join (skipped, _(", "));

      /* TRANSLATORS: "skips 春节 2026-02-15…02-23": public holidays not counted */
      g_ptr_array_add (parts, g_strdup_printf (_("skips %s"), list));
    }
  if (counted->len > 0)
    {
      guint n = counted->len;
      g_autofree char *list = join (counted, _(", "));

      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "counts the make-up working day %s",
                                                            "counts the make-up working days %s", n),
                                               list));
    }
  if (parts->len == 0)
    return g_strdup (lead);
  {
    g_autofree char *details = join (parts, _(", "));

    /* TRANSLATORS: how a due date was computed, then what the count met */
    return g_strdup_printf (_("%s: %s"), lead, details);
  }
}

/* The local date of an ISO 8601 time stamp. */
static gboolean
local_date (const char *stamp,
            GDate      *date)
{
  g_autoptr(GDateTime) time = stamp ? g_date_time_new_from_iso8601 (stamp, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;
  int year, month, day;

  if (time == NULL)
    return FALSE;
  local = g_date_time_to_local (time);
  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static void
clock_date (GkDatabase *db,
            GDate      *date)
{
  g_autofree char *stamp = gk_database_timestamp (db);

  if (!local_date (stamp, date))
    g_assert_not_reached ();
}

int
gk_obligations_open_year (GkDatabase *db)
{
  GDate today;

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);

  clock_date (db, &today);
  return g_date_get_year (&today);
}

/* What one listing reads item after item: the calendar, read once, and
 * the statements, prepared once. */
typedef struct
{
  GkDatabase        *db;
  GkWorkdayCalendar *calendar;
  sqlite3_stmt      *responsible;
  sqlite3_stmt      *events;
  sqlite3_stmt      *waivers;
  sqlite3_stmt      *notices;
  sqlite3_stmt      *notice_title;
  char              *today_iso;
  char              *soon_iso;   /* DUE_SOON_DAYS working days after today */
} Listing;

static void
listing_clear (Listing *listing)
{
  g_clear_pointer (&listing->calendar, gk_workday_calendar_unref);
  g_clear_pointer (&listing->responsible, sqlite3_finalize);
  g_clear_pointer (&listing->events, sqlite3_finalize);
  g_clear_pointer (&listing->waivers, sqlite3_finalize);
  g_clear_pointer (&listing->notices, sqlite3_finalize);
  g_clear_pointer (&listing->notice_title, sqlite3_finalize);
  g_clear_pointer (&listing->today_iso, g_free);
  g_clear_pointer (&listing->soon_iso, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Listing, listing_clear)

static gboolean
listing_init (Listing      *listing,
              GkDatabase   *db,
              const GDate  *today,
              GError      **error)
{
  GDate soon;

  listing->db = db;
  listing->today_iso = gk_date_to_iso (today);
  if ((listing->calendar = gk_workday_calendar_get (db, error)) == NULL ||
      !gk_workday_calendar_add (listing->calendar, today, DUE_SOON_DAYS, &soon, error))
    return FALSE;
  listing->soon_iso = gk_date_to_iso (&soon);

  listing->responsible =
    gk_database_prepare (db,
                         "SELECT r.organization_id, COALESCE (o.short_name, o.name) FROM item_responsible r"
                         "  JOIN organizations o ON o.id = r.organization_id"
                         " WHERE r.item_id = ? ORDER BY r.position",
                         error);
  if (listing->responsible == NULL)
    return FALSE;
  listing->events =
    gk_database_prepare (db, "SELECT id, event_date, description FROM item_events WHERE item_id = ? ORDER BY event_date, id",
                         error);
  if (listing->events == NULL)
    return FALSE;
  listing->waivers =
    gk_database_prepare (db, "SELECT rule || '@' || period, reason FROM obligation_waivers WHERE item_id = ?", error);
  if (listing->waivers == NULL)
    return FALSE;
  /* Published notices first, those that name their obligation before
   * those that do not; then the notices in progress the same way. The
   * index notices_item_match holds every column but the title, which is
   * read for the notices matched only: an item may have hundreds. */
  listing->notices =
    gk_database_prepare (db,
                         "SELECT id, state = 'published', planned_date, published_date, obligation"
                         "  FROM notices WHERE item_id = ? AND state NOT IN ('rejected', 'withdrawn')"
                         " ORDER BY state = 'published' DESC, obligation IS NULL,"
                         "          COALESCE (published_date, planned_date), id",
                         error);
  if (listing->notices == NULL)
    return FALSE;
  listing->notice_title = gk_database_prepare (db, "SELECT title FROM notices WHERE id = ?", error);
  return listing->notice_title != NULL;
}

/* One obligation of ITEM under RULE: for the period YEAR/INDEX, or for
 * EVENT (on-event), or the one of once. */
static GkObligation *
build_obligation (const GkWorkdayCalendar  *calendar,
                  const Item               *item,
                  const char               *rule_text,
                  const Rule               *rule,
                  int                       year,
                  guint                     index,
                  const ItemEvent          *event,
                  GError                  **error)
{
  g_autoptr(GkObligation) obligation = g_new0 (GkObligation, 1);
  g_autofree char *lead = NULL;
  g_autofree char *from_iso = NULL;
  GDate start, end, due, window_start, window_end, from;
  guint n = 0;

  obligation->item_id = item->id;
  obligation->catalog_id = item->catalog_id;
  obligation->item_number = item->number;
  obligation->item_content = g_strdup (item->content);
  obligation->organizations = g_strdup (item->organizations);
  obligation->organization_ids = g_array_ref (item->organization_ids);
  obligation->rule = g_strdup (rule_text);

  switch (rule->kind)
    {
    case RULE_ONCE:
      obligation->period = g_strdup ("once");
      from = window_start = item->added;
      g_date_set_dmy (&window_end, 31, G_DATE_DECEMBER, 9999);
      n = ONCE_DAYS;
      from_iso = gk_date_to_iso (&from);
      lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u working day after the item entered the catalog on %s",
                                           "%u working days after the item entered the catalog on %s", n),
                              n, from_iso);
      break;

    case RULE_ON_EVENT:
      obligation->period = g_strdup_printf ("event:%" G_GINT64_FORMAT, event->id);
      obligation->event_id = event->id;
      obligation->event_description = g_strdup (event->description);
      from = window_start = window_end = event->date;
      g_date_add_years (&window_end, 1);
      g_date_subtract_days (&window_end, 1);
      n = rule->n;
      from_iso = gk_date_to_iso (&from);
      lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u working day after the event of %s",
                                           "%u working days after the event of %s", n),
                              n, from_iso);
      break;

    case RULE_MONTHLY:
    case RULE_QUARTERLY:
    case RULE_HALF_YEARLY:
      {
        guint next_index = index % periods_per_year (rule->kind) + 1;
        int next_year = next_index == 1 ? year + 1 : year;
        GDate next_start;

        obligation->period = period_key (rule->kind, year, index);
        period_bounds (rule->kind, year, index, &start, &end);
        period_bounds (rule->kind, next_year, next_index, &next_start, &window_end);
        window_start = start;
        from = end;
        n = PERIOD_END_DAYS;
        from_iso = gk_date_to_iso (&from);
        lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u working day after the period %s ends on %s",
                                             "%u working days after the period %s ends on %s", n),
                                n, obligation->period, from_iso);
      }
      break;

    case RULE_PER_TERM:
      obligation->period = period_key (rule->kind, year, index);
      period_bounds (rule->kind, year, index, &start, &end);
      window_start = from = start;
      window_end = end;
      n = TERM_START_DAYS;
      from_iso = gk_date_to_iso (&from);
      lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u working day after the term %s begins on %s",
                                           "%u working days after the term %s begins on %s", n),
                              n, obligation->period, from_iso);
      break;

    case RULE_YEARLY:
    case RULE_YEARLY_AFTER:
      {
        int due_year = rule->kind == RULE_YEARLY ? year : year + 1;
        guint day = MIN (rule->day, g_date_get_days_in_month ((GDateMonth) rule->month, (GDateYear) due_year));
        g_autofree char *due_iso = NULL;

        obligation->period = period_key (rule->kind, year, 1);
        g_date_set_dmy (&due, (GDateDay) day, (GDateMonth) rule->month, (GDateYear) due_year);
        g_date_set_dmy (&window_start, 1, G_DATE_JANUARY, (GDateYear) due_year);
        g_date_set_dmy (&window_end, 31, G_DATE_DECEMBER, (GDateYear) due_year);
        due_iso = gk_date_to_iso (&due);
        if (rule->kind == RULE_YEARLY)
          obligation->explanation = g_strdup_printf (_("On %02u-%02u of the period’s year: %s"),
                                                     rule->month, rule->day, due_iso);
        else
          obligation->explanation = g_strdup_printf (_("On %02u-%02u of the year after the period: %s"),
                                                     rule->month, rule->day, due_iso);
        if (day != rule->day)
          {
            char *longer = g_strdup_printf (_("%s (%d has no 29 February)"), obligation->explanation, due_year);

            g_free (obligation->explanation);
            obligation->explanation = longer;
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (n > 0)
    {
      if (!gk_workday_calendar_add (calendar, &from, n, &due, error))
        return NULL;
      obligation->explanation = explain_workdays (calendar, lead, &from, &due);
    }

  obligation->due_date = gk_date_to_iso (&due);
  obligation->window_start = gk_date_to_iso (&window_start);
  obligation->window_end = gk_date_to_iso (&window_end);
  return g_steal_pointer (&obligation);
}

static int
compare_obligations (gconstpointer a,
                     gconstpointer b)
{
  const GkObligation *x = *(GkObligation * const *) a;
  const GkObligation *y = *(GkObligation * const *) b;
  int order = strcmp (x->due_date, y->due_date);

  if (order == 0)
    order = (x->item_number > y->item_number) - (x->item_number < y->item_number);
  if (order == 0)
    order = (x->catalog_id > y->catalog_id) - (x->catalog_id < y->catalog_id);
  if (order == 0)
    order = strcmp (x->rule, y->rule);
  if (order == 0)
    order = strcmp (x->period, y->period);
  return order;
}

static GPtrArray *
load_events (Listing     *listing,
             gint64       item_id,
             GError     **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) item_event_free);
  sqlite3_stmt *stmt = listing->events;
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ItemEvent *event = g_new0 (ItemEvent, 1);

      event->id = sqlite3_column_int64 (stmt, 0);
      event->description = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (events, event);
      if (!gk_date_parse ((const char *) sqlite3_column_text (stmt, 1), &event->date, error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (listing->db, error, _("Could not read the events of an item"));
      return NULL;
    }
  return g_steal_pointer (&events);
}

/* Every obligation of ITEM whose period lies in FIRST_YEAR…LAST_YEAR, and
 * one per event and for once, by due date. */
static GPtrArray *
expand_item (Listing     *listing,
             const Item  *item,
             int          first_year,
             int          last_year,
             GError     **error)
{
  g_autoptr(GPtrArray) obligations = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_obligation_free);
  g_auto(GStrv) rules = g_strsplit (item->cadence, ";", -1);

  for (guint r = 0; rules[r] != NULL; r++)
    {
      g_autoptr(GPtrArray) events = NULL;
      Rule rule;

      if (!rule_parse (rules[r], &rule))
        {
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                       _("Item %u has an invalid cadence “%s”"), item->number, item->cadence);
          return NULL;
        }

      if (rule.kind == RULE_ONCE || rule.kind == RULE_ON_EVENT)
        {
          if (rule.kind == RULE_ON_EVENT && (events = load_events (listing, item->id, error)) == NULL)
            return NULL;
          for (guint e = 0; e < (events ? events->len : 1); e++)
            {
              GkObligation *obligation =
                build_obligation (listing->calendar, item, rules[r], &rule, 0, 0,
                                  events ? g_ptr_array_index (events, e) : NULL, error);

              if (obligation == NULL)
                return NULL;
              g_ptr_array_add (obligations, obligation);
            }
          continue;
        }

      for (int year = first_year; year <= last_year; year++)
        for (guint index = 1; index <= periods_per_year (rule.kind); index++)
          {
            GkObligation *obligation = build_obligation (listing->calendar, item, rules[r], &rule, year, index, NULL, error);

            if (obligation == NULL)
              return NULL;
            g_ptr_array_add (obligations, obligation);
          }
    }

  g_ptr_array_sort (obligations, compare_obligations);
  return g_steal_pointer (&obligations);
}

/* The obligation whose key ("<rule>@<period>") is KEY, without making
 * each one's key: an item has hundreds of notices to match. */
static GkObligation *
find_by_key (GPtrArray  *obligations,
             const char *key)
{
  for (guint i = 0; i < obligations->len; i++)
    {
      GkObligation *obligation = g_ptr_array_index (obligations, i);
      size_t length = strlen (obligation->rule);

      if (strncmp (key, obligation->rule, length) == 0 && key[length] == '@' &&
          strcmp (key + length + 1, obligation->period) == 0)
        return obligation;
    }
  return NULL;
}

/* The earliest-due obligation still free whose window holds DATE; for a
 * published notice, free means not done, for one in progress, neither
 * done, waived nor already planned for. */
static GkObligation *
find_by_window (GPtrArray  *obligations,
                const char *date,
                gboolean    published)
{
  for (guint i = 0; i < obligations->len; i++)
    {
      GkObligation *obligation = g_ptr_array_index (obligations, i);

      if (obligation->notice_id != 0 || (!published && obligation->waiver_reason != NULL))
        continue;
      if (strcmp (obligation->window_start, date) <= 0 && strcmp (date, obligation->window_end) <= 0)
        return obligation;
    }
  return NULL;
}

/* Which notices of the item fulfil or are planned for which obligation,
 * which are waived, and so the status of each. */
static gboolean
match_item (Listing      *listing,
            const Item   *item,
            GPtrArray    *obligations,
            GError      **error)
{
  sqlite3_stmt *waivers = listing->waivers;
  sqlite3_stmt *notices = listing->notices;
  int rc;

  sqlite3_reset (waivers);
  sqlite3_bind_int64 (waivers, 1, item->id);
  while ((rc = sqlite3_step (waivers)) == SQLITE_ROW)
    {
      GkObligation *obligation = find_by_key (obligations, (const char *) sqlite3_column_text (waivers, 0));

      if (obligation != NULL)
        obligation->waiver_reason = g_strdup ((const char *) sqlite3_column_text (waivers, 1));
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (listing->db, error, _("Could not read the waived obligations"));
      return FALSE;
    }

  sqlite3_reset (notices);
  sqlite3_bind_int64 (notices, 1, item->id);
  while ((rc = sqlite3_step (notices)) == SQLITE_ROW)
    {
      gboolean published = sqlite3_column_int (notices, 1);
      const char *planned = (const char *) sqlite3_column_text (notices, 2);
      const char *published_date = (const char *) sqlite3_column_text (notices, 3);
      const char *key = (const char *) sqlite3_column_text (notices, 4);
      GkObligation *obligation;

      if (published && published_date == NULL)
        continue;
      if (key != NULL)
        obligation = find_by_key (obligations, key);
      else
        obligation = find_by_window (obligations, published ? published_date : planned, published);
      if (obligation == NULL || obligation->notice_id != 0 ||
          (!published && obligation->waiver_reason != NULL))
        continue;

      obligation->notice_id = sqlite3_column_int64 (notices, 0);
      obligation->planned_date = g_strdup (planned);
      obligation->published_date = g_strdup (published ? published_date : NULL);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (listing->db, error, _("Could not read the notices of an item"));
      return FALSE;
    }

  for (guint i = 0; i < obligations->len; i++)
    {
      GkObligation *obligation = g_ptr_array_index (obligations, i);

      if (obligation->published_date != NULL)
        obligation->status = GK_OBLIGATION_DONE;
      else if (obligation->waiver_reason != NULL)
        obligation->status = GK_OBLIGATION_WAIVED;
      else if (strcmp (obligation->due_date, listing->today_iso) < 0)
        obligation->status = GK_OBLIGATION_OVERDUE;
      else if (obligation->notice_id != 0)
        obligation->status = GK_OBLIGATION_PLANNED;
      else if (strcmp (obligation->due_date, listing->soon_iso) <= 0)
        obligation->status = GK_OBLIGATION_DUE_SOON;
      else
        obligation->status = GK_OBLIGATION_OPEN;
    }
  return TRUE;
}

/* The title of the notice that fulfils or is planned for OBLIGATION. */
static gboolean
read_notice_title (Listing       *listing,
                   GkObligation  *obligation,
                   GError       **error)
{
  sqlite3_stmt *stmt = listing->notice_title;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, obligation->notice_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      gk_database_set_error (listing->db, error, _("Could not read the notices of an item"));
      return FALSE;
    }
  obligation->notice_title = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return TRUE;
}

typedef struct
{
  GDate from;
  GDate to;
  GDate today;
  char *from_iso;
  char *to_iso;
} Range;

static void
range_clear (Range *range)
{
  g_free (range->from_iso);
  g_free (range->to_iso);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Range, range_clear)

static gboolean
resolve_range (GkDatabase              *db,
               const GkObligationQuery *query,
               Range                   *range,
               GError                 **error)
{
  if (query->today != NULL)
    {
      if (!gk_date_parse (query->today, &range->today, error))
        return FALSE;
    }
  else
    {
      clock_date (db, &range->today);
    }

  if (query->from != NULL)
    {
      if (!gk_date_parse (query->from, &range->from, error))
        return FALSE;
    }
  else
    {
      g_date_set_dmy (&range->from, 1, G_DATE_JANUARY, g_date_get_year (&range->today));
    }

  if (query->to != NULL)
    {
      if (!gk_date_parse (query->to, &range->to, error))
        return FALSE;
    }
  else
    {
      g_date_set_dmy (&range->to, 31, G_DATE_DECEMBER, g_date_get_year (&range->today) + 1);
    }

  if (g_date_compare (&range->from, &range->to) > 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("The range ends before it begins"));
      return FALSE;
    }
  range->from_iso = gk_date_to_iso (&range->from);
  range->to_iso = gk_date_to_iso (&range->to);
  return TRUE;
}

static gboolean
load_responsible (Listing     *listing,
                  Item        *item,
                  GError     **error)
{
  sqlite3_stmt *stmt = listing->responsible;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, item->id);
  item->organization_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (item->organization_ids, id);
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (listing->db, error, _("Could not read the responsible organizations"));
      return FALSE;
    }
  item->organizations = join (names, "、");
  return TRUE;
}

static gboolean
contains_any (GArray *ids,
              GArray *wanted)
{
  for (guint i = 0; i < ids->len; i++)
    for (guint j = 0; j < wanted->len; j++)
      if (g_array_index (ids, gint64, i) == g_array_index (wanted, gint64, j))
        return TRUE;
  return FALSE;
}

/* The organizations where PERSON holds a role. */
static GArray *
organizations_of (GkDatabase  *db,
                  gint64       person_id,
                  GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt =
    gk_database_prepare (db, "SELECT DISTINCT organization_id FROM roles WHERE person_id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Could not read the person’s roles"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
any_due_in (GPtrArray   *obligations,
            const Range *range)
{
  for (guint i = 0; i < obligations->len; i++)
    {
      GkObligation *obligation = g_ptr_array_index (obligations, i);

      if (strcmp (obligation->due_date, range->from_iso) >= 0 && strcmp (obligation->due_date, range->to_iso) <= 0)
        return TRUE;
    }
  return FALSE;
}

/* gk_obligations_list(), stopping between two items once CANCELLABLE is
 * cancelled. */
static GPtrArray *
list_obligations (GkDatabase              *db,
                  const GkObligationQuery *query,
                  GCancellable            *cancellable,
                  GError                 **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_obligation_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) wanted_org = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) mine = NULL;
  g_auto(Range) range = { 0 };
  g_auto(Listing) listing = { 0 };
  GkObligationQuery defaults = { 0 };
  int rc;

  if (query == NULL)
    query = &defaults;
  if (!resolve_range (db, query, &range, error) ||
      !listing_init (&listing, db, &range.today, error))
    return NULL;
  if (query->organization_id != 0)
    g_array_append_val (wanted_org, query->organization_id);
  if (query->person_id != 0 && (mine = organizations_of (db, query->person_id, error)) == NULL)
    return NULL;

  stmt = gk_database_prepare (db,
                              "SELECT i.id, i.catalog_id, i.number, i.content, i.cadence,"
                              "       (SELECT min (a.at) FROM audit_events a"
                              "         WHERE a.entity = 'catalog-item' AND a.entity_id = i.id AND a.action = 'add')"
                              "  FROM catalog_items i WHERE i.active AND (?1 = 0 OR i.catalog_id = ?1)"
                              " ORDER BY i.catalog_id, i.number",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, query->catalog_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(Item) item = g_new0 (Item, 1);
      g_autoptr(GPtrArray) obligations = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      item->id = sqlite3_column_int64 (stmt, 0);
      item->catalog_id = sqlite3_column_int64 (stmt, 1);
      item->number = (guint) sqlite3_column_int (stmt, 2);
      item->content = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      item->cadence = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      /* An item without its add event (imported before the audit log)
       * counts as entered on the first day of the open year. */
      if (!local_date ((const char *) sqlite3_column_text (stmt, 5), &item->added))
        g_date_set_dmy (&item->added, 1, G_DATE_JANUARY, g_date_get_year (&range.today));

      if (!load_responsible (&listing, item, error))
        return NULL;
      if ((wanted_org->len > 0 && !contains_any (item->organization_ids, wanted_org)) ||
          (mine != NULL && !contains_any (item->organization_ids, mine)))
        continue;

      /* Periods due inside the range start at most a year before it;
       * another year either side lets a notice find its own period. */
      obligations = expand_item (&listing, item,
                                 g_date_get_year (&range.from) - 2, g_date_get_year (&range.to) + 1, error);
      if (obligations == NULL)
        return NULL;
      /* Matching decides the status of what is listed only: an item with
       * nothing due in the range (most, for a month) needs none. */
      if (!any_due_in (obligations, &range))
        continue;
      if (!match_item (&listing, item, obligations, error))
        return NULL;

      for (guint i = 0; i < obligations->len; i++)
        {
          GkObligation *obligation = g_ptr_array_index (obligations, i);

          if (strcmp (obligation->due_date, range.from_iso) < 0 || strcmp (obligation->due_date, range.to_iso) > 0)
            continue;
          if (obligation->notice_id != 0 && !read_notice_title (&listing, obligation, error))
            return NULL;
          g_ptr_array_add (result, g_ptr_array_steal_index (obligations, i--));
        }
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Could not read the catalog items"));
      return NULL;
    }

  g_ptr_array_sort (result, compare_obligations);
  return g_steal_pointer (&result);
}

GPtrArray *
gk_obligations_list (GkDatabase              *db,
                     const GkObligationQuery *query,
                     GError                 **error)
{
  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  return list_obligations (db, query, NULL, error);
}

GPtrArray *
gk_obligations_list_planned (GkDatabase              *db,
                             const GkObligationQuery *query,
                             GError                 **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_planned_notice_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(Range) range = { 0 };
  GkObligationQuery defaults = { 0 };
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  if (query == NULL)
    query = &defaults;
  if (!resolve_range (db, query, &range, error))
    return NULL;

  stmt = gk_database_prepare (db,
                              "SELECT n.id, COALESCE (n.item_id, 0), COALESCE (i.number, 0),"
                              "       COALESCE (o.short_name, o.name), n.title, n.state, n.planned_date, n.obligation"
                              "  FROM notices n JOIN organizations o ON o.id = n.organization_id"
                              "  LEFT JOIN catalog_items i ON i.id = n.item_id"
                              /* The states in progress, named: notices_state_route
                               * gives each one's planned dates in the range. */
                              " WHERE n.state IN ('draft', 'returned', 'submitted', 'reviewed', 'escalated',"
                              "                   'upper-review', 'approved')"
                              "   AND n.planned_date BETWEEN ?1 AND ?2"
                              "   AND (?3 = 0 OR i.catalog_id = ?3)"
                              "   AND (?4 = 0 OR n.organization_id = ?4)"
                              "   AND (?5 = 0 OR n.proposer_id = ?5"
                              "        OR n.organization_id IN (SELECT organization_id FROM roles WHERE person_id = ?5))"
                              " ORDER BY n.planned_date, n.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, range.from_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, range.to_iso, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, query->catalog_id);
  sqlite3_bind_int64 (stmt, 4, query->organization_id);
  sqlite3_bind_int64 (stmt, 5, query->person_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GkPlannedNotice *notice = g_new0 (GkPlannedNotice, 1);

      notice->id = sqlite3_column_int64 (stmt, 0);
      notice->item_id = sqlite3_column_int64 (stmt, 1);
      notice->item_number = (guint) sqlite3_column_int (stmt, 2);
      notice->organization = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      notice->title = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      notice->state = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      notice->planned_date = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      notice->obligation = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (result, notice);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Could not read the planned notices"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

static GkCalendarDay *
day_for (GHashTable *days,
         const char *date)
{
  GkCalendarDay *day = g_hash_table_lookup (days, date);

  if (day == NULL)
    {
      day = g_new0 (GkCalendarDay, 1);
      day->date = g_strdup (date);
      day->obligations = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_obligation_free);
      day->notices = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_planned_notice_free);
      g_hash_table_insert (days, day->date, day);
    }
  return day;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return strcmp ((*(GkCalendarDay * const *) a)->date, (*(GkCalendarDay * const *) b)->date);
}

static GPtrArray *
obligations_by_day (GkDatabase              *db,
                    const GkObligationQuery *query,
                    GCancellable            *cancellable,
                    GError                 **error)
{
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GHashTable) days = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *result;
  GHashTableIter iter;
  gpointer day;

  obligations = list_obligations (db, query, cancellable, error);
  if (obligations == NULL)
    return NULL;
  notices = gk_obligations_list_planned (db, query, error);
  if (notices == NULL)
    return NULL;

  /* Each one moves to its day. */
  g_ptr_array_set_free_func (obligations, NULL);
  for (guint i = 0; i < obligations->len; i++)
    {
      GkObligation *obligation = g_ptr_array_index (obligations, i);

      g_ptr_array_add (day_for (days, obligation->due_date)->obligations, obligation);
    }
  g_ptr_array_set_free_func (notices, NULL);
  for (guint i = 0; i < notices->len; i++)
    {
      GkPlannedNotice *notice = g_ptr_array_index (notices, i);

      g_ptr_array_add (day_for (days, notice->planned_date)->notices, notice);
    }

  result = g_ptr_array_new_full (g_hash_table_size (days), (GDestroyNotify) gk_calendar_day_free);
  g_hash_table_iter_init (&iter, days);
  while (g_hash_table_iter_next (&iter, NULL, &day))
    g_ptr_array_add (result, day);
  g_ptr_array_sort (result, compare_days);
  return result;
}

GPtrArray *
gk_obligations_by_day (GkDatabase              *db,
                       const GkObligationQuery *query,
                       GError                 **error)
{
  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  return obligations_by_day (db, query, NULL, error);
}

static GPtrArray *
obligations_attention (GkDatabase    *db,
                       gint64         person_id,
                       const char    *today,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GPtrArray) obligations = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *today_iso = NULL;
  GkObligationQuery query = { 0 };
  GDate day, sunday;

  if (today != NULL)
    {
      if (!gk_date_parse (today, &day, error))
        return NULL;
    }
  else
    {
      clock_date (db, &day);
    }
  sunday = day;
  g_date_add_days (&sunday, G_DATE_SUNDAY - g_date_get_weekday (&day));

  from = g_strdup_printf ("%04d-01-01", g_date_get_year (&day) - 1);
  to = gk_date_to_iso (&sunday);
  today_iso = gk_date_to_iso (&day);
  query.from = from;
  query.to = to;
  query.today = today_iso;
  query.person_id = person_id;

  obligations = list_obligations (db, &query, cancellable, error);
  if (obligations == NULL)
    return NULL;
  for (guint i = 0; i < obligations->len; i++)
    {
      GkObligation *obligation = g_ptr_array_index (obligations, i);

      if (obligation->status == GK_OBLIGATION_DONE || obligation->status == GK_OBLIGATION_WAIVED)
        g_ptr_array_remove_index (obligations, i--);
    }
  return g_steal_pointer (&obligations);
}

GPtrArray *
gk_obligations_attention (GkDatabase  *db,
                          gint64       person_id,
                          const char  *today,
                          GError     **error)
{
  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (person_id > 0, NULL);

  return obligations_attention (db, person_id, today, NULL, error);
}

/* ---- off the main loop ----
 *
 * A job carries what the worker needs, copied on the caller's thread: the
 * file's path, and the query with its today resolved by the caller's
 * database clock (the worker's connection has the real clock). */

typedef enum
{
  JOB_BY_DAY,
  JOB_ATTENTION,
} JobKind;

typedef struct
{
  JobKind            kind;
  char              *path;
  char              *from;
  char              *to;
  char              *today;
  GkObligationQuery  query;  /* its strings are the three above */
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->from);
  g_free (job->to);
  g_free (job->today);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GkDatabase) db = NULL;
  GPtrArray *result = NULL;
  GError *error = NULL;

  db = gk_database_open_full (job->path, NULL, GK_DATABASE_OPEN_READ_ONLY, &error);
  if (db != NULL && job->kind == JOB_BY_DAY)
    result = obligations_by_day (db, &job->query, cancellable, &error);
  else if (db != NULL)
    result = obligations_attention (db, job->query.person_id, job->today, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
}

static void
job_start (GkDatabase              *db,
           JobKind                  kind,
           const GkObligationQuery *query,
           gpointer                 source_tag,
           GCancellable            *cancellable,
           GAsyncReadyCallback      callback,
           gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->path = g_strdup (gk_database_get_path (db));
  job->query = *query;
  job->query.from = job->from = g_strdup (query->from);
  job->query.to = job->to = g_strdup (query->to);
  job->query.today = job->today = query->today != NULL ? g_strdup (query->today) : gk_database_today (db);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

void
gk_obligations_by_day_async (GkDatabase              *db,
                             const GkObligationQuery *query,
                             GCancellable            *cancellable,
                             GAsyncReadyCallback      callback,
                             gpointer                 user_data)
{
  GkObligationQuery defaults = { 0 };

  g_return_if_fail (GK_IS_DATABASE (db));

  job_start (db, JOB_BY_DAY, query != NULL ? query : &defaults, gk_obligations_by_day_async,
             cancellable, callback, user_data);
}

GPtrArray *
gk_obligations_by_day_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gk_obligations_by_day_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
gk_obligations_attention_async (GkDatabase          *db,
                                gint64               person_id,
                                const char          *today,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GkObligationQuery query = { .today = today, .person_id = person_id };

  g_return_if_fail (GK_IS_DATABASE (db));
  g_return_if_fail (person_id > 0);

  job_start (db, JOB_ATTENTION, &query, gk_obligations_attention_async, cancellable, callback, user_data);
}

GPtrArray *
gk_obligations_attention_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gk_obligations_attention_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gint64
gk_obligations_find_item (GkDatabase  *db,
                          gint64       catalog_id,
                          guint        number,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);

  stmt = gk_database_prepare (db, "SELECT id FROM catalog_items WHERE catalog_id = ? AND number = ? AND active", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, catalog_id);
  sqlite3_bind_int (stmt, 2, (int) number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND, _("The catalog has no item %u"), number);
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

typedef struct
{
  gint64      actor_id;
  gint64      item_id;
  const char *rule;
  const char *period;
  const char *date;
  const char *text;     /* the waiver's reason, the event's description */
  gint64      new_id;
} Change;

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* The item's cadence and number, or FALSE with NOT_FOUND. */
static gboolean
read_item (GkDatabase  *db,
           gint64       item_id,
           char       **cadence,
           guint       *number,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, "SELECT cadence, number FROM catalog_items WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("There is no catalog item with id %" PRId64), item_id);
      return FALSE;
    }
  *cadence = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  *number = (guint) sqlite3_column_int (stmt, 1);
  return TRUE;
}

/* Whether PERSON is party office or holds a role in an organization
 * responsible for the item; HEADS_ONLY: the principal there (the
 * secretary of a general branch or branch). */
static gboolean
may_act_for_item (GkDatabase *db,
                  gint64      person_id,
                  gint64      item_id,
                  gboolean    heads_only)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = gk_database_prepare (db,
                              "SELECT 1 FROM roles r JOIN organizations o ON o.id = r.organization_id"
                              " WHERE r.person_id = ?1 AND (r.role = 'party-office'"
                              "   OR (r.organization_id IN (SELECT organization_id FROM item_responsible WHERE item_id = ?2)"
                              "       AND (NOT ?3 OR r.role = 'principal'"
                              "            OR (r.role = 'secretary' AND o.kind IN ('general-branch', 'branch')))))",
                              NULL);
  g_return_val_if_fail (stmt != NULL, FALSE);
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, item_id);
  sqlite3_bind_int (stmt, 3, heads_only);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Whether PERIOD names a period of RULE for the item. */
static gboolean
period_is_valid (GkDatabase *db,
                 gint64      item_id,
                 const Rule *rule,
                 const char *period)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint64 event_id = 0;
  guint index;
  int year;

  switch (rule->kind)
    {
    case RULE_ONCE:
      return g_str_equal (period, "once");
    case RULE_ON_EVENT:
      if (!g_str_has_prefix (period, "event:") ||
          !g_ascii_isdigit (period[strlen ("event:")]) ||
          !g_ascii_string_to_unsigned (period + strlen ("event:"), 10, 1, G_MAXINT64, &event_id, NULL))
        return FALSE;
      stmt = gk_database_prepare (db, "SELECT 1 FROM item_events WHERE id = ? AND item_id = ?", NULL);
      g_return_val_if_fail (stmt != NULL, FALSE);
      sqlite3_bind_int64 (stmt, 1, (gint64) event_id);
      sqlite3_bind_int64 (stmt, 2, item_id);
      return sqlite3_step (stmt) == SQLITE_ROW;
    default:
      return period_parse (rule->kind, period, &year, &index);
    }
}

static gboolean
insert_waiver (GkDatabase *db,
               gpointer    user_data,
               GError    **error)
{
  Change *change = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *cadence = NULL;
  g_autofree char *at = NULL;
  g_autofree char *item_text = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) rules = NULL;
  guint number = 0;
  Rule rule;

  if (!read_item (db, change->item_id, &cadence, &number, error))
    return FALSE;
  if (!may_act_for_item (db, change->actor_id, change->item_id, TRUE))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Only party office or the principal of a unit responsible for item %u may waive its obligations"),
                   number);
      return FALSE;
    }
  rules = g_strsplit (cadence, ";", -1);
  if (!g_strv_contains ((const char * const *) rules, change->rule) || !rule_parse (change->rule, &rule))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Item %u has no rule “%s”; its cadence is %s"), number, change->rule, cadence);
      return FALSE;
    }
  if (!period_is_valid (db, change->item_id, &rule, change->period))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("“%s” is not a period of the rule %s of item %u"), change->period, change->rule, number);
      return FALSE;
    }
  if (is_blank (change->text))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("A waiver needs a reason"));
      return FALSE;
    }

  stmt = gk_database_prepare (db, "SELECT 1 FROM obligation_waivers WHERE item_id = ? AND rule = ? AND period = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change->item_id);
  sqlite3_bind_text (stmt, 2, change->rule, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, change->period, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("The obligation %s@%s of item %u is already waived"), change->rule, change->period, number);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  at = gk_database_timestamp (db);
  stmt = gk_database_prepare (db,
                              "INSERT INTO obligation_waivers (item_id, rule, period, reason, waived_by, at)"
                              " VALUES (?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change->item_id);
  sqlite3_bind_text (stmt, 2, change->rule, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, change->period, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, change->text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, change->actor_id);
  sqlite3_bind_text (stmt, 6, at, -1, SQLITE_STATIC);
  if (!gk_database_step_done (db, stmt, error))
    return FALSE;
  change->new_id = sqlite3_last_insert_rowid (gk_database_get_handle (db));

  item_text = g_strdup_printf ("%u", number);
  json = gk_audit_json ("item", item_text, "rule", change->rule, "period", change->period,
                        "reason", change->text, NULL);
  return gk_audit_append (db, "obligation-waiver", change->new_id, "add", NULL, json, error);
}

gboolean
gk_obligations_waive (GkDatabase  *db,
                      gint64       actor_id,
                      gint64       item_id,
                      const char  *rule,
                      const char  *period,
                      const char  *reason,
                      GError     **error)
{
  Change change = {
    .actor_id = actor_id, .item_id = item_id, .rule = rule, .period = period, .text = reason,
  };

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rule != NULL && period != NULL, FALSE);

  gk_database_set_actor (db, actor_id);
  return gk_database_write (db, insert_waiver, &change, error);
}

static gboolean
insert_event (GkDatabase *db,
              gpointer    user_data,
              GError    **error)
{
  Change *change = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *cadence = NULL;
  g_autofree char *at = NULL;
  g_autofree char *item_text = NULL;
  g_autofree char *json = NULL;
  guint number = 0;
  GDate date;

  if (!read_item (db, change->item_id, &cadence, &number, error))
    return FALSE;
  if (!may_act_for_item (db, change->actor_id, change->item_id, FALSE))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Only party office or a unit responsible for item %u may record its events"), number);
      return FALSE;
    }
  if (strstr (cadence, "on-event:") == NULL)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Item %u is not disclosed on events; its cadence is %s"), number, cadence);
      return FALSE;
    }
  if (!gk_date_parse (change->date, &date, error))
    return FALSE;
  if (is_blank (change->text))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("An event needs a description"));
      return FALSE;
    }

  at = gk_database_timestamp (db);
  stmt = gk_database_prepare (db,
                              "INSERT INTO item_events (item_id, event_date, description, recorded_by, at)"
                              " VALUES (?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change->item_id);
  sqlite3_bind_text (stmt, 2, change->date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, change->text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, change->actor_id);
  sqlite3_bind_text (stmt, 5, at, -1, SQLITE_STATIC);
  if (!gk_database_step_done (db, stmt, error))
    return FALSE;
  change->new_id = sqlite3_last_insert_rowid (gk_database_get_handle (db));

  item_text = g_strdup_printf ("%u", number);
  json = gk_audit_json ("item", item_text, "date", change->date, "description", change->text, NULL);
  return gk_audit_append (db, "item-event", change->new_id, "add", NULL, json, error);
}

gint64
gk_obligations_record_event (GkDatabase  *db,
                             gint64       actor_id,
                             gint64       item_id,
                             const char  *date,
                             const char  *description,
                             GError     **error)
{
  Change change = { .actor_id = actor_id, .item_id = item_id, .date = date, .text = description };

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);
  g_return_val_if_fail (date != NULL, 0);

  gk_database_set_actor (db, actor_id);
  if (!gk_database_write (db, insert_event, &change, error))
    return 0;
  return change.new_id;
}
