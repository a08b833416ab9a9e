#include <glib/gi18n-lib.h>

#include "core/gk-core-error.h"
#include "core/gk-dates.h"

gboolean
gk_date_parse (const char  *text,
               GDate       *date,
               GError     **error)
{
  guint year = 0, month = 0, day = 0;

  g_date_clear (date, 1);

  if (text != NULL && strlen (text) == 10 && text[4] == '-' && text[7] == '-')
    {
      gboolean digits = TRUE;

      for (guint i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
          digits = FALSE;
      if (digits)
        {
          year = (guint) g_ascii_strtoull (text, NULL, 10);
          month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
          day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
        }
    }

  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31"), text ? text : "");
      return FALSE;
    }
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

char *
gk_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
gk_date_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
gk_date_to_chinese (const GDate *date)
{
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%u年%u月%u日", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}
