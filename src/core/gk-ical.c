#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "core/gk-cadence.h"
#include "core/gk-dates.h"
#include "core/gk-ical.h"
#include "core/gk-notice.h"

/* RFC 5545 §3.1: content lines are at most 75 octets without the CRLF. */
#define MAX_LINE_OCTETS 75

/* Appends NAME:VALUE (VALUE already escaped where it is TEXT), folded
 * between UTF-8 characters, with CRLF. */
static void
append_line (GString    *out,
             const char *name,
             const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);
  gsize octets = 0;

  for (const char *p = line; *p != '\0';)
    {
      const char *next = g_utf8_next_char (p);
      gsize size = (gsize) (next - p);

      if (octets + size > MAX_LINE_OCTETS)
        {
          /* The continuation's leading space counts as one octet. */
          g_string_append (out, "\r\n ");
          octets = 1;
        }
      g_string_append_len (out, p, (gssize) size);
      octets += size;
      p = next;
    }
  g_string_append (out, "\r\n");
}

/* RFC 5545 §3.3.11: TEXT escapes backslash, semicolon, comma and newline. */
static char *
escape_text (const char *text)
{
  GString *escaped = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
        case ';':
        case ',':
          g_string_append_c (escaped, '\\');
          g_string_append_c (escaped, *p);
          break;
        case '\n':
          g_string_append (escaped, "\\n");
          break;
        case '\r':
          break;
        default:
          g_string_append_c (escaped, *p);
        }
    }
  return g_string_free (escaped, FALSE);
}

static void
append_text (GString    *out,
             const char *name,
             const char *text)
{
  g_autofree char *escaped = escape_text (text);

  append_line (out, name, escaped);
}

/* DTSTART and DTEND of an all-day event on DATE (YYYY-MM-DD). */
static void
append_day (GString    *out,
            const char *date_iso)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  GDate date;

  if (!gk_date_parse (date_iso, &date, NULL))
    g_return_if_reached ();
  start = g_strdup_printf ("%04u%02u%02u", g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  g_date_add_days (&date, 1);
  end = g_strdup_printf ("%04u%02u%02u", g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  append_line (out, "DTSTART;VALUE=DATE", start);
  append_line (out, "DTEND;VALUE=DATE", end);
}

static void
append_obligation (GString            *out,
                   const GkObligation *obligation,
                   const char         *stamp)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *uid = g_strdup_printf ("obligation-%" G_GINT64_FORMAT "-%s-%s@gongkai",
                                          obligation->item_id, obligation->rule, obligation->period);
  g_autofree char *summary = g_strdup_printf (_("Item %u: %s (%s)"), obligation->item_number,
                                              obligation->item_content, obligation->period);
  g_autofree char *rule = gk_cadence_describe (obligation->rule);
  g_autofree char *description = NULL;

  g_ptr_array_add (lines, g_strdup_printf (_("Responsible: %s"), obligation->organizations));
  g_ptr_array_add (lines, g_strdup_printf (_("Rule: %s"), rule));
  g_ptr_array_add (lines, g_strdup_printf (_("Status: %s"), gk_obligation_status_describe (obligation->status)));
  g_ptr_array_add (lines, g_strdup_printf (_("Due: %s"), obligation->explanation));
  if (obligation->event_description != NULL)
    g_ptr_array_add (lines, g_strdup_printf (_("Event: %s"), obligation->event_description));
  if (obligation->published_date != NULL)
    g_ptr_array_add (lines, g_strdup_printf (_("Published on %s: %s"), obligation->published_date, obligation->notice_title));
  else if (obligation->planned_date != NULL)
    g_ptr_array_add (lines, g_strdup_printf (_("Planned for %s: %s"), obligation->planned_date, obligation->notice_title));
  if (obligation->waiver_reason != NULL)
    g_ptr_array_add (lines, g_strdup_printf (_("Waived: %s"), obligation->waiver_reason));
  g_ptr_array_add (lines, NULL);
  description = g_strjoinv ("\n", (char **) lines->pdata);

  append_line (out, "BEGIN", "VEVENT");
  append_text (out, "UID", uid);
  append_line (out, "DTSTAMP", stamp);
  append_day (out, obligation->due_date);
  append_text (out, "SUMMARY", summary);
  append_text (out, "DESCRIPTION", description);
  append_line (out, "STATUS", obligation->status == GK_OBLIGATION_WAIVED ? "CANCELLED" : "CONFIRMED");
  append_line (out, "TRANSP", "TRANSPARENT");
  append_line (out, "END", "VEVENT");
}

static void
append_notice (GString               *out,
               const GkPlannedNotice *notice,
               const char            *stamp)
{
  g_autofree char *uid = g_strdup_printf ("notice-%" G_GINT64_FORMAT "@gongkai", notice->id);
  g_autofree char *summary = g_strdup_printf (_("Planned notice: %s"), notice->title);
  /* TRANSLATORS: a planned notice's organization, then its state */
  g_autofree char *description = g_strdup_printf (_("%s, %s"), notice->organization,
                                                  gk_notice_state_describe (notice->state));

  append_line (out, "BEGIN", "VEVENT");
  append_text (out, "UID", uid);
  append_line (out, "DTSTAMP", stamp);
  append_day (out, notice->planned_date);
  append_text (out, "SUMMARY", summary);
  append_text (out, "DESCRIPTION", description);
  append_line (out, "STATUS", "TENTATIVE");
  append_line (out, "TRANSP", "TRANSPARENT");
  append_line (out, "END", "VEVENT");
}

char *
gk_ical_export (GkDatabase              *db,
                const GkObligationQuery *query,
                GError                 **error)
{
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) now_utc = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  obligations = gk_obligations_list (db, query, error);
  if (obligations == NULL)
    return NULL;
  notices = gk_obligations_list_planned (db, query, error);
  if (notices == NULL)
    return NULL;

  clock = gk_database_timestamp (db);
  now = g_date_time_new_from_iso8601 (clock, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  now_utc = g_date_time_to_utc (now);
  stamp = g_date_time_format (now_utc, "%Y%m%dT%H%M%SZ");

  append_line (out, "BEGIN", "VCALENDAR");
  append_line (out, "VERSION", "2.0");
  append_line (out, "PRODID", "-//Gongkai//Gongkai " PACKAGE_VERSION "//EN");
  append_line (out, "CALSCALE", "GREGORIAN");
  append_text (out, "X-WR-CALNAME", _("Disclosure calendar"));
  for (guint i = 0; i < obligations->len; i++)
    append_obligation (out, g_ptr_array_index (obligations, i), stamp);
  for (guint i = 0; i < notices->len; i++)
    append_notice (out, g_ptr_array_index (notices, i), stamp);
  append_line (out, "END", "VCALENDAR");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
